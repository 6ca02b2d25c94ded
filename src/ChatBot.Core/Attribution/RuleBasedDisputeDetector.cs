using System.Text.RegularExpressions;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Finds disputes with rules over the claims of the evidence, never by topic alone:
/// <list type="bullet">
/// <item>conflict, figures: two claimants give different numbers of the same counted category ("killed" fighters or
/// troops) in the same reporting context; a subset ("among the dead", "other") or a running total ("in the past 11
/// days") is not an alternative count;</item>
/// <item>conflict, assertions: a claim of complete control or a full stop ("completely secured", "ceased fire") against
/// another claimant's limit on the same subject ("only when absolutely necessary", "suspended"), a declared halt
/// against reported attacks, or one clause's claim against another clause's accusation ("but ... accuse");</item>
/// <item>denied: a party denies or refuses to admit something, with the reports it denies;</item>
/// <item>unverified: the reporting says it cannot verify, or calls it alleged, or a video "appears to show"; or a
/// contested event or figure rests only on a party to the fighting with no independent sentence carrying it.</item>
/// </list>
/// A party stating its own position or intent is not a dispute unless another claimant contradicts it.
/// </summary>
/// <remarks>Thread-safe and pure. Pairwise over at most a few dozen sentences; the cheap key comparisons come first, so
/// each sentence's pattern scans run only when a rule gets that far (see <see cref="EvidenceFacts"/>).</remarks>
public sealed partial class RuleBasedDisputeDetector : IDisputeDetector
{
    private const int MaxPositions = 4;

    private const string HaltTopic = "halt to attacks";

    private readonly HashSet<string> _loadedTerms;

    public RuleBasedDisputeDetector()
        : this(AttributionLexicon.Default)
    {
    }

