using System.Text;
using DiffPlex;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// A word-level diff of two answers in Markdown: removed words as ~~old~~, added words as **new**, unchanged words
/// as they are. Runs of changed words are grouped, so a replaced phrase reads "~~old phrase~~ **new phrase**".
/// </summary>
public static class WordDiff
{
    private static readonly char[] Separators = [' ', '\n', '\r', '\t'];

    public static string ToMarkdown(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldWords = Split(before);
        var newWords = Split(after);
        // One word per line, so DiffPlex's block indexes are word indexes.
        var result = new Differ().CreateCustomDiffs(string.Join('\n', oldWords), string.Join('\n', newWords), false, s => s.Length == 0 ? [] : s.Split('\n'));
        var md = new StringBuilder();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(md, oldWords.Skip(a).Take(block.DeleteStartA - a));
            if (block.DeleteCountA > 0)
            {
                Append(md, ["~~" + string.Join(' ', oldWords.Skip(block.DeleteStartA).Take(block.DeleteCountA)) + "~~"]);
            }

            if (block.InsertCountB > 0)
            {
                Append(md, ["**" + string.Join(' ', newWords.Skip(block.InsertStartB).Take(block.InsertCountB)) + "**"]);
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        Append(md, oldWords.Skip(a));
        return md.ToString();
    }

    private static string[] Split(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static void Append(StringBuilder md, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (md.Length > 0)
            {
                md.Append(' ');
            }

            md.Append(word);
        }
    }
}
