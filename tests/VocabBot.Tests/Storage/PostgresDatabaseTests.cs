using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.Tests.Storage;

/// <summary>The app's pool to PostgreSQL: statements it repeats are prepared, unless the connection string says not to.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServer server)
{
    [SkippableTheory]
    [InlineData(null, true)]
    [InlineData("Max Auto Prepare=0", false)]
    public async Task AStatementRunAgain_IsPreparedOnItsConnection_UnlessTheConnectionStringSaysOtherwise(string? setting, bool prepared)
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var connectionString = await server.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(setting is null ? connectionString : $"{connectionString};{setting}");
        using var connection = database.Open();

        for (var i = 0; i < 3; i++)
            Assert.Equal(i, Scalar(connection, "SELECT $1::int", i));

        Assert.Equal(prepared, (long)Scalar(connection, "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int%'") > 0);
    }

    private static object Scalar(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = PostgresDatabase.Command(connection, sql, parameters);
        return command.ExecuteScalar()!;
    }
}
