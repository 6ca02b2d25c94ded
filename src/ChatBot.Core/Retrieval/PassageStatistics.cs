using System.Globalization;
using ChatBot.Core.Indexing;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// What BM25 needs of every passage beyond the postings, held in memory so scoring a candidate reads arrays instead of
/// rows: its length in analysed tokens and the tokens it holds more than once, with their counts (by hash: most tokens
/// occur once, so this is a few bytes per passage, about 15 MB at 1.3M passages). Read once per index generation.
/// </summary>
internal sealed class PassageStatistics
{
    private readonly ushort[] _lengths;
    private readonly int[] _repeatStart;
    private readonly int[] _repeatHash;
    private readonly byte[] _repeatCount;

    private PassageStatistics(ushort[] lengths, int[] repeatStart, int[] repeatHash, byte[] repeatCount, int count, double average)
    {
        _lengths = lengths;
        _repeatStart = repeatStart;
        _repeatHash = repeatHash;
        _repeatCount = repeatCount;
        Count = count;
        Average = average;
    }

    /// <summary>The largest passage rowid.</summary>
    public long MaxRowId => _lengths.Length - 1;

    /// <summary>Passages in the index.</summary>
    public int Count { get; }

    /// <summary>The average length in tokens.</summary>
    public double Average { get; }

    /// <summary>The hash <see cref="Score"/> compares tokens by.</summary>
    public static int Hash(ReadOnlySpan<char> token) => string.GetHashCode(token, StringComparison.Ordinal);

    public static PassageStatistics Read(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM passages";
        var max = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        var lengths = new ushort[max + 1];
        var starts = new int[max + 2];
        var hashes = new List<int>();
        var counts = new List<byte>();
        command.CommandText = "SELECT rowid, tokens, repeats FROM passages ORDER BY rowid";
        long total = 0;
        var count = 0;
        long previous = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                for (var r = previous + 1; r <= rowid; r++)
                {
                    starts[r] = hashes.Count;
                }

                previous = rowid;
                var tokens = (int)Math.Min(reader.GetInt64(1), ushort.MaxValue);
                lengths[rowid] = (ushort)tokens;
                total += tokens;
                count++;

                if (!reader.IsDBNull(2))
                {
                    AddRepeats(reader.GetString(2), hashes, counts);
                }
            }
        }

        for (var r = previous + 1; r < starts.Length; r++)
        {
            starts[r] = hashes.Count;
        }

        return new PassageStatistics(
            lengths,
            starts,
            [.. hashes],
            [.. counts],
            count,
            count == 0 ? 1 : Math.Max(total / (double)count, 1));
    }

    /// <summary>The length of passage <paramref name="rowid"/> in tokens (the average when unknown).</summary>
    public double Length(long rowid) => rowid >= 0 && rowid < _lengths.Length ? _lengths[rowid] : Average;

    /// <summary>
    /// BM25 of passage <paramref name="rowid"/> for the terms set in <paramref name="termBits"/> (bit i: weight and hash
    /// i): the sum over them, in term order, of weight × <see cref="Norm"/>, to the last bit. The passage's length factor
    /// and its repeated tokens are read once for all its terms rather than once per term, and only the terms it holds
    /// are visited; this runs for every candidate the search scores. With no <paramref name="hashes"/> every term counts
    /// once, the repeated tokens unread: for a passage known to repeat none of them (<see cref="MarkRepeats"/>), the
    /// same score.
    /// </summary>
    public double Score(long rowid, int termBits, ReadOnlySpan<double> weights, ReadOnlySpan<int> hashes, double k1, double b)
    {
        var known = rowid >= 0 && rowid < _lengths.Length;
        // The same operations in the same order as Norm, so the score is the same to the last bit.
        var lengthFactor = k1 * (1 - b + (b * (known ? _lengths[rowid] : Average) / Average));
        var start = 0;
        ReadOnlySpan<int> repeats = default;
        if (known && !hashes.IsEmpty)
        {
            start = _repeatStart[rowid];
            repeats = _repeatHash.AsSpan(start, _repeatStart[rowid + 1] - start);
        }

        var score = 0.0;
        for (var bits = (uint)termBits; bits != 0; bits &= bits - 1)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (i >= weights.Length)
            {
                break;
            }

            var tf = 1;
            if (!repeats.IsEmpty)
            {
                // A vectorised search of the passage's repeated hashes rather than one at a time. With the peers' 5.7
                // repeated tokens a passage on average, 2M random lookups took 62-79 ms against 76-99 ms for the loop
                // (one thread); it loses only below about 3 a passage.
                var at = repeats.IndexOf(hashes[i]);
                if (at >= 0)
                {
                    tf = _repeatCount[start + at];
                }
            }

            score += weights[i] * (tf * (k1 + 1) / (tf + lengthFactor));
        }

        return score;
    }

    /// <summary>
    /// Sets in <paramref name="set"/> the bit of every passage that holds the token of <paramref name="hash"/> more than
    /// once, as <see cref="Score"/> finds it: any passage not marked counts that token once. One pass over the repeated
    /// tokens of every passage (about 4M at 765k passages), run once per frequent term and generation.
    /// </summary>
    public void MarkRepeats(int hash, ulong[] set)
    {
        var all = _repeatHash.AsSpan();
        var rowid = 0;
        for (var at = all.IndexOf(hash); at >= 0;)
        {
            // The passage whose run of repeated tokens holds position at: the runs are in rowid order.
            while (_repeatStart[rowid + 1] <= at)
            {
                rowid++;
            }

            set[rowid >> 6] |= 1UL << (rowid & 63);
            var next = all[(at + 1)..].IndexOf(hash);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    /// <summary>The largest count of any token in passage <paramref name="rowid"/> (1 when none repeats).</summary>
    public int LargestCount(long rowid)
    {
        var most = 1;
        foreach (var count in _repeatCount.AsSpan(_repeatStart[rowid], _repeatStart[rowid + 1] - _repeatStart[rowid]))
        {
            most = Math.Max(most, count);
        }

        return most;
    }

    /// <summary>BM25's term-frequency factor for <paramref name="tf"/> occurrences in passage <paramref name="rowid"/>.</summary>
    public double Norm(long rowid, int tf, double k1, double b) => tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * Length(rowid) / Average))));

    private static void AddRepeats(string encoded, List<int> hashes, List<byte> counts)
    {
        var rest = encoded.AsSpan();
        while (RepeatedTokens.TryReadNext(ref rest, out var token, out var count))
        {
            hashes.Add(Hash(token));
            counts.Add((byte)Math.Min(count, byte.MaxValue));
        }
    }
}
