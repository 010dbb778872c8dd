using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Library;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;

namespace VocabBot.Benchmarks;

/// <summary>
/// /review, /quiz, /stats and an answer click for one member with N words in review memory and N answers, over the
/// 40,000-word corpus, for growing N, LiteDB and PostgreSQL side by side: none of them should grow with N.
/// </summary>
public static class LearnerBenchmark
{
    private const string Guild = "100000000000000001";
    private const string Learner = "200000000000000001";

    /// <param name="postgres">A connection string to a PostgreSQL server whose user may create databases; null: LiteDB only.</param>
    public static void Run(IReadOnlyList<int> sizes, int calls, string? postgres)
    {
        using var corpus = new ImportedCorpus();
        var pools = new QuizPools(corpus.Vocabulary, NullLogger<QuizPools>.Instance);
        var keys = pools.Current.Words.Select(w => w.Key).ToList();
        System.Console.WriteLine($"one member; a pool of {keys.Count:N0} words; {calls} calls per row after 200 untimed; latencies in ms");
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("vocabbot-learner-").FullName;
            try
            {
                using var database = new VocabDatabase(Path.Combine(folder, "vocabbot.db"));
                var stores = new Stores(new LiteDbQuizStore(database), new LiteDbReviewStore(database), new LiteDbScoreStore(database), new LiteDbTransactions(database), new LiteDbLibraryStore(database));
                Measure("LiteDB", corpus.Vocabulary, pools, stores, keys, size, calls, (memory, answers) =>
                {
                    foreach (var chunk in memory.Chunk(10_000))
                        database.Collection<MemoryState>("memory").InsertBulk(chunk);
                    foreach (var chunk in answers.Chunk(10_000))
                        database.Collection<AnswerRecord>("answers").InsertBulk(chunk);
                });
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            if (postgres is not null)
                MeasurePostgres(postgres, corpus.Vocabulary, pools, keys, size, calls);
        }
    }

