namespace ChatBot.Core.Corpus;

/// <summary>Maps outlet names, aliases, page signatures and folder names to the catalog's canonical outlet names.</summary>
internal sealed class OutletResolver
{
    private readonly SourceCatalog _catalog;
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public OutletResolver(SourceCatalog catalog)
    {
        _catalog = catalog;
        foreach (var outlet in catalog.Outlets)
        {
            foreach (var name in outlet.Aliases.Prepend(outlet.Name))
            {
                _byKey.TryAdd(Key(name), outlet.Name);
            }

            // "The New Arab" is also found as "new-arab" (a folder named without the article).
            var key = Key(outlet.Name);
            if (key.StartsWith("the-", StringComparison.Ordinal))
            {
                _byKey.TryAdd(key[4..], outlet.Name);
            }
        }
    }

    public bool HasOutlets => _catalog.Outlets.Count > 0;

    /// <summary>The canonical name for a name or alias, matched without regard to case or punctuation.</summary>
    public string? ByName(string name) => _byKey.GetValueOrDefault(Key(name));

    /// <summary>The outlet whose signatures the text carries most often; ties go to the earliest occurrence.</summary>
    public string? BySignature(string text)
    {
        string? best = null;
        var bestCount = 0;
        var bestFirst = int.MaxValue;
        foreach (var outlet in _catalog.Outlets)
        {
            var count = 0;
            var first = int.MaxValue;
            foreach (var signature in outlet.Signatures)
            {
                var at = text.IndexOf(signature, StringComparison.Ordinal);
                while (at >= 0)
                {
                    count++;
                    first = Math.Min(first, at);
                    at = text.IndexOf(signature, at + signature.Length, StringComparison.Ordinal);
                }
            }

            if (count > bestCount || (count == bestCount && count > 0 && first < bestFirst))
            {
                (best, bestCount, bestFirst) = (outlet.Name, count, first);
            }
        }

        return best;
    }

    /// <summary>The outlet a folder on the file's path is named after, nearest folder first.</summary>
    public string? ByFolder(string relativePath)
    {
        var parts = relativePath.Split('/');
        for (var i = parts.Length - 2; i >= 0; i--)
        {
            if (ByName(parts[i]) is { } outlet)
            {
                return outlet;
            }
        }

        return null;
    }

    private static string Key(string name) => ArticleIds.Slugify(name);
}
