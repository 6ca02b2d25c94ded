namespace ChatBot.Core.Retrieval;

/// <summary>
/// Upper bounds of BM25's term-frequency factor (<see cref="PassageStatistics.Norm"/>) for any term of a passage, at its
/// own length and its most repeated token, in one byte a passage; and per block of 64 passages (the passages of one
/// bit-set word) the largest of them and the largest for a term counted once. A passage's BM25 for terms of total idf W
/// is at most W times its ceiling, so the search rules out a passage, or a whole block, that could not enter the top
/// from these bytes alone, without reading lengths and repeated tokens. Built with the statistics, once per index
/// generation: about 0.8 MB at 765k passages.
/// </summary>
internal sealed class NormCeilings
{
    /// <summary>Passages per block: one 64-bit word of <see cref="FrequentTermPostings"/>' bit sets.</summary>
    public const int BlockSize = 64;

    private readonly PassageStatistics _statistics;
    private readonly double _k1;
    private readonly double _b;
    private readonly double _step;
    private readonly byte[] _passages;
    private readonly byte[] _blocks;
    private readonly byte[] _onceBlocks;

    /// <summary>The ceilings of every passage of <paramref name="statistics"/>, for BM25 with <paramref name="k1"/> and <paramref name="b"/>.</summary>
    public NormCeilings(PassageStatistics statistics, double k1, double b)
    {
        _statistics = statistics;
        _k1 = k1;
        _b = b;
        // A fixed scale: the factor tends to k1 + 1 as the frequency grows and never exceeds it, so 254 steps of
        // (k1 + 1) / 254 cover every passage.
        _step = (k1 + 1) / 254;
        var count = statistics.MaxRowId + 1;
        _passages = new byte[count];
        _blocks = new byte[(count + BlockSize - 1) / BlockSize];
        _onceBlocks = new byte[_blocks.Length];
        byte largest = 0;
        for (var rowid = 0L; rowid < count; rowid++)
        {
            // No tokens: a rowid with no passage (a gap left by a removed article), which no posting names.
            if (statistics.Length(rowid) == 0)
            {
                continue;
            }

            var code = Code(statistics.Norm(rowid, statistics.LargestCount(rowid), k1, b));
            _passages[rowid] = code;
            _blocks[rowid / BlockSize] = Math.Max(_blocks[rowid / BlockSize], code);
            _onceBlocks[rowid / BlockSize] = Math.Max(_onceBlocks[rowid / BlockSize], Code(statistics.Norm(rowid, 1, k1, b)));
            largest = Math.Max(largest, code);
        }

        Largest = largest * _step;
    }

    /// <summary>At least every passage's ceiling: no passage with any terms of total idf W scores above W times this.</summary>
    public double Largest { get; }

    /// <summary>At least <see cref="PassageStatistics.Norm"/> of any term in passage <paramref name="rowid"/> (unknown passages: no bound).</summary>
    public double Of(long rowid) => (ulong)rowid < (ulong)_passages.Length ? _passages[rowid] * _step : double.PositiveInfinity;

    /// <summary>At least <see cref="Of"/> of every passage in block <paramref name="block"/> (rowids 64 × block to 64 × block + 63).</summary>
    public double OfBlock(int block) => (uint)block < (uint)_blocks.Length ? _blocks[block] * _step : double.PositiveInfinity;

    /// <summary>
    /// At least the factor of a term counted once in any passage of block <paramref name="block"/> (the block's shortest
    /// passage's): the bound of the passages that repeat none of a question's terms, most of them.
    /// </summary>
    public double OnceOfBlock(int block) => (uint)block < (uint)_onceBlocks.Length ? _onceBlocks[block] * _step : double.PositiveInfinity;

    /// <summary>
    /// At least the BM25 of passage <paramref name="rowid"/> for terms of total idf <paramref name="repeated"/> that it
    /// may hold more than once and <paramref name="once"/> that it holds at most once: the first at its ceiling, the
    /// others at its length alone (a term counted once), closer than all of them at the ceiling. Some term must be of
    /// the first kind (<paramref name="repeated"/> above 0): the ceiling's margin then covers the rounding of the sums,
    /// which a passage repeating none of them, its score its exact length-only sum, would not have.
    /// </summary>
    public double Bound(long rowid, double repeated, double once) =>
        (repeated * Of(rowid)) + (once * _statistics.Norm(rowid, 1, _k1, _b));

    // Rounded up, plus one step for the rounding of the division: the code's value is never below the factor.
    private byte Code(double norm) => (byte)Math.Min(255, Math.Ceiling(norm / _step) + 1);
}