    private static void MeasurePostgres(string server, Vocabulary vocabulary, QuizPools pools, List<string> keys, int size, int calls)
    {
        var migrations = PostgresQuizStore.Migrations.Concat(PostgresReviewStore.Migrations).Concat(PostgresScoreStore.Migrations).Concat(PostgresLibraryStore.Migrations);
        BenchmarkPostgres.With(server, $"vocabbot_learner_{size}", migrations, database =>
        {
            var stores = new Stores(new PostgresQuizStore(database), new PostgresReviewStore(database), new PostgresScoreStore(database), new PostgresTransactions(database), new PostgresLibraryStore(database));
            Measure("PostgreSQL", vocabulary, pools, stores, keys, size, calls, (memory, answers) =>
            {
                using var connection = database.Open();
                using (var import = connection.BeginBinaryImport("COPY review_memory (user_id, word_key, stability, difficulty, last_review, due, reviews, lapses, last_correct) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var s in memory)
                        import.WriteRow(s.UserId, s.WordKey, s.Stability, s.Difficulty, s.LastReview.ToUniversalTime(), s.Due.ToUniversalTime(), s.Reviews, s.Lapses, s.LastCorrect);
                    import.Complete();
                }

                using (var import = connection.BeginBinaryImport("COPY answers (guild_id, user_id, user_name, word_key, correct, points, at) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var a in answers)
                        import.WriteRow(a.GuildId, a.UserId, a.UserName, a.WordKey, a.Correct, a.Points, a.At.ToUniversalTime());
                    import.Complete();
                }

                // As autovacuum leaves a table that has settled: statistics and the visibility map for index-only counts.
                using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
                vacuum.ExecuteNonQuery();
            });
        });
    }

    private sealed record Stores(IQuizStore Quizzes, IReviewStore Memory, IScoreStore Scores, IStoreTransactions Transactions, ILibraryStore Library);

    private static void Measure(string storeName, Vocabulary vocabulary, QuizPools pools, Stores stores, List<string> keys, int size, int calls,
        Action<IEnumerable<MemoryState>, IEnumerable<AnswerRecord>> write)
    {
        var options = Options.Create(new LearningOptions());
        var random = new Random(size);
        var now = DateTimeOffset.UtcNow;
        var started = Stopwatch.StartNew();
        // The member's words: a third due now, the rest due within 60 days; three in ten answered wrong last time.
        write(keys.Take(size).Select((key, i) =>
        {
            var due = now.AddMinutes(random.Next(-30 * 24 * 60, 60 * 24 * 60));
            return new MemoryState
            {
                Id = MemoryState.IdFor(Learner, key),
                UserId = Learner,
                WordKey = key,
                Stability = 3,
                Difficulty = 5,
                LastReview = due.AddDays(-3),
                Due = due,
                Reviews = 1 + i % 4,
                Lapses = i % 3,
                LastCorrect = random.Next(10) >= 3,
            };
        }), Enumerable.Range(0, size).Select(i => new AnswerRecord
        {
            GuildId = Guild,
            UserId = Learner,
            UserName = "Learner",
            WordKey = keys[i % keys.Count],
            Correct = i % 4 > 0,
            Points = i % 4 > 0 ? 10 : 0,
            At = now.AddDays(-365).AddTicks(TimeSpan.FromDays(365).Ticks / size * i),
        }));
        var board = new Scoreboard(stores.Scores, options);
        board.RebuildTotalsIfMissing();
        System.Console.WriteLine($"{storeName}, {size:N0} words in memory and {size:N0} answers: written in {started.Elapsed.TotalSeconds:F1} s");

        var libraries = new ServerLibraries(stores.Library, new ShippedWords(vocabulary, new HeadwordIndex(vocabulary), pools), Options.Create(new LibraryOptions()));
        var quiz = new QuizCommands(libraries, new QuizBuilder(random, Texts.Learning), new CorrectionQuestions(random, Texts.Learning), new WordPicker(stores.Memory, random), stores.Quizzes,
            new ReviewMemory(stores.Memory), board, stores.Transactions, TimeProvider.System, options, Texts.Learning, Texts.Chat);
        var scores = new ScoreCommands(board, stores.Memory, TimeProvider.System, Texts.Learning, Texts.Chat);
        var stats = Request("stats");
        var first = Stopwatch.StartNew();
        scores.Stats(stats);
        System.Console.WriteLine($"    {"first /stats",-18} {first.Elapsed.TotalMilliseconds,7:F1} (the first call for the member after a start)");

        Report("/review", calls, () => quiz.Start(Request("review"), QuizMode.Review));
        Report("/quiz", calls, () => quiz.Start(Request("quiz"), QuizMode.Quiz));
        Report("/stats", calls, () => scores.Stats(stats));
        ReportAnswer(quiz, stores.Quizzes, calls);
    }

    private static ChatRequest Request(string command) => new(Learner, "Learner", Guild, command, new Dictionary<string, string>());

    private static void Report(string name, int calls, Action call)
    {
        Time(200, () => { }, call);
        Print(name, Time(calls, () => { }, call));
    }

    /// <summary>An answer click: a new quiz is started untimed before each one.</summary>
    private static void ReportAnswer(QuizCommands quiz, IQuizStore quizzes, int calls)
    {
        ButtonClick? click = null;
        void Prepare()
        {
            var reply = quiz.Start(Request("quiz"), QuizMode.Quiz);
            var id = reply.ButtonList[0].Id;
            var answer = quizzes.Find(id.Arg(0))!.Questions[0].Answer;
            click = new ButtonClick(Learner, "Learner", Guild, reply.ButtonList[answer].Id);
        }

        Time(200, Prepare, () => quiz.Click(click!));
        Print("answer click", Time(calls, Prepare, () => quiz.Click(click!)));
    }

    private static double[] Time(int calls, Action prepare, Action call)
    {
        var latencies = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            prepare();
            var start = Stopwatch.GetTimestamp();
            call();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(latencies);
        return latencies;
    }

    private static void Print(string name, double[] latencies) =>
        System.Console.WriteLine($"    {name,-18} p50 {Percentile.Of(latencies, 0.50),7:F3}  p99 {Percentile.Of(latencies, 0.99),7:F3}  max {latencies[^1],8:F3}");
}
