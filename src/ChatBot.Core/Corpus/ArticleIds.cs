using System.Text;

namespace ChatBot.Core.Corpus;

/// <summary>Article ids are lowercase slugs: ASCII letters, digits and single hyphens ("newarab-aleppo-fate").</summary>
public static class ArticleIds
{
    /// <summary>True when <paramref name="id"/> is already a lowercase slug.</summary>
    public static bool IsSlug(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c == '-' && id[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The slug form of <paramref name="value"/>: lower-cased, accents dropped, every other run of characters a single
    /// hyphen. Empty when nothing usable is left.
    /// </summary>
    public static string Slugify(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var raw in decomposed)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingHyphen = false;
                sb.Append(c);
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(raw) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }
        }

        return sb.ToString();
    }
}
