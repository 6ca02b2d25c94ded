using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Core.Answering;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Splits an answer into the sentences the citation metrics count.
/// </summary>
/// <remarks>
/// What counts: the summary and disagreement parts (all of <see cref="Answer.Text"/> when the answer has no parts).
/// What does not: a refused answer (its refusal text), note parts (fallback notices, "as of" caveats), and heading
/// lines ending with a colon ("Where the reports differ:"). Splitting: every line is split on its own (a list item is
/// a sentence even without a full stop); inside a line a sentence ends at '.', '!' or '?' (with any closing quotes,
/// brackets and [n] markers after it) followed by a space and an upper-case letter, digit or opening quote, unless
/// the word before the stop is an abbreviation (Sept., U.S., Mr.) or a single letter. A marker is "[n]" or "[n, m]"
/// with digits only, so "[Palmyra]" is no citation.
/// </remarks>
public static partial class AnswerSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "sgt", "capt", "st", "no", "vs", "etc", "inc", "jr", "sr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e",
    };

    /// <summary>The counted sentences of <paramref name="answer"/> (none for a refusal).</summary>
    public static IReadOnlyList<AnswerSentence> Split(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Refused)
        {
            return [];
        }

        var texts = answer.Parts.Count > 0
            ? answer.Parts.Where(p => p.Kind != AnswerPartKind.Note).Select(p => p.Text)
            : [answer.Text];
        return [.. texts.SelectMany(SplitText)];
    }

    /// <summary>Splits plain answer text (see the remarks for the rules).</summary>
    public static IReadOnlyList<AnswerSentence> SplitText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<AnswerSentence>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = Bullet().Replace(rawLine.Trim(), string.Empty);
            if (line.Length == 0 || (line.EndsWith(':') && Markers(line).Count == 0))
            {
                continue;
            }

            var start = 0;
            foreach (Match boundary in Boundary().Matches(line))
            {
                var end = boundary.Index + boundary.Length;
                if (IsAbbreviation(line, boundary.Index))
                {
                    continue;
                }

                Add(sentences, line[start..end]);
                start = end;
            }

            Add(sentences, line[start..]);
        }

        return sentences;
    }

    /// <summary>The citation numbers in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<int> Markers(string text) =>
        [.. Marker().Matches(text).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture))];

    /// <summary><paramref name="text"/> without its [n] markers.</summary>
    public static string WithoutMarkers(string text) => Marker().Replace(text, string.Empty);

    /// <summary>
    /// The spans of a sentence each group of adjacent markers is attached to: the text from the previous marker (or
    /// the sentence start) to the marker; text after the last marker joins the last span.
    /// </summary>
    public static IReadOnlyList<(string Span, IReadOnlyList<int> Markers)> Spans(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var spans = new List<(string, IReadOnlyList<int>)>();
        var groups = MarkerGroup().Matches(sentence);
        var start = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var end = i == groups.Count - 1 ? sentence.Length : group.Index;
            var span = SpaceBeforeStop().Replace(WithoutMarkers(sentence[start..end]), "$1").Trim().TrimStart(',', ';', ':', ' ');
            spans.Add((span, Markers(group.Value)));
            start = group.Index + group.Length;
        }

        return spans;
    }

    private static void Add(List<AnswerSentence> sentences, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Any(char.IsLetterOrDigit) && WithoutMarkers(trimmed).Any(char.IsLetter))
        {
            sentences.Add(new AnswerSentence(trimmed, Markers(trimmed)));
        }
        else if (sentences.Count > 0 && Markers(trimmed).Count > 0)
        {
            // A marker left alone after a stop ("... in March. [1]") belongs to the sentence before it.
            var last = sentences[^1];
            sentences[^1] = new AnswerSentence($"{last.Text} {trimmed}", [.. last.Markers, .. Markers(trimmed)]);
        }
    }

    private static bool IsAbbreviation(string line, int stopIndex)
    {
        if (line[stopIndex] != '.')
        {
            return false;
        }

        var wordStart = stopIndex;
        while (wordStart > 0 && (char.IsLetter(line[wordStart - 1]) || line[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = line[wordStart..stopIndex];
        return word.Length == 1 || Abbreviations.Contains(word);
    }

    [GeneratedRegex(@"[.!?][""'”’)\]]*(\s*\[\d+(?:\s*,\s*\d+)*\])*(?=\s+[""“'‘(]?[\p{Lu}\d])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(\s*\[\d+(?:\s*,\s*\d+)*\])+")]
    private static partial Regex MarkerGroup();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforeStop();

    [GeneratedRegex(@"^([-*•]|\d+\.)\s+")]
    private static partial Regex Bullet();
}
