namespace VocabBot;

internal static class Usage
{
    public const string Text = """
        Usage:
          dotnet run --project src/VocabBot -- console          chat with the bot in this terminal
          dotnet run --project src/VocabBot -- check [DIR] [--json]
                                                                 validate study articles
          dotnet run --project src/VocabBot                     run the Discord bot (needs Discord__Token)
        """;

    /// <summary>Prints the usage asked for with --help; returns the success exit code.</summary>
    public static int Help(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Text);
        return 0;
    }

    /// <summary>Prints what went wrong and how to use the program; returns the bad-usage exit code.</summary>
    public static int Print(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine(Text);
        return 2;
    }
}
