namespace ChatBot.Core.Attribution;

/// <summary>
/// Whether a text's whitespace needs collapsing before it is compared or shown. Most sentences are already clean, and
/// this one scan lets the readers skip the allocation of a collapsed copy for them.
/// </summary>
internal static class WhitespaceRuns
{
    /// <summary>True unless every whitespace run in <paramref name="text"/> is already one plain space.</summary>
    public static bool NeedCollapsing(ReadOnlySpan<char> text)
    {
        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return true;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                // The regex \s class and char.IsWhiteSpace hold the same characters.
                return true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return false;
    }
}
