using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Resolves the first time expression of a sentence against the article's published date: a weekday is the most
/// recent such day on or before publication; "in March" the most recent March; "Sept. 30" the most recent Sept. 30;
/// "earlier this year" the first of January; "two weeks ago" fourteen days back. Week and month spans resolve to
/// their first day.
/// </summary>
internal static partial class TimeReferenceResolver
{
    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["several"] = 3, ["few"] = 3,
    };

    // Each form has its anchors; a form's regex runs only when its anchor occurs, from just before the first one.
    private static readonly SearchValues<string> MonthAnchors = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    private static readonly SearchValues<string> WeekdayAnchors = SearchValues.Create(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparison.Ordinal);

    private static readonly SearchValues<string> RelativeAnchors = SearchValues.Create(
        ["yesterday", "today", "tonight", "last night", "this morning", "this evening", "earlier this", "earlier in the year",
         "this week", "this month", "this year", "last week", "last month", "last year"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The date <paramref name="text"/> refers to, resolved against <paramref name="published"/>, running only the forms whose words <paramref name="keywords"/> holds; null when it names none.</summary>
    public static DateOnly? Resolve(string text, DateOnly? published, SentenceKeywords keywords)
    {
        if ((keywords & (SentenceKeywords.Month | SentenceKeywords.Weekday | SentenceKeywords.Ago | SentenceKeywords.Relative)) == 0)
        {
            return null;
        }

        var span = text.AsSpan();
        DateOnly? best = null;
        var bestAt = int.MaxValue;
        var month = (keywords & SentenceKeywords.Month) == 0 ? -1 : span.IndexOfAny(MonthAnchors);
        if (month >= 0)
        {
            // "19 September" and "in March" start before the month's name. The day forms need a digit: ASCII text without
            // one (\d also matches other scripts' digits) skips their two searches.
            var from = Math.Max(0, month - 12);
            if ((keywords & SentenceKeywords.Digit) != 0 || !System.Text.Ascii.IsValid(text))
            {
                Earliest(MonthDayPattern(), text, from, published, ref best, ref bestAt);
                Earliest(DayMonthPattern(), text, from, published, ref best, ref bestAt);
            }

            Earliest(InMonthPattern(), text, from, published, ref best, ref bestAt);
        }

        var weekday = (keywords & SentenceKeywords.Weekday) == 0 ? -1 : span.IndexOfAny(WeekdayAnchors);
        if (weekday >= 0)
        {
            Earliest(WeekdayPattern(), text, Math.Max(0, weekday - 6), published, ref best, ref bestAt);
        }

        var ago = (keywords & SentenceKeywords.Ago) == 0 ? -1 : span.IndexOf(" ago", StringComparison.OrdinalIgnoreCase);
        if (ago >= 0)
        {
            Earliest(AgoPattern(), text, Math.Max(0, ago - 20), published, ref best, ref bestAt);
        }

        var relative = (keywords & SentenceKeywords.Relative) == 0 ? -1 : span.IndexOfAny(RelativeAnchors);
        if (relative >= 0)
        {
            Earliest(RelativePattern(), text, relative, published, ref best, ref bestAt);
        }

        return best;
    }

    private static void Earliest(Regex pattern, string text, int start, DateOnly? published, ref DateOnly? best, ref int bestAt)
    {
        for (var m = pattern.Match(text, start); m.Success && m.Index < bestAt; m = m.NextMatch())
        {
            if (Resolve(m, published) is { } date)
            {
                best = date;
                bestAt = m.Index;
                return;
            }
        }
    }

    private static DateOnly? Resolve(Match m, DateOnly? published)
    {
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;
        if (m.Groups["month"].Success)
        {
            var month = MonthNumber(m.Groups["month"].Value);
            var day = m.Groups["day"].Success ? int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture) : 1;
            return MostRecent(month, day, year, published);
        }

        if (m.Groups["dayfirst"].Success)
        {
            var month = MonthNumber(m.Groups["month2"].Value);
            var day = int.Parse(m.Groups["dayfirst"].ValueSpan, CultureInfo.InvariantCulture);
            return MostRecent(month, day, year, published);
        }

        if (published is not { } p)
        {
            return null;
        }

        if (m.Groups["weekday"].Success)
        {
            var target = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value, ignoreCase: true);
            var back = ((int)p.DayOfWeek - (int)target + 7) % 7;
            if (m.Groups["last"].Success && back == 0)
            {
                back = 7;
            }

            return p.AddDays(-back);
        }

        var relative = string.Join(' ', m.Groups["relative"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (m.Groups["ago"].Success)
        {
            var n = m.Groups["n"].Value;
            var count = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : Counts.GetValueOrDefault(n, 1);
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            return unit.StartsWith("day", StringComparison.Ordinal) ? p.AddDays(-count)
                : unit.StartsWith("week", StringComparison.Ordinal) ? p.AddDays(-7 * count)
                : unit.StartsWith("month", StringComparison.Ordinal) ? p.AddMonths(-count)
                : p.AddYears(-count);
        }

        var monday = p.AddDays(-(((int)p.DayOfWeek + 6) % 7));
        return relative switch
        {
            "yesterday" or "last night" => p.AddDays(-1),
            "today" or "this morning" or "tonight" or "this evening" => p,
            "earlier this week" or "this week" => monday,
            "last week" => monday.AddDays(-7),
            "earlier this month" or "this month" => new DateOnly(p.Year, p.Month, 1),
            "last month" => new DateOnly(p.Year, p.Month, 1).AddMonths(-1),
            "earlier this year" or "this year" or "earlier in the year" => new DateOnly(p.Year, 1, 1),
            "last year" => new DateOnly(p.Year - 1, 1, 1),
            _ => null,
        };
    }

    private static DateOnly? MostRecent(int month, int day, int? year, DateOnly? published)
    {
        if (year is null && published is null)
        {
            return null;
        }

        var y = year ?? published!.Value.Year;
        day = Math.Min(day, DateTime.DaysInMonth(y, month));
        var date = new DateOnly(y, month, day);
        if (year is null && date > published!.Value)
        {
            date = new DateOnly(y - 1, month, Math.Min(day, DateTime.DaysInMonth(y - 1, month)));
        }

        return date;
    }

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    // Month and weekday names match only capitalised, so "may" the verb never reads as May.
    [GeneratedRegex(@"\b(?<month>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|August|September|October|November|December)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?<dayfirst>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:,?\s+(?<year>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b(?i:in|since|by|until|during|early|late|mid|from)[\s-]+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(?i:of\s+)?(?<year>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex InMonthPattern();

    [GeneratedRegex(@"(?:(?<last>\b(?i:last))\s+)?\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?<ago>(?<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?<unit>days?|weeks?|months?|years?)\s+ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"\b(?<relative>yesterday|today|tonight|last\s+night|this\s+morning|this\s+evening|earlier\s+this\s+(?:week|month|year)|earlier\s+in\s+the\s+year|this\s+(?:week|month|year)|last\s+(?:week|month|year))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
