using System.Text;

namespace ChatBot.Core.Corpus;

/// <summary>Turns a file's bytes into text: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is a reason.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string reason)
    {
        text = string.Empty;
        reason = string.Empty;
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                text = StrictUtf8.GetString(bytes[3..]);
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                text = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                text = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            else if (bytes.Contains((byte)0))
            {
                reason = "binary file (contains NUL bytes), not text";
                return false;
            }
            else
            {
                text = StrictUtf8.GetString(bytes);
            }
        }
        catch (DecoderFallbackException ex)
        {
            reason = $"not valid UTF-8 or UTF-16 text (bad bytes at offset {ex.Index}); save it as UTF-8";
            return false;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            reason = "binary file (contains NUL characters), not text";
            return false;
        }

        return true;
    }
}
