using System.Text.RegularExpressions;
using ChatBot.Core.Analysis;

namespace ChatBot.Core.Answering;

/// <summary>
/// Resolves follow-ups without a model. "What about Aleppo?" after "What did IS seize near Palmyra?" becomes
/// "What did IS seize near Aleppo?"; a question that names nothing or points back ("And how far were they from
/// the city?") carries the names of the latest earlier turn that had some: "... (IS, Palmyra)".
/// </summary>
/// <remarks>Thread-safe and pure.</remarks>
public sealed partial class RuleBasedQuestionRewriter : IQuestionRewriter
{
    private readonly QuestionReader _reader;

    public RuleBasedQuestionRewriter(ITextAnalyzer analyzer) => _reader = new QuestionReader(analyzer);

    public Task<string> RewriteAsync(string question, IReadOnlyList<string> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(turns);
        return Task.FromResult(Rewrite(question.Trim(), turns));
    }

    private string Rewrite(string question, IReadOnlyList<string> turns)
    {
        var earlier = turns.Reverse()
            .Select(t => (Text: t.Trim(), Names: _reader.ReadNames(t)))
            .FirstOrDefault(t => t.Names.Count > 0);
        if (earlier.Text is null)
        {
            return question;
        }

        // Names only: the rest of a full read is the answering service's, on the question this returns.
        var current = _reader.ReadNames(question);
        var about = WhatAbout().Match(question);
        if (about.Success && current.Count > 0)
        {
            // Swap the earlier question's last name for the new one: same question, new subject.
            var last = earlier.Names[^1].Text;
            var at = earlier.Text.LastIndexOf(last, StringComparison.Ordinal);
            return at < 0 ? $"{earlier.Text} ({current[0].Text})" : earlier.Text[..at] + current[0].Text + earlier.Text[(at + last.Length)..];
        }

        if (current.Count > 0 && !PointsBack().IsMatch(question))
        {
            return question;
        }

        var carried = earlier.Names
            .Where(n => !current.Any(c => c.Terms.SequenceEqual(n.Terms)))
            .Select(n => n.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return carried.Count == 0 ? question : $"{question} ({string.Join(", ", carried)})";
    }

    [GeneratedRegex(@"^\s*(?:and|but|so)?\s*(?:what|how)\s+about\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatAbout();

    [GeneratedRegex(@"^\s*(?:and|but|so|also)\b|\b(?:they|them|their|it|its|he|him|his|she|her|there|that|this|these|those)\b|\bthe\s+(?:city|town|village|province|road|highway|group|area|region|militants|fighters|forces|attack|offensive)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();
}
