using System.Globalization;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The tokens a passage holds more than once, stored beside it as "token count token count": with the passage length
/// that is all BM25 needs beyond the postings, and it is a few bytes per passage (most tokens occur once). A build
/// writes it while analysing (<see cref="IndexTextBuilder.Repeats"/>); retrieval reads it back with this.
/// </summary>
internal static class RepeatedTokens
{
    /// <summary>
    /// Reads the next token and its count from <paramref name="rest"/> and moves past them; false at the end (or at
    /// a token without a count).
    /// </summary>
    public static bool TryReadNext(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token, out int count)
    {
        token = default;
        count = 0;
        var space = rest.IndexOf(' ');
        if (space < 0)
        {
            rest = [];
            return false;
        }

        token = rest[..space];
        rest = rest[(space + 1)..];
        var next = rest.IndexOf(' ');
        count = int.Parse(next < 0 ? rest : rest[..next], NumberStyles.None, CultureInfo.InvariantCulture);
        rest = next < 0 ? [] : rest[(next + 1)..];
        return true;
    }
}
