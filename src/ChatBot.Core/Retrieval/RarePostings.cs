using System.Buffers;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// The rare terms' postings of one search: each term's rowids as FTS5 steps them, then merged into one list of
/// candidates in rowid order, each with the bits of the rare terms it holds. The buffers are pooled: a question reads up
/// to the search's budget of rows (4,000 by default), and the map of them this replaces cost about 110 KB a question,
/// its entries on the large-object heap. Rowid order also suits what comes next: the bit sets and passage statistics
/// are read in memory order instead of hash order.
/// </summary>
/// <remarks>Not thread-safe: one per search. Dispose returns the buffers.</remarks>
internal sealed class RarePostings : IDisposable
{
    private readonly List<(int End, int Bit)> _terms;
    private long[] _rowids;
    private int _count;
    private int _termStart;
    private bool _ascending = true;
    private long[]? _merged;
    private int[]? _bits;

    public RarePostings(int expectedRows, int expectedTerms)
    {
        _rowids = ArrayPool<long>.Shared.Rent(Math.Max(expectedRows, 16));
        _terms = new List<(int, int)>(expectedTerms);
    }

    /// <summary>Adds rowids of the current term.</summary>
    public void Add(ReadOnlySpan<long> rowids)
    {
        if (_count + rowids.Length > _rowids.Length)
        {
            var bigger = ArrayPool<long>.Shared.Rent(Math.Max(_rowids.Length * 2, _count + rowids.Length));
            _rowids.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<long>.Shared.Return(_rowids);
            _rowids = bigger;
        }

        foreach (var rowid in rowids)
        {
            _ascending &= _count == _termStart || rowid > _rowids[_count - 1];
            _rowids[_count++] = rowid;
        }
    }

    /// <summary>Ends the current term's rowids; <paramref name="bit"/> marks the candidates that hold it.</summary>
    public void EndTerm(int bit)
    {
        // FTS5 returns a term's matches in ascending rowid order; the merge relies on it, so any other order is sorted.
        if (!_ascending)
        {
            _rowids.AsSpan(_termStart, _count - _termStart).Sort();
        }

        _terms.Add((_count, bit));
        _termStart = _count;
        _ascending = true;
    }

    /// <summary>Every rowid of the terms ended so far, once, ascending, with the bits of the terms that hold it.</summary>
    public Candidates Merge()
    {
        // One run per term, each with its own bit of an int: 32 at most.
        var runs = _terms.Count;
        Span<int> at = stackalloc int[runs];
        for (var r = 1; r < runs; r++)
        {
            at[r] = _terms[r - 1].End;
        }

        _merged ??= ArrayPool<long>.Shared.Rent(Math.Max(_count, 1));
        _bits ??= ArrayPool<int>.Shared.Rent(Math.Max(_count, 1));
        var n = 0;
        while (true)
        {
            // The smallest rowid at the head of any run, then every run whose head it is advances past it.
            var found = false;
            var min = 0L;
            for (var r = 0; r < runs; r++)
            {
                if (at[r] < _terms[r].End && (!found || _rowids[at[r]] < min))
                {
                    min = _rowids[at[r]];
                    found = true;
                }
            }

            if (!found)
            {
                break;
            }

            var bits = 0;
            for (var r = 0; r < runs; r++)
            {
                if (at[r] < _terms[r].End && _rowids[at[r]] == min)
                {
                    bits |= _terms[r].Bit;
                    at[r]++;
                }
            }

            _merged[n] = min;
            _bits[n] = bits;
            n++;
        }

        return new Candidates(_merged.AsSpan(0, n), _bits.AsSpan(0, n));
    }

    public void Dispose()
    {
        // Each buffer is forgotten as it goes back, so a second Dispose cannot return one another search now holds.
        if (_rowids.Length > 0)
        {
            ArrayPool<long>.Shared.Return(_rowids);
            _rowids = [];
        }

        if (_merged is not null)
        {
            ArrayPool<long>.Shared.Return(_merged);
        }

        if (_bits is not null)
        {
            ArrayPool<int>.Shared.Return(_bits);
        }

        _merged = null;
        _bits = null;
    }

    /// <summary>Candidates in ascending rowid order; <c>TermBits[i]</c> belongs to <c>RowIds[i]</c>.</summary>
    public readonly ref struct Candidates(ReadOnlySpan<long> rowIds, ReadOnlySpan<int> termBits)
    {
        public ReadOnlySpan<long> RowIds { get; } = rowIds;

        public ReadOnlySpan<int> TermBits { get; } = termBits;
    }
}