    public RuleBasedDisputeDetector(AttributionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _loadedTerms = new HashSet<string>(lexicon.LoadedTerms, StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public IReadOnlyList<DetectedDispute> Detect(string question, IReadOnlyList<EvidenceSentence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return [];
        }

        var facts = new EvidenceFacts[evidence.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = new EvidenceFacts(i, evidence[i]);
        }

        var found = new List<Draft>();
        FigureConflicts(facts, found);
        AssertionConflicts(facts, found);
        Denials(facts, found);
        Unverified(facts, found);

        var questionTerms = EvidenceFacts.ReadTerms(question ?? string.Empty, out _);
        var disputes = new List<DetectedDispute>(found.Count);
        foreach (var draft in Merge(found))
        {
            if (questionTerms.Count > 0 && !draft.Positions.Any(p => p.Facts.Terms.Overlaps(questionTerms)))
            {
                continue;
            }

            // Every claimant heard once before anyone is heard twice.
            var ordered = draft.Positions.GroupBy(p => p.Claimant).Select(g => g.First())
                .Concat(draft.Positions.GroupBy(p => p.Claimant).SelectMany(g => g.Skip(1)));
            var topic = draft.Topic switch
            {
                null => UnverifiedTopic(draft.Positions[0].Facts),
                HaltTopic => HaltTopic + CommonPlace(draft.Positions),
                _ => draft.Topic,
            };
            disputes.Add(new DetectedDispute
            {
                Kind = draft.Kind,
                Topic = Neutral(topic),
                Positions = [.. ordered.Take(MaxPositions).Select(p => new DetectedPosition(p.Facts.Evidence, p.Claimant))],
            });
        }

        return disputes;
    }

    private static void FigureConflicts(EvidenceFacts[] facts, List<Draft> found)
    {
        // Only sentences with a counted figure can conflict on one: pairing those few (in evidence order, so drafts
        // come in the same order) saves the context checks over every pair of the evidence.
        var counting = Array.FindAll(facts, f => f.CountedFigures.Count > 0);
        for (var i = 0; i < counting.Length; i++)
        {
            for (var j = i + 1; j < counting.Length; j++)
            {
                var a = counting[i];
                var b = counting[j];
                if (a.ClaimantKey == b.ClaimantKey || !a.SharesContextWith(b) || a.Evidence.IsCaption || b.Evidence.IsCaption)
                {
                    continue;
                }

                foreach (var fa in a.CountedFigures)
                {
                    foreach (var fb in b.CountedFigures)
                    {
                        if (fa.Counts != fb.Counts || Category(fa.Unit) != Category(fb.Unit) || !Differ(fa, fb))
                        {
                            continue;
                        }

                        var phraseA = CountedPhrase(a.Text, fa);
                        var phraseB = CountedPhrase(b.Text, fb);
                        var topic = $"number of {phraseA}{(phraseB == phraseA ? string.Empty : " and " + phraseB)} {fa.Counts}";
                        found.Add(new Draft(DisputeKind.Conflict, topic, [new(a, a.Claimant), new(b, b.Claimant)]));
                    }
                }
            }
        }
    }

    private static string Category(string? unit) => unit switch
    {
        "troops" or "soldiers" or "fighters" or "militants" or "combatants" or "insurgents" or "rebels" or "jihadists"
            or "militiamen" or "officers" or "personnel" or "members" => "combatants",
        "civilians" or "children" or "people" or "residents" or "women" or "men" or "syrians" or "families"
            or "refugees" => "civilians",
        _ => unit ?? string.Empty,
    };

    private static bool Differ(Figure a, Figure b)
    {
        var larger = Math.Max(a.Value, b.Value);
        return larger > 0 && Math.Abs(a.Value - b.Value) / larger > 0.1;
    }

    private static string CountedPhrase(string text, Figure figure)
    {
        // "at least 10 Hezbollah fighters" -> "Hezbollah fighters"
        var at = text.IndexOf(figure.Text, StringComparison.Ordinal);
        if (at >= 0 && figure.Unit is not null)
        {
            var after = at + figure.Text.Length;
            var unitAt = text.IndexOf(figure.Unit, after, StringComparison.OrdinalIgnoreCase);
            if (unitAt >= 0 && unitAt - after < 40)
            {
                return text[after..(unitAt + figure.Unit.Length)].Trim();
            }
        }

        return figure.Unit ?? "people";
    }

    private static void AssertionConflicts(EvidenceFacts[] facts, List<Draft> found)
    {
        foreach (var f in facts)
        {
            // One clause claims, another accuses: "Russia maintains it is striking IS ..., but activists ... accuse Moscow of ...".
            if (f.Source is { } source)
            {
                foreach (var other in f.Evidence.Claim.OtherSources)
                {
                    if (other.Name != source.Name && (EvidenceFacts.IsAccusationCue(other.Cue) || (EvidenceFacts.IsDenialCue(other.Cue) && !other.Cue!.StartsWith("refus", StringComparison.Ordinal))))
                    {
                        found.Add(new Draft(DisputeKind.Conflict, AccusationTopic(f, source.Name), [new(f, f.Claimant), new(f, EvidenceFacts.NameOf(other, f.Evidence.Article.Outlet))]));
                    }
                }
            }
        }

        for (var i = 0; i < facts.Length; i++)
        {
            // Both rules start from a sentence claiming a full stop or complete control: without one, no pair with it
            // as first can match, and its row of pairs is skipped.
            var a = facts[i];
            if (!a.Absolute && !(a.Asserter is not null && a.Cessation))
            {
                continue;
            }

            for (var j = 0; j < facts.Length; j++)
            {
                var b = facts[j];
                if (i == j || a.AsserterKey == b.AsserterKey || (a.Asserter is null && b.Asserter is null))
                {
                    continue;
                }

                // A full stop or complete control, limited or contradicted by another claimant on the same subject. The
                // context is compared before b's pattern scans: it rules out most pairs for less (same result either way).
                if (a.Absolute && a.SharesContextWith(b) && b.Limiting && SharedSubject(a, b) is { } subject)
                {
                    found.Add(new Draft(DisputeKind.Conflict, subject, [new(a, a.AsserterName), new(b, b.AsserterName)]));
                }

                // A declared halt against attacks reported in the same place and days.
                if (a.Asserter is not null && a.Cessation && !b.Evidence.IsCaption && SameDays(a, b) && b.AttackReport && !b.Cessation)
                {
                    found.Add(new Draft(DisputeKind.Conflict, HaltTopic, [new(a, a.AsserterName), new(b, b.Claimant)]));
                }
            }
        }
    }

    private static string? SharedSubject(EvidenceFacts a, EvidenceFacts b)
    {
        string? shared = null;
        foreach (var term in a.Terms)
        {
            if (b.Terms.Contains(term) && !a.Entities.Contains(term) && !b.Entities.Contains(term)
                && term is not "losses" and not "captured" and not "islamic" and not "russia" and not "troops" and not "fighters")
            {
                shared = term;
                if (term is "highway" or "ceasefire")
                {
                    break;
                }
            }
        }

        return shared switch
        {
            null => null,
            "ceasefire" => HaltTopic,
            _ => "status of the " + SurfacePhrase(a.Text, shared),
        };
    }

    /// <summary>The words naming <paramref name="term"/> in the text, with the proper names before it: "Deir al-Zor-Palmyra highway".</summary>
    private static string SurfacePhrase(string text, string term)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim(',', '.', ';', ':', '"', '“', '”');
            if (EvidenceFacts.ReadTerms(word, out _).Contains(term))
            {
                var start = i;
                while (start > 0 && start > i - 3 && words[start - 1].Length > 0 && char.IsUpper(words[start - 1].Trim('"', '“', '”')[0]))
                {
                    start--;
                }

                return string.Join(' ', words[start..(i + 1)]).Trim(',', '.', ';', ':', '"', '“', '”');
            }
        }

