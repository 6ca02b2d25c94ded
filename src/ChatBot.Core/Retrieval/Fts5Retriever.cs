using System.Collections.Concurrent;
using System.Globalization;
using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using ChatBot.Core.Indexing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Retrieval over <see cref="Fts5PassageIndex"/> with bounded work per question. The question goes through the same
/// analysis chain as the passages; its terms' document frequencies come from an fts5vocab table (cached per index
/// generation). <see cref="BoundedBm25Search"/> then approximates FTS5's BM25 over an OR of all the terms without
/// letting FTS5 score every matching passage: rare terms' postings from FTS5 (at most
/// <see cref="RetrievalOptions.Candidates"/> × 20 rows), up to <see cref="RetrievalOptions.MaxTerms"/> frequent terms
/// as in-memory bit sets, MaxScore pruning, exact BM25 from passage statistics held in memory. The BM25 top of a pool
/// three times the answer's size is re-ranked in C# by BM25, coverage of the question's terms, the question's period,
/// and a spread across outlets. See docs/retrieval.md.
/// </summary>
/// <remarks>Thread-safe. Any text is a valid question: every term is quoted, so nothing the user types is FTS5 syntax.</remarks>
public sealed class Fts5Retriever : IRetriever
{
    /// <summary>A question's first this-many distinct terms are considered (a 100 KB paste costs no more than a paragraph).</summary>
    public const int MaxQuestionTerms = 256;

    private const int PostingsPerCandidate = 20;

    // The frequent terms' bit sets together stay under this (about 1,200 terms at 1.3M passages).
    private const long FrequentTermBytes = 192L << 20;
    private const double OutletPenalty = 0.85;
    private const double PeriodBoost = 0.35;

    private readonly Fts5PassageIndex _index;
    private readonly RetrievalOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, long> _documentFrequency = new(StringComparer.Ordinal);
    private readonly object _refreshLock = new();
    private volatile GenerationCache? _cache;

    public Fts5Retriever(Fts5PassageIndex index, IOptions<RetrievalOptions> options, ILogger<Fts5Retriever>? logger = null)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task<RetrievalResult> RetrieveAsync(RetrievalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(_index.Path) || query.Limit <= 0)
        {
            return Task.FromResult(RetrievalResult.Empty);
        }

        var terms = _index.Analyzer.Terms(query.Text ?? string.Empty);
        if (terms.Count == 0)
        {
            return Task.FromResult(RetrievalResult.Empty);
        }

