using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Reads a time hint from a question: "in 2015", "in December 2016", "on 27 October 2015", "in late 2016",
/// "last year" (relative to the newest article). Returns null when the question names no time.
/// </summary>
public static partial class TimeHintParser
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static DateRange? Parse(string question, DateOnly? now = null)
    {
        ArgumentNullException.ThrowIfNull(question);

        var day = DayMonthYear().Match(question);
        if (day.Success && TryMonth(day.Groups["month"].Value, out var dm))
        {
            var date = SafeDate(Year(day), dm, int.Parse(day.Groups["day"].Value, CultureInfo.InvariantCulture));
            if (date is { } d)
            {
                return new DateRange(d.AddDays(-1), d.AddDays(1));
            }
        }

        var monthYear = MonthYear().Match(question);
        if (monthYear.Success && TryMonth(monthYear.Groups["month"].Value, out var month))
        {
            var year = Year(monthYear);
            var from = new DateOnly(year, month, 1);
            return new DateRange(from, from.AddMonths(1).AddDays(-1));
        }

        var part = PartOfYear().Match(question);
        if (part.Success)
        {
            var year = Year(part);
            return part.Groups["part"].Value.ToUpperInvariant() switch
            {
                "EARLY" => new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 4, 30)),
                "MID" => new DateRange(new DateOnly(year, 5, 1), new DateOnly(year, 8, 31)),
                _ => new DateRange(new DateOnly(year, 9, 1), new DateOnly(year, 12, 31)),
            };
        }

        var yearOnly = YearOnly().Match(question);
        if (yearOnly.Success)
        {
            var year = Year(yearOnly);
            return new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (now is { } today)
        {
            if (LastYear().IsMatch(question))
            {
                return new DateRange(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31));
            }

            if (ThisYear().IsMatch(question))
            {
                return new DateRange(new DateOnly(today.Year, 1, 1), today);
            }
        }

        return null;
    }

    private static int Year(Match match) => int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);

    private static bool TryMonth(string name, out int month)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        month = Array.FindIndex(Months, m => m == lower || (lower.Length >= 3 && m.StartsWith(lower, StringComparison.Ordinal))) + 1;
        return month > 0;
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>[A-Za-z]{3,9}\.?),?\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+(?:of\s+)?(?<year>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?<part>early|mid|late)[- ](?<year>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PartOfYear();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\blast year\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LastYear();

    [GeneratedRegex(@"\bthis year\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ThisYear();
}
