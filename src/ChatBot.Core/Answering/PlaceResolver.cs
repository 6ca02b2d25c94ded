using System.Text.RegularExpressions;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>
/// Adds the bracketed resolution a journalist would: "the desert city [Palmyra]". A definite description of a place
/// ("the city", "the desert city", "the town") is resolved only to a name the question asks about, and only when the
/// sentences before it (in the passage, or just before the passage) introduce that name as a place ("near the city of Palmyra", "west of
/// Palmyra"). Nothing of the sentence changes; the brackets are the only addition.
/// </summary>
internal static partial class PlaceResolver
{
    public static string Resolve(string display, EvidenceSentence evidence, QuestionFocus focus)
    {
        if (focus.Names.Count == 0)
        {
            return display;
        }

        var description = PlaceDescription().Match(display);
        if (!description.Success)
        {
            return display;
        }

        var before = string.Join(' ', evidence.Hit.Passage.Sentences
            .Where(s => s.Index < evidence.Sentence.Index)
            .Select(s => s.Text)
            .Prepend(evidence.Hit.Passage.Context ?? string.Empty));
        foreach (var name in focus.Names)
        {
            if (display.Contains(name.Text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // No match timeout: the pattern is a literal after two optional words, so it cannot backtrack badly, and
            // a wall-clock timeout failed whole answers when a busy machine paused the thread mid-match.
            var introduced = new Regex($@"\b(?:of|near|in|outside|to|from|around|at|toward|towards)\s+(?:the\s+)?{Regex.Escape(name.Text)}\b",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
            var place = introduced.Match(before);
            if (place.Success)
            {
                var written = before.Substring(place.Index + place.Length - name.Text.Length, name.Text.Length);
                var end = description.Index + description.Length;
                return display[..end] + $" [{written}]" + display[end..];
            }
        }

        return display;
    }

    [GeneratedRegex(@"\bthe\s+(?:[a-z-]+\s+){0,2}?(?:city|town|village|province|enclave|base|airbase)\b(?!\s+of\b)(?!\s*\[)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDescription();
}
