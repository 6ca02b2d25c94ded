using System.Buffers;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// An approximation of FTS5's BM25 top-k over an OR of a question's terms that never lets FTS5 score every matching
/// passage. MaxScore reasoning over the vocabulary's document frequencies:
/// <list type="number">
/// <item>the rarest terms' postings, while their total stays within a budget, are read whole (presence only);</item>
/// <item>each commoner term is then looked up only among those candidates, in its bit set
/// (<see cref="FrequentTermPostings"/>);</item>
/// <item>passages with none of the rare terms are reached through conjunctions of the common terms' bit sets, the
/// strongest first, and only while such a conjunction's best possible score could still enter the top k;</item>
/// <item>a candidate that could still enter the top k (its terms' idf times its one-byte norm ceiling,
/// <see cref="NormCeilings"/>, beats the worst of a full top) is scored in C# with FTS5's own BM25 (k1 1.2, b 0.75, the
/// same idf), from the passage lengths and repeated tokens held in memory (<see cref="PassageStatistics"/>); one that
/// could not, and in step 3 a whole block of 64 such passages, is passed over unread, which leaves the top k as
/// scoring it would.</item>
/// </list>
/// Work is bounded: at most <see cref="Budget"/> rows read from FTS5 for the rare terms, at most a handful of common
/// terms (each a bit set, read once per index generation), at most 2^terms conjunctions.
/// </summary>
internal sealed class BoundedBm25Search
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    /// <summary>Common terms scored from bit sets at most: the conjunctions of them number 2^this.</summary>
    public const int MaxCommonTerms = 12;

    /// <summary>Question terms considered at most (one bit each in <see cref="ScoredPassage.TermBits"/>).</summary>
    public const int MaxTerms = 30;

    private readonly int _maxCommonTerms;

    private readonly SqliteConnection _connection;
    private readonly PassageStatistics _statistics;
    private readonly NormCeilings _ceilings;
    private readonly FrequentTermPostings _postings;

    public BoundedBm25Search(SqliteConnection connection, PassageStatistics statistics, NormCeilings ceilings, FrequentTermPostings postings, int budget, int maxCommonTerms)
    {
        _postings = postings;
        _maxCommonTerms = Math.Clamp(maxCommonTerms, 1, MaxCommonTerms);
        _connection = connection;
        _statistics = statistics;
        _ceilings = ceilings;
        Budget = budget;
    }

    /// <summary>Rows read whole per lookup at most.</summary>
    public int Budget { get; }

    /// <summary>
    /// Whether what cannot enter the top is passed over (the default). Off, every candidate is scored: the same result,
    /// slower, which is what the tests hold the pruned search to.
    /// </summary>
    public bool Prune { get; init; } = true;

    /// <summary>The FTS5 expressions run, for the result's trace.</summary>
    public List<string> Queries { get; } = [];

    /// <summary>FTS5's idf for a term in <paramref name="df"/> of <paramref name="n"/> passages.</summary>
    public static double Idf(long df, long n)
    {
        var idf = Math.Log((n - df + 0.5) / (df + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    /// <summary>
    /// Scores candidates for <paramref name="terms"/> (each with its document frequency); returns them best first with
    /// the bit set of the terms each contains (bit i = terms[i]).
    /// </summary>
    public IReadOnlyList<ScoredPassage> Search(IReadOnlyList<(string Term, long Df)> terms, int k, CancellationToken cancellationToken)
    {
        var n = Math.Max(_statistics.Count, 1);
        var weights = terms.Select(t => Idf(t.Df, n)).ToArray();
        var hashes = terms.Select(t => PassageStatistics.Hash(t.Term)).ToArray();
        var order = Enumerable.Range(0, terms.Count).OrderBy(i => terms[i].Df).ToArray();
        // 1. The rare terms: postings read whole while they fit the budget.
        var rare = new List<int>();
        long total = 0;
        foreach (var i in order)
        {
            if (total + terms[i].Df > Budget)
            {
                break;
            }

            total += terms[i].Df;
            rare.Add(i);
        }

        // The rare terms' postings go through pooled buffers and are merged in rowid order (RarePostings): a
        // Dictionary<long, int> sized for the budget cost about 110 KB a question, its entries on the large-object heap.
        var postings = new RarePostings((int)total, rare.Count);
        try
        {
            using (var statement = new Indexing.SqliteStatement(_connection, "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1 LIMIT ?2"))
            {
                // One statement for every rare term, rebound: saves FTS5 preparing the same query again per term.
                statement.Bind(2, Budget);
                Span<long> batch = stackalloc long[256];
                foreach (var i in rare)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var expression = Fts5Retriever.Quote(terms[i].Term);
                    Queries.Add(expression);
                    statement.Bind(1, expression);
                    int read;
                    do
                    {
                        read = statement.StepInt64s(batch);
                        postings.Add(batch[..read]);
                    }
                    while (read == batch.Length);

                    postings.EndTerm(1 << i);
                }
            }

            var common = order.Where(i => !rare.Contains(i) && weights[i] > 1e-3).Take(_maxCommonTerms).ToList();
            var sets = common.Select(i => _postings.Get(terms[i].Term, _connection)).ToArray();

            // One bit per passage (160 KB at 1.3M passages): pooled, so a question does not allocate on the large-object heap.
            var visitedLength = Math.Max(sets.Length == 0 ? 0 : sets[0].Holding.Length, (int)((_statistics.MaxRowId >> 6) + 1));
            var rented = ArrayPool<ulong>.Shared.Rent(visitedLength);
            try
            {
                return Collect(postings.Merge(), common, sets, weights, hashes, rented.AsSpan(0, visitedLength), k, cancellationToken);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
        finally
        {
            postings.Dispose();
        }
    }

    // Steps 2 and 3 over the rare candidates (in rowid order, with their rare terms' bits) and the common terms' bit sets.
    // MaxScore throughout: once the top is full, what cannot beat the worst of it (the threshold) is not scored, and the
    // result is the same, as it could not enter. A passage scores at most its terms' idf times its norm ceiling
    // (NormCeilings), so most candidates are ruled out from one byte, without reading their lengths and repeated tokens.
    private List<ScoredPassage> Collect(RarePostings.Candidates candidates, List<int> common, FrequentTermPostings.TermSets[] sets, double[] weights, int[] hashes, Span<ulong> visited, int k, CancellationToken cancellationToken)
    {
        visited.Clear();
        var top = new PriorityQueue<ScoredPassage, ScoredPassage>(k + 1, WorstFirst.Instance);
        var threshold = double.NegativeInfinity;
        CollectRareCandidates(candidates, common, sets, weights, hashes, visited, top, ref threshold, k);
        CollectConjunctions(common, sets, weights, hashes, visited, top, ref threshold, k, cancellationToken);

        var result = new List<ScoredPassage>(top.Count);
        while (top.Count > 0)
        {
            result.Add(top.Dequeue());
        }

        result.Reverse();
        return result;
    }

    // 2. Each common term, only among the rare terms' passages: one bit-set read per candidate and term.
    private void CollectRareCandidates(RarePostings.Candidates candidates, List<int> common, FrequentTermPostings.TermSets[] sets, double[] weights, int[] hashes, Span<ulong> visited, PriorityQueue<ScoredPassage, ScoredPassage> top, ref double threshold, int k)
    {
        var rowids = candidates.RowIds;
        var rareBits = candidates.TermBits;
        for (var c = 0; c < rowids.Length; c++)
        {
            var rowid = rowids[c];
            var all = rareBits[c];
            for (var j = 0; j < common.Count; j++)
            {
                if (FrequentTermPostings.Contains(sets[j].Holding, rowid))
                {
                    all |= 1 << common[j];
                }
            }

            if ((ulong)(rowid >> 6) < (ulong)visited.Length)
            {
                visited[(int)(rowid >> 6)] |= 1UL << (int)(rowid & 63);
            }

            if (Weight(all, weights) * _ceilings.Of(rowid) < threshold)
            {
                continue;
            }

            threshold = Bar(Offer(top, rowid, _statistics.Score(rowid, all, weights, hashes, K1, B), all, k));
        }
    }

    // 3. Passages without a rare term: conjunctions of common terms, heaviest first, while one could still enter the
    // top k. A conjunction's supersets are heavier, so they came first: a passage it reaches holds exactly its terms
    // (what a heavier one passed over unvisited, it passes over too, its weight lower and the threshold no lower).
    private void CollectConjunctions(List<int> common, FrequentTermPostings.TermSets[] sets, double[] weights, int[] hashes, Span<ulong> visited, PriorityQueue<ScoredPassage, ScoredPassage> top, ref double threshold, int k, CancellationToken cancellationToken)
    {
        var subsets = new List<(int Mask, int TermBits, double Weight)>();
        for (var mask = 1; mask < 1 << common.Count; mask++)
        {
            var termBits = 0;
            for (var j = 0; j < common.Count; j++)
            {
                if ((mask & (1 << j)) != 0)
                {
                    termBits |= 1 << common[j];
                }
            }

            subsets.Add((mask, termBits, Weight(termBits, weights)));
        }

        var words = sets.Length == 0 ? 0 : sets[0].Holding.Length;
        Span<int> members = stackalloc int[MaxCommonTerms];
        Span<double> memberWeights = stackalloc double[MaxCommonTerms];
        Span<ulong> repeatingWords = stackalloc ulong[MaxCommonTerms];
        foreach (var (mask, termBits, weight) in subsets.OrderByDescending(s => s.Weight))
        {
            if (weight * _ceilings.Largest < threshold)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var size = 0;
            for (var j = 0; j < common.Count; j++)
            {
                if ((mask & (1 << j)) != 0)
                {
                    memberWeights[size] = weights[common[j]];
                    members[size++] = j;
                }
            }

            for (var w = 0; w < words; w++)
            {
                // Block-max (as Lucene's impacts): a word whose 64 passages' largest ceiling cannot reach the threshold
                // is skipped whole, its bit sets not even read. Its passages are left unvisited: a lighter conjunction
                // later skips the word too, as the threshold only rises.
                if (weight * _ceilings.OfBlock(w) < threshold)
                {
                    continue;
                }

                var word = ~visited[w];
                var repeating = 0UL;
                for (var m = 0; m < size && word != 0; m++)
                {
                    word &= sets[members[m]].Holding[w];
                    repeatingWords[m] = sets[members[m]].Repeating[w];
                    repeating |= repeatingWords[m];
                }

                visited[w] |= word;

                // Passages repeating none of the conjunction's terms, most of them: each term counts once, so the exact
                // score needs the passage's length alone, and the block's shortest passage bounds them all.
                var once = weight * _ceilings.OnceOfBlock(w) < threshold ? 0 : word & ~repeating;
                for (; once != 0; once &= once - 1)
                {
                    var rowid = ((long)w << 6) + System.Numerics.BitOperations.TrailingZeroCount(once);
                    var score = _statistics.Score(rowid, termBits, weights, [], K1, B);
                    if (score >= threshold)
                    {
                        threshold = Bar(Offer(top, rowid, score, termBits, k));
                    }
                }

                // The others against their ceiling (the norm at their most repeated token), then against a closer bound
                // (only the terms they repeat at that ceiling, the rest once), and only then scored in full.
                for (var more = word & repeating; more != 0; more &= more - 1)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(more);
                    var rowid = ((long)w << 6) + bit;
                    if (weight * _ceilings.Of(rowid) < threshold)
                    {
                        continue;
                    }

                    var repeated = 0.0;
                    var single = 0.0;
                    for (var m = 0; m < size; m++)
                    {
                        if (((repeatingWords[m] >> bit) & 1) != 0)
                        {
                            repeated += memberWeights[m];
                        }
                        else
                        {
                            single += memberWeights[m];
                        }
                    }

                    if (_ceilings.Bound(rowid, repeated, single) >= threshold)
                    {
                        threshold = Bar(Offer(top, rowid, _statistics.Score(rowid, termBits, weights, hashes, K1, B), termBits, k));
                    }
                }
            }
        }
    }

    // The score a passage must reach from now on, given the worst of a full top: none when not pruning.
    private double Bar(double worst) => Prune ? worst : double.NegativeInfinity;

    // The sum of the weights of the terms in termBits.
    private static double Weight(int termBits, double[] weights)
    {
        var weight = 0.0;
        for (var bits = (uint)termBits; bits != 0; bits &= bits - 1)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (i < weights.Length)
            {
                weight += weights[i];
            }
        }

        return weight;
    }

    // Keeps the k best (a heap with the worst on top: the passage a newcomer must beat to enter) and returns the score
    // a passage must beat from now on (none until the top is full). A passage is made a record only when it enters: most
    // candidates do not, and this saves an allocation for each of them.
    private static double Offer(PriorityQueue<ScoredPassage, ScoredPassage> top, long rowid, double score, int termBits, int k)
    {
        if (top.Count < k)
        {
            var s = new ScoredPassage(rowid, score, termBits);
            top.Enqueue(s, s);
        }
        else if (WorstFirst.Beats(score, rowid, top.Peek()))
        {
            var s = new ScoredPassage(rowid, score, termBits);
            top.DequeueEnqueue(s, s);
        }

        return top.Count < k ? double.NegativeInfinity : top.Peek().Score;
    }

    // Lower score first; among equal scores the higher rowid, so ties go to the earlier passage, as in FTS5's order.
    private sealed class WorstFirst : IComparer<ScoredPassage>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(ScoredPassage? x, ScoredPassage? y)
        {
            var c = x!.Score.CompareTo(y!.Score);
            return c != 0 ? c : y.RowId.CompareTo(x.RowId);
        }

        /// <summary>Whether a passage of <paramref name="score"/> at <paramref name="rowid"/> sorts after <paramref name="worst"/> (Compare &gt; 0).</summary>
        public static bool Beats(double score, long rowid, ScoredPassage worst)
        {
            var c = score.CompareTo(worst.Score);
            return c != 0 ? c > 0 : worst.RowId.CompareTo(rowid) > 0;
        }
    }
}
