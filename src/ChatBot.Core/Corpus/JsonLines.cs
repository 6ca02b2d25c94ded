namespace ChatBot.Core.Corpus;

/// <summary>Reads a .jsonl file line by line as bytes, so one badly encoded line spoils only itself.</summary>
/// <remarks>
/// A line is a slice of the read buffer, valid only until the next line is asked for: it saves copying every line
/// (the whole file) once more. Callers parse a line before moving on and keep none of its bytes.
/// </remarks>
internal static class JsonLines
{
    public static IEnumerable<(ReadOnlyMemory<byte> Line, int Number)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var filled = 0;
        var number = 0;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var start = 0;
            if (first && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3;
            }

            first = false;
            int nl;
            while ((nl = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
            {
                number++;
                yield return (buffer.AsMemory(start, nl - start), number);
                start = nl + 1;
            }

            if (read == 0)
            {
                if (end > start)
                {
                    number++;
                    yield return (buffer.AsMemory(start, end - start), number);
                }

                yield break;
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            filled = end - start;
        }
    }
}
