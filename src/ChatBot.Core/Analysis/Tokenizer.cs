using System.Runtime.CompilerServices;

namespace ChatBot.Core.Analysis;

/// <summary>
/// The one tokenizer of the analysis chain. Folds each character (<see cref="CharFolder"/>) and cuts words: runs of
/// letters and digits. Inside a word an apostrophe joins ("A'maq" is "Amaq") except a possessive "'s", which is
/// dropped; a comma between digit groups joins ("120,000" is "120000"); combining marks are skipped. Hyphens,
/// punctuation, symbols and emoji separate words. Case is kept for the alias filter.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Words longer than this are not words (URLs, base64, runs of digits) and are dropped.</summary>
    public const int MaxTokenLength = 48;

    /// <summary>
    /// Tokenizes <paramref name="text"/> into <paramref name="buffer"/> (at least text.Length chars) and
    /// <paramref name="tokens"/> (at least text.Length / 2 + 1 entries); returns the token count.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> buffer, Span<RawToken> tokens)
    {
        var count = 0;
        var write = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = CharFolder.Fold(text[i]);
            if (!IsWordChar(c))
            {
                i++;
                continue;
            }

            var start = write;
            var allCaps = true;
            var hasLetter = false;
            var digitsOnly = true;
            while (i < text.Length)
            {
                c = text[i];

                // Most characters of English words are lowercase ASCII letters: they need no folding and settle the
                // flags the one way, so a run of them is found and copied in one vectorised go.
                if ((uint)(c - 'a') <= 'z' - 'a')
                {
                    var run = text[i..].IndexOfAnyExceptInRange('a', 'z');
                    if (run < 0)
                    {
                        run = text.Length - i;
                    }

                    text.Slice(i, run).CopyTo(buffer[write..]);
                    write += run;
                    i += run;
                    digitsOnly = false;
                    hasLetter = true;
                    allCaps = false;
                    continue;
                }

                c = CharFolder.Fold(c);
                if (IsWordChar(c))
                {
                    if (c > '9' || c < '0')
                    {
                        digitsOnly = false;
                        if (IsLetter(c))
                        {
                            hasLetter = true;
                            if (IsLower(c))
                            {
                                allCaps = false;
                            }
                        }
                    }

                    buffer[write++] = c;
                    i++;
                    continue;
                }

                if (IsCombiningMark(c))
                {
                    i++;
                    continue;
                }

                if (c == '\'' && i + 1 < text.Length && !digitsOnly)
                {
                    var next = CharFolder.Fold(text[i + 1]);
                    if (IsLetter(next))
                    {
                        if ((next is 's' or 'S') && (i + 2 >= text.Length || !IsWordChar(CharFolder.Fold(text[i + 2]))))
                        {
                            i += 2;
                            break;
                        }

                        i++;
                        continue;
                    }
                }

                if (c == ',' && digitsOnly && IsDigitGroup(text, i + 1))
                {
                    i++;
                    continue;
                }

                break;
            }

            var length = write - start;
            if (length > MaxTokenLength)
            {
                write = start;
                continue;
            }

            tokens[count++] = new RawToken(start, length, allCaps && hasLetter);
        }

        return count;
    }

    /// <summary>True for the characters words are made of: letters and digits of any script.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        return char.IsLetterOrDigit(c);
    }

    // The classifiers are inlined with an ASCII fast path, as CharFolder.Fold is: each was a call per character.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLower(char c) => c < 0x80 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F' || c == '\u0640' || c == '\u200C' || c == '\u200D';

    // Exactly three digits, then something that is not a digit: a thousands group.
    private static bool IsDigitGroup(ReadOnlySpan<char> text, int at)
    {
        if (at + 3 > text.Length)
        {
            return false;
        }

        for (var k = 0; k < 3; k++)
        {
            if ((uint)(text[at + k] - '0') > 9)
            {
                return false;
            }
        }

        return at + 3 == text.Length || (uint)(text[at + 3] - '0') > 9;
    }
}
