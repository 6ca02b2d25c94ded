using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Finds the catalog's named sources in a span of text by name or alias, longest first. An alias written entirely in
/// capitals ("IS", "SOHR") matches only in capitals, so the verb "is" never reads as the Islamic State.
/// </summary>
internal sealed class SourceMatcher
{
    private readonly Regex? _regex;
    private readonly Dictionary<string, NamedSource> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedSource> _folded = new(StringComparer.OrdinalIgnoreCase);

    public SourceMatcher(SourceCatalog catalog)
    {
        var forms = new List<string>();
        foreach (var source in catalog.Sources)
        {
            Add(source.Name, source, forms);
            foreach (var alias in source.Aliases)
            {
                Add(alias, source, forms);
            }
        }

        if (forms.Count == 0)
        {
            return;
        }

        forms.Sort((a, b) => b.Length.CompareTo(a.Length));
        var pattern = new StringBuilder(@"(?<![\w-])(?:");
        for (var i = 0; i < forms.Count; i++)
        {
            if (i > 0)
            {
                pattern.Append('|');
            }

            var escaped = Regex.Escape(forms[i]).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal);
            pattern.Append(IsAllCaps(forms[i]) ? $"(?-i:{escaped})" : escaped);
        }

        pattern.Append(@")(?![\w-])");
        _regex = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>Every catalog mention in <paramref name="text"/>, left to right, longest alias at each position.</summary>
    public IEnumerable<(int Index, int Length, NamedSource Source)> Find(string text)
    {
        if (_regex is null)
        {
            yield break;
        }

        for (var m = _regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (Lookup(m.Value) is { } source)
            {
                yield return (m.Index, m.Length, source);
            }
        }
    }

    /// <summary>The catalog source named exactly at <paramref name="start"/>, with the length of its mention.</summary>
    public (NamedSource Source, int Length)? MatchAt(string text, int start)
    {
        if (_regex is null || start >= text.Length)
        {
            return null;
        }

        var m = _regex.Match(text, start);
        return m.Success && m.Index == start && Lookup(m.Value) is { } source ? (source, m.Length) : null;
    }

    private NamedSource? Lookup(string mention)
    {
        var key = Normalise(mention);
        return _exact.TryGetValue(key, out var exact) ? exact : _folded.GetValueOrDefault(key);
    }

    private void Add(string form, NamedSource source, List<string> forms)
    {
        if (string.IsNullOrWhiteSpace(form))
        {
            return;
        }

        var key = Normalise(form);
        if (IsAllCaps(form))
        {
            _exact.TryAdd(key, source);
        }
        else
        {
            _folded.TryAdd(key, source);
        }

        forms.Add(form.Trim());
    }

    private static string Normalise(string mention)
    {
        var builder = new StringBuilder(mention.Length);
        var space = false;
        foreach (var c in mention.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c == '’' ? '\'' : c);
        }

        return builder.ToString();
    }

    private static bool IsAllCaps(string form)
    {
        var letters = 0;
        foreach (var c in form)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 0;
    }
}
