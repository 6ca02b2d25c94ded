using System.Runtime.CompilerServices;

namespace ChatBot.Core.Analysis;

/// <summary>
/// The first filter of the analysis chain: folds one character to the form search compares. Typographic quotes and
/// apostrophes become <c>'</c>, dashes and hyphens become <c>-</c>, non-breaking and other Unicode spaces become a
/// space, Latin letters lose their diacritics. Everything else passes through unchanged.
/// </summary>
/// <remarks>Pure and allocation-free; a lookup table covers Latin-1 and Latin Extended-A.</remarks>
public static class CharFolder
{
    private const int TableStart = 0x00C0;
    private const int TableEnd = 0x0250;
    private static readonly char[] Table = BuildTable();

    /// <summary>The folded form of <paramref name="c"/>.</summary>
    /// <remarks>Inlined: ASCII folds to itself, and the tokenizer calls this per character.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c < 0x80 ? c : FoldOther(c);

    private static char FoldOther(char c)
    {
        if (c is >= (char)TableStart and < (char)TableEnd)
        {
            return Table[c - TableStart];
        }

        if (c is >= '\u1E00' and <= '\u1EFF')
        {
            // Latin Extended Additional (transliteration letters such as the dotted h of "Halab"): even code points
            // are capitals, odd ones small; the base letter is close enough for search when it cannot be named.
            return FoldExtendedAdditional(c);
        }

        return c switch
        {
            '\u00A0' or '\u2007' or '\u202F' or '\u3000' or (>= '\u2000' and <= '\u200A') => ' ',
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u02BE' or '\u02BF' or '\u00B4' or '\u0060' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u00AD' => '-',
            _ => c,
        };
    }

    private static char FoldExtendedAdditional(char c)
    {
        var upper = (c & 1) == 0;
        var baseLetter = c switch
        {
            <= '\u1E01' => 'a',
            <= '\u1E07' => 'b',
            <= '\u1E09' => 'c',
            <= '\u1E13' => 'd',
            <= '\u1E1D' => 'e',
            <= '\u1E1F' => 'f',
            <= '\u1E21' => 'g',
            <= '\u1E2B' => 'h',
            <= '\u1E2F' => 'i',
            <= '\u1E35' => 'k',
            <= '\u1E3D' => 'l',
            <= '\u1E43' => 'm',
            <= '\u1E4B' => 'n',
            <= '\u1E53' => 'o',
            <= '\u1E57' => 'p',
            <= '\u1E5F' => 'r',
            <= '\u1E69' => 's',
            <= '\u1E71' => 't',
            <= '\u1E7B' => 'u',
            <= '\u1E7F' => 'v',
            <= '\u1E89' => 'w',
            <= '\u1E8D' => 'x',
            <= '\u1E8F' => 'y',
            <= '\u1E95' => 'z',
            <= '\u1E9F' => (char)0,
            <= '\u1EB7' => 'a',
            <= '\u1EC7' => 'e',
            <= '\u1ECB' => 'i',
            <= '\u1EE3' => 'o',
            <= '\u1EF1' => 'u',
            _ => 'y',
        };
        if (baseLetter == 0)
        {
            return c;
        }

        return upper ? char.ToUpperInvariant(baseLetter) : baseLetter;
    }

    private static char[] BuildTable()
    {
        var table = new char[TableEnd - TableStart];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)(TableStart + i);
        }

        // Base letters of Latin-1 Supplement and Latin Extended-A, in code point order from U+00C0.
        const string latin1 = "AAAAAAACEEEEIIII" + "DNOOOOO\u00D7OUUUUYTs" + "aaaaaaaceeeeiiii" + "dnooooo\u00F7ouuuuyty";
        for (var i = 0; i < latin1.Length; i++)
        {
            table[i] = latin1[i];
        }

        // U+0100..U+017F: pairs of upper/lower case letters with a mark.
        const string extendedA =
            "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
        for (var i = 0; i < extendedA.Length && 0x40 + i < table.Length; i++)
        {
            table[0x40 + i] = extendedA[i];
        }

        return table;
    }
}
