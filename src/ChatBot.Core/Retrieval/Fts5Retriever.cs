using System.Collections.Concurrent;
using System.Globalization;
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
/// analysis chain as the passages; the at most <see cref="RetrievalOptions.MaxTerms"/> most informative terms are
/// chosen by document frequency (read from an fts5vocab table and cached; terms in a large share of passages are
/// dropped, aliases count as one entity term); then a few FTS5 lookups, each capped at
/// <see cref="RetrievalOptions.Candidates"/>: one exact BM25 OR when the chosen terms' postings are few, otherwise an
/// AND of all chosen terms relaxed by dropping the commonest. Candidates are re-ranked in C# by BM25, coverage of the
/// question's terms, the question's period, and a spread across outlets.
/// </summary>
/// <remarks>Thread-safe. Any text is a valid question: every term is quoted, so nothing the user types is FTS5 syntax.</remarks>
public sealed class Fts5Retriever : IRetriever
{
    /// <summary>A question's first this-many distinct terms are considered (a 100 KB paste costs no more than a paragraph).</summary>
    public const int MaxQuestionTerms = 256;

    private const double CommonShare = 0.2;
    private const int CommonFloor = 100;
    private const int PostingsPerCandidate = 20;
    private const double OutletPenalty = 0.85;
    private const double PeriodBoost = 0.35;

    private readonly Fts5PassageIndex _index;
    private readonly RetrievalOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, long> _documentFrequency = new(StringComparer.Ordinal);
    private long _generation = -1;
    private long _passageCount;

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

        using var connection = OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
        Refresh(connection, transaction);
        var chosen = ChooseTerms(connection, transaction, terms);
        if (chosen.Count == 0)
        {
            return Task.FromResult(RetrievalResult.Empty);
        }

        var candidates = new Dictionary<long, Candidate>();
        var queries = new List<string>();
        var budget = (long)_options.Candidates * PostingsPerCandidate;
        var want = Math.Max(query.Limit * 3, 30);
        var postings = chosen.Sum(t => t.Frequency);
        if (postings <= budget || chosen.Count == 1)
        {
            var expression = Or(chosen.Select(t => t.Term));
            var ranked = chosen.Count > 1 || chosen[0].Frequency <= budget;
            Collect(connection, transaction, expression, ranked, coverage: -1, chosen, candidates, queries, cancellationToken);
        }
        else
        {
            for (var m = chosen.Count; m >= 1 && candidates.Count < want; m--)
            {
                var subset = chosen.Take(m).ToList();
                var ranked = m > 1 || subset[0].Frequency <= budget;
                Collect(connection, transaction, And(subset.Select(t => t.Term)), ranked, m, chosen, candidates, queries, cancellationToken);
            }
        }

        var hits = Rank(candidates.Values, chosen.Count, query)
            .Take(query.Limit)
            .Select(c => Load(connection, transaction, c))
            .OfType<PassageHit>()
            .ToList();
        IndexingLog.Retrieved(_logger, queries.Count, chosen.Count, candidates.Count);
        return Task.FromResult(new RetrievalResult { Hits = hits, QueriesRun = queries, Terms = chosen.Select(t => t.Term).ToList() });
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

