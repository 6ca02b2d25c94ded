using System.Buffers;
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
    // Characters outside ASCII that the regex engine's case-insensitive matching equates with ASCII letters (Kelvin sign,
    // long s, dotted and dotless i). Text holding one skips the word pre-scans, so results never depend on them.
    private static readonly SearchValues<char> CaseFoldingOddities = SearchValues.Create("\u212A\u017F\u0130\u0131");

    private readonly Regex? _regex;
    private readonly SearchValues<string>? _leadWords;
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

        // A mention starts with the first word of its name or alias (up to a space or apostrophe, which the pattern
        // loosens): text holding none of them is not searched, and the search starts at the first one.
        var leads = forms.Select(f => f[..LeadLength(f)]).ToList();
        if (leads.TrueForAll(l => l.Length > 0 && Ascii.IsValid(l)))
        {
            _leadWords = SearchValues.Create([.. leads.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        }

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

        var from = LeadStart(text, 0);
        if (from < 0)
        {
            yield break;
        }

        for (var m = _regex.Match(text, from); m.Success; m = m.NextMatch())
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

    /// <summary>Where a mention can first start at or after <paramref name="from"/>, or -1 when none can.</summary>
    private int LeadStart(string text, int from)
    {
        if (_leadWords is null || text.AsSpan().IndexOfAny(CaseFoldingOddities) >= 0)
        {
            return from;
        }

        var at = text.AsSpan(from).IndexOfAny(_leadWords);
        return at < 0 ? -1 : from + at;
    }

    private static int LeadLength(string form)
    {
        for (var i = 0; i < form.Length; i++)
        {
            if (char.IsWhiteSpace(form[i]) || form[i] == '\'')
            {
                return i;
            }
        }

        return form.Length;
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
