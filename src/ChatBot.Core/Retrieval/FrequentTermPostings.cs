using System.Collections.Concurrent;
using ChatBot.Core.Indexing;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// The postings of frequent terms as in-memory bit sets over passage rowids, read from FTS5 the first time a question
/// uses the term and kept for the index generation. FTS5 answers a conjunction of frequent terms by walking their
/// position-carrying doclists (tens of milliseconds at 1.3M passages); a bit set answers membership in one read and a
/// conjunction in a few thousand word operations. Beside each term's set, the set of passages that hold it more than
/// once (from <see cref="PassageStatistics"/>' repeated tokens): in every other passage of the first set its term
/// frequency is 1, so the search scores those from their length alone. Memory is capped: past <see cref="MaxBytes"/>
/// the cache starts over (a term costs 2 × passages / 8 bytes, 320 KB at 1.3M passages).
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class FrequentTermPostings
{
    private readonly ConcurrentDictionary<string, TermSets> _sets = new(StringComparer.Ordinal);
    private readonly PassageStatistics _statistics;
    private readonly int _words;
    private long _bytes;

    public FrequentTermPostings(PassageStatistics statistics, long maxBytes)
    {
        _statistics = statistics;
        _words = (int)((statistics.MaxRowId >> 6) + 1);
        MaxBytes = maxBytes;
    }

    /// <summary>The memory the cache may hold.</summary>
    public long MaxBytes { get; }

    /// <summary>
    /// The bit sets of passages containing <paramref name="term"/> and of those repeating it, read from FTS5 and the
    /// statistics when not yet cached (on <paramref name="connection"/>, inside the caller's read transaction, so it sees
    /// the same snapshot).
    /// </summary>
    public TermSets Get(string term, SqliteConnection connection)
    {
        if (_sets.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var set = new ulong[_words];
        using (var statement = new SqliteStatement(connection, "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1"))
        {
            statement.Bind(1, Fts5Retriever.Quote(term));
            Span<long> batch = stackalloc long[256];
            int read;
            do
            {
                read = statement.StepInt64s(batch);
                foreach (var rowid in batch[..read])
                {
                    if ((ulong)(rowid >> 6) < (ulong)set.Length)
                    {
                        set[rowid >> 6] |= 1UL << (int)(rowid & 63);
                    }
                }
            }
            while (read == batch.Length);
        }

        var repeated = new ulong[_words];
        _statistics.MarkRepeats(PassageStatistics.Hash(term), repeated);
        var sets = new TermSets(set, repeated);
        if (Interlocked.Add(ref _bytes, sets.Bytes) > MaxBytes)
        {
            _sets.Clear();
            Interlocked.Exchange(ref _bytes, sets.Bytes);
        }

        return _sets.GetOrAdd(term, sets);
    }

    public static bool Contains(ulong[] set, long rowid) =>
        (ulong)(rowid >> 6) < (ulong)set.Length && (set[rowid >> 6] & (1UL << (int)(rowid & 63))) != 0;

    /// <summary>One term's bit sets over passage rowids: the passages holding it, and those holding it more than once.</summary>
    public sealed record TermSets(ulong[] Holding, ulong[] Repeating)
    {
        public long Bytes => (Holding.Length + Repeating.Length) * 8L;
    }
}