        return term;
    }

    /// <summary>" on Aleppo": the place named most often across the positions' sentences, if any is named twice.</summary>
    private static string CommonPlace(List<Position> positions)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var position in positions.Select(p => p.Facts).Distinct())
        {
            foreach (var m in PlaceWordPattern().EnumerateMatches(position.Text))
            {
                var word = position.Text.Substring(m.Index, m.Length);
                if (m.Index > 0 && !positions.Any(p => p.Claimant.Contains(word, StringComparison.OrdinalIgnoreCase))
                    && EvidenceFacts.ReadTerms(word, out _).Count > 0 && !EvidenceFacts.ReadTerms(word, out _).Overlaps(["russia", "islamic"]))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        var best = counts.OrderByDescending(c => c.Value).FirstOrDefault();
        return best.Value >= 2 ? " on " + best.Key : string.Empty;
    }

    private static bool SameDays(EvidenceFacts a, EvidenceFacts b) =>
        (a.Evidence.Article.Id == b.Evidence.Article.Id && Math.Abs(a.Evidence.Hit.Passage.Ordinal - b.Evidence.Hit.Passage.Ordinal) <= 5)
        || (a.Date is { } x && b.Date is { } y && Math.Abs(x.DayNumber - y.DayNumber) <= 1 && a.Entities.Overlaps(b.Entities));

    private static string AccusationTopic(EvidenceFacts f, string party)
    {
        var attack = AttackNounPattern().Match(f.Text);
        return attack.Success ? $"targets of {party}'s {attack.Value.ToLowerInvariant()}" : $"what {party} is doing";
    }

    private static void Denials(EvidenceFacts[] facts, List<Draft> found)
    {
        foreach (var f in facts)
        {
            var denier = f.Evidence.Claim.OtherSources.Concat(f.Source is null ? [] : [f.Source]).FirstOrDefault(s => EvidenceFacts.IsDenialCue(s.Cue));
            if (denier is null || !(f.IsHedged(HedgeKind.Denied) || f.IsHedged(HedgeKind.RefusedToAdmit)))
            {
                continue;
            }

            var objectTerms = DeniedObject(f.Text, denier.Cue!, out var objectWords);
            var positions = new List<Position> { new(f, EvidenceFacts.NameOf(denier, f.Evidence.Article.Outlet)) };
            foreach (var other in facts)
            {
                if (other != f && other.Source?.Name != denier.Name && f.SharesStoryWith(other)
                    && objectTerms.Overlaps(other.Terms) && positions.Count < MaxPositions)
                {
                    positions.Add(new(other, other.Claimant));
                }
            }

            var topic = objectWords.Length > 0 ? $"{denier.Name} {objectWords}" : $"what {denier.Name} denies";
            found.Add(new Draft(DisputeKind.Denied, topic, positions));
        }
    }

    private static HashSet<string> DeniedObject(string text, string cue, out string words)
    {
        var at = text.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
        words = string.Empty;
        if (at < 0)
        {
            return [];
        }

        var rest = text[(at + cue.Length)..];
        var stop = rest.IndexOfAny([',', ';', '.', ':']);
        rest = (stop < 0 ? rest : rest[..stop]).Trim();
        var split = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        words = string.Join(' ', split.Take(4));
        if (words.StartsWith("that ", StringComparison.OrdinalIgnoreCase))
        {
            words = string.Join(' ', split.Skip(1).Take(6));
        }

        return EvidenceFacts.ReadTerms(rest, out _);
    }

    private static void Unverified(EvidenceFacts[] facts, List<Draft> found)
    {
        foreach (var f in facts)
        {
            var saysUnverifiable = f.IsHedged(HedgeKind.Unverifiable) || f.IsHedged(HedgeKind.Alleged) || (f.IsHedged(HedgeKind.Appears) && f.Material is not null);
            var partyOnly = f.IsParty && f.Contested && !f.Intent && !Corroborated(f, facts);
            if (!saysUnverifiable && !partyOnly)
            {
                continue;
            }

            found.Add(new Draft(DisputeKind.Unverified, null, [new(f, f.Claimant)]));
        }
    }

    private static bool Corroborated(EvidenceFacts claim, EvidenceFacts[] facts)
    {
        foreach (var other in facts)
        {
            if (other == claim || other.IsParty || other.Evidence.Claim.IsHedged || other.Evidence.IsCaption)
            {
                continue;
            }

            if (claim.SharedTerms(other) >= 2 && claim.SharesStoryWith(other))
            {
                return true;
            }
        }

        return false;
    }

    private static string UnverifiedTopic(EvidenceFacts f)
    {
        var shows = ShowsPattern().Match(f.Text);
        if (f.Material is { } material && shows.Success)
        {
            return $"{material} showing {Clip(shows.Groups["what"].Value, 8)}";
        }

        if (f.Evidence.Claim.Figures.FirstOrDefault(x => x.Counts is not null) is { } figure)
        {
            return $"{figure.Text} {CountedPhrase(f.Text, figure)} {figure.Counts}".Replace("  ", " ", StringComparison.Ordinal);
        }

        var content = ContentPattern().Match(f.Text);
        return Clip(content.Success ? content.Groups["what"].Value : f.Text, 10);
    }

    private static string Clip(string text, int words)
    {
        var parts = text.Trim().TrimEnd('.', ',', '"', '”', '“').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var clipped = string.Join(' ', parts.Take(words)).Trim('"', '“', '”', ',');
        var subordinate = SubordinatePattern().Match(clipped + " ");
        if (subordinate.Success && subordinate.Index > 10)
        {
            clipped = clipped[..subordinate.Index];
        }

        var stop = clipped.IndexOfAny([',', ';']);
        return stop > 10 ? clipped[..stop] : clipped;
    }

    private string Neutral(string topic)
    {
        var words = topic.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !_loadedTerms.Contains(w.Trim('"', '“', '”', ',', '.', '’', '‘')));
        return string.Join(' ', words);
    }

    private static IEnumerable<Draft> Merge(List<Draft> found)
    {
        // One dispute per disagreement: drafts of the same kind sharing a position's sentence become one.
        var merged = new List<Draft>();
        foreach (var draft in found)
        {
            var into = merged.FirstOrDefault(m => m.Kind == draft.Kind && m.Positions.Any(p => draft.Positions.Any(q => q.Facts == p.Facts && q.Claimant == p.Claimant)));
            if (into is null)
            {
                merged.Add(draft with { Positions = [.. draft.Positions] });
                continue;
            }

            foreach (var position in draft.Positions)
            {
                if (!into.Positions.Any(p => p.Facts == position.Facts && p.Claimant == position.Claimant))
                {
                    into.Positions.Add(position);
                }
            }
        }

        // A sentence in a conflict or denial is not listed again as merely unverified.
        var disputed = merged.Where(m => m.Kind != DisputeKind.Unverified).SelectMany(m => m.Positions).Select(p => p.Facts).ToHashSet();
        return merged.Where(m => m.Kind != DisputeKind.Unverified || !m.Positions.All(p => disputed.Contains(p.Facts) && !SaysUnverifiable(p.Facts)));
    }

    private static bool SaysUnverifiable(EvidenceFacts f) => f.IsHedged(HedgeKind.Unverifiable) || f.IsHedged(HedgeKind.Alleged);

    private sealed record Position(EvidenceFacts Facts, string Claimant);

    // Topic is null for an unverified claim: its topic (several pattern scans of the sentence) is worked out from the
    // first position only for a draft that survives merging and the question's filter.
    private sealed record Draft(DisputeKind Kind, string? Topic, List<Position> Positions);

    [GeneratedRegex(@"\s(?:after|although|though|but|while|because|whereas|before)\s")]
    private static partial Regex SubordinatePattern();

    [GeneratedRegex(@"\b(?:air\s*strikes|airstrikes|strikes|bombing|shelling|raids|attacks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttackNounPattern();

    [GeneratedRegex(@"(?<![\w\[])[A-Z][a-z][\w-]*")]
    private static partial Regex PlaceWordPattern();

    [GeneratedRegex(@"\b(?:show|shows|showed|showing)\s+(?:what\s+(?:it|they|he|she)\s+(?:says?|said|claims?|claimed)\s+(?:were|was|are|is)\s+|that\s+)?(?<what>[^,;.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ShowsPattern();

    [GeneratedRegex(@"^(?:[^,]*?\b(?:said|says|claimed|claims|reported|reports|according\s+to\s+[^,]+,)\s+(?:that\s+)?)?(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentPattern();
}