    private static string And(IEnumerable<string> terms) => string.Join(" AND ", terms.Select(Quote));

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_index.ReadConnectionString);
        connection.Open();
        return connection;
    }

    // Drops cached frequencies when the index has changed since they were read.
    private void Refresh(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = 'generation'";
        var generation = long.TryParse(command.ExecuteScalar() as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : 0;
        if (Interlocked.Read(ref _generation) == generation)
        {
            return;
        }

        _documentFrequency.Clear();
        command.CommandText = "SELECT count(*) FROM passages";
        Interlocked.Exchange(ref _passageCount, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        Interlocked.Exchange(ref _generation, generation);
    }

    private List<ChosenTerm> ChooseTerms(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> terms)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT doc FROM passages_vocab WHERE term = $t";
        var parameter = command.Parameters.Add("$t", SqliteType.Text);
        var analyzer = _index.Analyzer;
        var known = new List<ChosenTerm>();
        foreach (var term in terms.Take(MaxQuestionTerms))
        {
            if (!_documentFrequency.TryGetValue(term, out var df))
            {
                parameter.Value = term;
                df = command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
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

        var n = Interlocked.Read(ref _passageCount);
        var informative = n >= CommonFloor ? known.Where(t => t.Frequency <= n * CommonShare).ToList() : known;
        if (informative.Count == 0)
        {
            informative = known.OrderBy(t => t.Frequency).Take(2).ToList();
        }

        // Rarest first; an entity the question names weighs like a term half as common.
        return informative
            .OrderBy(t => t.IsEntity ? t.Frequency / 2 : t.Frequency)
            .Take(_options.MaxTerms)
            .ToList();
    }

    private void Collect(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string expression,
        bool ranked,
        int coverage,
        List<ChosenTerm> chosen,
        Dictionary<long, Candidate> candidates,
        List<string> queries,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var inner = ranked
            ? "SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH $q ORDER BY rank LIMIT $n"
            : "SELECT rowid, 0.0 AS rank FROM passages_fts WHERE passages_fts MATCH $q LIMIT $n";
        command.CommandText = "SELECT s.rowid, s.rank, a.outlet, a.published FROM (" + inner + ") s "
            + "JOIN passages p ON p.rowid = s.rowid JOIN articles a ON a.rowid = p.article";
        command.Parameters.AddWithValue("$q", expression);
        command.Parameters.AddWithValue("$n", _options.Candidates);
        queries.Add(expression);
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                if (candidates.ContainsKey(rowid))
                {
                    continue;
                }

                var published = reader.IsDBNull(3) ? (DateOnly?)null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                candidates[rowid] = new Candidate(rowid, -reader.GetDouble(1), coverage < 0 ? chosen.Count : coverage, reader.GetString(2), published);
            }
        }
        catch (SqliteException ex)
        {
            // Quoting makes every expression valid; a failure here is the index's (e.g. a file being replaced), and a
            // question must still get an answer or a refusal rather than an exception.
            IndexingLog.BuildAbandoned(_logger, _index.Path, ex);
        }
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

    private static PassageHit? Load(SqliteConnection connection, SqliteTransaction transaction, Candidate candidate)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT p.ordinal, p.kind, p.start, p.length, p.sentences, p.claims, a.id, a.outlet, a.title, a.published, a.published_inferred, a.byline, a.url, a.language, a.text "
            + "FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.rowid = $r";
        command.Parameters.AddWithValue("$r", candidate.RowId);
        using var r = command.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var text = r.GetString(14);
        var articleId = r.GetString(6);
        var ordinal = r.GetInt32(0);
        var sentences = PassageCodec.DecodeSentences(r.GetString(4), text);
        var passage = new Passage
        {
            Id = Passage.MakeId(articleId, ordinal),
            ArticleId = articleId,
            Ordinal = ordinal,
            Kind = (PassageKind)r.GetInt32(1),
            Start = r.GetInt32(2),
            Text = text.Substring(r.GetInt32(2), r.GetInt32(3)),
            Sentences = sentences,
        };
        var metadata = new ArticleMetadata
        {
            Id = articleId,
            Outlet = r.GetString(7),
            Title = r.IsDBNull(8) ? null : r.GetString(8),
            Published = r.IsDBNull(9) ? null : DateOnly.ParseExact(r.GetString(9), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishedInferred = r.GetInt32(10) != 0,
            Byline = r.IsDBNull(11) ? null : r.GetString(11),
            Url = r.IsDBNull(12) ? null : r.GetString(12),
            Language = r.IsDBNull(13) ? null : r.GetString(13),
        };
        return new PassageHit
        {
            Passage = passage,
            Article = metadata,
            Claims = PassageCodec.DecodeClaims(r.IsDBNull(5) ? null : r.GetString(5), sentences),
            Score = candidate.Score,
        };
    }

    private sealed record ChosenTerm(string Term, long Frequency, bool IsEntity);

    private sealed record Candidate(long RowId, double Bm25, int Coverage, string Outlet, DateOnly? Published)
    {
        public double Score { get; init; }
    }
}
