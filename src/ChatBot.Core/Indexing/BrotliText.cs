using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChatBot.Core.Indexing;

/// <summary>
/// Text stored compressed: the UTF-8 byte count (4 bytes, little-endian) followed by the Brotli stream of the UTF-8 bytes.
/// Decompression gives back the very same string, so offsets and quotes into it stay exact.
/// </summary>
internal static class BrotliText
{
    // Quality 0: measured on the peers' 10k articles (one thread, one-shot per article) it compresses 35.6 MB of text to
    // 17.9 MB in 0.30-0.33 CPU-seconds, where quality 1 gave 17.5 MB in 0.41-0.54 s and quality 5 14.7 MB in 2.5 s; the
    // 0.4 MB more is 0.6 % of that index. Reading back is as fast.
    private const int Quality = 0;

    // The window (log2 of bytes) need not exceed the text. At qualities 0 and 1 it changes neither the bytes nor the time
    // for these short articles (measured with windows of 16 and 22): the encoder sizes its tables by the input.
    private const int MinWindow = 10;
    private const int MaxWindow = 22;

    // Bytes beyond the characters asked for that DecompressPrefix decodes on its first try.
    private const int PrefixSlack = 256;

    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The UTF-8 and the compressed stream go through pooled buffers and only the result is allocated: two fewer
        // arrays of about the text's size per article.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            var output = ArrayPool<byte>.Shared.Rent(4 + BrotliEncoder.GetMaxCompressedLength(length));
            try
            {
                BinaryPrimitives.WriteInt32LittleEndian(output, length);
                var window = Math.Clamp(32 - System.Numerics.BitOperations.LeadingZeroCount((uint)length), MinWindow, MaxWindow);
                if (!BrotliEncoder.TryCompress(utf8.AsSpan(0, length), output.AsSpan(4), out var written, Quality, window))
                {
                    throw new InvalidOperationException("Brotli could not compress the text into its maximum compressed length.");
                }

                return output.AsSpan(0, 4 + written).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    public static string Decompress(ReadOnlySpan<byte> stored)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        if (length == 0)
        {
            return string.Empty;
        }

        var utf8 = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored[4..], utf8, out var written) || written != length)
        {
            throw new InvalidDataException($"compressed text is damaged: {written} of {length} bytes could be read back");
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// The text's first <paramref name="chars"/> characters at least (the whole text when it is no longer): the
    /// decoder stops once it has written them, so a passage near an article's start costs a fraction of the article.
    /// The result is an exact prefix of what <see cref="Decompress"/> returns, ending on a whole character.
    /// </summary>
    public static string DecompressPrefix(ReadOnlySpan<byte> stored, int chars)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        if (length == 0)
        {
            return string.Empty;
        }

        // Mostly ASCII: a character is a byte, so the first try rarely needs a second. The buffer is pooled: one
        // array of about the article's size fewer per article read.
        var target = Math.Min(length, Math.Max(chars, 0) + PrefixSlack);
        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            using var decoder = new BrotliDecoder();
            var source = stored[4..];
            var written = 0;
            while (true)
            {
                var status = decoder.Decompress(source, utf8.AsSpan(written, target - written), out var read, out var wrote);
                source = source[read..];
                written += wrote;
                if (written == length)
                {
                    return Encoding.UTF8.GetString(utf8, 0, length);
                }

                if (status != OperationStatus.DestinationTooSmall && written < target)
                {
                    throw new InvalidDataException($"compressed text is damaged: {written} of {length} bytes could be read back");
                }

                var whole = WholeCharacters(utf8.AsSpan(0, written));
                if (Encoding.UTF8.GetCharCount(utf8, 0, whole) >= chars)
                {
                    return Encoding.UTF8.GetString(utf8, 0, whole);
                }

                target = (int)Math.Min(length, 2L * target);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    // The length of the longest prefix of utf8 that ends on a whole character (a cut sequence at the end is left out).
    private static int WholeCharacters(ReadOnlySpan<byte> utf8)
    {
        var end = utf8.Length;
        var back = 0;
        while (end - back > 0 && back < 4 && (utf8[end - back - 1] & 0xC0) == 0x80)
        {
            back++;
        }

        if (end - back == 0)
        {
            return end;
        }

        var lead = utf8[end - back - 1];
        var size = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return back + 1 >= size ? end : end - back - 1;
    }
}
