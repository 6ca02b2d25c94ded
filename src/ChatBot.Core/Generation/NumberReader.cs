using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Generation;

/// <summary>
/// Reads the numbers a text states, in digits ("1,500", "3.5 million", "40%") or in words ("four", "twenty-five",
/// "two hundred"), as values, so "4 km" in an answer matches "four kilometres" in its passage.
/// </summary>
internal static partial class NumberReader
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
    };

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
    };

    /// <summary>
    /// The values stated in <paramref name="text"/>. With <paramref name="strict"/> (an answer's sentence) the word
    /// "one" is skipped ("one of the") since it is rarely a figure; a passage's side counts it.
    /// </summary>
    public static IReadOnlyList<(string Written, decimal Value)> Read(string text, bool strict)
    {
        var found = new List<(string, decimal)>();
        foreach (Match m in Number().Matches(text))
        {
            var scale = m.Groups["scale"].Success ? Scales[m.Groups["scale"].Value] : 1m;
            if (m.Groups["digits"].Success)
            {
                var value = decimal.Parse(m.Groups["digits"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
                found.Add((m.Value.Trim(), value * scale));
                if (!strict && scale != 1m)
                {
                    found.Add((m.Value.Trim(), value));
                }
            }
            else
            {
                var words = m.Groups["words"].Value.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
                var value = words.Sum(w => Units[w]);
                // "one of the", "the two accounts": the bot counting the reporting, not stating a figure from it.
                if (strict && scale == 1m && (value == 1 || CountsTheReporting().IsMatch(text[(m.Index + m.Length)..])))
                {
                    continue;
                }

                found.Add((m.Value.Trim(), value * scale));
                if (!strict && scale != 1m)
                {
                    found.Add((m.Value.Trim(), value));
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"^\s+(accounts|reports|outlets|sources|sides|versions|figures|claims|passages|articles)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountsTheReporting();

    [GeneratedRegex(@"(?<![\w.,])(?:(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<words>\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b))(?:\s+(?<scale>hundred|thousand|million|billion)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
