using System.Buffers;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Finds how a sentence qualifies what it reports: allegedly, reportedly, claimed, appears to, cannot be independently
/// verified, denied, refused to admit. One hedge per kind, with the words as written (whitespace collapsed).
/// </summary>
internal static partial class HedgeReader
{
    // Each kind has its anchors; most sentences hold none, so few regexes run, each from just before its anchor.
    private static readonly SearchValues<string> AllegedAnchors = SearchValues.Create(["alleg", "purport"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> ReportedAnchors = SearchValues.Create(["reported", "reports", "said to"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> ClaimedAnchors = SearchValues.Create(["claim", "what it", "what they", "what he", "what she"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> AppearsAnchors = SearchValues.Create(["appear", "seem", "possibly", "look"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> UnverifiableAnchors = SearchValues.Create(["verif", "confirm", "authentic"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> DeniedAnchors = SearchValues.Create(["deny", "deni", "reject", "dismiss", "refut"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> RefusedAnchors = SearchValues.Create(["refus", "declin", "would not"], StringComparison.OrdinalIgnoreCase);

    private const SentenceKeywords AnyHedge = SentenceKeywords.HedgeAlleged | SentenceKeywords.HedgeReported | SentenceKeywords.HedgeClaimed
        | SentenceKeywords.HedgeAppears | SentenceKeywords.HedgeUnverifiable | SentenceKeywords.HedgeDenied | SentenceKeywords.HedgeRefused;

    /// <summary>The hedges of <paramref name="text"/>, running only the kinds whose words <paramref name="keywords"/> holds.</summary>
    public static IReadOnlyList<Hedge> Read(string text, SentenceKeywords keywords)
    {
        if ((keywords & AnyHedge) == 0)
        {
            return [];
        }

        List<(int Position, Hedge Hedge)>? hedges = null;
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeAlleged, HedgeKind.Alleged, AllegedAnchors, 0, AllegedPattern());
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeReported, HedgeKind.Reported, ReportedAnchors, 30, ReportedPattern());
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeClaimed, HedgeKind.Claimed, ClaimedAnchors, 0, ClaimedPattern());
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeAppears, HedgeKind.Appears, AppearsAnchors, 0, AppearsPattern());
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeUnverifiable, HedgeKind.Unverifiable, UnverifiableAnchors, 40, UnverifiablePattern());
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeDenied, HedgeKind.Denied, DeniedAnchors, 0, DeniedPattern());
        Run(ref hedges, text, keywords, SentenceKeywords.HedgeRefused, HedgeKind.RefusedToAdmit, RefusedAnchors, 0, RefusedPattern());
        if (hedges is null)
        {
            return [];
        }

        hedges.Sort((a, b) => a.Position.CompareTo(b.Position));
        var result = new Hedge[hedges.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = hedges[i].Hedge;
        }

        return result;
    }

    private static void Run(ref List<(int Position, Hedge Hedge)>? hedges, string text, SentenceKeywords keywords, SentenceKeywords needed, HedgeKind kind, SearchValues<string> anchors, int lead, Regex pattern)
    {
        if ((keywords & needed) == 0)
        {
            return;
        }

        var at = text.AsSpan().IndexOfAny(anchors);
        if (at >= 0)
        {
            Add(ref hedges, kind, pattern.Match(text, Math.Max(0, at - lead)));
        }
    }

    private static void Add(ref List<(int Position, Hedge Hedge)>? hedges, HedgeKind kind, Match m)
    {
        if (m.Success)
        {
            var words = m.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var cue = string.Join(' ', words);
            var index = m.Index;
            if (kind == HedgeKind.Reported && words[0] is "reported" or "said")
            {
                // The auxiliary the regex only looked behind at: "was reported to".
                var before = m.Result("$`").TrimEnd();
                var space = before.LastIndexOf(' ');
                var auxiliary = before[(space + 1)..];
                cue = auxiliary + " " + cue;
                index -= m.Index - space - 1;
            }

            (hedges ??= []).Add((index, new Hedge(kind, cue)));
        }
    }

    [GeneratedRegex(@"\b(?:allegedly|alleged|purportedly|purported)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllegedPattern();

    [GeneratedRegex(@"\breportedly\b|(?<=\b(?:was|were|is|are|been|being)\s+)reported\s+(?:to|as)\b|\baccording\s+to\s+(?:\w+\s+)?reports\b|\breports\s+(?:\w+\s+){0,6}?(?:say|said|suggest|suggested|indicate|indicated|estimate|estimated)\b|(?<=\b(?:is|are|was|were)\s+)said\s+to\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportedPattern();

    [GeneratedRegex(@"\b(?:cannot|can\s+not|can't|can’t|could\s+not|couldn't|couldn’t|was\s+not\s+able\s+to|were\s+not\s+able\s+to|not\s+possible\s+to|unable\s+to|impossible\s+to)\s+(?:be\s+)?(?:independently\s+|immediately\s+)?(?:verif|confirm|authenticat)\w*|\bunverified\b|\bunconfirmed\b|\bnot\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnverifiablePattern();

    [GeneratedRegex(@"\b(?:refus|declin)(?:ed|es|e|ing)\s+to\s+(?:admit|confirm|acknowledge|disclose)\b|\bwould\s+not\s+(?:confirm|admit|acknowledge)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefusedPattern();

    [GeneratedRegex(@"\b(?:deny|denies|denied|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|refute)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedPattern();

    [GeneratedRegex(@"\b(?:claim|claims|claimed|claiming)\b|\bwhat\s+(?:it|they|he|she)\s+(?:says?|said|claims?|claimed|calls?|called)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimedPattern();

    [GeneratedRegex(@"\b(?:appears?|appeared)\s+to\b|\b(?:seem|seems|seemed|apparently|possibly)\b|\blooks?\s+(?:likely|like)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppearsPattern();
}
