using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Corpus;

/// <summary>Reads one metadata layer (front matter, a sidecar, a sources.yaml entry) from YAML into a patch.</summary>
internal static class MetadataYaml
{
    /// <summary>The front matter of a .txt/.md file: "---" on the first line, closed by "---" or "...".</summary>
    /// <param name="text">The decoded file.</param>
    /// <param name="yaml">The YAML between the fences.</param>
    /// <param name="bodyStart">Where the article text starts (after the closing fence's line).</param>
    /// <param name="unclosed">True when an opening fence has no closing one.</param>
    /// <returns>False when the file has no front matter, or an opening fence with no closing one (then <paramref name="bodyStart"/> is 0).</returns>
    public static bool TrySplitFrontMatter(string text, out string yaml, out int bodyStart, out bool unclosed)
    {
        yaml = string.Empty;
        bodyStart = 0;
        unclosed = false;
        var firstEnd = LineEnd(text, 0, out var next);
        if (text.AsSpan(0, firstEnd).TrimEnd() is not "---")
        {
            return false;
        }

        var pos = next;
        while (pos < text.Length)
        {
            var end = LineEnd(text, pos, out var after);
            var line = text.AsSpan(pos, end - pos).TrimEnd();
            if (line is "---" or "...")
            {
                yaml = text[next..pos];
                bodyStart = after;
                return true;
            }

            pos = after;
        }

        unclosed = true;
        return false;
    }

    /// <summary>Parses a YAML metadata block; problems carry lines relative to the block plus <paramref name="lineOffset"/>.</summary>
    public static ArticleMetadataPatch Parse(string yaml, int lineOffset, List<MetadataProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add(new MetadataProblem((int)ex.Start.Line + lineOffset, $"not valid YAML: {ex.Message}"));
            return new ArticleMetadataPatch();
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ArticleMetadataPatch();
        }

        var before = problems.Count;
        var patch = ReadPatch(stream.Documents[0].RootNode, problems);
        for (var i = before; i < problems.Count; i++)
        {
            problems[i] = problems[i] with { Line = problems[i].Line + lineOffset };
        }

        return patch;
    }

    /// <summary>Reads the fields of one metadata mapping; a bad field is a problem and is left unset.</summary>
    public static ArticleMetadataPatch ReadPatch(YamlNode node, List<MetadataProblem> problems)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(new MetadataProblem((int)node.Start.Line, "metadata must be a mapping of fields (id, outlet, title, published, byline, url, language)"));
            return new ArticleMetadataPatch();
        }

        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var text = value switch
            {
                YamlScalarNode s => s.Value ?? string.Empty,
                YamlSequenceNode seq => string.Join(", ", seq.Children.OfType<YamlScalarNode>().Select(c => c.Value)),
                _ => null,
            };
            if (text is null)
            {
                problems.Add(new MetadataProblem((int)value.Start.Line, $"'{key}' must be a single value"));
                continue;
            }

            fields[key] = (text.Trim(), (int)value.Start.Line);
        }

        return FromFields(fields, problems);
    }

    /// <summary>Builds a patch from field values (shared by YAML and JSON metadata).</summary>
    public static ArticleMetadataPatch FromFields(IReadOnlyDictionary<string, (string Value, int Line)> fields, List<MetadataProblem> problems)
    {
        string? Get(string name) => fields.TryGetValue(name, out var f) && f.Value.Length > 0 ? f.Value : null;

        DateOnly? published = null;
        if (Get("published") is { } p)
        {
            if (TextDates.TryParseDate(p, out var date))
            {
                published = date;
            }
            else
            {
                problems.Add(new MetadataProblem(fields["published"].Line, $"published '{p}' is not a date (use YYYY-MM-DD)"));
            }
        }

        bool? inferred = null;
        if (Get("publishedInferred") is { } inf)
        {
            if (bool.TryParse(inf, out var b))
            {
                inferred = b;
            }
            else
            {
                problems.Add(new MetadataProblem(fields["publishedInferred"].Line, $"publishedInferred '{inf}' must be true or false"));
            }
        }

        return new ArticleMetadataPatch
        {
            Id = Get("id"),
            Outlet = Get("outlet"),
            Title = Get("title"),
            Published = published,
            PublishedInferred = inferred,
            Byline = Get("byline") ?? Get("author"),
            Url = Get("url"),
            Language = Get("language") ?? Get("lang"),
        };
    }

    public static string Describe(ArticleMetadataPatch patch) => string.Create(
        CultureInfo.InvariantCulture,
        $"{patch.Id}|{patch.Outlet}|{patch.Title}|{patch.Published:yyyy-MM-dd}|{patch.PublishedInferred}|{patch.Byline}|{patch.Url}|{patch.Language}");

    private static int LineEnd(string text, int start, out int next)
    {
        var nl = text.IndexOf('\n', start);
        if (nl < 0)
        {
            next = text.Length;
            return text.Length;
        }

        next = nl + 1;
        return nl > start && text[nl - 1] == '\r' ? nl - 1 : nl;
    }
}
