using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Corpus;

/// <summary>Dates as news pages write them: "27 October, 2015", "Oct. 11, 2015", "September 28, 2017", "2015-10-27".</summary>
internal static partial class TextDates
{
    private const string Month = @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private static readonly char[] Separators = [' ', ',', ':', '|', '-', '.', '\u00a0', '\t', '/', '(', ')'];

    private static readonly HashSet<string> DateLineWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "published", "updated", "posted", "last", "on", "at", "date", "am", "pm", "utc", "gmt", "bst", "est", "edt", "cet", "ast",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    };

    /// <summary>Parses a whole value: ISO (a time part is ignored) or a written date.</summary>
    public static bool TryParseDate(string value, out DateOnly date)
    {
        var v = value.Trim();
        var iso = IsoRegex().Match(v);
        if (iso.Success && iso.Index == 0 && TryMake(iso.Groups["year"].Value, iso.Groups["m"].Value, iso.Groups["day"].Value, out date))
        {
            return true;
        }

        foreach (var found in FindDates(v))
        {
            date = found.Date;
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Every full date written in <paramref name="text"/> (day, month and year), in order of appearance.</summary>
    public static IEnumerable<(DateOnly Date, int Index, int Length)> FindDates(string text)
    {
        foreach (Match m in WrittenDateRegex().Matches(text))
        {
            if (TryMake(m.Groups["year"].Value, MonthNumber(m.Groups["month"].Value), m.Groups["day"].Value, out var d))
            {
                yield return (d, m.Index, m.Length);
            }
        }

        foreach (Match m in IsoRegex().Matches(text))
        {
            if (TryMake(m.Groups["year"].Value, m.Groups["m"].Value, m.Groups["day"].Value, out var d))
            {
                yield return (d, m.Index, m.Length);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="block"/> is nothing but a date, perhaps with "Published", "Updated", a weekday or a time
    /// ("27 October, 2015", "Published: Friday 9 December 2016 10:12 UTC").
    /// </summary>
    public static bool IsDateLine(ReadOnlySpan<char> block, out DateOnly date)
    {
        date = default;
        // Every date holds a digit (\d is char.IsDigit): most short paragraphs have none and need no regex or string.
        if (block.Length > 80 || !ContainsDigit(block))
        {
            return false;
        }

        var line = block.ToString();
        foreach (var found in FindDates(line))
        {
            var rest = (line[..found.Index] + " " + line[(found.Index + found.Length)..]).Trim();
            if (rest.Split(Separators, StringSplitOptions.RemoveEmptyEntries).All(w => DateLineWords.Contains(w) || w.All(char.IsDigit)))
            {
                date = found.Date;
                return true;
            }

            return false;
        }

        return false;
    }

    /// <summary>
    /// A wire dateline at the start of a paragraph: "DAMASCUS, Syria, Oct. 11 (UPI) --". The year may be missing.
    /// </summary>
    public static bool TryDateline(string paragraph, out int month, out int day, out int? year)
    {
        month = day = 0;
        year = null;
        var m = DatelineRegex().Match(paragraph);
        if (!m.Success || !int.TryParse(m.Groups["day"].Value, CultureInfo.InvariantCulture, out day) || day is < 1 or > 31)
        {
            return false;
        }

        month = int.Parse(MonthNumber(m.Groups["month"].Value), CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success)
        {
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static bool ContainsDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string MonthNumber(string name) => name[..3].ToUpperInvariant() switch
    {
        "JAN" => "1",
        "FEB" => "2",
        "MAR" => "3",
        "APR" => "4",
        "MAY" => "5",
        "JUN" => "6",
        "JUL" => "7",
        "AUG" => "8",
        "SEP" => "9",
        "OCT" => "10",
        "NOV" => "11",
        _ => "12",
    };

    private static bool TryMake(string year, string month, string day, out DateOnly date)
    {
        date = default;
        return int.TryParse(year, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2199
            && int.TryParse(month, CultureInfo.InvariantCulture, out var mo) && mo is >= 1 and <= 12
            && int.TryParse(day, CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            && (date = new DateOnly(y, mo, d)) != default;
    }

    [GeneratedRegex(@"\b(?<year>\d{4})-(?<m>\d{2})-(?<day>\d{2})(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"\b(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + Month + @",?|" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,)\s+(?<year>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDateRegex();


    [GeneratedRegex(@"^\s*(?:[\p{Lu}][\p{L}.' -]{1,40},\s*){1,3}" + Month + @"\s+(?<day>\d{1,2})(?:,\s*(?<year>\d{4}))?\s*(?:\(|--|—|–|-\s|/)", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineRegex();
}
