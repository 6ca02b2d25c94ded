using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatBot.Core.Analysis;
using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The passage index: one SQLite file (<see cref="ChatBotPaths.IndexPath"/>) holding articles, passages (offsets into
/// the article text), the claims of their sentences, and a contentless FTS5 table over the analysed passage tokens.
/// </summary>
/// <remarks>
/// <para>Updates are incremental by file fingerprint and atomic. A first build writes a new file with journaling off
/// and moves it into place; later updates (and a rebuild forced by a change to aliases.yaml or the analysis chain)
/// run as one write transaction on the live file in WAL mode, so readers keep their snapshot until it commits and a
/// cancelled, failed or killed update leaves the previous index as it was.</para>
/// <para>Thread-safe: one update at a time (others wait); readers open their own connections.</para>
/// </remarks>
public sealed class Fts5PassageIndex : IPassageIndex, IDisposable
{
    private const int ProgressEvery = 64;

    // Articles read and prepared together: enough to keep every core busy, few enough to keep memory flat.
    private const int PrepareBatchSize = 256;
    private readonly ChatBotPaths _paths;
    private readonly ICorpusReader _reader;
    private readonly IPassageSplitter _splitter;
    private readonly IClaimExtractor _claims;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _updateLock = new(1, 1);
    private readonly object _stateLock = new();
    private volatile IndexStatus _status;
    private volatile FreshStamp? _fresh;
    private TextAnalyzer? _analyzer;
    private Dictionary<string, string>? _files;

    // Every connection of the bot opens through an index (its own or its readers'): settings SQLite takes only before
    // the first one.
    static Fts5PassageIndex() => SqliteRuntime.Configure();

    public Fts5PassageIndex(
        ChatBotPaths paths,
        ICorpusReader reader,
        IPassageSplitter splitter,
        IClaimExtractor claims,
        ILogger<Fts5PassageIndex>? logger = null)
    {
        _paths = paths ?? throw new ArgumentNullException(nameof(paths));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _splitter = splitter ?? throw new ArgumentNullException(nameof(splitter));
        _claims = claims ?? throw new ArgumentNullException(nameof(claims));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _status = ReadStatus(isBuilding: false);
    }

    /// <inheritdoc />
    public IndexStatus Status => _status;

    /// <summary>The index file.</summary>
    public string Path => _paths.IndexPath;

    /// <summary>The aliases.yaml the analysis chain reads (in the corpus folder).</summary>
    public string AliasesPath => System.IO.Path.Combine(_paths.CorpusDirectory, AliasTableLoader.FileName);

    /// <summary>The analysis chain for the current aliases.yaml: the retriever analyses questions with it.</summary>
    public TextAnalyzer Analyzer
    {
        get
        {
            lock (_stateLock)
            {
                return _analyzer ??= new TextAnalyzer(AliasTableLoader.Load(AliasesPath));
            }
        }
    }

    /// <summary>
    /// Makes sure a complete, current index is in use: builds it when missing, rebuilds it when aliases.yaml or the
    /// analysis chain changed since it was built. Otherwise returns at once without scanning the corpus.
    /// </summary>
    public async Task<IndexStatus> EnsureReadyAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        if (_status.IsReady && IsFresh())
        {
            return _status;
        }

        await UpdateAsync(progress, cancellationToken);
        return _status;
    }

    // True when the index is not stale. Every question asks this, and the answer can only change when the index file,
    // its WAL or aliases.yaml does: while their stamps are those of the last check that passed, it stands. Saves per
    // question an unpooled SQLite connection (its schema parsed), a meta read and a SHA-256 of aliases.yaml.
    private bool IsFresh()
    {
        // Stamped before the check, so a change made during the check shows as a new stamp next time.
        var stamp = new FreshStamp(FileStamp.Of(Path), FileStamp.Of(Path + "-wal"), FileStamp.Of(AliasesPath));
        if (stamp == _fresh)
        {
            return true;
        }

        if (StaleReason() is not null)
        {
            return false;
        }

        _fresh = stamp;
        return true;
    }

    /// <inheritdoc />
    public async Task<IndexBuildReport> UpdateAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        await _updateLock.WaitAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var files = _reader.Scan(_paths.CorpusDirectory, cancellationToken);
            var stale = StaleReason();
            if (stale is not null)
            {
                IndexingLog.Stale(_logger, Path, stale);
                var analyzer = new TextAnalyzer(AliasTableLoader.Load(AliasesPath));
                _status = _status with { IsBuilding = true };
                var report = await RunStage(() => FullBuild(files, analyzer, progress, cancellationToken), cancellationToken);
                lock (_stateLock)
                {
                    _analyzer = analyzer;
                }

                return Finish(report, stopwatch);
            }

            var known = _files ??= ReadFiles();
            var changed = new List<CorpusFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                seen.Add(file.RelativePath);
                if (!known.TryGetValue(file.RelativePath, out var fingerprint) || !string.Equals(fingerprint, file.Fingerprint, StringComparison.Ordinal))
                {
                    changed.Add(file);
                }
            }

            var removed = known.Keys.Where(k => !seen.Contains(k)).ToList();
            if (changed.Count == 0 && removed.Count == 0)
            {
                return new IndexBuildReport
                {
                    Unchanged = _status.ArticleCount,
                    Articles = _status.ArticleCount,
                    Passages = _status.PassageCount,
                    Elapsed = stopwatch.Elapsed,
                };
            }

            _status = _status with { IsBuilding = true };
            var incremental = await RunStage(() => IncrementalUpdate(changed, removed, Analyzer, progress, cancellationToken), cancellationToken);
            return Finish(incremental, stopwatch);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqliteException or IOException)
        {
            IndexingLog.BuildAbandoned(_logger, Path, ex);
            _files = null;
            if (ex is SqliteException or IOException)
            {
                throw new IndexException($"{Path}: the index could not be built ({ex.Message}); the previous index stays in use", ex);
            }

            throw;
        }
        finally
        {
            _status = ReadStatus(isBuilding: false);
            _updateLock.Release();
        }
    }

    public void Dispose() => _updateLock.Dispose();

    /// <summary>A connection string for readers: read-only, shared cache off, pooled.</summary>
    internal string ReadConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    private IndexBuildReport Finish(IndexBuildReport report, Stopwatch stopwatch)
    {
        foreach (var warning in report.Warnings)
        {
            IndexingLog.CorpusWarning(_logger, warning.ToString());
        }

        var status = ReadStatus(isBuilding: false);
        _status = status;
        var final = report with { Articles = status.ArticleCount, Passages = status.PassageCount, Elapsed = stopwatch.Elapsed };
        IndexingLog.BuildFinished(_logger, Path, final.Added, final.Updated, final.Removed, final.Articles, final.Passages, final.BytesIngested / 1e6, final.Elapsed.TotalSeconds);
        return final;
    }

    // Null when the index file exists and was built by this schema, this analysis chain and this aliases.yaml.
    private string? StaleReason()
    {
        if (!File.Exists(Path))
        {
            return "missing";
        }

        var signature = ReadMeta(IndexSchema.Keys.Signature);
        if (signature is null)
        {
            return "unreadable or incomplete";
        }

        return string.Equals(signature, Signature(), StringComparison.Ordinal) ? null : "built with other aliases or analysis";
    }

    private string Signature() => $"{IndexSchema.Version}|{TextAnalyzer.Version}|{AliasTableLoader.Hash(AliasesPath)}";

    private IndexBuildReport FullBuild(IReadOnlyList<CorpusFile> files, TextAnalyzer analyzer, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        IndexingLog.BuildStarted(_logger, Path, "full", files.Count);
        var catalog = _reader.ReadCatalog(_paths.CorpusDirectory);
        var signature = Signature();
        if (!File.Exists(Path))
        {
            // No reader can hold a file that does not exist yet: build beside it at full speed, then move it in.
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temp = Path + ".building";
            DeleteFileSet(temp);
            try
            {
                IndexBuildReport report;
                using (var connection = Open(temp, SqliteOpenMode.ReadWriteCreate))
                {
                    Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
                    using (var transaction = connection.BeginTransaction())
                    {
                        Execute(connection, IndexSchema.Create, transaction);
                        report = Write(connection, transaction, files, [], analyzer, catalog, signature, progress, cancellationToken) with { FullRebuild = true };
                        Execute(connection, IndexSchema.Optimize, transaction);
                        transaction.Commit();
                    }

                    Execute(connection, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
                }

                SqliteConnection.ClearAllPools();
                File.Move(temp, Path, overwrite: false);
                return report;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                DeleteFileSet(temp);
            }
        }

        using (var connection = Open(Path, SqliteOpenMode.ReadWriteCreate))
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
            using var transaction = connection.BeginTransaction();
            Execute(connection, IndexSchema.Drop + IndexSchema.Create, transaction);
            var report = Write(connection, transaction, files, [], analyzer, catalog, signature, progress, cancellationToken) with { FullRebuild = true };
            Execute(connection, IndexSchema.Optimize, transaction);
            transaction.Commit();
            return report;
        }
    }

    private IndexBuildReport IncrementalUpdate(List<CorpusFile> changed, List<string> removed, TextAnalyzer analyzer, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        IndexingLog.BuildStarted(_logger, Path, "incremental", changed.Count + removed.Count);
        var catalog = _reader.ReadCatalog(_paths.CorpusDirectory);
        using var connection = Open(Path, SqliteOpenMode.ReadWrite);
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
        using var transaction = connection.BeginTransaction();
        var gone = removed.Concat(changed.Select(f => f.RelativePath)).ToList();
        var report = Write(connection, transaction, changed, gone, analyzer, catalog, Signature(), progress, cancellationToken);
        transaction.Commit();
        return report;
    }

    // Removes the articles of `drop`, then reads and inserts `files`, all inside `transaction`.
    private IndexBuildReport Write(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<CorpusFile> files,
        IReadOnlyList<string> drop,
        TextAnalyzer analyzer,
        SourceCatalog catalog,
        string signature,
        IProgress<IndexProgress>? progress,
        CancellationToken cancellationToken)
    {
        var warnings = new List<CorpusWarning>();
        var removedIds = new HashSet<string>(StringComparer.Ordinal);
        using (var select = Command(connection, transaction, "SELECT rowid, id, first_passage, passage_count FROM articles WHERE file = $f", "$f"))
        using (var deleteFts = Command(connection, transaction, "DELETE FROM passages_fts WHERE rowid = $r", "$r"))
        using (var deletePassages = Command(connection, transaction, "DELETE FROM passages WHERE rowid >= $a AND rowid < $b", "$a", "$b"))
        using (var deleteArticles = Command(connection, transaction, "DELETE FROM articles WHERE file = $f", "$f"))
        using (var deleteFile = Command(connection, transaction, "DELETE FROM files WHERE path = $f", "$f"))
        {
            foreach (var file in drop)
            {
                cancellationToken.ThrowIfCancellationRequested();
                select.Parameters[0].Value = file;
                var ranges = new List<(long First, long Count)>();
                using (var r = select.ExecuteReader())
                {
                    while (r.Read())
                    {
                        removedIds.Add(r.GetString(1));
                        ranges.Add((r.GetInt64(2), r.GetInt64(3)));
                    }
                }

                foreach (var (first, count) in ranges)
                {
                    for (var p = first; p < first + count; p++)
                    {
                        deleteFts.Parameters[0].Value = p;
                        deleteFts.ExecuteNonQuery();
                    }

                    deletePassages.Parameters[0].Value = first;
                    deletePassages.Parameters[1].Value = first + count;
                    deletePassages.ExecuteNonQuery();
                }

                deleteArticles.Parameters[0].Value = file;
                deleteArticles.ExecuteNonQuery();
                deleteFile.Parameters[0].Value = file;
                deleteFile.ExecuteNonQuery();
            }
        }

        var nextArticle = Scalar(connection, transaction, "SELECT coalesce(max(rowid), 0) + 1 FROM articles");
        var nextPassage = Scalar(connection, transaction, "SELECT coalesce(max(rowid), 0) + 1 FROM passages");
        var emptyAtStart = nextArticle == 1;
        var added = 0;
        var updated = 0;
        long bytes = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var exists = Command(connection, transaction, "SELECT 1 FROM articles WHERE id = $id", "$id");
        using var insertFile = Command(connection, transaction, "INSERT OR REPLACE INTO files(path, fingerprint) VALUES($p, $f)", "$p", "$f");
        using var insertArticle = new SqliteStatement(
            connection,
            "INSERT INTO articles(rowid, id, file, source_path, outlet, title, published, published_inferred, byline, url, language, first_passage, passage_count, text, claims) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        using var insertPassage = new SqliteStatement(
            connection,
            "INSERT INTO passages(rowid, article, ordinal, kind, start, length, tokens, repeats, sentences, context) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        using var insertFts = new SqliteStatement(connection, "INSERT INTO passages_fts(rowid, body) VALUES(?1, ?2)");

        // Three stages: one thread reads the corpus in batches (a .jsonl bulk file streams, it is never held whole), a
        // pool prepares each batch's articles in parallel (splitting, claim extraction, analysis, compression) keeping
        // their order, and this thread does the SQLite writes (SQLite takes one writer). The queues are bounded, so
        // memory stays flat however large the corpus.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<PreparedBatch>(boundedCapacity: 4);
        var producer = RunStage(() => Prepare(files, analyzer, catalog, queue, stop), stop.Token);
        var f = 0;
        try
        {
            foreach (var prepared in queue.GetConsumingEnumerable(stop.Token))
            {
                var file = prepared.File;
                if (prepared.IsLast && f++ % ProgressEvery == 0)
                {
                    progress?.Report(new IndexProgress(f - 1, files.Count, file.RelativePath));
                }

                warnings.AddRange(prepared.Warnings);
                foreach (var item in prepared.Articles)
                {
                    var article = item.Article;
                    var duplicate = !ids.Add(article.Id);
                    if (!duplicate && !emptyAtStart)
                    {
                        exists.Parameters[0].Value = article.Id;
                        duplicate = exists.ExecuteScalar() is not null;
                    }

                    if (duplicate)
                    {
                        warnings.Add(new CorpusWarning(article.SourcePath, $"article id '{article.Id}' is already used by another file; skipped", Skipped: true));
                        continue;
                    }

                    var first = nextPassage;
                    for (var i = 0; i < item.Passages.Count; i++)
                    {
                        var passage = item.Passages[i];
                        var p = insertPassage;
                        p.Bind(1, nextPassage);
                        p.Bind(2, nextArticle);
                        p.Bind(3, passage.Ordinal);
                        p.Bind(4, (int)passage.Kind);
                        p.Bind(5, passage.Start);
                        p.Bind(6, passage.Text.Length);
                        p.Bind(7, item.TokenCounts[i]);
                        p.Bind(8, item.Repeats[i]);
                        p.Bind(9, item.Sentences[i]);
                        p.Bind(10, item.Contexts[i]);
                        insertPassage.Execute();

                        insertFts.Bind(1, nextPassage);
                        insertFts.BindText(2, item.IndexTexts[i]);
                        insertFts.Execute();
                        nextPassage++;
                    }

                    var m = article.Metadata;
                    var a = insertArticle;
                    a.Bind(1, nextArticle);
                    a.Bind(2, article.Id);
                    a.Bind(3, file.RelativePath);
                    a.Bind(4, article.SourcePath);
                    a.Bind(5, m.Outlet);
                    a.Bind(6, m.Title);
                    a.Bind(7, m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    a.Bind(8, m.PublishedInferred ? 1 : 0);
                    a.Bind(9, m.Byline);
                    a.Bind(10, m.Url);
                    a.Bind(11, m.Language);
                    a.Bind(12, first);
                    a.Bind(13, nextPassage - first);
                    a.Bind(14, item.CompressedText);
                    a.Bind(15, item.Claims);
                    insertArticle.Execute();
                    nextArticle++;
                    bytes += article.Text.Length;
                    if (removedIds.Remove(article.Id))
                    {
                        updated++;
                    }
                    else
                    {
                        added++;
                    }
                }

                if (prepared.IsLast)
                {
                    insertFile.Parameters[0].Value = file.RelativePath;
                    insertFile.Parameters[1].Value = file.Fingerprint;
                    insertFile.ExecuteNonQuery();
                }
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            // The producer ends on its own (all files read), on cancellation, or with an exception rethrown here.
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Cancelled because this stage failed or the caller cancelled: that exception is the one that counts.
            }
        }

        // A cancellation that arrives while the last file is read still abandons the update: nothing is committed.
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new IndexProgress(files.Count, files.Count, null));
        var generation = long.TryParse(ReadMeta(connection, transaction, IndexSchema.Keys.Generation), out var g) ? g : 0;
        WriteMeta(connection, transaction, IndexSchema.Keys.Signature, signature);
        WriteMeta(connection, transaction, IndexSchema.Keys.BuiltAt, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        WriteMeta(connection, transaction, IndexSchema.Keys.Generation, (generation + 1).ToString(CultureInfo.InvariantCulture));

        var files2 = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var all = Command(connection, transaction, "SELECT path, fingerprint FROM files"))
        using (var r = all.ExecuteReader())
        {
            while (r.Read())
            {
                files2[r.GetString(0)] = r.GetString(1);
            }
        }

        _files = files2;
        return new IndexBuildReport
        {
            Added = added,
            Updated = updated,
            Removed = removedIds.Count,
            BytesIngested = bytes,
            Warnings = warnings,
        };
    }

    // The reading and preparing stages of Write: everything per article that needs no database, in corpus order.
    private void Prepare(IReadOnlyList<CorpusFile> files, TextAnalyzer analyzer, SourceCatalog catalog, BlockingCollection<PreparedBatch> queue, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        using var groups = new BlockingCollection<List<ReadBatch>>(boundedCapacity: 2);
        var reading = RunStage(() => ReadGroups(files, groups, cancellationToken), cancellationToken);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            foreach (var group in groups.GetConsumingEnumerable(cancellationToken))
            {
                var articles = group.SelectMany(b => b.Articles).ToArray();
                var prepared = new PreparedArticle?[articles.Length];
                var failures = new string?[articles.Length];
                Parallel.For(0, articles.Length, parallel, i =>
                {
                    var article = articles[i];
                    try
                    {
                        var passages = _splitter.Split(article);
                        var claims = _claims.Extract(article, passages, catalog);
                        prepared[i] = PreparedArticle.Create(article, passages, claims, analyzer);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException or NotSupportedException)
                    {
                        failures[i] = ex.Message;
                    }
                });

                var at = 0;
                foreach (var batch in group)
                {
                    var warnings = new List<CorpusWarning>(batch.Warnings);
                    var ready = new List<PreparedArticle>(batch.Articles.Count);
                    for (var end = at + batch.Articles.Count; at < end; at++)
                    {
                        if (failures[at] is { } failure)
                        {
                            warnings.Add(new CorpusWarning(articles[at].SourcePath, $"could not be split into passages or claims: {failure}", Skipped: true));
                        }
                        else
                        {
                            ready.Add(prepared[at]!);
                        }
                    }

                    queue.Add(new PreparedBatch(batch.File, warnings, ready, batch.IsLast), cancellationToken);
                }
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            queue.CompleteAdding();
            try
            {
                reading.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The reader stopped because this stage or the writer did: their exception is the one that counts.
            }
        }
    }

    // The first stage: reads the files in order, in batches, grouped to about PrepareBatchSize articles for the pool.
    private void ReadGroups(IReadOnlyList<CorpusFile> files, BlockingCollection<List<ReadBatch>> groups, CancellationToken cancellationToken)
    {
        try
        {
            var group = new List<ReadBatch>();
            var count = 0;
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadBatch? previous = null;
                foreach (var read in _reader.ReadBatches(file, PrepareBatchSize, cancellationToken))
                {
                    if (previous is not null)
                    {
                        group.Add(previous);
                        count += previous.Articles.Count;
                    }

                    previous = new ReadBatch(file, read.Articles, read.Warnings, IsLast: false);
                    if (count >= PrepareBatchSize)
                    {
                        groups.Add(group, cancellationToken);
                        group = [];
                        count = 0;
                    }
                }

                var last = previous is null ? new ReadBatch(file, [], [], IsLast: true) : previous with { IsLast = true };
                group.Add(last);
                count += last.Articles.Count;
                if (count >= PrepareBatchSize)
                {
                    groups.Add(group, cancellationToken);
                    group = [];
                    count = 0;
                }
            }

            if (group.Count > 0)
            {
                groups.Add(group, cancellationToken);
            }
        }
        finally
        {
            groups.CompleteAdding();
        }
    }

    private Dictionary<string, string> ReadFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = Open(Path, SqliteOpenMode.ReadOnly);
        using var command = Command(connection, null, "SELECT path, fingerprint FROM files");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            files[r.GetString(0)] = r.GetString(1);
        }

        return files;
    }

    private IndexStatus ReadStatus(bool isBuilding)
    {
        var status = new IndexStatus { IsReady = false, IsBuilding = isBuilding, Path = Path };
        if (!File.Exists(Path))
        {
            return status;
        }

        try
        {
            using var connection = Open(Path, SqliteOpenMode.ReadOnly);
            using var transaction = connection.BeginTransaction(deferred: true);
            var builtAt = ReadMeta(connection, transaction, IndexSchema.Keys.BuiltAt);
            if (builtAt is null)
            {
                return status;
            }

            var articles = Scalar(connection, transaction, "SELECT count(*) FROM articles");
            var passages = Scalar(connection, transaction, "SELECT coalesce(max(rowid), 0) FROM passages");
            var newest = ReadMetaQuery(connection, transaction, "SELECT max(published) FROM articles");
            return status with
            {
                IsReady = true,
                BuiltAt = DateTimeOffset.Parse(builtAt, CultureInfo.InvariantCulture),
                ArticleCount = (int)articles,
                PassageCount = (int)Scalar(connection, transaction, "SELECT count(*) FROM passages"),
                Newest = newest is null ? null : DateOnly.ParseExact(newest, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
        catch (SqliteException)
        {
            return status;
        }
    }

    private string? ReadMeta(string key)
    {
        try
        {
            using var connection = Open(Path, SqliteOpenMode.ReadOnly);
            return ReadMeta(connection, null, key);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static string? ReadMeta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = Command(connection, transaction, "SELECT value FROM meta WHERE key = $k", "$k");
        command.Parameters[0].Value = key;
        return command.ExecuteScalar() as string;
    }

    private static string? ReadMetaQuery(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return command.ExecuteScalar() as string;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = Command(connection, transaction, "INSERT OR REPLACE INTO meta(key, value) VALUES($k, $v)", "$k", "$v");
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = value;
        command.ExecuteNonQuery();
    }

    internal static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is a constant of this class; values always go in parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        if (parameters.Length > 0)
        {
            command.Prepare();
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // A batch of one file's articles as read.
    private sealed record ReadBatch(CorpusFile File, IReadOnlyList<Article> Articles, IReadOnlyList<CorpusWarning> Warnings, bool IsLast);

    // A batch of one file's articles ready to insert; the file's row is written after its last batch.
    private sealed record PreparedBatch(CorpusFile File, IReadOnlyList<CorpusWarning> Warnings, IReadOnlyList<PreparedArticle> Articles, bool IsLast);

    // One article ready to insert: per passage its analysed text (UTF-8, bound as is), token count, repeated tokens,
    // encoded sentences and context ranges; the claims of the article's passages' sentences in one blob; the compressed
    // text. Everything that needs no database is done here, on the prepare threads, so the one writer thread only binds.
    private sealed record PreparedArticle(Article Article, IReadOnlyList<Passage> Passages, byte[][] IndexTexts, int[] TokenCounts, string?[] Repeats, string[] Sentences, string?[] Contexts, byte[]? Claims, byte[] CompressedText)
    {
        public static PreparedArticle Create(Article article, IReadOnlyList<Passage> passages, IReadOnlyList<Claim> claims, TextAnalyzer analyzer)
        {
            var claimsBySentence = new Dictionary<int, Claim>(claims.Count);
            foreach (var claim in claims)
            {
                claimsBySentence.TryAdd(claim.SentenceIndex, claim);
            }

            var texts = new byte[passages.Count][];
            var counts = new int[passages.Count];
            var repeats = new string?[passages.Count];
            var sentences = new string[passages.Count];
            var contexts = new string?[passages.Count];
            var kept = new List<Claim>();
            var tokens = new IndexTextBuilder();
            try
            {
                for (var i = 0; i < passages.Count; i++)
                {
                    var passage = passages[i];
                    foreach (var sentence in passage.Sentences)
                    {
                        if (claimsBySentence.Remove(sentence.Index, out var claim))
                        {
                            kept.Add(claim);
                        }
                    }

                    // The passage's context is searched with it, so "four kilometres of the desert city" is found for Palmyra.
                    tokens.Clear();
                    analyzer.Run(passage.Text, ref tokens);
                    if (passage.Context is { Length: > 0 } context)
                    {
                        analyzer.Run(context, ref tokens);
                    }

                    texts[i] = tokens.ToUtf8();
                    counts[i] = tokens.Count;
                    repeats[i] = tokens.Repeats();
                    sentences[i] = PassageCodec.EncodeSentences(passage.Sentences);
                    contexts[i] = PassageCodec.EncodeContext(passage.ContextRanges);
                }
            }
            finally
            {
                tokens.Dispose();
            }

            return new PreparedArticle(article, passages, texts, counts, repeats, sentences, contexts, PassageCodec.EncodeClaims(kept), BrotliText.Compress(article.Text));
        }
    }

    // The writer, reader and preparer stages block on their queues for the whole build. On thread-pool threads they
    // would hold the pool's few workers (two on this machine) and leave Parallel.For waiting for the pool to inject one;
    // a dedicated thread each keeps the pool free for the preparing work (a 10k build: 9.3-10.1 s, 8.3-8.7 s with the
    // pool unblocked).
    private static Task<T> RunStage<T>(Func<T> stage, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(stage, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task RunStage(Action stage, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(stage, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void DeleteFileSet(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-journal", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    // The index file, its WAL and aliases.yaml, each as one stat saw it (IsFresh): equal stamps, an unchanged index.
    private sealed record FreshStamp(FileStamp Index, FileStamp Wal, FileStamp Aliases);
}
