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
    private readonly Regex? _regex;
    private readonly SearchValues<string>? _leadWords;
    private readonly Dictionary<string, NamedSource> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedSource> _folded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, NamedSource>.AlternateLookup<ReadOnlySpan<char>> _exactSpans;
    private readonly Dictionary<string, NamedSource>.AlternateLookup<ReadOnlySpan<char>> _foldedSpans;

    public SourceMatcher(SourceCatalog catalog)
    {
        _exactSpans = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _foldedSpans = _folded.GetAlternateLookup<ReadOnlySpan<char>>();
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
    /// <remarks>Value matches and span look-ups: no Match object or mention string per mention.</remarks>
    public List<(int Index, int Length, NamedSource Source)> Find(string text)
    {
        var found = new List<(int Index, int Length, NamedSource Source)>();
        var from = _regex is null ? -1 : LeadStart(text, 0);
        if (from < 0)
        {
            return found;
        }

        foreach (var m in _regex!.EnumerateMatches(text.AsSpan(), from))
        {
            if (Lookup(text.AsSpan(m.Index, m.Length)) is { } source)
            {
                found.Add((m.Index, m.Length, source));
            }
        }

        return found;
    }

    /// <summary>The first catalog mention in <paramref name="text"/>, as <see cref="Find"/> would list it first.</summary>
    public NamedSource? FindFirst(string text)
    {
        var from = _regex is null ? -1 : LeadStart(text, 0);
        if (from < 0)
        {
            return null;
        }

        foreach (var m in _regex!.EnumerateMatches(text.AsSpan(), from))
        {
            if (Lookup(text.AsSpan(m.Index, m.Length)) is { } source)
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>The catalog source named exactly at <paramref name="start"/>, with the length of its mention.</summary>
    public (NamedSource Source, int Length)? MatchAt(string text, int start)
    {
        if (_regex is null || start >= text.Length)
        {
            return null;
        }

        foreach (var m in _regex.EnumerateMatches(text.AsSpan(), start))
        {
            return m.Index == start && Lookup(text.AsSpan(m.Index, m.Length)) is { } source ? (source, m.Length) : null;
        }

        return null;
    }

    /// <summary>Where a mention can first start at or after <paramref name="from"/>, or -1 when none can.</summary>
    private int LeadStart(string text, int from)
    {
        if (_leadWords is null || text.AsSpan().IndexOfAny(KeywordScanner.CaseFoldingOddities) >= 0)
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

    private NamedSource? Lookup(ReadOnlySpan<char> mention)
    {
        // Normalise leaves a mention unchanged when its white space is single spaces and it has no typographic apostrophe.
        if (TextBlocks.IsNormal(mention) && !mention.Contains('’'))
        {
            // Already its own key: looked up by span, without building the key string.
            return _exactSpans.TryGetValue(mention, out var exactSpan) ? exactSpan : _foldedSpans.TryGetValue(mention, out var folded) ? folded : null;
        }

        var key = Normalise(mention.ToString());
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
