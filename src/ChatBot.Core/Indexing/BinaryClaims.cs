using System.Buffers.Binary;
using System.Text;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The stored form of an article's claims: a compact binary encoding, read back into exactly the claims written.
/// It replaced compact JSON compressed with Brotli, which cost more build time than the whole of the index's
/// analysis (serialising and compressing every article's claims) and a JSON parse for every retrieved hit.
/// </summary>
/// <remarks>
/// <para>Layout: the claim count, then per claim its sentence index, a flags byte (source, date), the source, the
/// other sources, hedges, figures, the date (day number) and loaded terms. Counts and integers are unsigned LEB128
/// varints; numbers are twice a whole number as a varint, or an odd marker and the IEEE double (8 bytes, little-endian), so values come back bit for bit.</para>
/// <para>Strings repeat within an article (the same source names, cues and units claim after claim), so each
/// string is written once: a tag of 0 is null, an odd tag 2n+1 is a new string of n UTF-8 bytes that follows,
/// an even tag 2k+2 is the k-th string written before. That keeps the blob small without a compressor.</para>
/// <para>Changing the layout (or the order of <see cref="SourceKind"/> or <see cref="HedgeKind"/>) needs a new
/// <see cref="IndexSchema.Version"/>.</para>
/// </remarks>
internal static class BinaryClaims
{
    private const byte HasSource = 1;
    private const byte HasDate = 2;
    private const byte HasLow = 1;
    private const byte HasHigh = 2;

    // One writer per thread, emptied per call: an article's claims are encoded once per build, and a new writer (its
    // string table and buffer) per article cost a third of the encoding.
    [ThreadStatic]
    private static Writer? t_writer;

    public static byte[] Encode(IReadOnlyList<Claim> claims)
    {
        var writer = t_writer ??= new Writer();
        writer.Reset();
        writer.Varint((uint)claims.Count);
        foreach (var c in claims)
        {
            writer.Varint((uint)c.SentenceIndex);
            writer.Byte((byte)((c.Source is null ? 0 : HasSource) | (c.RefersTo is null ? 0 : HasDate)));
            if (c.Source is not null)
            {
                writer.Source(c.Source);
            }

            writer.Varint((uint)c.OtherSources.Count);
            foreach (var s in c.OtherSources)
            {
                writer.Source(s);
            }

            writer.Varint((uint)c.Hedges.Count);
            foreach (var h in c.Hedges)
            {
                writer.Varint((uint)h.Kind);
                writer.String(h.Cue);
            }

            writer.Varint((uint)c.Figures.Count);
            foreach (var f in c.Figures)
            {
                writer.String(f.Text);
                writer.Number(f.Value);
                writer.Byte((byte)((f.Low is null ? 0 : HasLow) | (f.High is null ? 0 : HasHigh)));
                if (f.Low is { } low)
                {
                    writer.Number(low);
                }

                if (f.High is { } high)
                {
                    writer.Number(high);
                }

                writer.String(f.Unit);
                writer.String(f.Counts);
                writer.String(f.Qualifier);
            }

            if (c.RefersTo is { } date)
            {
                writer.Varint((uint)date.DayNumber);
            }

            writer.Varint((uint)c.LoadedTerms.Count);
            foreach (var term in c.LoadedTerms)
            {
                writer.String(term);
            }
        }

        return writer.ToArray();
    }

    /// <summary>
    /// Decodes the claims of the sentences in <paramref name="sentenceIndexes"/> into the same positions of
    /// <paramref name="claims"/>, which come in null (the first stored claim of a sentence wins; a position with no
    /// stored claim stays null). Other sentences' claims are stepped over without building them or decoding their
    /// strings: a hit needs a passage's few sentences of an article that stores claims for dozens, and decoding them
    /// all was about half of what retrieval allocated.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> encoded, ReadOnlySpan<int> sentenceIndexes, Span<Claim> claims)
    {
        if (claims.Length < sentenceIndexes.Length)
        {
            throw new ArgumentException("one claim slot per sentence index is needed", nameof(claims));
        }

        var reader = new Reader(encoded);
        var count = (int)reader.Varint();
        var missing = sentenceIndexes.Length;
        for (var i = 0; i < count && missing > 0; i++)
        {
            var index = (int)reader.Varint();
            var wanted = false;
            for (var j = 0; j < sentenceIndexes.Length; j++)
            {
                wanted |= sentenceIndexes[j] == index && claims[j] is null;
            }

            if (!wanted)
            {
                reader.SkipClaim();
                continue;
            }

            var claim = reader.Claim(index);
            for (var j = 0; j < sentenceIndexes.Length; j++)
            {
                if (sentenceIndexes[j] == index && claims[j] is null)
                {
                    claims[j] = claim;
                    missing--;
                }
            }
        }
    }

    private sealed class Writer
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private byte[] _bytes = new byte[256];
        private int _length;

        public void Byte(byte value)
        {
            Ensure(1);
            _bytes[_length++] = value;
        }

