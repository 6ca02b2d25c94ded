using System.Text.RegularExpressions;

namespace ChatBot.Core.Generation;

/// <summary>
/// Splits generated answer text into sentences, keeping each sentence's trailing [n] markers with it ("... city. [1]"
/// and "... city [1]." both belong to one sentence). A line break always ends a sentence, so a heading stands alone
/// (and fails the check for want of a citation). Used for whole answers and, with <c>final: false</c>, for a stream.
/// </summary>
public static partial class AnswerSentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "maj", "capt", "sgt", "brig", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc", "co", "jr", "sr", "approx",
    };

    /// <summary>All sentences of a finished text.</summary>
    public static IReadOnlyList<AnswerSentence> Split(string text) => SplitComplete(text, final: true).Sentences;

    /// <summary>
    /// The sentences of <paramref name="text"/> whose end is certain, and how many characters they take. With
    /// <paramref name="final"/> false, a sentence whose end could still gain a [n] marker is left for later.
    /// </summary>
    public static (IReadOnlyList<AnswerSentence> Sentences, int Consumed) SplitComplete(string text, bool final)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<AnswerSentence>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text[start..i]);
                start = i + 1;
                i++;
                continue;
            }

            if (c is not ('.' or '!' or '?') || IsAbbreviation(text, i))
            {
                i++;
                continue;
            }

            var end = SkipTail(text, i + 1);
            var next = end;
            while (next < text.Length && text[next] is ' ' or '\t' or '\r')
            {
                next++;
            }

            if (next >= text.Length)
            {
                if (!final)
                {
                    break;
                }

                Add(sentences, text[start..end]);
                start = text.Length;
                break;
            }

            var following = text[next];
            if (following == '\n' || char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '(' or '‘')
            {
                Add(sentences, text[start..end]);
                start = end;
            }

            i = Math.Max(end, i + 1);
        }

        if (final && start < text.Length)
        {
            Add(sentences, text[start..]);
            start = text.Length;
        }

        return (sentences, start);
    }

    /// <summary>The passage numbers cited by the [n] markers in <paramref name="text"/>, in order of appearance.</summary>
    public static IReadOnlyList<int> CitationsOf(string text)
    {
        var numbers = new List<int>();
        foreach (Match marker in CitationMarker().Matches(text))
        {
            foreach (var part in marker.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, out var n))
                {
                    numbers.Add(n);
                }
            }
        }

        return numbers;
    }

    /// <summary>[1], [2, 3], [4;5]: citation markers (editorial insertions such as [Palmyra] are not).</summary>
    [GeneratedRegex(@"\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]")]
    internal static partial Regex CitationMarker();

    private static void Add(List<AnswerSentence> sentences, string raw)
    {
        var text = raw.Trim();
        if (text.Length > 0)
        {
            sentences.Add(new AnswerSentence(text, CitationsOf(text)));
        }
    }

    /// <summary>Past closing quotes and brackets, then any [n] markers (with spaces between), after a full stop.</summary>
    private static int SkipTail(string text, int i)
    {
        while (i < text.Length && text[i] is '"' or '”' or '’' or '\'' or ')')
        {
            i++;
        }

        while (true)
        {
            var j = i;
            while (j < text.Length && text[j] is ' ' or '\t')
            {
                j++;
            }

            var marker = j < text.Length && text[j] == '[' ? CitationMarker().Match(text, j) : Match.Empty;
            if (!marker.Success || marker.Index != j)
            {
                return i;
            }

            i = j + marker.Length;
            if (i < text.Length && text[i] is '.' or '!' or '?')
            {
                i++;
            }
        }
    }

    /// <summary>"U.S." "Mr." "Gen." "3.5": a full stop that does not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        if (dot + 1 < text.Length && char.IsLetterOrDigit(text[dot + 1]))
        {
            return true;
        }

        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
