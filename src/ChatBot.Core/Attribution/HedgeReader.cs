using System.Text.RegularExpressions;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Finds how a sentence qualifies what it reports: allegedly, reportedly, claimed, appears to, cannot be independently
/// verified, denied, refused to admit. One hedge per kind, with the words as written (whitespace collapsed).
/// </summary>
internal static partial class HedgeReader
{
    private static readonly string[] GroupNames = ["alleged", "reported", "unverifiable", "refused", "denied", "claimed", "appears"];

    private static readonly HedgeKind[] Kinds =
    [
        HedgeKind.Alleged, HedgeKind.Reported, HedgeKind.Unverifiable, HedgeKind.RefusedToAdmit, HedgeKind.Denied,
        HedgeKind.Claimed, HedgeKind.Appears,
    ];

    public static IReadOnlyList<Hedge> Read(string text)
    {
        var m = HedgePattern().Match(text);
        if (!m.Success)
        {
            return [];
        }

        var hedges = new List<Hedge>(2);
        for (; m.Success; m = m.NextMatch())
        {
            for (var g = 0; g < GroupNames.Length; g++)
            {
                if (!m.Groups[GroupNames[g]].Success)
                {
                    continue;
                }

                var kind = Kinds[g];
                if (!hedges.Exists(h => h.Kind == kind))
                {
                    hedges.Add(new Hedge(kind, string.Join(' ', m.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
                }

                break;
            }
        }

        return hedges;
    }

    [GeneratedRegex(
        @"(?<alleged>\b(?:allegedly|alleged|purportedly|purported)\b)" +
        @"|(?<reported>\breportedly\b|\b(?:was|were|is|are|been|being)\s+reported\s+(?:to|as)\b|\baccording\s+to\s+(?:\w+\s+)?reports\b|\breports\s+(?:\w+\s+){0,6}?(?:say|said|suggest|suggested|indicate|indicated|estimate|estimated)\b|\b(?:is|are|was|were)\s+said\s+to\b)" +
        @"|(?<unverifiable>\b(?:cannot|can\s+not|can't|can’t|could\s+not|couldn't|couldn’t|was\s+not\s+able\s+to|were\s+not\s+able\s+to|not\s+possible\s+to|unable\s+to|impossible\s+to)\s+(?:be\s+)?(?:independently\s+|immediately\s+)?(?:verif|confirm|authenticat)\w*|\bunverified\b|\bunconfirmed\b|\bnot\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)\b)" +
        @"|(?<refused>\b(?:refus|declin)(?:ed|es|e|ing)\s+to\s+(?:admit|confirm|acknowledge|disclose)\b|\bwould\s+not\s+(?:confirm|admit|acknowledge)\b)" +
        @"|(?<denied>\b(?:deny|denies|denied|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|refute)\b)" +
        @"|(?<claimed>\b(?:claim|claims|claimed|claiming)\b|\bwhat\s+(?:it|they|he|she)\s+(?:says?|said|claims?|claimed|calls?|called)\b)" +
        @"|(?<appears>\b(?:appears?|appeared)\s+to\b|\b(?:seem|seems|seemed|apparently|possibly)\b|\blooks?\s+(?:likely|like)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HedgePattern();
}
