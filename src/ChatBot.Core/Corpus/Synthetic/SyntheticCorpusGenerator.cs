using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// Writes a synthetic corpus for scale tests: articles from several fictional outlets covering the same events with
/// different spellings, figures and sources, wrapped in the page furniture ingestion must strip, plus a few broken
/// files. Deterministic: the same options give byte-identical output, and a smaller corpus is a prefix of a larger one
/// (article n depends only on the seed and n).
/// </summary>
/// <remarks>Thread-safe (static, no shared state). Generation runs in parallel batches; the output does not depend on it.</remarks>
public static class SyntheticCorpusGenerator
{
    /// <summary>The bulk file written in <see cref="SyntheticCorpusFormat.Jsonl"/> mode.</summary>
    public const string JsonlFileName = "articles.jsonl";

    /// <summary>The folder holding files no outlet can be resolved for and other broken downloads.</summary>
    public const string InboxFolder = "inbox";

    /// <summary>A newspaper the catalog does not list, for the unknown-outlet case.</summary>
    public const string UnlistedOutlet = "Aleppo Evening Courier";

    private const int BatchSize = 512;
    private const int SourcesYamlUrlEvery = 250;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Generates the corpus into <paramref name="directory"/>.</summary>
    /// <exception cref="ChatBotException">The folder holds something other than an earlier synthetic corpus.</exception>
    public static SyntheticCorpusReport Generate(SyntheticCorpusOptions options, string directory, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Articles);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MalformedEvery, 1);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var root = Path.GetFullPath(directory);
        PrepareDirectory(root, options.ReplaceExisting);

        var composer = new SyntheticArticleComposer(options.Seed);
        var state = new RunState(options, root, composer);
        if (options.Format == SyntheticCorpusFormat.Files)
        {
            WriteFiles(state, progress, cancellationToken);
        }
        else
        {
            WriteJsonl(state, progress, cancellationToken);
        }

        File.WriteAllText(Path.Combine(root, SourceCatalogLoader.FileName), SyntheticCatalogWriter.SourcesYaml(options.Seed, state.SourcesYamlUrls()), Utf8);
        File.WriteAllText(Path.Combine(root, "aliases.yaml"), SyntheticCatalogWriter.AliasesYaml(), Utf8);

        return new SyntheticCorpusReport
        {
            Directory = root,
            Articles = options.Articles,
            Files = state.Files + 2,
            Bytes = state.Bytes,
            Outlets = SyntheticVocabulary.Outlets.Select(o => o.Name).ToList(),
            Malformed = state.Malformed,
            Elapsed = started.Elapsed,
        };
    }

    /// <summary>The reporting article <paramref name="index"/> of a corpus with <paramref name="seed"/> holds (for tests and questions).</summary>
    public static SyntheticArticle Compose(long seed, int index) => new SyntheticArticleComposer(seed).Compose(index);

    private static void PrepareDirectory(string root, bool replace)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            var sources = Path.Combine(root, SourceCatalogLoader.FileName);
            var ours = File.Exists(sources) && File.ReadLines(sources).FirstOrDefault()?.StartsWith(SyntheticCatalogWriter.Marker, StringComparison.Ordinal) == true;
            if (!replace || !ours)
            {
                throw new ChatBotException(ours
                    ? $"{root}: holds an earlier synthetic corpus; pass --force to replace it"
                    : $"{root}: the folder is not empty and was not written by `corpus synth`; choose an empty or new folder");
            }

            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
    }

    private static void WriteFiles(RunState s, IProgress<int>? progress, CancellationToken ct)
    {
        var n = s.Options.Articles;
        for (var start = 0; start < n; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(n, start + BatchSize);
            Parallel.For(start, end, new ParallelOptions { CancellationToken = ct }, i => WriteArticleFile(s, i));
            progress?.Report(end);
        }

        var malformedPerKind = Math.Max(1, (n + s.Options.MalformedEvery - 1) / s.Options.MalformedEvery);
        var inbox = Path.Combine(s.Root, InboxFolder);
        Directory.CreateDirectory(inbox);
        for (var k = 0; k < malformedPerKind; k++)
        {
            var r = new SyntheticRandom(s.Options.Seed, 8, k);
            var name = string.Create(CultureInfo.InvariantCulture, $"{InboxFolder}/download-{k:D5}");
            s.AddFile(name + "-a.txt", [], SyntheticMalformedKind.Empty);
            s.AddFile(name + "-b.txt", BinaryBytes(ref r), SyntheticMalformedKind.Binary);
            s.AddFile(name + "-c.txt", Windows1252Bytes(s.Composer.Compose(n + (2 * k))), SyntheticMalformedKind.BadEncoding);
            var unsigned = s.Composer.Compose(n + (2 * k) + 1, SyntheticVocabulary.Unlisted);
            s.AddFile(name + "-d.txt", Utf8.GetBytes(SyntheticPageRenderer.RenderUnsigned(unsigned, s.Options.Seed, n + k)), SyntheticMalformedKind.UnknownOutlet);
        }
    }

    private static void WriteArticleFile(RunState s, int i)
    {
        var article = s.Composer.Compose(i);
        var outlet = SyntheticVocabulary.Outlets.First(o => o.Name == article.Outlet);
        var folder = string.Create(CultureInfo.InvariantCulture, $"{outlet.Slug}/{i / 1000:D4}");
        Directory.CreateDirectory(Path.Combine(s.Root, folder));
        var r = new SyntheticRandom(s.Options.Seed, 9, i);

        if (outlet.Style == SyntheticOutletStyle.Wire && r.Chance(0.03))
        {
            // A few articles arrive as one JSON object, as an export from another system would give them.
            s.AddFile($"{folder}/{article.Id}.json", JsonArticle(article, SyntheticPageRenderer.Body(article, s.Options.Seed, i), withId: false), null);
            return;
        }

        var (text, extension) = SyntheticPageRenderer.Render(article, outlet.Style, s.Options.Seed, i);
        s.AddFile($"{folder}/{article.Id}{extension}", Utf8.GetBytes(text), null);
        if (outlet.Style == SyntheticOutletStyle.Newspaper && r.Chance(0.08))
        {
            var sidecar = $"url: \"{article.Url}\"\npublished: {article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n";
            s.AddFile($"{folder}/{article.Id}.meta.yaml", Utf8.GetBytes(sidecar), null, countBytes: false);
        }
        else if (i % SourcesYamlUrlEvery == 3)
        {
            s.SetSourcesYamlUrl(i / SourcesYamlUrlEvery, article.Id, article.Url);
        }
    }

    private static void WriteJsonl(RunState s, IProgress<int>? progress, CancellationToken ct)
    {
        var n = s.Options.Articles;
        var every = s.Options.MalformedEvery;
        using var stream = new FileStream(Path.Combine(s.Root, JsonlFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var lines = new byte[BatchSize][];
        var line = 0;
        var malformedWritten = 0;
        for (var start = 0; start < n || malformedWritten == 0; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(n, start + BatchSize);
            Parallel.For(start, end, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var article = s.Composer.Compose(i);
                lines[i - start] = JsonArticle(article, SyntheticPageRenderer.Body(article, s.Options.Seed, i), withId: true);
            });
            for (var i = start; i < end; i++)
            {
                stream.Write(lines[i - start]);
                line++;
                s.AddBytes(lines[i - start].Length);
                if ((i + 1) % every == 0)
                {
                    line = WriteMalformedLines(s, stream, line, malformedWritten++);
                }
            }

            if (end >= n && malformedWritten == 0)
            {
                line = WriteMalformedLines(s, stream, line, malformedWritten++);
            }

            progress?.Report(end);
        }

        s.Files = 1;
    }

    private static int WriteMalformedLines(RunState s, FileStream stream, int line, int k)
    {
        var n = s.Options.Articles;
        var baseIndex = n + (3 * k);

        // Not JSON: an export cut off mid-object.
        var cut = JsonArticle(s.Composer.Compose(baseIndex), "truncated", withId: true);
        stream.Write(cut.AsSpan(0, cut.Length / 2));
        stream.WriteByte((byte)'\n');
        s.AddMalformed($"{JsonlFileName}#{++line}", SyntheticMalformedKind.InvalidJson);

        // An article with nothing in it.
        var empty = s.Composer.Compose(baseIndex + 1) with { Id = $"empty-{k:D5}" };
        stream.Write(JsonArticle(empty, string.Empty, withId: true));
        s.AddMalformed($"{JsonlFileName}#{++line}", SyntheticMalformedKind.Empty);

        // Windows-1252 bytes inside the body: invalid UTF-8.
        var bad = s.Composer.Compose(baseIndex + 2) with { Id = $"cp1252-{k:D5}" };
        var json = Encoding.Latin1.GetString(JsonArticle(bad, "PLACEHOLDER", withId: true));
        stream.Write(Encoding.Latin1.GetBytes(json.Replace("PLACEHOLDER", "Residents said the army\u0092s shelling hit the caf\u00e9 near the square.", StringComparison.Ordinal)));
        s.AddMalformed($"{JsonlFileName}#{++line}", SyntheticMalformedKind.BadEncoding);

        // A newspaper sources.yaml does not list.
        var unknown = s.Composer.Compose(baseIndex, SyntheticVocabulary.Unlisted) with { Id = $"courier-{k:D5}" };
        stream.Write(JsonArticle(unknown, SyntheticPageRenderer.Body(unknown, s.Options.Seed, baseIndex), withId: true));
        s.AddMalformed($"{JsonlFileName}#{++line}", SyntheticMalformedKind.UnknownOutlet);
        return line;
    }

    /// <summary>One article object (a .json file, or a .jsonl line with its newline).</summary>
    private static byte[] JsonArticle(SyntheticArticle a, string body, bool withId)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + 512);
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            if (withId)
            {
                w.WriteString("id", a.Id);
            }

            w.WriteString("outlet", a.Outlet);
            w.WriteString("title", a.Title);
            w.WriteString("published", a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("byline", a.Byline);
            w.WriteString("url", a.Url);
            w.WriteString("body", body);
            w.WriteEndObject();
        }

        var bytes = new byte[buffer.WrittenCount + (withId ? 1 : 0)];
        buffer.WrittenSpan.CopyTo(bytes);
        if (withId)
        {
            bytes[^1] = (byte)'\n';
        }

        return bytes;
    }

    private static byte[] BinaryBytes(ref SyntheticRandom r)
    {
        // A JPEG saved under a .txt name: the JFIF header, then noise with NUL bytes in it.
        var bytes = new byte[r.Between(2048, 8192)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)r.Next(256);
        }

        ReadOnlySpan<byte> header = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
        header.CopyTo(bytes);
        bytes[64] = 0;
        return bytes;
    }

    private static byte[] Windows1252Bytes(SyntheticArticle a)
    {
        // Curly apostrophes and accented letters as Windows-1252 single bytes (0x92, 0xE9): not valid UTF-8.
        var text = $"{a.Title}\n{a.Byline}\n{a.Published.ToString("d MMMM, yyyy", CultureInfo.InvariantCulture)}\n"
            + string.Join("\n", a.Paragraphs).Replace("'", "\u0092", StringComparison.Ordinal)
            + "\nThe caf\u00e9 owner\u0092s account could not be verified.\n";
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>What one generation has written so far (shared by the parallel writers).</summary>
    private sealed class RunState(SyntheticCorpusOptions options, string root, SyntheticArticleComposer composer)
    {
        private readonly (string Id, string Url)?[] _urls = new (string, string)?[(options.Articles / SourcesYamlUrlEvery) + 1];
        private readonly List<SyntheticMalformedFile> _malformed = [];
        private long _bytes;
        private int _files;

        public SyntheticCorpusOptions Options { get; } = options;

        public string Root { get; } = root;

        public SyntheticArticleComposer Composer { get; } = composer;

        public long Bytes => Interlocked.Read(ref _bytes);

        public int Files { get => Volatile.Read(ref _files); set => Volatile.Write(ref _files, value); }

        public IReadOnlyList<SyntheticMalformedFile> Malformed => _malformed;

        public void AddFile(string relativePath, byte[] content, SyntheticMalformedKind? malformed, bool countBytes = true)
        {
            File.WriteAllBytes(Path.Combine(Root, relativePath), content);
            Interlocked.Increment(ref _files);
            if (countBytes)
            {
                AddBytes(content.Length);
            }

            if (malformed is { } kind)
            {
                AddMalformed(relativePath, kind);
            }
        }

        public void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

        public void AddMalformed(string relativePath, SyntheticMalformedKind kind)
        {
            lock (_malformed)
            {
                _malformed.Add(new SyntheticMalformedFile(relativePath, kind));
            }
        }

        public void SetSourcesYamlUrl(int slot, string id, string url) => _urls[slot] = (id, url);

        public IReadOnlyList<(string Id, string Url)> SourcesYamlUrls() => [.. _urls.Where(u => u is not null).Select(u => u!.Value)];
    }
}
