using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Corpus;

/// <summary>
/// Reads corpus/sources.yaml (format documented at the top of that file): <c>outlets</c>, <c>sources</c> with their
/// <c>kind</c>, and <c>articles</c> keyed by id. Every error names the file, the line and the reason.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SourceCatalogLoader
{
    /// <summary>The catalog's file name inside the corpus folder.</summary>
    public const string FileName = "sources.yaml";

    /// <summary>Loads <paramref name="path"/>; an empty catalog when the file does not exist.</summary>
    /// <exception cref="CorpusFormatException">The file is malformed (file, line, reason) or cannot be read.</exception>
    public static SourceCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return SourceCatalog.Empty;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusFormatException($"{path}: cannot be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses the YAML text of a sources file; <paramref name="path"/> is used in error messages.</summary>
    /// <exception cref="CorpusFormatException">The text is malformed (file, line, reason).</exception>
    public static SourceCatalog Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CorpusFormatException($"{path}:{ex.Start.Line}: not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return SourceCatalog.Empty;
        }

        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(path, stream.Documents[0].RootNode, "the top level must be a mapping with outlets, sources and articles");

        var outlets = new List<Outlet>();
        var sources = new List<NamedSource>();
        var articles = new Dictionary<string, ArticleMetadataPatch>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Scalar(path, keyNode);
            switch (key)
            {
                case "outlets":
                    foreach (var item in Sequence(path, value, key))
                    {
                        outlets.Add(ReadOutlet(path, item));
                    }

                    break;
                case "sources":
                    foreach (var item in Sequence(path, value, key))
                    {
                        sources.Add(ReadSource(path, item));
                    }

                    break;
                case "articles":
                    if (value is YamlScalarNode { Value: null or "" })
                    {
                        break;
                    }

                    if (value is not YamlMappingNode articleMap)
                    {
                        throw Error(path, value, "'articles' must be a mapping keyed by article id");
                    }

                    foreach (var (idNode, entry) in articleMap.Children)
                    {
                        var id = Scalar(path, idNode);
                        if (!ArticleIds.IsSlug(id))
                        {
                            throw Error(path, idNode, $"article id '{id}' is not a lowercase slug (try '{ArticleIds.Slugify(id)}')");
                        }

                        if (articles.ContainsKey(id))
                        {
                            throw Error(path, idNode, $"article '{id}' is listed twice");
                        }

                        var problems = new List<MetadataProblem>();
                        articles[id] = MetadataYaml.ReadPatch(entry, problems);
                        if (problems.Count > 0)
                        {
                            throw new CorpusFormatException($"{path}:{problems[0].Line}: article '{id}': {problems[0].Reason}");
                        }
                    }

                    break;
                default:
                    throw Error(path, keyNode, $"unknown section '{key}' (expected outlets, sources or articles)");
            }
        }

        DuplicateCheck(path, outlets.Select(o => o.Name), "outlet");
        return new SourceCatalog { Outlets = outlets, Sources = sources, Articles = articles };
    }

    /// <summary>The kebab-case word sources.yaml uses for <paramref name="kind"/> ("armed-group-media").</summary>
    public static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.ArmedGroup => "armed-group",
        SourceKind.ArmedGroupMedia => "armed-group-media",
        SourceKind.NewsAgency => "news-agency",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a kind word ("monitor", "armed-group", ...); false when it is not one.</summary>
    public static bool TryParseKind(string? value, out SourceKind kind)
    {
        foreach (var candidate in Enum.GetValues<SourceKind>())
        {
            if (candidate != SourceKind.Unknown && string.Equals(KindName(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = SourceKind.Unknown;
        return false;
    }

    private static Outlet ReadOutlet(string path, YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(path, node, "each outlet must be a mapping (name, aliases, homepage, signatures, licence, maxQuoteChars)");
        string? name = null, homepage = null, licence = null;
        int? maxQuote = null;
        IReadOnlyList<string> aliases = [], signatures = [];
        foreach (var (keyNode, value) in map.Children)
        {
            switch (Scalar(path, keyNode))
            {
                case "name": name = Scalar(path, value); break;
                case "aliases": aliases = Strings(path, value); break;
                case "homepage": homepage = Scalar(path, value); break;
                case "signatures": signatures = Strings(path, value); break;
                case "licence" or "license": licence = Scalar(path, value); break;
                case "maxQuoteChars":
                    maxQuote = int.TryParse(Scalar(path, value), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw Error(path, value, "maxQuoteChars must be a positive whole number");
                    break;
                case var other: throw Error(path, keyNode, $"unknown outlet field '{other}'");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error(path, node, "an outlet needs a name");
        }

        return new Outlet { Name = name.Trim(), Aliases = aliases, Homepage = homepage, Signatures = signatures, Licence = licence, MaxQuoteChars = maxQuote };
    }

    private static NamedSource ReadSource(string path, YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(path, node, "each source must be a mapping (name, aliases, kind)");
        string? name = null;
        SourceKind? kind = null;
        IReadOnlyList<string> aliases = [];
        foreach (var (keyNode, value) in map.Children)
        {
            switch (Scalar(path, keyNode))
            {
                case "name": name = Scalar(path, value); break;
                case "aliases": aliases = Strings(path, value); break;
                case "kind":
                    var word = Scalar(path, value);
                    kind = TryParseKind(word, out var parsed)
                        ? parsed
                        : throw Error(path, value, $"unknown kind '{word}' (expected monitor, government, armed-group, armed-group-media, news-agency, official or unnamed)");
                    break;
                case var other: throw Error(path, keyNode, $"unknown source field '{other}'");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error(path, node, "a source needs a name");
        }

        return new NamedSource { Name = name.Trim(), Aliases = aliases, Kind = kind ?? throw Error(path, node, $"source '{name}' needs a kind") };
    }

    private static void DuplicateCheck(string path, IEnumerable<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw new CorpusFormatException($"{path}: {what} '{name}' is listed twice");
            }
        }
    }

    private static IEnumerable<YamlNode> Sequence(string path, YamlNode node, string key) => node switch
    {
        YamlSequenceNode seq => seq.Children,
        YamlScalarNode { Value: null or "" } => [],
        _ => throw Error(path, node, $"'{key}' must be a list"),
    };

    private static string Scalar(string path, YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error(path, node, "expected a single value");

    private static string[] Strings(string path, YamlNode node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => Scalar(path, c)).Where(s => s.Length > 0).ToArray(),
        YamlScalarNode { Value: null or "" } => [],
        YamlScalarNode scalar => [scalar.Value!],
        _ => throw Error(path, node, "expected a list of words"),
    };

    private static CorpusFormatException Error(string path, YamlNode node, string reason) =>
        new($"{path}:{node.Start.Line}: {reason}");
}
