using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;

namespace ChatBot.Core.Evaluation;

/// <summary>Checks an answer against a case's expectations; each failure is a sentence an evaluator can act on.</summary>
public static class ExpectationChecker
{
    public static IReadOnlyList<string> Check(CaseExpectation expect, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(expect);
        ArgumentNullException.ThrowIfNull(answer);
        var failures = new List<string>();
        var cited = answer.Citations.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in expect.Cites.Where(id => !cited.Contains(id, StringComparer.Ordinal)))
        {
            failures.Add($"cites: {id} not among citations ({(cited.Count == 0 ? "none cited" : "cited: " + string.Join(", ", cited))})");
        }

        foreach (var outlet in expect.Outlets.Where(r => !r.IsMatch(answer.Text)))
        {
            failures.Add($"outlets: /{outlet}/ not found in answer");
        }

        foreach (var mention in expect.Mentions.Where(r => !r.IsMatch(answer.Text)))
        {
            failures.Add($"mentions: /{mention}/ not found in answer");
        }

        if (expect.Disputed is true && answer.Disputes.Count == 0)
        {
            failures.Add("disputed: expected disputes, the answer lists none");
        }
        else if (expect.Disputed is false && answer.Disputes.Count > 0)
        {
            failures.Add($"disputed: expected no disputes, the answer lists {answer.Disputes.Count} ({Describe(answer.Disputes)})");
        }

        var kinds = answer.Disputes.Select(d => d.Kind).ToHashSet();
        foreach (var kind in expect.DisputeKinds.Where(k => !kinds.Contains(k)))
        {
            failures.Add($"disputeKinds: no {Name(kind)} dispute ({(kinds.Count == 0 ? "the answer lists none" : "the answer lists: " + string.Join(", ", kinds.Select(Name)))})");
        }

        if (expect.Refused is true && !answer.Refused)
        {
            failures.Add($"refused: expected a refusal, got an answer with {answer.Citations.Count} citation(s)");
        }
        else if (expect.Refused is false && answer.Refused)
        {
            failures.Add($"refused: expected an answer, got a refusal ({answer.RefusalReason ?? "no reason given"})");
        }

        return failures;
    }

    internal static string Name(DisputeKind kind) => kind.ToString().ToLowerInvariant();

    private static string Describe(IReadOnlyList<Dispute> disputes) =>
        string.Join("; ", disputes.Select(d => $"{Name(d.Kind)}: {d.Topic}"));
}
