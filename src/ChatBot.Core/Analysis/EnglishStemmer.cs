namespace ChatBot.Core.Analysis;

/// <summary>
/// A light English stemmer: plurals, "-ed", "-ing", "-ly" and a final "-e" or "-y" fold so that "advance",
/// "advances", "advanced" and "advancing" meet, and so do "city" and "cities". Deliberately conservative: it
/// never shortens a word below three letters and leaves words with digits alone.
/// </summary>
/// <remarks>Works in place on a lowercase ASCII span; other scripts pass through unchanged.</remarks>
internal static class EnglishStemmer
{
    /// <summary>Stems the lowercase word in <paramref name="word"/> in place; returns its new length.</summary>
    public static int Stem(Span<char> word)
    {
        var n = word.Length;
        if (n < 4)
        {
            return n;
        }

        for (var k = 0; k < n; k++)
        {
            if ((uint)(word[k] - 'a') > 'z' - 'a')
            {
                return n;
            }
        }

        // Plurals.
        if (word[n - 1] == 's')
        {
            if (EndsWith(word, n, "ies") && n > 4)
            {
                n -= 2; // cities -> citi
                word[n - 1] = 'i';
            }
            else if (EndsWith(word, n, "sses") || EndsWith(word, n, "shes") || EndsWith(word, n, "ches") || EndsWith(word, n, "xes") || EndsWith(word, n, "zzes"))
            {
                n -= 2;
            }
            else if (!EndsWith(word, n, "ss") && !EndsWith(word, n, "us") && !EndsWith(word, n, "is"))
            {
                n -= 1;
            }
        }

        // Verb endings.
        if (n > 5 && EndsWith(word, n, "ing"))
        {
            n = Undouble(word, n - 3);
        }
        else if (n > 4 && EndsWith(word, n, "ied"))
        {
            n -= 2;
            word[n - 1] = 'i';
        }
        else if (n > 4 && EndsWith(word, n, "ed") && !EndsWith(word, n, "eed"))
        {
            n = Undouble(word, n - 2);
        }
        else if (n > 5 && EndsWith(word, n, "ly"))
        {
            n -= 2;
        }

        // Final e and y, so the bare form meets the inflected ones.
        if (n > 3 && word[n - 1] == 'e')
        {
            n--;
        }
        else if (n > 3 && word[n - 1] == 'y' && !IsVowel(word[n - 2]))
        {
            word[n - 1] = 'i';
        }

        return n;
    }

    private static int Undouble(Span<char> word, int n)
    {
        if (n >= 4 && word[n - 1] == word[n - 2] && word[n - 1] is not ('l' or 's' or 'z') && !IsVowel(word[n - 1]))
        {
            return n - 1;
        }

        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWith(Span<char> word, int n, string suffix) =>
        n >= suffix.Length && word[..n].EndsWith(suffix, StringComparison.Ordinal);
}
