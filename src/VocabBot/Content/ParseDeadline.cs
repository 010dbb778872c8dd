using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;

namespace VocabBot.Content;

/// <summary>
/// The time one parse may take. Markdig takes no cancellation token, and some inputs make it slow: 1 MB
/// of "[a](" took 12 minutes. So the pipeline gets two parsers that match nothing and only check the
/// deadline: Markdig asks them on every line and at every run of text, and the parse stops with
/// <see cref="ParseTimeoutException"/> at the first one after the deadline or a cancellation.
/// </summary>
internal sealed class ParseDeadline(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
{
    private const string Key = nameof(ParseDeadline);
    private readonly long _start = time.GetTimestamp();

    public bool HasPassed => cancellationToken.IsCancellationRequested || time.GetElapsedTime(_start) > timeout;

    /// <summary>The context to parse with, which carries this deadline to the checking parsers.</summary>
    public MarkdownParserContext Context()
    {
        var context = new MarkdownParserContext();
        context.Properties[Key] = this;
        return context;
    }

    /// <summary>Adds the checking parsers first, so they run before the parsers that do the work.</summary>
    public static MarkdownPipelineBuilder Checked(MarkdownPipelineBuilder builder)
    {
        builder.BlockParsers.Insert(0, new BlockCheck());
        builder.InlineParsers.Insert(0, new InlineCheck());
        return builder;
    }

    private static void ThrowIfPassed(MarkdownParserContext? context)
    {
        if (context is not null && context.Properties.TryGetValue(Key, out var value) && value is ParseDeadline { HasPassed: true })
            throw new ParseTimeoutException();
    }

    private sealed class BlockCheck : BlockParser
    {
        public override BlockState TryOpen(BlockProcessor processor)
        {
            ThrowIfPassed(processor.Context);
            return BlockState.None;
        }
    }

    private sealed class InlineCheck : InlineParser
    {
        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            ThrowIfPassed(processor.Context);
            return false;
        }
    }
}

/// <summary>A parse went past its <see cref="ParseDeadline"/>.</summary>
internal sealed class ParseTimeoutException : Exception
{
    public ParseTimeoutException()
        : base("the parse went past its deadline")
    {
    }

    public ParseTimeoutException(string message)
        : base(message)
    {
    }

    public ParseTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
