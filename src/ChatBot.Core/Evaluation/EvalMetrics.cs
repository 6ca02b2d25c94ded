using ChatBot.Core.Answering;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// The metrics of a run, computed from the answers alone (no model). Shares are pooled over the whole run (summed
/// numerators over summed denominators), so a long answer weighs more than a short one.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>passRate</b>: cases whose every expectation held, over all cases.</item>
/// <item><b>citationRecall</b>: answer sentences carrying at least one [n], over all counted sentences
/// (<see cref="AnswerSentences"/>: refusals, notes and headings do not count).</item>
/// <item><b>citationPrecision</b>: [n] markers whose citation's quote supports the span they close
/// (<see cref="CitationSupport"/>), over all markers of counted sentences; a marker with no such citation fails.</item>
/// <item><b>expectedArticleRecall</b>: article ids listed under <c>cites</c> that the answer cites, over all listed.</item>
/// <item><b>outletAccuracy</b>: <c>outlets</c> regexes that match the answer, over all listed.</item>
/// <item><b>disputeRecall</b>: cases expecting <c>disputed: true</c> whose answer lists a dispute, over those cases.</item>
/// <item><b>disputePrecision</b>: of cases with a <c>disputed</c> expectation whose answer lists a dispute, those
/// expecting one.</item>
/// <item><b>refusalAccuracy</b>: cases with a <c>refused</c> expectation whose answer refused (or not) as expected.</item>
/// <item><b>p50Ms / p95Ms</b>: nearest-rank percentiles of per-case latency (request to final answer).</item>
/// <item><b>modes</b>: how many answers were extractive, generative, repaired (generative after one repair round) or
/// fallback (extractive because the model failed).</item>
/// </list>
/// </remarks>
public static class EvalMetrics
{
    /// <summary>The counted sentences and per-marker support checks of one answer.</summary>
    public static (IReadOnlyList<AnswerSentence> Sentences, IReadOnlyList<CitationCheck> Checks) Inspect(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sentences = AnswerSentences.Split(answer);
        var byNumber = answer.Citations.GroupBy(c => c.N).ToDictionary(g => g.Key, g => g.First());
        var claimants = answer.Disputes.SelectMany(d => d.Positions).ToLookup(p => p.Citation, p => p.By);
        var checks = new List<CitationCheck>();
        foreach (var sentence in sentences)
        {
            foreach (var (span, markers) in AnswerSentences.Spans(sentence.Text))
            {
                var group = markers.Where(byNumber.ContainsKey).Select(n => byNumber[n]).ToList();
                foreach (var n in markers)
                {
                    if (!byNumber.TryGetValue(n, out var citation))
                    {
                        checks.Add(new CitationCheck(n, span, SupportVerdict.No($"[{n}] refers to no citation")));
                        continue;
                    }

                    // Citations attached together support the span together, but each must share a content word with it.
                    var own = CitationSupport.Check(span, citation, claimants[n]);
                    var verdict = own.Supported || group.Count < 2
                        ? own
                        : CitationSupport.Check(span, group, group.SelectMany(c => claimants[c.N])) is { Supported: true } joint && own.Overlap > 0 ? joint : own;
                    checks.Add(new CitationCheck(n, span, verdict));
                }
            }
        }

        return (sentences, checks);
    }

    public static EvalSummary Compute(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sentences = results.Sum(r => r.Sentences.Count);
        var cited = results.Sum(r => r.Sentences.Count(s => s.Markers.Count > 0));
        var markers = results.Sum(r => r.CitationChecks.Count);
        var supported = results.Sum(r => r.CitationChecks.Count(c => c.Verdict.Supported));

        var expectedIds = results.Sum(r => r.Case.Expect.Cites.Count);
        var foundIds = results.Sum(r => r.Case.Expect.Cites.Count(id => r.Answer.Citations.Any(c => c.ArticleId == id)));
        var outlets = results.Sum(r => r.Case.Expect.Outlets.Count);
        var outletsFound = results.Sum(r => r.Case.Expect.Outlets.Count(x => x.IsMatch(r.Answer.Text)));

        var disputedExpected = results.Where(r => r.Case.Expect.Disputed is true).ToList();
        var disputedAnswered = results.Where(r => r.Case.Expect.Disputed is not null && r.Answer.Disputes.Count > 0).ToList();
        var refusalLabelled = results.Where(r => r.Case.Expect.Refused is not null).ToList();
        var latencies = results.Select(r => r.LatencyMs).Order().ToList();

        var modes = Enum.GetValues<AnswerMode>().ToDictionary(m => m.ToString().ToLowerInvariant(), _ => 0, StringComparer.Ordinal);
        foreach (var result in results)
        {
            modes[result.Answer.Mode.ToString().ToLowerInvariant()]++;
        }

        return new EvalSummary
        {
            Cases = results.Count,
            Passed = results.Count(r => r.Passed),
            PassRate = Share(results.Count(r => r.Passed), results.Count),
            CitationRecall = Share(cited, sentences),
            CitationPrecision = Share(supported, markers),
            ExpectedArticleRecall = Share(foundIds, expectedIds),
            OutletAccuracy = Share(outletsFound, outlets),
            DisputeRecall = Share(disputedExpected.Count(r => r.Answer.Disputes.Count > 0), disputedExpected.Count),
            DisputePrecision = Share(disputedAnswered.Count(r => r.Case.Expect.Disputed is true), disputedAnswered.Count),
            RefusalAccuracy = Share(refusalLabelled.Count(r => r.Answer.Refused == r.Case.Expect.Refused), refusalLabelled.Count),
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            Modes = modes,
        };
    }

    /// <summary>Checks each threshold of the suite against the summary; an unmeasured metric fails its threshold.</summary>
    public static IReadOnlyList<ThresholdResult> CheckThresholds(IReadOnlyDictionary<string, double> thresholds, EvalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(summary);
        return [.. thresholds.Select(t =>
        {
            var actual = summary.Get(t.Key);
            var held = actual is { } value && (EvalSummary.IsUpperLimit(t.Key) ? value <= t.Value : value >= t.Value - 1e-9);
            return new ThresholdResult(t.Key, t.Value, actual, held);
        })];
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
