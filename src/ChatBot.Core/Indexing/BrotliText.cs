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

        // The UTF-8 goes through a pooled buffer and only the string is allocated: one array of about the article's
        // size fewer for every article an answer reads.
        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(stored[4..], utf8.AsSpan(0, length), out var written) || written != length)
            {
                throw new InvalidDataException($"compressed text is damaged: {written} of {length} bytes could be read back");
            }

            return Encoding.UTF8.GetString(utf8, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}
