using System.Buffers;
using System.Text;

namespace ChatBot.Core.Corpus;

/// <summary>Cuts raw text into paragraphs: a line each, except hard-wrapped lines of one sentence or caption, which join.</summary>
internal static class TextBlocks
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> calls white space, and the zero-width space, but ' '.</summary>
    private static readonly SearchValues<char> BreakingSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && (char.IsWhiteSpace(c) || c == '\u200b'))]);

    public static List<TextBlock> Split(string text)
    {
        var lines = Lines(text);
        var blocks = new List<TextBlock>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Blank)
            {
                i++;
                continue;
            }

            // The group of consecutive non-blank lines.
            var groupEnd = i;
            while (groupEnd + 1 < lines.Count && !lines[groupEnd + 1].Blank)
            {
                groupEnd++;
            }

            var wrapped = IsHardWrapped(text, lines, i, groupEnd);
            var blockStart = i;
            for (var j = i; j <= groupEnd; j++)
            {
                var last = j == groupEnd;
                if (last || !(wrapped || Continues(text, lines[j], lines[j + 1])))
                {
                    blocks.Add(Make(text, lines, blockStart, j));
                    blockStart = j + 1;
                }
            }

            i = groupEnd + 1;
        }

        return blocks;
    }

    public static string Normalize(ReadOnlySpan<char> span)
    {
        // Most paragraphs are already normal (single spaces between words): copy them once instead of building them.
        if (IsNormal(span))
        {
            return span.ToString();
        }

        var sb = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>No white space (or zero-width space) but single ' ' characters between other characters.</summary>
    public static bool IsNormal(ReadOnlySpan<char> span) =>
        // Vectorised scans instead of a char.IsWhiteSpace call per character: this check runs over every paragraph of
        // every article (and every sentence a claim is read from), and was ~11 % of the CPU of reading a corpus.
        span.IndexOfAny(BreakingSpace) < 0
        && (span.IsEmpty || (span[0] != ' ' && span[^1] != ' '))
        && span.IndexOf("  ", StringComparison.Ordinal) < 0;

    public static bool EndsTerminal(ReadOnlySpan<char> normalized)
    {
        var s = normalized.TrimEnd("\"'\u201d\u2019)]*_");
        return s.Length > 0 && s[^1] is '.' or '!' or '?' or ':' or ';' or '\u2026';
    }

    private static TextBlock Make(string text, List<Line> lines, int from, int to)
    {
        var start = lines[from].Start;
        var end = lines[to].End;
        return new TextBlock(text, start, end, lines[from].Indent, IsNormal(text.AsSpan(start, end - start)));
    }

    /// <summary>A line that stops mid-sentence and a next line that carries on in lower case.</summary>
    private static bool Continues(string text, Line line, Line next)
    {
        var last = text[line.End - 1];
        if (last is '.' or '!' or '?' or ':' or ';' or '"' or '\u201d' or '|' or ']')
        {
            return false;
        }

        var first = text[next.Start];
        return char.IsLower(first) || (last is ',' && !IsListItem(text, next));
    }

    /// <summary>
    /// Text wrapped at a fixed width (e-mail, plain-text archives): lines of similar length that often break
    /// mid-sentence. Such a group is one paragraph.
    /// </summary>
    private static bool IsHardWrapped(string text, List<Line> lines, int from, int to)
    {
        if (to - from < 2)
        {
            return false;
        }

        var midSentence = 0;
        for (var j = from; j < to; j++)
        {
            var length = lines[j].End - lines[j].Start;
            if (length is < 35 or > 100 || IsListItem(text, lines[j + 1]))
            {
                return false;
            }

            var last = text[lines[j].End - 1];
            if (char.IsLetterOrDigit(last) || last is ',' or '-' || char.IsLower(text[lines[j + 1].Start]))
            {
                midSentence++;
            }
        }

        return midSentence * 2 >= to - from;
    }

    private static bool IsListItem(string text, Line line)
    {
        var c = text[line.Start];
        if (c is '-' or '*' or '\u2022' or '\u2013' or '\u2014' or '#' or '>')
        {
            return true;
        }

        var k = line.Start;
        while (k < line.End && char.IsDigit(text[k]))
        {
            k++;
        }

        return k > line.Start && k < line.End && text[k] is '.' or ')';
    }

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            var s = pos;
            var e = end;
            while (s < e && IsSpace(text[s]))
            {
                s++;
            }

            while (e > s && IsSpace(text[e - 1]))
            {
                e--;
            }

            lines.Add(new Line(s, e, s == e, CountIndent(text, pos, s)));
            if (nl < 0)
            {
                break;
            }

            pos = nl + 1;
        }

        return lines;
    }

    private static int CountIndent(string text, int lineStart, int contentStart)
    {
        var n = 0;
        for (var k = lineStart; k < contentStart; k++)
        {
            n += text[k] == '\t' ? 4 : 1;
        }

        return n;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200b' or '\ufeff';

    private readonly record struct Line(int Start, int End, bool Blank, int Indent);
}
