using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Indexing;

/// <summary>How a passage's sentences and claims are stored: sentences as "INDEX:START:LENGTH" triples, claims as compressed compact JSON (<see cref="EncodeClaims"/>).</summary>
internal static class PassageCodec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>Context ranges as "start:length;start:length", or null when there are none.</summary>
    public static string? EncodeContext(IReadOnlyList<TextRange> ranges) =>
        ranges.Count == 0 ? null : string.Join(';', ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Start}:{r.Length}")));

    /// <summary>The context ranges and their text, read back against the article text.</summary>
    public static (IReadOnlyList<TextRange> Ranges, string? Text) DecodeContext(string? encoded, string articleText)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return ([], null);
        }

        var ranges = encoded.Split(';').Select(part =>
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            return new TextRange(int.Parse(part.AsSpan(0, colon), CultureInfo.InvariantCulture), int.Parse(part.AsSpan(colon + 1), CultureInfo.InvariantCulture));
        }).ToArray();
        return (ranges, string.Join(' ', ranges.Select(r => r.Of(articleText).Trim())));
    }

    public static string EncodeSentences(IReadOnlyList<Sentence> sentences)
    {
        var sb = new StringBuilder(sentences.Count * 12);
        foreach (var s in sentences)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{s.Index}:{s.Start}:{s.Text.Length}");
        }

        return sb.ToString();
    }

    public static IReadOnlyList<Sentence> DecodeSentences(string encoded, string articleText)
    {
        if (encoded.Length == 0)
        {
            return [];
        }

        var result = new List<Sentence>();
        foreach (var part in encoded.Split(','))
        {
            var fields = part.Split(':');
            var start = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var length = int.Parse(fields[2], CultureInfo.InvariantCulture);
            result.Add(new Sentence
            {
                Index = int.Parse(fields[0], CultureInfo.InvariantCulture),
                Start = start,
                Text = articleText.Substring(start, length),
            });
        }

        return result;
    }

    /// <summary>
    /// The claims (of a passage or a whole article) that say more than a plain claim (the outlet's voice, nothing found), as compact JSON
    /// (short names, empty and default values left out) compressed with Brotli; null when every claim is plain.
    /// </summary>
    public static byte[]? EncodeClaims(IReadOnlyList<Claim> claims)
    {
        List<StoredClaim>? stored = null;
        foreach (var c in claims)
        {
            if (c.Source is null && c.OtherSources.Count == 0 && c.Hedges.Count == 0 && c.Figures.Count == 0 && c.RefersTo is null && c.LoadedTerms.Count == 0)
            {
                continue;
            }

            (stored ??= []).Add(new StoredClaim
            {
                I = c.SentenceIndex,
                S = c.Source is null ? null : StoredSource.From(c.Source),
                O = c.OtherSources.Count == 0 ? null : c.OtherSources.Select(StoredSource.From).ToArray(),
                H = c.Hedges.Count == 0 ? null : c.Hedges.Select(h => new StoredHedge { K = h.Kind, C = h.Cue }).ToArray(),
                F = c.Figures.Count == 0 ? null : c.Figures.Select(StoredFigure.From).ToArray(),
                R = c.RefersTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                L = c.LoadedTerms.Count == 0 ? null : c.LoadedTerms.ToArray(),
            });
        }

        return stored is null ? null : BrotliText.Compress(JsonSerializer.Serialize(stored, Json));
    }

    /// <summary>
    /// One claim per sentence of <paramref name="sentences"/>, in their order: stored ones where there are, plain ones
    /// elsewhere; stored claims of other sentences are ignored.
    /// </summary>
    public static IReadOnlyList<Claim> DecodeClaims(byte[]? encoded, IReadOnlyList<Sentence> sentences)
    {
        var stored = encoded is null ? null : JsonSerializer.Deserialize<List<StoredClaim>>(BrotliText.Decompress(encoded), Json);
        var bySentence = new Dictionary<int, Claim>();
        foreach (var s in stored ?? [])
        {
            bySentence.TryAdd(s.I, s.ToClaim());
        }

        var result = new Claim[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            result[i] = bySentence.GetValueOrDefault(sentences[i].Index) ?? new Claim { SentenceIndex = sentences[i].Index };
        }

        return result;
    }

    // The stored shapes: one-letter names and enums as numbers keep a claim to a few dozen bytes before compression.
    // Changing them (or the enums' order) needs a new IndexSchema.Version.
    private sealed record StoredClaim
    {
        public int I { get; init; }

        public StoredSource? S { get; init; }

        public StoredSource[]? O { get; init; }

        public StoredHedge[]? H { get; init; }

        public StoredFigure[]? F { get; init; }

        public string? R { get; init; }

        public string[]? L { get; init; }

        public Claim ToClaim() => new()
        {
            SentenceIndex = I,
            Source = S?.ToSource(),
            OtherSources = O?.Select(o => o.ToSource()).ToArray() ?? [],
            Hedges = H?.Select(h => new Hedge(h.K, h.C ?? string.Empty)).ToArray() ?? [],
            Figures = F?.Select(f => f.ToFigure()).ToArray() ?? [],
            RefersTo = R is null ? null : DateOnly.ParseExact(R, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            LoadedTerms = L ?? [],
        };
    }

    private sealed record StoredSource
    {
        public string N { get; init; } = string.Empty;

        public SourceKind K { get; init; }

        public string? C { get; init; }

        public string? V { get; init; }

        public bool T { get; init; }

        public static StoredSource From(AttributedSource s) => new() { N = s.Name, K = s.Kind, C = s.Cue, V = s.Via, T = s.NamedInSentence };

        public AttributedSource ToSource() => new() { Name = N, Kind = K, Cue = C, Via = V, NamedInSentence = T };
    }

    private sealed record StoredHedge
    {
        public HedgeKind K { get; init; }

        public string? C { get; init; }
    }

    private sealed record StoredFigure
    {
        public string T { get; init; } = string.Empty;

        public double V { get; init; }

        public double? A { get; init; }

        public double? B { get; init; }

        public string? U { get; init; }

        public string? N { get; init; }

        public string? Q { get; init; }

        public static StoredFigure From(Figure f) => new() { T = f.Text, V = f.Value, A = f.Low, B = f.High, U = f.Unit, N = f.Counts, Q = f.Qualifier };

        public Figure ToFigure() => new() { Text = T, Value = V, Low = A, High = B, Unit = U, Counts = N, Qualifier = Q };
    }
}
