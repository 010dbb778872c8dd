using VocabBot.Discord;
using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

public sealed class CommandJsonTests
{
    [Fact]
    public void Render_Definitions_MapsOptionsToDiscordCommands()
    {
        var commands = CommandJson.Render(new StandInLearning().Definitions);

        var define = commands[0]!;
        Assert.Equal(("define", 1), ((string)define["name"]!, (int)define["type"]!));
        var word = define["options"]![0]!;
        Assert.Equal((3, "word", true, true, 100), ((int)word["type"]!, (string)word["name"]!, (bool)word["required"]!, (bool)word["autocomplete"]!, (int)word["max_length"]!));
        var period = commands[3]!["options"]![0]!;
        Assert.Equal(["week", "month", "all"], period["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Null(period["autocomplete"]);
        var manager = commands[5]!;
        Assert.Equal("32", (string)manager["default_member_permissions"]!);
        Assert.Equal((4, 0, 23), ((int)manager["options"]![0]!["type"]!, (int)manager["options"]![0]!["min_value"]!, (int)manager["options"]![0]!["max_value"]!));
        Assert.Null(define["default_member_permissions"]);
        Assert.Empty(OpenApiSchemas.Validate("[]ApplicationCommandUpdateRequest", commands.ToJsonString()));
    }

    [Fact]
    public void Render_WotdSetup_IsAChannelPickerForServerManagers()
    {
        var commands = CommandJson.Render([new VocabBot.WordOfTheDay.WotdSetupCommand(null!, null!, [], TestText.For<VocabBot.WordOfTheDay.WotdText>()).Definition]);

        var setup = commands[0]!;
        var channel = setup["options"]![0]!;
        // Optional: /wotd-setup without a channel and time lists the server's schedules.
        Assert.Equal((7, "channel", false), ((int)channel["type"]!, (string)channel["name"]!, (bool)channel["required"]!));
        Assert.Equal([0, 5], channel["channel_types"]!.AsArray().Select(t => (int)t!));
        Assert.Equal("32", (string)setup["default_member_permissions"]!);
        Assert.Empty(OpenApiSchemas.Validate("[]ApplicationCommandUpdateRequest", commands.ToJsonString()));
    }

    [Fact]
    public void Render_Subcommands_AndAFileOption_AreValidCommands()
    {
        var definition = new CommandDefinition("article", "Manage this server's articles", [])
        {
            Subcommands =
            [
                new("add", "Add an article", [new("file", "The Markdown file", CommandOptionType.File, Required: true)]),
                new("remove", "Remove an article", [new("article", "Which one", Required: true, Autocomplete: true)]),
            ],
        };

        var commands = CommandJson.Render([definition]);

        var options = commands[0]!["options"]!.AsArray();
        Assert.Equal([(1, "add"), (1, "remove")], options.Select(o => ((int)o!["type"]!, (string)o["name"]!)));
        Assert.Equal(11, (int)options[0]!["options"]![0]!["type"]!);
        Assert.Empty(OpenApiSchemas.Validate("[]ApplicationCommandUpdateRequest", commands.ToJsonString()));
    }

    [Fact]
    public void Render_LongNamesAndDescriptions_AreCutToDiscordsLimits()
    {
        var definition = new CommandDefinition(new string('X', 40), new string('d', 150), [new("o", "")]);

        var command = CommandJson.Render([definition])[0]!;

        Assert.Equal(32, ((string)command["name"]!).Length);
        Assert.Equal(100, ((string)command["description"]!).Length);
        Assert.Equal("-", (string)command["options"]![0]!["description"]!);
        Assert.Empty(OpenApiSchemas.Validate("[]ApplicationCommandUpdateRequest", CommandJson.Render([definition]).ToJsonString()));
    }
}