        try
        {
            using var connection = OpenReader();
            using var transaction = connection.BeginTransaction(deferred: true);
            var cache = Refresh(connection, transaction);
            var chosen = ChooseTerms(connection, terms);
            if (chosen.Count == 0)
            {
                return Task.FromResult(RetrievalResult.Empty);
            }

            var search = Search(connection, cache);
            // The BM25 top of a pool a few times the answer's size, then the answer-oriented re-rank over that pool.
            var pool = Math.Max(query.Limit * 3, 30);
            var scored = search.Search(chosen.Select(t => (t.Term, t.Frequency)).ToList(), pool, cancellationToken);
            var candidates = Describe(cache.Articles, scored, chosen.Count);
            var hits = Load(connection, Rank(candidates, chosen.Count, query).Take(query.Limit).ToList());
            IndexingLog.Retrieved(_logger, search.Queries.Count, chosen.Count, scored.Count);
            return Task.FromResult(new RetrievalResult { Hits = hits, QueriesRun = search.Queries, Terms = chosen.Select(t => t.Term).ToList() });
        }
        catch (SqliteException ex)
        {
            // Every expression is quoted, so a failure here is the index's (a file being replaced, a damaged page): the
            // question still gets an answer or a refusal rather than an exception.
            IndexingLog.RetrievalFailed(_logger, _index.Path, ex);
            return Task.FromResult(RetrievalResult.Empty);
        }
    }

    /// <summary>
    /// The bounded path's BM25 ranking before the answer-oriented re-rank (period, coverage, outlet spread): the top
    /// <paramref name="k"/> passage ids. This is what approximates <see cref="ExhaustiveSearch"/>; benchmarks measure
    /// recall@k of one against the other.
    /// </summary>
    public IReadOnlyList<string> BoundedSearch(string question, int k, CancellationToken cancellationToken) =>
        BoundedSearch(question, k, prune: true, cancellationToken);

    /// <summary><see cref="BoundedSearch(string, int, CancellationToken)"/>, with <see cref="BoundedBm25Search.Prune"/> as given (tests).</summary>
    internal IReadOnlyList<string> BoundedSearch(string question, int k, bool prune, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!File.Exists(_index.Path) || k <= 0)
        {
            return [];
        }

        var terms = _index.Analyzer.Terms(question);
        if (terms.Count == 0)
        {
            return [];
        }

        using var connection = OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
        var cache = Refresh(connection, transaction);
        var chosen = ChooseTerms(connection, terms);
        var search = Search(connection, cache, prune);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT a.id, p.ordinal FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.rowid = $r";
        var parameter = command.Parameters.Add("$r", SqliteType.Integer);
        var ids = new List<string>(k);
        foreach (var s in search.Search(chosen.Select(t => (t.Term, t.Frequency)).ToList(), k, cancellationToken).Take(k))
        {
            parameter.Value = s.RowId;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                ids.Add(Passage.MakeId(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        return ids;
    }

    /// <summary>
    /// The exhaustive ranking the bounded path approximates: FTS5 BM25 over an OR of every analysed term of
    /// <paramref name="question"/>, top <paramref name="k"/> passage ids. For benchmarks (recall@k); its cost grows
    /// with the number of matching passages.
    /// </summary>
    public IReadOnlyList<string> ExhaustiveSearch(string question, int k, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!File.Exists(_index.Path))
        {
            return [];
        }

        var terms = _index.Analyzer.Terms(question).Take(MaxQuestionTerms).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        using var connection = OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT a.id, p.ordinal FROM (SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH $q ORDER BY rank LIMIT $n) s "
            + "JOIN passages p ON p.rowid = s.rowid JOIN articles a ON a.rowid = p.article ORDER BY s.rank";
        command.Parameters.AddWithValue("$q", Or(terms));
        command.Parameters.AddWithValue("$n", k);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ids.Add(Passage.MakeId(reader.GetString(0), reader.GetInt32(1)));
        }

        return ids;
    }

    /// <summary>A term of a FTS5 query: always a quoted string, so no input is ever read as an operator.</summary>
    internal static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Or(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(Quote));


    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_index.ReadConnectionString);
        connection.Open();
        return connection;
    }

    // Drops cached frequencies, passage lengths and articles when the index has changed since they were read.
    // A bounded search over this generation's in-memory structures, on the question's connection.
    private BoundedBm25Search Search(SqliteConnection connection, GenerationCache cache, bool prune = true) =>
        new(connection, cache.Statistics, cache.Ceilings, cache.Postings, Budget, _options.MaxTerms) { Prune = prune };

    private GenerationCache Refresh(SqliteConnection connection, SqliteTransaction transaction)
    {
        // A raw statement rather than a command and its reader: this runs for every question.
        string? stored;
        using (var statement = new SqliteStatement(connection, "SELECT value FROM meta WHERE key = 'generation'"))
        {
            stored = statement.Step() && statement.IsText(0) ? statement.Text(0) : null;
        }

        var generation = long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : 0;
        var cached = _cache;
        if (cached is not null && cached.Generation == generation)
        {
            return cached;
        }

        lock (_refreshLock)
        {
            if (_cache is { } again && again.Generation == generation)
            {
                return again;
            }

            _documentFrequency.Clear();
            var statistics = PassageStatistics.Read(connection, transaction);
            var fresh = new GenerationCache(
                generation,
                statistics,
                new NormCeilings(statistics, BoundedBm25Search.K1, BoundedBm25Search.B),
                new FrequentTermPostings(statistics, FrequentTermBytes),
                PassageArticles.Read(connection, transaction));
            _cache = fresh;
            return fresh;
        }
    }

    private List<ChosenTerm> ChooseTerms(SqliteConnection connection, IReadOnlyList<string> terms)
    {
        var analyzer = _index.Analyzer;
        var known = new List<ChosenTerm>();
        // Prepared only when a term's frequency is not cached yet (most questions' terms are), and raw: no command,
        // parameter and reader per question. It runs inside the caller's read transaction.
        SqliteStatement? lookup = null;
        try
        {
            foreach (var term in terms.Take(MaxQuestionTerms))
            {
                if (!_documentFrequency.TryGetValue(term, out var df))
                {
                    lookup ??= new SqliteStatement(connection, "SELECT doc FROM passages_vocab WHERE term = ?1");
                    lookup.Bind(1, term);
                    // The vocabulary's doc column is an integer; no row (or NULL) is 0, as before.
                    df = lookup.Step() ? lookup.Int64(0) : 0;
                    lookup.Reset();
                    if (_documentFrequency.Count > 200_000)
                    {
                        _documentFrequency.Clear();
                    }

                    _documentFrequency[term] = df;
                }

                if (df > 0)
                {
                    known.Add(new ChosenTerm(term, df, analyzer.IsEntity(term)));
                }
            }
        }
        finally
        {
            lookup?.Dispose();
        }

        // Rarest first (an entity the question names ranks like a term half as common); BM25 weighs each by its idf.
        return known
            .OrderBy(t => t.IsEntity ? t.Frequency / 2 : t.Frequency)
            .Take(BoundedBm25Search.MaxTerms)
            .ToList();
    }

    // The rows one FTS5 lookup may read whole: the configured candidates times a fixed fan-out.
    private int Budget => _options.Candidates * PostingsPerCandidate;

    // What the answer-oriented re-rank needs of each scored passage: its outlet and date, from memory
    // (PassageArticles) rather than a lookup per passage: saves a statement and ~30 row reads per question.
    private static List<Candidate> Describe(PassageArticles articles, IReadOnlyList<ScoredPassage> scored, int termCount)
    {
        var candidates = new List<Candidate>(scored.Count);
        foreach (var s in scored)
        {
            if (!articles.TryDescribe(s.RowId, out var outlet, out var published))
            {
                continue;
            }

            var coverage = Math.Min(System.Numerics.BitOperations.PopCount((uint)s.TermBits), termCount);
            candidates.Add(new Candidate(s.RowId, s.Score, coverage, outlet, published));
        }

        return candidates;
    }

    /// <summary>Rowids as a JSON array for <c>json_each</c>: one bound parameter, whatever their number.</summary>
    private static string RowIdArray(IReadOnlyList<Candidate> chosen)
    {
        // Formatted into one buffer (at most 20 characters and a comma a rowid): no string per rowid.
        var size = (chosen.Count * 21) + 2;
        var buffer = size <= 1024 ? stackalloc char[size] : new char[size];
        var length = 0;
        buffer[length++] = '[';
        foreach (var c in chosen)
        {
            if (length > 1)
            {
                buffer[length++] = ',';
            }

            c.RowId.TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
        }

        buffer[length++] = ']';
        return new string(buffer[..length]);
    }

    private static IEnumerable<Candidate> Rank(IEnumerable<Candidate> candidates, int termCount, RetrievalQuery query)
    {
        var list = candidates.ToList();
        if (list.Count == 0)
        {
            yield break;
        }

        var best = Math.Max(list.Max(c => c.Bm25), 1e-9);
        var scored = list.Select(c =>
        {
            var score = (0.6 * c.Coverage / termCount) + (0.4 * Math.Max(c.Bm25, 0) / best);
            if (query.Period is { } period && c.Published is { } date && period.Contains(date))
            {
                score += PeriodBoost;
            }

            return c with { Score = score };
        }).ToList();

        // Greedy selection with a spread across outlets: each passage already taken from an outlet discounts the next.
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        while (scored.Count > 0)
        {
            var bestIndex = 0;
            var bestScore = double.MinValue;
            for (var i = 0; i < scored.Count; i++)
            {
                var s = scored[i].Score * Math.Pow(OutletPenalty, taken.GetValueOrDefault(scored[i].Outlet));
                if (s > bestScore)
                {
                    bestScore = s;
                    bestIndex = i;
                }
            }

            var pick = scored[bestIndex];
            scored.RemoveAt(bestIndex);
            taken[pick.Outlet] = taken.GetValueOrDefault(pick.Outlet) + 1;
            yield return pick with { Score = bestScore };
        }
    }

    /// <summary>
    /// The chosen passages, in the order given, read with one statement. An article is decompressed and its claims
    /// decoded once for all its chosen passages. Saves per hit a statement prepared and run, and per repeated article
    /// a Brotli decompression and a claims decoding.
    /// </summary>
    private static List<PassageHit> Load(SqliteConnection connection, IReadOnlyList<Candidate> chosen)
    {
        if (chosen.Count == 0)
        {
            return [];
        }

        // A raw statement rather than a command and its reader: the compressed text is decompressed from SQLite's
        // own copy of the blob (no array of its size per article) and no column goes through a reader's checks.
        using var statement = new SqliteStatement(connection, "SELECT p.rowid, p.article, p.ordinal, p.kind, p.start, p.length, p.sentences, p.context, "
            + "a.id, a.outlet, a.title, a.published, a.published_inferred, a.byline, a.url, a.language, a.text, a.claims "
            + "FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.rowid IN (SELECT value FROM json_each(?1))");
        statement.Bind(1, RowIdArray(chosen));
        var rows = new Dictionary<long, LoadedRow>(chosen.Count);
        var articles = new Dictionary<long, LoadedArticle>(chosen.Count);
        while (statement.Step())
        {
            var articleRow = statement.Int64(1);
            if (!articles.TryGetValue(articleRow, out var article))
            {
                // The text and claims blobs are read only for an article's first passage.
                article = ReadArticle(statement);
                articles[articleRow] = article;
            }

            article.Passages.Add(ReadPassage(statement, article));
            rows[statement.Int64(0)] = new LoadedRow(article, article.Passages.Count - 1);
        }

        foreach (var article in articles.Values)
        {
            article.DecodeClaims();
        }

        var hits = new List<PassageHit>(chosen.Count);
        foreach (var candidate in chosen)
        {
            if (!rows.TryGetValue(candidate.RowId, out var row))
            {
                continue;
            }

            hits.Add(new PassageHit
            {
                Passage = row.Article.Passages[row.Passage],
                Article = row.Article.Metadata,
                Claims = row.Article.Claims[row.Passage],
                Score = candidate.Score,
            });
        }

        return hits;
    }

    // Columns 8-17 of Load's statement.
    private static LoadedArticle ReadArticle(SqliteStatement row) => new(
        new ArticleMetadata
        {
            Id = Required(row.Text(8)),
            Outlet = Required(row.Text(9)),
            Title = row.Text(10),
            Published = row.Text(11) is { } published ? DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            PublishedInferred = row.Int64(12) != 0,
            Byline = row.Text(13),
            Url = row.Text(14),
            Language = row.Text(15),
        },
        BrotliText.Decompress(row.Blob(16)),
        row.IsNull(17) ? null : row.Blob(17).ToArray());

    // Columns 2-7 of Load's statement: the passage, its sentences and context as ranges of its article's text.
    private static Passage ReadPassage(SqliteStatement row, LoadedArticle article)
    {
        var text = article.Text;
        var ordinal = checked((int)row.Int64(2));
        var start = checked((int)row.Int64(4));
        var sentences = PassageCodec.DecodeSentences(Required(row.Text(6)), text);
        var (contextRanges, context) = PassageCodec.DecodeContext(row.Text(7), text);
        return new Passage
        {
            Context = context,
            ContextRanges = contextRanges,
            Id = Passage.MakeId(article.Metadata.Id, ordinal),
            ArticleId = article.Metadata.Id,
            Ordinal = ordinal,
            Kind = (PassageKind)checked((int)row.Int64(3)),
            Start = start,
            Text = text.Substring(start, checked((int)row.Int64(5))),
            Sentences = sentences,
        };
    }

    // A NOT NULL column of the schema; a NULL there is a damaged index, reported as the reader reported it.
    private static string Required(string? value) =>
        value ?? throw new InvalidCastException("a NOT NULL column of the index holds NULL");

    // An article read for its chosen passages: its metadata and text, and once they are all read, their claims.
    private sealed class LoadedArticle(ArticleMetadata metadata, string text, byte[]? claims)
    {
        public ArticleMetadata Metadata { get; } = metadata;

        public string Text { get; } = text;

        /// <summary>The article's chosen passages, in the order read.</summary>
        public List<Passage> Passages { get; } = new(1);

        /// <summary>After <see cref="DecodeClaims"/>: one claim per sentence of each of <see cref="Passages"/>.</summary>
        public Claim[][] Claims { get; private set; } = [];

        // The claims blob decoded once for the sentences of all the passages together, then handed out per passage.
        public void DecodeClaims()
        {
            var sentences = new List<Sentence>();
            foreach (var p in Passages)
            {
                sentences.AddRange(p.Sentences);
            }

            var all = PassageCodec.DecodeClaims(claims, sentences);
            Claims = new Claim[Passages.Count][];
            var at = 0;
            for (var i = 0; i < Passages.Count; i++)
            {
                Claims[i] = all[at..(at + Passages[i].Sentences.Count)];
                at += Passages[i].Sentences.Count;
            }
        }
    }

    // A loaded passage: its article and its place in the article's Passages.
    private sealed record LoadedRow(LoadedArticle Article, int Passage);

    private sealed record ChosenTerm(string Term, long Frequency, bool IsEntity);

    // What retrieval keeps in memory per index generation: passage lengths and repeated tokens, their norm ceilings,
    // frequent terms' postings, passages' articles.
    private sealed record GenerationCache(long Generation, PassageStatistics Statistics, NormCeilings Ceilings, FrequentTermPostings Postings, PassageArticles Articles);

    private sealed record Candidate(long RowId, double Bm25, int Coverage, string Outlet, DateOnly? Published)
    {
        public double Score { get; init; }
    }
}
