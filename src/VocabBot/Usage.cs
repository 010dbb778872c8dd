namespace VocabBot;

internal static class Usage
{
    public const string Text = """
        Usage:
          dotnet run --project src/VocabBot -- console          chat with the bot in this terminal
          dotnet run --project src/VocabBot -- check [DIR | FILE.md] [--json]
                                                                 validate a folder of study articles, or one
                                                                 (exit 0 ok, 1 errors, 2 bad usage)
          dotnet run --project src/VocabBot -- backup PATH      write a backup of a stopped bot's database to PATH
                                                                 (a file, or a folder for vocabbot-YYYY-MM-DD.db)
          dotnet run --project src/VocabBot -- migrate-store --from LiteDB --to PostgreSQL
                                                                 copy a stopped bot's LiteDB database into the
                                                                 PostgreSQL database of Storage:ConnectionString
          dotnet run --project src/VocabBot [-- run]            run the Discord bot (needs Discord__Token)
          dotnet run --project src/VocabBot -- --help           show this help

        Settings come from appsettings.json, environment variables (Content__Directory=notes) and
        arguments after the command (console --Content:Directory=notes). A bad one stops the app
        with one line naming its key, and exit code 2.
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
