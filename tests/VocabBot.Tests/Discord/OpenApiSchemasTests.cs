namespace VocabBot.Tests.Discord;

public sealed class OpenApiSchemasTests
{
    [Theory]
    [InlineData("ApplicationCommandAutocompleteCallbackRequest", """{"type":8,"data":{"choices":[{"name":"apple","value":"apple"}]}}""")]
    [InlineData("CreateMessageInteractionCallbackRequest", """{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":[]}}}""")]
    [InlineData("[]ApplicationCommandUpdateRequest", """[{"name":"stats","description":"x","default_member_permissions":"32"}]""")]
    public void Validate_ValidBody_HasNoErrors(string schema, string body) =>
        Assert.Empty(OpenApiSchemas.Validate(schema, body));

    [Theory]
    [InlineData("ApplicationCommandAutocompleteCallbackRequest", """{"type":4,"data":{"choices":[]}}""")]
    [InlineData("MessageCreateRequest", """{"embeds":[{"title":"%TITLE%"}]}""")]
    [InlineData("[]ApplicationCommandUpdateRequest", """[{"name":"","description":"x"}]""")]
    public void Validate_InvalidBody_ReportsErrors(string schema, string body) =>
        Assert.NotEmpty(OpenApiSchemas.Validate(schema, body.Replace("%TITLE%", new string('t', 257), StringComparison.Ordinal)));

    [Fact]
    public void VendoredSpec_IsTheSharedSpec()
    {
        var vendored = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "discord", "openapi.json"));
        var shared = OpenApiSchemas.SharedSpec();

        Assert.True(shared is null || vendored.SequenceEqual(File.ReadAllBytes(shared)), "TestData/discord/openapi.json differs from shared/discord/openapi.json");
    }
}
