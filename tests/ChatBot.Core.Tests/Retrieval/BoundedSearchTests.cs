using System.Text;
using ChatBot.Core.Configuration;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Tests.Indexing;

namespace ChatBot.Core.Tests.Retrieval;

/// <summary>The bounded BM25 path against the exhaustive FTS5 ranking, on a generated corpus with a skewed vocabulary.</summary>
public class BoundedSearchTests
{
    // A Zipf-like vocabulary: word i is drawn with weight 1/(i+1), so a few words are in most passages and many are rare.
    private static readonly string[] Vocabulary = Enumerable.Range(0, 400).Select(Word).ToArray();

    private static string Word(int i)
    {
        var sb = new StringBuilder("w");
        do
        {
            sb.Append((char)('a' + (i % 26)));
            i /= 26;
        }
        while (i > 0);

        return sb.Append('x').ToString();
    }

    private static async Task<IndexFixture> GeneratedAsync(int articles, RetrievalOptions options)
    {
        var f = new IndexFixture(options, aliases: null);
        var random = new Random(7);
        var cumulative = new double[Vocabulary.Length];
        var sum = 0.0;
        for (var i = 0; i < Vocabulary.Length; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        string Draw()
        {
            var x = random.NextDouble() * sum;
            var i = Array.BinarySearch(cumulative, x);
            return Vocabulary[i < 0 ? ~i : i];
        }

        for (var a = 0; a < articles; a++)
        {
            var paragraphs = Enumerable.Range(0, 4).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => Draw())) + ".");
            f.Reader.Put($"a{a:D4}", string.Join("\n\n", paragraphs), $"Outlet {a % 5}");
        }

        await f.UpdateAsync();
        return f;
    }

    // What retrieval holds in memory of a generated 200-article index, read as it reads them.
    private static async Task<PassageStatistics> GeneratedStatisticsAsync()
    {
        using var f = await GeneratedAsync(200, new RetrievalOptions());
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(f.Index.ReadConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        return PassageStatistics.Read(connection, transaction);
    }

    private static IEnumerable<string> Questions()
    {
        var random = new Random(11);
        for (var q = 0; q < 40; q++)
        {
            // Half the questions from the commonest 30 words, half from anywhere.
            var range = q % 2 == 0 ? 30 : Vocabulary.Length;
            yield return string.Join(' ', Enumerable.Range(0, random.Next(2, 6)).Select(_ => Vocabulary[random.Next(range)]));
        }
    }

    [Fact]
    public async Task Ceilings_EveryPassage_NeverBelowItsLargestNormNorItsBlocksBelowIt()
    {
        // The search rules a passage out when its terms' idf times its one-byte ceiling cannot enter the top, and a block
        // of 64 passages when the block's ceiling cannot: neither may be below the norm of the passage's most repeated
        // token.
        var statistics = await GeneratedStatisticsAsync();
        var ceilings = new NormCeilings(statistics, 1.2, 0.75);

        Assert.True(statistics.MaxRowId > 200);
        var repeating = 0;
        for (var rowid = 1L; rowid <= statistics.MaxRowId; rowid++)
        {
            var most = statistics.LargestCount(rowid);
            repeating += most > 1 ? 1 : 0;
            var norm = statistics.Norm(rowid, most, 1.2, 0.75);
            var ceiling = ceilings.Of(rowid);
            Assert.True(ceiling > norm * (1 + 1e-9), $"passage {rowid}: ceiling {ceiling} not above its largest norm {norm}");
            Assert.True(ceilings.OfBlock((int)(rowid / NormCeilings.BlockSize)) >= ceiling, $"passage {rowid}: its block's ceiling is below its own");
            var once = statistics.Norm(rowid, 1, 1.2, 0.75);
            Assert.True(ceilings.OnceOfBlock((int)(rowid / NormCeilings.BlockSize)) > once * (1 + 1e-9), $"passage {rowid}: its block's ceiling for a term counted once is not above its norm {once}");
            Assert.True(ceilings.Largest >= ceiling, $"passage {rowid}: above the largest ceiling");
        }

        Assert.True(repeating > 20, "the generated passages repeat words");
    }

    [Fact]
    public async Task BoundedSearch_SmallBudget_RecallsNineTenthsOfExhaustiveTopTen()
    {
        // 5 candidates × 20 = 100 rows per lookup: far below the common words' postings, so every stage of the bounded
        // path runs (rare terms whole, common terms as refinements, conjunctions of common terms, exact frequencies).
        using var f = await GeneratedAsync(400, new RetrievalOptions { Candidates = 5 });
        var recalled = 0;
        var total = 0;
        foreach (var question in Questions())
        {
            var exhaustive = f.Retriever.ExhaustiveSearch(question, 10, CancellationToken.None);
            var bounded = f.Retriever.BoundedSearch(question, 10, CancellationToken.None).ToHashSet();
            total += exhaustive.Count;
            recalled += exhaustive.Count(bounded.Contains);
        }

        Assert.True(total > 300, $"only {total} exhaustive hits");
        Assert.True(recalled >= 0.9 * total, $"recall@10 {recalled}/{total}");
    }

    [Fact]
    public async Task BoundedSearch_SmallBudget_SameRankingAsScoringEveryCandidate()
    {
        // Every skip of the bounded search (block-max, the length-only part, the ceilings and the closer bound) must
        // leave the ranking as scoring every candidate leaves it, ties and their order included.
        using var f = await GeneratedAsync(400, new RetrievalOptions { Candidates = 5 });
        foreach (var k in new[] { 3, 10, 30 })
        {
            foreach (var question in Questions())
            {
                var pruned = f.Retriever.BoundedSearch(question, k, prune: true, CancellationToken.None);
                var everything = f.Retriever.BoundedSearch(question, k, prune: false, CancellationToken.None);
                Assert.Equal(everything, pruned);
            }
        }
    }

    [Fact]
    public async Task BoundedSearch_LargeBudget_MatchesExhaustiveTopTen()
    {
        // Every posting fits the budget: candidates are complete and scored with exact frequencies, as FTS5 does.
        using var f = await GeneratedAsync(100, new RetrievalOptions());
        foreach (var question in Questions().Take(10))
        {
            var exhaustive = f.Retriever.ExhaustiveSearch(question, 10, CancellationToken.None);
            var bounded = f.Retriever.BoundedSearch(question, 10, CancellationToken.None);
            Assert.True(exhaustive.Intersect(bounded).Count() >= exhaustive.Count - 1, $"{question}: {string.Join(',', exhaustive)} vs {string.Join(',', bounded)}");
        }
    }

    [Fact]
    public async Task MarkRepeats_CommonWords_MarksExactlyThePassagesWhereTheWordCountsMoreThanOnce()
    {
        // The search scores an unmarked passage as if each of its terms occurred once: that must be its true score.
        var statistics = await GeneratedStatisticsAsync();

        var marked = 0;
        foreach (var word in Vocabulary.Take(30))
        {
            var repeating = new ulong[(statistics.MaxRowId >> 6) + 1];
            statistics.MarkRepeats(PassageStatistics.Hash(word), repeating);
            for (var rowid = 1L; rowid <= statistics.MaxRowId; rowid++)
            {
                var counted = statistics.Score(rowid, 1, [1.0], [PassageStatistics.Hash(word)], 1.2, 0.75);
                var once = statistics.Score(rowid, 1, [1.0], [], 1.2, 0.75);
                var isMarked = FrequentTermPostings.Contains(repeating, rowid);
                Assert.True(isMarked == (counted != once), $"{word} in passage {rowid}: marked {isMarked}, scores {counted} and {once}");
                marked += isMarked ? 1 : 0;
            }
        }

        Assert.True(marked > 100, "the commonest words repeat in many passages");
    }

    [Fact]
    public async Task Bound_AnyTermsOfAPassage_NeverBelowItsScore()
    {
        // The search scores a passage that repeats some of a conjunction's terms in full only when this bound could
        // reach the top: it must never be below the score, whichever of them the passage repeats.
        var statistics = await GeneratedStatisticsAsync();
        var ceilings = new NormCeilings(statistics, 1.2, 0.75);
        var random = new Random(5);
        var words = Vocabulary.Take(30).ToArray();
        var hashes = words.Select(w => PassageStatistics.Hash(w)).ToArray();
        var weights = words.Select(_ => 0.5 + (random.NextDouble() * 5)).ToArray();
        var repeating = hashes.Select(h =>
        {
            var set = new ulong[(statistics.MaxRowId >> 6) + 1];
            statistics.MarkRepeats(h, set);
            return set;
        }).ToArray();

        var closer = 0;
        for (var rowid = 1L; rowid <= statistics.MaxRowId; rowid++)
        {
            var termBits = random.Next(1, 1 << 30);
            var repeated = 0.0;
            var once = 0.0;
            var all = 0.0;
            for (var i = 0; i < words.Length; i++)
            {
                if ((termBits & (1 << i)) != 0)
                {
                    all += weights[i];
                    if (FrequentTermPostings.Contains(repeating[i], rowid))
                    {
                        repeated += weights[i];
                    }
                    else
                    {
                        once += weights[i];
                    }
                }
            }

            if (repeated == 0)
            {
                continue;
            }

            var score = statistics.Score(rowid, termBits, weights, hashes, 1.2, 0.75);
            var bound = ceilings.Bound(rowid, repeated, once);
            Assert.True(bound >= score, $"passage {rowid}: bound {bound} below its score {score}");
            closer += bound < all * ceilings.Of(rowid) ? 1 : 0;
        }

        Assert.True(closer > 100, "the bound is closer than the ceiling for most passages");
    }

    [Fact]
    public async Task RetrieveAsync_ManyThreadsAtOnce_SameHitsAsOneAtATime()
    {
        // SQLite runs in multi-thread mode (SqliteRuntime): safe only while no connection is used by two threads at once.
        Assert.True(ChatBot.Core.Indexing.SqliteRuntime.IsMultiThread);
        using var f = await GeneratedAsync(300, new RetrievalOptions { Candidates = 5 });
        var questions = Questions().ToList();
        var alone = new List<IReadOnlyList<string>>();
        foreach (var question in questions)
        {
            alone.Add(await f.SearchAsync(question));
        }

        var together = new IReadOnlyList<string>[questions.Count * 8];
        await Parallel.ForAsync(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            together[i] = await f.SearchAsync(questions[i % questions.Count]));

        for (var i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % questions.Count], together[i]);
        }
    }

    [Fact]
    public async Task BoundedSearch_UnknownWords_ReturnsNothing()
    {
        using var f = await GeneratedAsync(20, new RetrievalOptions());
        Assert.Empty(f.Retriever.BoundedSearch("zzzz qqqq", 10, CancellationToken.None));
    }
}
