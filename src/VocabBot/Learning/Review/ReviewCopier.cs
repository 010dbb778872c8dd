using System.Globalization;
using VocabBot.Storage;

namespace VocabBot.Learning.Review;

/// <summary>migrate-store's part for review memory: each member's memory of each word, upserted by (member, word).</summary>
internal sealed class ReviewCopier(LiteDbReviewStore from, PostgresReviewStore to) : IStoreCopier
{
    public string Feature => "review memory";

    public Task<IReadOnlyList<string>> CopyAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var state in from.All())
        {
            cancellationToken.ThrowIfCancellationRequested();
            to.Save(state);
            count++;
        }

        IReadOnlyList<string> copied = [string.Create(CultureInfo.InvariantCulture, $"{count:N0} remembered words")];
        return Task.FromResult(copied);
    }
}
