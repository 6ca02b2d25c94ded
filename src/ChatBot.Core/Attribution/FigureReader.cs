using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Reads the figures a sentence states: numbers in digits or words with their qualifier ("at least", "more than"),
/// the thing counted ("troops", "km", "percent") and what happened to it ("killed", "fled"). Dates, years, ordinals,
/// clock times and durations ("24-hours", "the past 11 days") are not counted figures and are left out.
/// </summary>
internal static partial class FigureReader
{
    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000, ["dozen"] = 12,
    };

    // Vague quantities (shared/notes C4): the words stand for a range, not a number.
    private static readonly Dictionary<string, (double Low, double High)> VagueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = (24, 99), ["scores"] = (40, 99), ["hundreds"] = (200, 999), ["thousands"] = (2000, 9999),
    };

    private static readonly HashSet<string> KnownUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "troops", "soldiers", "fighters", "militants", "civilians", "children", "people", "persons", "members",
        "combatants", "insurgents", "rebels", "jihadists", "residents", "refugees", "women", "men", "militiamen",
        "officers", "personnel", "bodies", "casualties", "dead", "prisoners", "hostages", "syrians", "families",
        "sorties", "airstrikes", "strikes", "raids", "attacks", "villages", "towns", "tanks", "vehicles", "checkpoints",
        "districts", "positions", "hospitals", "schools", "barrels", "bombs", "missiles", "rockets", "shells",
        "percent", "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
        "soldier", "fighter", "civilian", "child", "person", "member",
    };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "minute", "minutes",
        "decade", "decades", "am", "pm", "a.m.", "p.m.", "gmt", "century",
    };

    private static readonly HashSet<string> MonthWords = new(StringComparer.Ordinal)
    {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January",
        "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
    };

    private static readonly HashSet<string> StopAfterNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "to", "and", "the", "from", "on", "at", "were", "was", "have", "had", "are", "is", "for", "by", "or",
        "with", "as", "that", "who", "which", "a", "an", "per", "than", "killed", "slain", "died", "wounded", "injured",
        "fled", "captured", "executed", "missing", "arrested", "displaced",
    };

    private static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> NumberWordSpans = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, (double Low, double High)>.AlternateLookup<ReadOnlySpan<char>> VagueWordSpans = VagueWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // What a word after a number can be (time unit, known unit with its normal form, stop, "per", "square"), in one table: the unit reader
    // looks each word up once instead of once per word set.
    private static readonly Dictionary<string, UnitWord>.AlternateLookup<ReadOnlySpan<char>> UnitWordSpans = BuildUnitWords().GetAlternateLookup<ReadOnlySpan<char>>();

    // The single words of CountPattern.
    private static readonly HashSet<string> CountWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "killed", "killing", "kill", "slain", "dead", "died", "die", "deaths", "executed", "wounded", "wounding", "injured", "injuring",
        "captured", "capturing", "arrested", "detained", "abducted", "kidnapped", "fled", "flee", "fleeing", "displaced", "missing",
    };

    // Where a count can begin: each outcome word, and the first words of the two-word ones.
    private static readonly SearchValues<string> CountWordStarts = SearchValues.Create([.. CountWords, "death", "taken"], StringComparison.OrdinalIgnoreCase);

    // Span lookups into the word sets, so reading the words around a number allocates no strings.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CountWordSpans = CountWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownUnitSpans = KnownUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthWordSpans = MonthWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly (string Words, string Qualifier)[] Qualifiers =
    [
        ("at least", "at least"), ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
        ("just over", "more than"), ("nearly", "almost"), ("almost", "almost"), ("just under", "almost"),
        ("around", "around"), ("about", "around"), ("some", "around"), ("approximately", "around"),
        ("roughly", "around"), ("an estimated", "around"), ("estimated", "around"), ("up to", "up to"),
        ("as many as", "up to"), ("at most", "up to"), ("fewer than", "fewer than"), ("less than", "fewer than"),
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> QualifierLastWords =
        new HashSet<string>(Qualifiers.Select(q => q.Words[(q.Words.LastIndexOf(' ') + 1)..]), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // A vectorised search for one word, faster than Contains(..., OrdinalIgnoreCase) and the same for "toll", whose letters
    // have no other case forms.
    private static readonly SearchValues<string> Toll = SearchValues.Create(["toll"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> WordAnchors = SearchValues.Create(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fifteen", "twenty",
         "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozens", "scores", "hundreds", "thousands"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The figures of <paramref name="text"/>; none without a digit or number word in <paramref name="keywords"/>.
    /// <paramref name="numberWordStarts"/> lists where each whole number word of the text starts, in order, as
    /// <see cref="KeywordScanner.Scan"/> found them; <paramref name="scratch"/> is the caller's list to collect them in, reused
    /// across sentences (it saves a list and its arrays per sentence with figures).
    /// </summary>
    public static IReadOnlyList<Figure> Read(string text, SentenceKeywords keywords, List<int> numberWordStarts, List<(int Index, Figure Figure)> scratch)
    {
        if ((keywords & (SentenceKeywords.Digit | SentenceKeywords.NumberWord)) == 0)
        {
            return [];
        }

        // A number word's pattern cannot match without a number word, nor the digits' without a digit: skip their searches.
        // In ASCII text the scanner's words are the pattern's, so its number word starts replace a search for them; other
        // text, and a sentence the scanner did not read (its starts unknown), is searched.
        var searched = (keywords & SentenceKeywords.Unscanned) != 0 || !System.Text.Ascii.IsValid(text);
        var digit = (keywords & SentenceKeywords.Digit) == 0 ? -1 : text.AsSpan().IndexOfAnyInRange('0', '9');
        var word = (keywords & SentenceKeywords.NumberWord) == 0 ? -1
            : searched ? text.AsSpan().IndexOfAny(WordAnchors)
            : numberWordStarts.Count > 0 ? numberWordStarts[0] : -1;
        if (digit < 0 && word < 0)
        {
            return [];
        }

        // Digits and number words are two regexes, each started at its first possible match instead of the sentence's
        // start: the digits' at the first digit, the number words' at the first number word (and in ASCII text at each
        // one the scanner found, below).
        var figures = scratch;
        figures.Clear();
        if (digit >= 0)
        {
            foreach (var m in DigitsPattern().EnumerateMatches(text.AsSpan(), digit))
            {
                if ((m.Index == 0 || !IsGlued(text[m.Index - 1])) && TryRead(text, m.Index, m.Length) is { } figure)
                {
                    figures.Add((m.Index, figure));
                }
            }
        }

        if (word >= 0 && searched)
        {
            foreach (var m in WordsPattern().EnumerateMatches(text.AsSpan(), word))
            {
                if ((m.Index == 0 || !IsGlued(text[m.Index - 1])) && TryRead(text, m.Index, m.Length) is { } figure)
                {
                    figures.Add((m.Index, figure));
                }
            }
        }
        else if (word >= 0)
        {
            // Every match starts at a whole number word, so in ASCII text the regex starts at each one instead of
            // trying its alternatives at every letter between them; the matches are those EnumerateMatches gives.
            var k = 0;
            for (var from = word; from >= 0;)
            {
                var next = -1;
                foreach (var m in WordsPattern().EnumerateMatches(text.AsSpan(), from))
                {
                    if ((m.Index == 0 || !IsGlued(text[m.Index - 1])) && TryRead(text, m.Index, m.Length) is { } figure)
                    {
                        figures.Add((m.Index, figure));
                    }

                    // The next number word after the match; a match ends at a word boundary, so that word is whole.
                    var end = m.Index + m.Length;
                    while (k < numberWordStarts.Count && numberWordStarts[k] < end)
                    {
                        k++;
                    }

                    next = k < numberWordStarts.Count ? numberWordStarts[k] : -1;
                    break;
                }

                from = next;
            }
        }

        if (figures.Count == 0)
        {
            return [];
        }

        figures.Sort((a, b) => a.Index.CompareTo(b.Index));
        var result = new Figure[figures.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = figures[i].Figure;
        }

        return result;
    }

    private static Figure? TryRead(string text, int index, int length)
    {
        var span = text.AsSpan(index, length);
        var end = index + length;
        double value;
        double? vagueLow = null, vagueHigh = null;
        var isWords = char.IsLetter(span[0]);
        if (isWords)
        {
            if (VagueWordSpans.TryGetValue(span, out var range))
            {
                value = range.Low;
                (vagueLow, vagueHigh) = range;
            }
            else if (!TryParseWords(span, out value))
            {
                return null;
            }
        }
        else if (!double.TryParse(span, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        if (IsDateOrTime(text, index, end, span, isWords))
        {
            return null;
        }

        // "80 percent", "80%", "80 per cent"
        var after = end;
        string? unit = null;
        if (after < text.Length && text[after] == '%')
        {
            unit = "percent";
            after++;
        }

        var (nextUnit, unitEnd, isTime) = ReadUnit(text, after);
        if (isTime)
        {
            return null;
        }

        unit ??= nextUnit;
        if (unit is null && isWords && value < 10 && vagueLow is null)
        {
            // "one", "two" alone are too often pronouns or parts of phrases ("no one", "the two") to count.
            return null;
        }

        var (qualifier, qualifierStart) = ReadQualifier(text, index);
        var start = qualifierStart ?? index;
        var figureText = text[start..end].ReplaceLineEndings(" ");
        if (unit == "percent" && end < text.Length && text[end] == '%')
        {
            figureText += "%";
        }

        var (low, high) = Bounds(value, qualifier, vagueLow, vagueHigh);
        return new Figure
        {
            Text = figureText,
            Value = value,
            Low = low,
            High = high,
            Unit = unit,
            Counts = ReadCounts(text, start, unitEnd),
            Qualifier = qualifier,
        };
    }

    private static (double? Low, double? High) Bounds(double value, string? qualifier, double? vagueLow, double? vagueHigh) => qualifier switch
    {
        _ when vagueLow is not null => (vagueLow, vagueHigh),
        "at least" or "more than" => (value, null),
        "almost" or "up to" or "fewer than" => (null, value),
        "around" => (null, null),
        _ => (value, value),
    };

    private static bool IsDateOrTime(string text, int index, int end, ReadOnlySpan<char> span, bool isWords)
    {
        if (isWords)
        {
            return false;
        }

        // Ordinals and glued letters ("29th", "3rd", "5km" is handled by the unit reader): "29th" is not a count.
        if (end < text.Length && char.IsLetter(text[end]) && !StartsWithUnitLetters(text, end))
        {
            return true;
        }

        // "9/28/2017", "12:30", "2015-10-11"
        if ((index > 0 && text[index - 1] is '/' or ':') || (end < text.Length && text[end] is '/' or ':'))
        {
            return true;
        }

        if (end + 1 < text.Length && text[end] == '-' && char.IsDigit(text[end + 1]))
        {
            return true;
        }

        // "Oct. 11", "September 19", "19 September"
        var previous = PreviousWord(text, index);
        if (previous.Length > 0 && MonthWordSpans.Contains(previous.TrimEnd('.')))
        {
            return true;
        }

        var next = NextWord(text, end);
        if (next.Length > 0 && MonthWordSpans.Contains(next))
        {
            return true;
        }

        // A bare four-digit year: "in 2015", "since 2012", "May 19, 2015".
        if (span.Length == 4 && span[0] is '1' or '2' && int.TryParse(span, out var year) && year is >= 1800 and <= 2100)
        {
            return next.Length == 0 || !KnownUnitSpans.Contains(next);
        }

        return false;
    }

    private static bool StartsWithUnitLetters(string text, int at)
    {
        var word = NextWordAt(text, at);
        return word.Equals("km", StringComparison.OrdinalIgnoreCase) || word.Equals("m", StringComparison.OrdinalIgnoreCase);
    }

    private static (string? Unit, int End, bool IsTime) ReadUnit(string text, int from)
    {
        var pos = from;
        var firstStart = -1;
        var firstLength = 0;
        var firstEnd = from;
        for (var i = 0; i < 4; i++)
        {
            // A hyphen glued to the number is an adjective: "24-hours", "three-year siege".
            var glued = pos < text.Length && text[pos] == '-';
            while (pos < text.Length && (text[pos] is ' ' or '\u00a0' or '\n' or '\r' or '\t' || (glued && text[pos] == '-')))
            {
                pos++;
            }

            if (pos >= text.Length || !char.IsLetter(text[pos]))
            {
                break;
            }

            var wordStart = pos;
            while (pos < text.Length && (char.IsLetter(text[pos]) || text[pos] is '-' or '\'' or '’' or '.'))
            {
                pos++;
            }

            var word = text.AsSpan(wordStart, pos - wordStart).TrimEnd('.');
            UnitWordSpans.TryGetValue(word, out var kind);
            if (i == 0 && kind.IsTime)
            {
                return (null, pos, true);
            }

            if (kind.IsPer && NextWord(text, pos).Equals("cent", StringComparison.OrdinalIgnoreCase))
            {
                return ("percent", pos + 5, false);
            }

            if (kind.IsSquare)
            {
                var measure = NextWord(text, pos);
                if (KnownUnitSpans.Contains(measure))
                {
                    return ("square " + NormaliseUnit(measure.ToString()), pos + 1 + measure.Length, false);
                }
            }

            if (kind.Unit is { } known)
            {
                return (System.Text.Ascii.IsValid(word) ? known : NormaliseUnit(word.ToString()), pos, false);
            }

            if (kind.IsStop)
            {
                break;
            }

            if (i < 3)
            {
                // No known unit: the head noun is the last word before a stop ("two significant strongholds").
                firstStart = wordStart;
                firstLength = word.Length;
                firstEnd = pos;
            }
        }

        if (firstStart >= 0 && firstLength > 1 && !text.AsSpan(firstStart, firstLength).Contains('\''))
        {
            // A word with no capital (most) is already lower-case: one string, not a copy and its lower-cased copy.
            var head = text.AsSpan(firstStart, firstLength);
            return (System.Text.Ascii.IsValid(head) && head.IndexOfAnyInRange('A', 'Z') < 0 ? head.ToString() : head.ToString().ToLowerInvariant(), firstEnd, false);
        }

        return (null, from, false);
    }

    private static Dictionary<string, UnitWord> BuildUnitWords()
    {
        var words = new Dictionary<string, UnitWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in TimeUnits)
        {
            words[unit] = words.GetValueOrDefault(unit) with { IsTime = true };
        }

        // A known unit's normal form ("Kilometres" -> "km") is kept for ASCII words, so a figure costs no unit string.
        foreach (var unit in KnownUnits)
        {
            words[unit] = words.GetValueOrDefault(unit) with { Unit = NormaliseUnit(unit) };
        }

        foreach (var stop in StopAfterNumber)
        {
            words[stop] = words.GetValueOrDefault(stop) with { IsStop = true };
        }

        words["per"] = words.GetValueOrDefault("per") with { IsPer = true };
        foreach (var square in (string[])["square", "sq"])
        {
            words[square] = words.GetValueOrDefault(square) with { IsSquare = true };
        }

        return words;
    }

    private static string NormaliseUnit(string word) => word.ToLowerInvariant() switch
    {
        "kilometres" or "kilometers" or "kilometre" or "kilometer" => "km",
        "mile" => "miles",
        "meters" or "metres" => "m",
        "soldier" => "soldiers",
        "fighter" => "fighters",
        "civilian" => "civilians",
        "child" => "children",
        "person" or "persons" => "people",
        "member" => "members",
        var w => w,
    };

    private static (string? Qualifier, int? Start) ReadQualifier(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();

        // A qualifier ends where the text does, after a character that is not a letter, so in ASCII text it ends with the
        // text's last word; most numbers follow a word no qualifier ends with ("the", "killed"), which saves the twenty
        // comparisons. Text ending in anything else than ASCII is compared as before.
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsAsciiLetter(before[wordStart - 1]))
        {
            wordStart--;
        }

        if (wordStart == before.Length ? before.IsEmpty || char.IsAscii(before[^1])
            : (wordStart == 0 || char.IsAscii(before[wordStart - 1])) && !QualifierLastWords.Contains(before[wordStart..]))
        {
            return (null, null);
        }

        foreach (var (words, qualifier) in Qualifiers)
        {
            if (before.EndsWith(words, StringComparison.OrdinalIgnoreCase))
            {
                var start = before.Length - words.Length;
                if (start == 0 || !char.IsLetter(before[start - 1]))
                {
                    return (qualifier, start);
                }
            }
        }

        return (null, null);
    }

    private static string? ReadCounts(string text, int start, int unitEnd)
    {
        // What happened to them: after the counted thing ("... fighters had been killed"), or just before it
        // ("killing 15 troops"), or a toll the figure brings a total to ("took the death toll ... to 49").
        var forward = text.AsSpan(unitEnd, Math.Min(60, text.Length - unitEnd));
        var stop = forward.IndexOfAny(";:");
        if (stop >= 0)
        {
            forward = forward[..stop];
        }

        if (FirstCount(forward, out var at, out var length) && !ContainsDigit(forward[..at]))
        {
            return CanonicalCount(forward.Slice(at, length));
        }

        var previous = PreviousWord(text, start);
        if (previous.Length > 0 && FirstCount(previous, out _, out _))
        {
            return CanonicalCount(previous);
        }

        var backFrom = Math.Max(0, start - 70);
        var back = text.AsSpan(backFrom, start - backFrom);

        return back.IndexOfAny(Toll) >= 0 ? "killed" : null;
    }

    /// <summary>
    /// The first match of <see cref="CountPattern"/> in <paramref name="span"/>. ASCII text (nearly all) is searched for the outcome
    /// words and each place found checked as a whole word with a set look-up, instead of the regex, which tries its many
    /// alternatives at almost every letter; other text goes to the regex, whose word boundaries and case-folding reach
    /// beyond ASCII.
    /// </summary>
    private static bool FirstCount(ReadOnlySpan<char> span, out int index, out int length)
    {
        index = 0;
        length = 0;
        if (!System.Text.Ascii.IsValid(span))
        {
            foreach (var m in CountPattern().EnumerateMatches(span))
            {
                (index, length) = (m.Index, m.Length);
                return true;
            }

            return false;
        }

        // Every match begins where an outcome word (or "death", "taken" of the two-word ones) occurs: a vectorised search
        // jumps to those places instead of reading each word of the span.
        var from = 0;
        while (from < span.Length)
        {
            var at = span[from..].IndexOfAny(CountWordStarts);
            if (at < 0)
            {
                return false;
            }

            var start = from + at;
            from = start + 1;
            if (start > 0 && IsAsciiWordChar(span[start - 1]))
            {
                continue;
            }

            var i = start;
            while (i < span.Length && IsAsciiWordChar(span[i]))
            {
                i++;
            }

            var word = span[start..i];
            if (CountWordSpans.Contains(word))
            {
                (index, length) = (start, i - start);
                return true;
            }

            // The two-word counts, written with one space: "death toll", "taken prisoner".
            var second = word.Equals("death", StringComparison.OrdinalIgnoreCase) ? "toll"
                : word.Equals("taken", StringComparison.OrdinalIgnoreCase) ? "prisoner" : null;
            if (second is not null && i < span.Length && span[i] == ' ')
            {
                var rest = span[(i + 1)..];
                if (rest.StartsWith(second, StringComparison.OrdinalIgnoreCase) && (rest.Length == second.Length || !IsAsciiWordChar(rest[second.Length])))
                {
                    (index, length) = (start, i + 1 + second.Length - start);
                    return true;
                }
            }

            // No match begins inside this word.
            from = i;
        }

        return false;
    }

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string CanonicalCount(ReadOnlySpan<char> word)
    {
        // Outcome words are short ASCII: lower-cased on the stack, which saves the word's string and its lower-cased copy
        // per counted figure. Other text keeps ToLowerInvariant, whose case mapping reaches beyond ASCII.
        Span<char> buffer = stackalloc char[16];
        if (word.Length > buffer.Length || System.Text.Ascii.ToLower(word, buffer, out var written) != System.Buffers.OperationStatus.Done)
        {
            return CanonicalLowerCount(word.ToString().ToLowerInvariant());
        }

        return CanonicalLowerCount(buffer[..written]);
    }

    private static string CanonicalLowerCount(ReadOnlySpan<char> w) => w switch
    {
        _ when w.StartsWith("kill") || w is "slain" or "dead" or "died" or "die" or "deaths" or "death toll" or "executed" => "killed",
        _ when w.StartsWith("wound") || w.StartsWith("injur") => "wounded",
        _ when w.StartsWith("captur") || w is "taken prisoner" or "arrested" or "detained" or "abducted" or "kidnapped" => "captured",
        _ when w.StartsWith("fle") => "fled",
        _ when w.StartsWith("displac") => "displaced",
        _ => "missing",
    };

    private static bool IsGlued(char previous) => char.IsLetterOrDigit(previous) || previous is '.' or ',' or '/' or '-' or '_';

    private static bool ContainsDigit(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseWords(ReadOnlySpan<char> words, out double value)
    {
        value = 0;
        double current = 0;
        var any = false;
        foreach (var range in words.SplitAny(" -\u00a0\n"))
        {
            var part = words[range];
            if (part.IsEmpty || part.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!NumberWordSpans.TryGetValue(part, out var n))
            {
                return false;
            }

            any = true;
            if (n is 100)
            {
                current = (current == 0 ? 1 : current) * 100;
            }
            else if (n >= 1000)
            {
                value += (current == 0 ? 1 : current) * n;
                current = 0;
            }
            else
            {
                current += n;
            }
        }

        value += current;
        return any;
    }

    private static ReadOnlySpan<char> PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && text[end - 1] is ' ' or '\u00a0')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        return text.AsSpan(start, end - start);
    }

    private static ReadOnlySpan<char> NextWord(string text, int end)
    {
        var start = end;
        while (start < text.Length && text[start] is ' ' or '\u00a0' or '\n')
        {
            start++;
        }

        return NextWordAt(text, start);
    }

    private static ReadOnlySpan<char> NextWordAt(string text, int start)
    {
        var stop = start;
        while (stop < text.Length && char.IsLetter(text[stop]))
        {
            stop++;
        }

        return text.AsSpan(start, stop - start);
    }

    /// <summary>What a word after a number is to the unit reader ("per" of "per cent", "square" of "square miles"); the default is none of them.</summary>
    private readonly record struct UnitWord(bool IsTime, string? Unit, bool IsStop, bool IsPer, bool IsSquare);

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"\b(?:(?:dozens|scores|hundreds|thousands)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million))*\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordsPattern();

    [GeneratedRegex(@"\b(?:killed|killing|kill|slain|dead|died|die|deaths|death toll|executed|wounded|wounding|injured|injuring|captured|capturing|taken prisoner|arrested|detained|abducted|kidnapped|fled|flee|fleeing|displaced|missing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();
}
