using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Corpus;

/// <summary>
/// Reads the corpus folder: .txt, .md, .html/.htm, .json and .jsonl article files, metadata resolved by precedence
/// (front matter or the JSON object, sidecar NAME.meta.yaml, sources.yaml <c>articles:</c>, the text itself, outlet
/// signatures, an outlet-named folder), text segmented into reporting and the rest.
/// </summary>
/// <remarks>
/// Thread-safe. <see cref="Scan"/> reads no article contents: its fingerprints come from file sizes and times and the
/// file's sources.yaml entry, so scanning an unchanged corpus of 100k files is cheap. sources.yaml is re-parsed only
/// when it changes.
/// </remarks>
public sealed class CorpusReader : ICorpusReader
{
    private static readonly string[] ArticleExtensions = [".txt", ".md", ".html", ".htm", ".json", ".jsonl"];
    private const string SidecarSuffix = ".meta.yaml";

    private readonly CorpusOptions _options;
    private readonly Lock _cacheLock = new();
    private CatalogCacheEntry? _cache;

    public CorpusReader(IOptions<CorpusOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public CorpusReader()
        : this(Options.Create(new CorpusOptions()))
    {
    }

    public IReadOnlyList<CorpusFile> Scan(string corpusDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpusDirectory);
        var root = Path.GetFullPath(corpusDirectory);
        var entry = Catalog(root);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var articles = new List<FileInfo>();
        var sidecars = new Dictionary<string, FileInfo>(StringComparer.Ordinal);
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        foreach (var info in new DirectoryInfo(root).EnumerateFiles("*", enumeration))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (info.Name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase))
            {
                sidecars[info.FullName] = info;
            }
            else if (IsArticleFile(info.Name))
            {
                articles.Add(info);
            }
        }

        var files = new List<CorpusFile>(articles.Count);
        foreach (var info in articles)
        {
            var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
            var fp = new StringBuilder(64);
            fp.Append(info.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('-')
              .Append(info.LastWriteTimeUtc.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var sidecarPath in SidecarCandidates(info.FullName))
            {
                if (sidecars.TryGetValue(sidecarPath, out var sidecar))
                {
                    fp.Append("-m").Append(sidecar.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('.')
                      .Append(sidecar.LastWriteTimeUtc.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            var isBulk = info.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase);
            var entryHash = isBulk
                ? entry.AllArticlesHash
                : entry.ArticleHashes.GetValueOrDefault(ArticleIds.Slugify(Path.GetFileNameWithoutExtension(info.Name)), "0");
            fp.Append("-a").Append(entryHash).Append("-o").Append(entry.OutletsHash);
            files.Add(new CorpusFile(info.FullName, relative, fp.ToString()));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    public SourceCatalog ReadCatalog(string corpusDirectory)
    {
        ArgumentNullException.ThrowIfNull(corpusDirectory);
        return Catalog(Path.GetFullPath(corpusDirectory)).Catalog;
    }

    public CorpusReadResult Read(CorpusFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var warnings = new List<CorpusWarning>();
        var articles = new List<Article>();
        var rel = file.RelativePath;
        var root = CorpusRoot(file);
        var context = CreateContext(file, warnings);
        try
        {
            var ext = Path.GetExtension(file.FullPath).ToLowerInvariant();
            if (ext == ".jsonl")
            {
                articles.AddRange(ReadJsonLines(file.FullPath, context, cancellationToken));
                return new CorpusReadResult(articles, warnings);
            }

            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                warnings.Add(new CorpusWarning(rel, "file no longer exists", true));
                return new CorpusReadResult(articles, warnings);
            }

            if (info.Length > _options.MaxFileBytes)
            {
                warnings.Add(new CorpusWarning(rel, $"file is {info.Length:N0} bytes, over the {_options.MaxFileBytes:N0}-byte limit (Corpus:MaxFileBytes)", true));
                return new CorpusReadResult(articles, warnings);
            }

            var bytes = File.ReadAllBytes(file.FullPath);
            if (!TextDecoder.TryDecode(bytes, out var decoded, out var reason))
            {
                warnings.Add(new CorpusWarning(rel, reason, true));
                return new CorpusReadResult(articles, warnings);
            }

            if (string.IsNullOrWhiteSpace(decoded))
            {
                warnings.Add(new CorpusWarning(rel, "file is empty", true));
                return new CorpusReadResult(articles, warnings);
            }

            var sidecar = ReadSidecar(file.FullPath, root, warnings);
            var stem = Path.GetFileNameWithoutExtension(file.FullPath);
            Article? article = ext switch
            {
                ".json" => ReadJsonObject(decoded, 0, stem, rel, sidecar, context),
                ".html" or ".htm" => ReadHtml(decoded, stem, sidecar, context),
                _ => ReadText(decoded, stem, sidecar, context),
            };
            if (article is not null)
            {
                articles.Add(article);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new CorpusWarning(rel, $"cannot be read: {ex.Message}", true));
        }

        return new CorpusReadResult(articles, warnings);
    }

    public IEnumerable<CorpusReadResult> ReadBatches(CorpusFile file, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!Path.GetExtension(file.FullPath).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return [Read(file, cancellationToken)];
        }

        return ReadJsonLineBatches(file, batchSize, cancellationToken);
    }

    /// <summary>True for a file name the corpus treats as an article (not sources.yaml, aliases.yaml, sidecars or a README).</summary>
    public static bool IsArticleFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ext = Path.GetExtension(fileName);
        return Array.Exists(ArticleExtensions, e => e.Equals(ext, StringComparison.OrdinalIgnoreCase))
            && !fileName.StartsWith("README.", StringComparison.OrdinalIgnoreCase)
            && !fileName.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);
    }

    private static Article? ReadText(string decoded, string stem, ArticleMetadataPatch? sidecar, ReadContext context)
    {
        ArticleMetadataPatch? front = null;
        var text = decoded;
        if (MetadataYaml.TrySplitFrontMatter(decoded, out var yaml, out var bodyStart, out var unclosed))
        {
            var problems = new List<MetadataProblem>();
            front = MetadataYaml.Parse(yaml, 1, problems);
            foreach (var p in problems)
            {
                context.Warnings.Add(new CorpusWarning($"{context.RelativePath}:{p.Line}", $"front matter: {p.Reason}; that part is ignored", false));
            }

            text = decoded[bodyStart..];
        }
        else if (unclosed)
        {
            context.Warnings.Add(new CorpusWarning(context.RelativePath, "front matter opens with '---' but is never closed; read as article text", false));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            context.Warnings.Add(new CorpusWarning(context.RelativePath, "no article text after the front matter", true));
            return null;
        }

        return Build(text, stem, context.RelativePath, front, sidecar, null, context, context.RelativePath);
    }

    private static Article? ReadHtml(string decoded, string stem, ArticleMetadataPatch? sidecar, ReadContext context)
    {
        var page = HtmlTextExtractor.Extract(decoded);
        if (string.IsNullOrWhiteSpace(page.Text))
        {
            context.Warnings.Add(new CorpusWarning(context.RelativePath, "the page has no readable text", true));
            return null;
        }

        return Build(page.Text, stem, context.RelativePath, null, sidecar, page.Metadata, context, context.RelativePath);
    }

    private static Article? ReadJsonObject(string json, int line, string fallbackId, string sourcePath, ArticleMetadataPatch? sidecar, ReadContext context)
    {
        // One reader of an article object's fields (JsonArticleFields), for a .json file as for a .jsonl line, so the two
        // cannot drift apart; JsonDocument only words why an object could not be read. A byte-order mark character still
        // leading the text is dropped: the byte reader would take it for an encoding still to decode.
        if (JsonArticleFields.TryRead(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')), line, out var fields, out var body))
        {
            return BuildJsonArticle(fields, body, line, fallbackId, sourcePath, sidecar, context);
        }

        var where = line > 0 ? $"{context.RelativePath}:{line}" : context.RelativePath;
        context.Warnings.Add(new CorpusWarning(where, WhyNotAnArticleObject(json), true));
        return null;
    }

    private static string WhyNotAnArticleObject(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? "the JSON object could not be read as an article"
                : "expected one JSON object with id, outlet, title, published, byline, url and body";
        }
        catch (JsonException ex)
        {
            return $"malformed JSON: {ex.Message}";
        }
    }

    // The article of a JSON object's fields (names ignoring case, values trimmed) and body.
    private static Article? BuildJsonArticle(Dictionary<string, (string Value, int Line)> fields, string? body, int line, string fallbackId, string sourcePath, ArticleMetadataPatch? sidecar, ReadContext context)
    {
        var where = line > 0 ? $"{context.RelativePath}:{line}" : context.RelativePath;
        if (string.IsNullOrWhiteSpace(body))
        {
            context.Warnings.Add(new CorpusWarning(where, "the article object has no body text", true));
            return null;
        }

        var problems = new List<MetadataProblem>();
        var patch = MetadataYaml.FromFields(fields, problems);
        foreach (var p in problems)
        {
            context.Warnings.Add(new CorpusWarning(where, p.Reason, false));
        }

        return Build(body, fallbackId, sourcePath, patch, sidecar, null, context, where);
    }

    private IEnumerable<CorpusReadResult> ReadJsonLineBatches(CorpusFile file, int batchSize, CancellationToken cancellationToken)
    {
        var warnings = new List<CorpusWarning>();
        var context = CreateContext(file, warnings);
        var batch = new List<Article>(batchSize);
        using var articles = ReadJsonLinesOrWarn(file, context, cancellationToken).GetEnumerator();
        while (articles.MoveNext())
        {
            batch.Add(articles.Current);
            if (batch.Count == batchSize)
            {
                yield return new CorpusReadResult(batch, [.. warnings]);
                batch = new List<Article>(batchSize);
                warnings.Clear();
            }
        }

        yield return new CorpusReadResult(batch, [.. warnings]);
    }

    // The articles of a .jsonl file; a file that cannot be read ends the sequence with a warning, as Read does.
    private static IEnumerable<Article> ReadJsonLinesOrWarn(CorpusFile file, ReadContext context, CancellationToken cancellationToken)
    {
        using var articles = ReadJsonLines(file.FullPath, context, cancellationToken).GetEnumerator();
        while (true)
        {
            try
            {
                if (!articles.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Warnings.Add(new CorpusWarning(file.RelativePath, $"cannot be read: {ex.Message}", true));
                yield break;
            }

            yield return articles.Current;
        }
    }

    private ReadContext CreateContext(CorpusFile file, List<CorpusWarning> warnings)
    {
        SourceCatalog catalog;
        try
        {
            catalog = Catalog(CorpusRoot(file)).Catalog;
        }
        catch (CorpusFormatException ex)
        {
            warnings.Add(new CorpusWarning(file.RelativePath, $"sources.yaml could not be used ({ex.Message}); read without it", false));
            catalog = SourceCatalog.Empty;
        }

        return new ReadContext(file.RelativePath, catalog, new OutletResolver(catalog), warnings);
    }

    private static IEnumerable<Article> ReadJsonLines(string path, ReadContext context, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        context.BulkUnknownOutlets = new Dictionary<string, (int FirstLine, int Count)>(StringComparer.Ordinal);
        foreach (var (bytes, number) in JsonLines.Read(path))
        {
            if ((number & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (bytes.IsEmpty || bytes.Span.Trim((byte)' ').Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            context.Line = number;
            Article? article;
            if (JsonArticleFields.TryRead(bytes.Span, number, out var fields, out var body))
            {
                article = BuildJsonArticle(fields, body, number, $"{stem}-{number}", $"{context.RelativePath}#{number}", null, context);
            }
            else
            {
                // A line the byte reader does not take is decoded as text first: bytes that are not text (a NUL,
                // bad UTF-8) are warned of here; text (after a BOM, or UTF-16) goes to ReadJsonObject, which reads
                // it with the same field reader and words the warning when it is still no article object (malformed
                // JSON, not an object).
                if (!TextDecoder.TryDecode(bytes.Span, out var json, out var reason))
                {
                    context.Warnings.Add(new CorpusWarning($"{context.RelativePath}:{number}", reason, true));
                    continue;
                }

                article = ReadJsonObject(json, number, $"{stem}-{number}", $"{context.RelativePath}#{number}", null, context);
            }

            if (article is null)
            {
                continue;
            }

            if (!seen.Add(article.Id))
            {
                context.Warnings.Add(new CorpusWarning($"{context.RelativePath}:{number}", $"article id '{article.Id}' appears earlier in this file; this line is skipped", true));
                continue;
            }

            yield return article;
        }

        foreach (var (outlet, (firstLine, count)) in context.BulkUnknownOutlets)
        {
            context.Warnings.Add(new CorpusWarning(
                $"{context.RelativePath}:{firstLine}",
                $"outlet '{outlet}' is not listed in sources.yaml; {count} article(s) indexed with outlet '{ArticleMetadata.UnknownOutlet}'",
                false));
        }

        context.BulkUnknownOutlets = null;
    }

    private static Article Build(
        string text,
        string fileStem,
        string sourcePath,
        ArticleMetadataPatch? fileLayer,
        ArticleMetadataPatch? sidecar,
        ArticleMetadataPatch? pageLayer,
        ReadContext context,
        string where)
    {
        var segments = ArticleSegmenter.Segment(text);
        var textLayer = Merge(pageLayer, TextMetadata.Read(text, segments));

        var rawId = fileLayer?.Id ?? sidecar?.Id ?? fileStem;
        var id = rawId;
        if (!ArticleIds.IsSlug(rawId))
        {
            id = ArticleIds.Slugify(rawId);
            if (id.Length == 0)
            {
                id = ArticleIds.Slugify(fileStem) is { Length: > 0 } s ? s : "article";
            }

            context.Warnings.Add(new CorpusWarning(where, $"article id '{rawId}' is not a lowercase slug; using '{id}'", false));
        }

        var catalogLayer = context.Catalog.Articles.GetValueOrDefault(id);
        ArticleMetadataPatch?[] layers = [fileLayer, sidecar, catalogLayer, textLayer];
        var published = layers.FirstOrDefault(l => l?.Published is not null);

        return new Article
        {
            Metadata = new ArticleMetadata
            {
                Id = id,
                Outlet = ResolveOutlet(layers, text, sourcePath, context, where),
                Title = layers.Select(l => l?.Title).FirstOrDefault(v => v is not null),
                Published = published?.Published,
                PublishedInferred = published?.PublishedInferred ?? false,
                Byline = layers.Select(l => l?.Byline).FirstOrDefault(v => v is not null),
                Url = layers.Select(l => l?.Url).FirstOrDefault(v => v is not null),
                Language = layers.Select(l => l?.Language).FirstOrDefault(v => v is not null),
            },
            Text = text,
            SourcePath = sourcePath,
            Segments = segments,
        };
    }

    private static string ResolveOutlet(ArticleMetadataPatch?[] layers, string text, string sourcePath, ReadContext context, string where)
    {
        // Metadata that names the outlet (front matter, sidecar, sources.yaml entry) wins.
        foreach (var layer in layers.Take(3))
        {
            if (layer?.Outlet is { } named)
            {
                if (context.Resolver.ByName(named) is { } canonical)
                {
                    return canonical;
                }

                if (!context.Resolver.HasOutlets)
                {
                    return named; // nothing to resolve against: take the name as given
                }

                context.UnknownOutlet(named, where);
                return ArticleMetadata.UnknownOutlet;
            }
        }

        var resolved = (layers[3]?.Outlet is { } site ? context.Resolver.ByName(site) : null)
            ?? context.Resolver.BySignature(text)
            ?? context.Resolver.ByFolder(sourcePath.Split('#')[0]);
        if (resolved is not null)
        {
            return resolved;
        }

        context.Warnings.Add(new CorpusWarning(where, $"outlet unknown: no metadata names it, no outlet signature from sources.yaml is in the text, and no folder is named after an outlet; indexed with outlet '{ArticleMetadata.UnknownOutlet}'", false));
        return ArticleMetadata.UnknownOutlet;
    }

    private static ArticleMetadataPatch Merge(ArticleMetadataPatch? high, ArticleMetadataPatch low) => high is null ? low : new ArticleMetadataPatch
    {
        Id = high.Id ?? low.Id,
        Outlet = high.Outlet ?? low.Outlet,
        Title = high.Title ?? low.Title,
        Published = high.Published ?? low.Published,
        PublishedInferred = high.Published is not null ? high.PublishedInferred : low.PublishedInferred,
        Byline = high.Byline ?? low.Byline,
        Url = high.Url ?? low.Url,
        Language = high.Language ?? low.Language,
    };

    private static ArticleMetadataPatch? ReadSidecar(string fullPath, string root, List<CorpusWarning> warnings)
    {
        foreach (var candidate in SidecarCandidates(fullPath))
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            var rel = Path.GetRelativePath(root, candidate).Replace('\\', '/');
            try
            {
                if (!TextDecoder.TryDecode(File.ReadAllBytes(candidate), out var yaml, out var reason))
                {
                    warnings.Add(new CorpusWarning(rel, $"sidecar ignored: {reason}", false));
                    return null;
                }

                var problems = new List<MetadataProblem>();
                var patch = MetadataYaml.Parse(yaml, 0, problems);
                foreach (var p in problems)
                {
                    warnings.Add(new CorpusWarning($"{rel}:{p.Line}", $"sidecar: {p.Reason}; that part is ignored", false));
                }

                return patch;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                warnings.Add(new CorpusWarning(rel, $"sidecar cannot be read: {ex.Message}", false));
                return null;
            }
        }

        return null;
    }

    /// <summary>NAME.meta.yaml beside NAME.ext (and NAME.ext.meta.yaml).</summary>
    private static IEnumerable<string> SidecarCandidates(string fullPath)
    {
        var dir = Path.GetDirectoryName(fullPath) ?? string.Empty;
        yield return Path.Combine(dir, Path.GetFileNameWithoutExtension(fullPath) + SidecarSuffix);
        yield return fullPath + SidecarSuffix;
    }

    private static string CorpusRoot(CorpusFile file)
    {
        var full = file.FullPath.Replace('\\', '/');
        var rel = file.RelativePath.Replace('\\', '/');
        return full.EndsWith(rel, StringComparison.Ordinal) ? file.FullPath[..^rel.Length].TrimEnd('/', '\\') : Path.GetDirectoryName(file.FullPath) ?? ".";
    }

    private CatalogCacheEntry Catalog(string root)
    {
        var path = Path.Combine(root, SourceCatalogLoader.FileName);
        var stamp = FileStamp.Of(path);
        lock (_cacheLock)
        {
            if (_cache is { } c && c.Path == path && c.Stamp == stamp)
            {
                return c;
            }
        }

        var catalog = SourceCatalogLoader.Load(path);
        var entry = new CatalogCacheEntry(path, stamp, catalog);
        lock (_cacheLock)
        {
            _cache = entry;
        }

        return entry;
    }

    private sealed class CatalogCacheEntry
    {
        public CatalogCacheEntry(string path, FileStamp stamp, SourceCatalog catalog)
        {
            Path = path;
            Stamp = stamp;
            Catalog = catalog;
            ArticleHashes = catalog.Articles.ToDictionary(kv => kv.Key, kv => Hash(MetadataYaml.Describe(kv.Value)), StringComparer.Ordinal);
            AllArticlesHash = Hash(string.Join('\n', catalog.Articles.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + MetadataYaml.Describe(kv.Value))));
            OutletsHash = Hash(string.Join('\n', catalog.Outlets.Select(o =>
                $"{o.Name}|{string.Join(',', o.Aliases)}|{string.Join(',', o.Signatures)}")));
        }

        public string Path { get; }

        public FileStamp Stamp { get; }

        public SourceCatalog Catalog { get; }

        public IReadOnlyDictionary<string, string> ArticleHashes { get; }

        public string AllArticlesHash { get; }

        public string OutletsHash { get; }

        private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)).AsSpan(0, 6));
    }

    private sealed class ReadContext(string relativePath, SourceCatalog catalog, OutletResolver resolver, List<CorpusWarning> warnings)
    {
        public string RelativePath { get; } = relativePath;

        public SourceCatalog Catalog { get; } = catalog;

        public OutletResolver Resolver { get; } = resolver;

        public List<CorpusWarning> Warnings { get; } = warnings;

        public int Line { get; set; }

        public Dictionary<string, (int FirstLine, int Count)>? BulkUnknownOutlets { get; set; }

        public void UnknownOutlet(string named, string where)
        {
            if (BulkUnknownOutlets is not null)
            {
                BulkUnknownOutlets[named] = BulkUnknownOutlets.TryGetValue(named, out var seen) ? (seen.FirstLine, seen.Count + 1) : (Line, 1);
                return;
            }

            Warnings.Add(new CorpusWarning(where, $"outlet '{named}' is not listed in sources.yaml; indexed with outlet '{ArticleMetadata.UnknownOutlet}'", false));
        }
    }
}
