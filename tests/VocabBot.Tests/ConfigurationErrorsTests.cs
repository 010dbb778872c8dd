using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VocabBot.Tests;

public sealed class ConfigurationErrorsTests
{
    private static List<string> Find(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.Section).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return ConfigurationErrors.Find(ConfigurationErrors.BoundOptions(services), provider);
    }

    [Fact]
    public void ValuesInListsDictionariesAndNestedClasses_AreEachNamedByTheirKey()
    {
        var failures = Find(("Sample:Delays:0", "00:00:01"), ("Sample:Delays:1", "later"), ("Sample:Limits:a", "many"),
            ("Sample:Inner:Mode", "Sideways"), ("Sample:Inner:Maybe", "1.5"));

        Assert.Equal(
            [
                "Sample:Delays:1: 'later' is not a duration like 00:00:30 (hh:mm:ss)",
                "Sample:Inner:Maybe: '1.5' is not a whole number",
                "Sample:Inner:Mode: 'Sideways' is not one of Up, Down",
                "Sample:Limits:a: 'many' is not a whole number",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ConvertibleValues_AreValidated_OneLinePerKey()
    {
        var failures = Find(("Sample:Count", "99"), ("Sample:Name", ""));

        Assert.Equal(
            [
                "Sample:Count: The field Count must be between 1 and 10 (got '99')",
                "Sample:Name: The Name field is required",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GoodValues_GiveNoFailures() =>
        Assert.Empty(Find(("Sample:Count", "3"), ("Sample:Delays:0", "00:00:01"), ("Sample:Inner:Mode", "down")));

    private sealed class SampleOptions
    {
        public const string Section = "Sample";

        [Required]
        public string Name { get; set; } = "sample";

        [Range(1, 10)]
        public int Count { get; set; } = 1;

        public List<TimeSpan> Delays { get; set; } = [];

        public Dictionary<string, int> Limits { get; set; } = [];

        public InnerOptions Inner { get; set; } = new();
    }

    private sealed class InnerOptions
    {
        public Direction Mode { get; set; }

        public int? Maybe { get; set; }
    }

    private enum Direction
    {
        Up,
        Down,
    }
}