        public void Varint(uint value)
        {
            Ensure(5);
            while (value >= 0x80)
            {
                _bytes[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _bytes[_length++] = (byte)value;
        }

        // Most figures are whole numbers well under a billion: those take a varint of twice the number (one to five
        // bytes); any other value an odd marker and its 8 bytes, so every double comes back bit for bit.
        public void Number(double value)
        {
            if (value is >= 0 and < 1 << 30 && BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits((uint)value))
            {
                Varint((uint)value * 2);
                return;
            }

            Varint(1);
            Ensure(8);
            BinaryPrimitives.WriteDoubleLittleEndian(_bytes.AsSpan(_length), value);
            _length += 8;
        }

        public void String(string? value)
        {
            if (value is null)
            {
                Varint(0);
                return;
            }

            if (_strings.TryGetValue(value, out var known))
            {
                Varint((uint)(known * 2) + 2);
                return;
            }

            _strings.Add(value, _strings.Count);
            var byteCount = Encoding.UTF8.GetByteCount(value);
            Varint(((uint)byteCount * 2) + 1);
            Ensure(byteCount);
            _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
        }

        public void Source(AttributedSource source)
        {
            String(source.Name);
            Varint(((uint)source.Kind * 2) + (source.NamedInSentence ? 1u : 0u));
            String(source.Cue);
            String(source.Via);
        }

        public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

        public void Reset()
        {
            _strings.Clear();
            _length = 0;
        }

        private void Ensure(int more)
        {
            if (_length + more > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
            }
        }
    }

    // Strings are kept as where their bytes are until a decoded claim asks for one (a skipped claim's new strings must
    // still take their places in the table, since later claims refer to them by position).
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private List<(int Start, int Length, string? Value)>? _strings;
        private int _at;

        public byte Byte() => _bytes[_at++];

        public uint Varint()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _bytes[_at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }

                if (shift >= 28)
                {
                    throw new InvalidDataException("stored claims are damaged: a number runs past 32 bits");
                }
            }
        }

        // The rest of a claim after its sentence index.
        public Claim Claim(int index)
        {
            var flags = Byte();
            var source = (flags & HasSource) != 0 ? Source() : null;
            var others = new AttributedSource[Varint()];
            for (var k = 0; k < others.Length; k++)
            {
                others[k] = Source();
            }

            var hedges = new Hedge[Varint()];
            for (var k = 0; k < hedges.Length; k++)
            {
                var kind = (HedgeKind)Varint();
                hedges[k] = new Hedge(kind, String() ?? string.Empty);
            }

            var figures = new Figure[Varint()];
            for (var k = 0; k < figures.Length; k++)
            {
                var text = String() ?? string.Empty;
                var value = Number();
                var bounds = Byte();
                var low = (bounds & HasLow) != 0 ? Number() : (double?)null;
                var high = (bounds & HasHigh) != 0 ? Number() : (double?)null;
                figures[k] = new Figure { Text = text, Value = value, Low = low, High = high, Unit = String(), Counts = String(), Qualifier = String() };
            }

            DateOnly? refersTo = (flags & HasDate) != 0 ? DateOnly.FromDayNumber((int)Varint()) : null;
            var terms = new string[Varint()];
            for (var k = 0; k < terms.Length; k++)
            {
                terms[k] = String() ?? string.Empty;
            }

            return new Claim
            {
                SentenceIndex = index,
                Source = source,
                OtherSources = others,
                Hedges = hedges,
                Figures = figures,
                RefersTo = refersTo,
                LoadedTerms = terms,
            };
        }

        // Steps over the rest of a claim after its sentence index, reading what Claim reads and building nothing.
        public void SkipClaim()
        {
            var flags = Byte();
            if ((flags & HasSource) != 0)
            {
                SkipSource();
            }

            for (var k = Varint(); k > 0; k--)
            {
                SkipSource();
            }

            for (var k = Varint(); k > 0; k--)
            {
                Varint();
                SkipString();
            }

            for (var k = Varint(); k > 0; k--)
            {
                SkipString();
                SkipNumber();
                var bounds = Byte();
                if ((bounds & HasLow) != 0)
                {
                    SkipNumber();
                }

                if ((bounds & HasHigh) != 0)
                {
                    SkipNumber();
                }

                SkipString();
                SkipString();
                SkipString();
            }

            if ((flags & HasDate) != 0)
            {
                Varint();
            }

            for (var k = Varint(); k > 0; k--)
            {
                SkipString();
            }
        }

        public double Number()
        {
            var tag = Varint();
            if ((tag & 1) == 0)
            {
                return tag / 2;
            }

            var value = BinaryPrimitives.ReadDoubleLittleEndian(_bytes.Slice(_at, 8));
            _at += 8;
            return value;
        }

        public string? String()
        {
            var tag = Varint();
            if (tag == 0)
            {
                return null;
            }

            _strings ??= [];
            if ((tag & 1) == 0)
            {
                // A string written before: decoded now if the claim that brought it was skipped.
                var k = (int)(tag / 2) - 1;
                var (start, length, known) = _strings[k];
                if (known is null)
                {
                    known = Encoding.UTF8.GetString(_bytes.Slice(start, length));
                    _strings[k] = (start, length, known);
                }

                return known;
            }

            var byteCount = (int)(tag / 2);
            var value = Encoding.UTF8.GetString(_bytes.Slice(_at, byteCount));
            _strings.Add((_at, byteCount, value));
            _at += byteCount;
            return value;
        }

        public AttributedSource Source()
        {
            var name = String() ?? string.Empty;
            var kindAndNamed = Varint();
            return new AttributedSource { Name = name, Kind = (SourceKind)(kindAndNamed / 2), NamedInSentence = (kindAndNamed & 1) != 0, Cue = String(), Via = String() };
        }

        private void SkipNumber()
        {
            if ((Varint() & 1) != 0)
            {
                _at += 8;
            }
        }

        private void SkipString()
        {
            var tag = Varint();
            if ((tag & 1) == 0)
            {
                return;
            }

            var byteCount = (int)(tag / 2);
            (_strings ??= []).Add((_at, byteCount, null));
            _at += byteCount;
        }

        private void SkipSource()
        {
            SkipString();
            Varint();
            SkipString();
            SkipString();
        }
    }
}
