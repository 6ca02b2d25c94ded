namespace ChatBot.Core.Analysis;

/// <summary>One entry of corpus/aliases.yaml: a canonical name and its spelling variants.</summary>
/// <param name="Name">The canonical form shown to readers ("Deir ez-Zor").</param>
/// <param name="Variants">Other spellings; one written entirely in capitals matches only in capitals.</param>
/// <param name="Line">The entry's line in the file (1-based), for messages; 0 when built in code.</param>
public sealed record AliasEntry(string Name, IReadOnlyList<string> Variants, int Line = 0)
{
    /// <summary>The single index token every variant becomes: the name's letters and digits, folded and lowercase.</summary>
    public string Token { get; } = MakeToken(Name);

    internal static string MakeToken(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var raw in name)
        {
            var c = CharFolder.Fold(raw);
            if (Tokenizer.IsWordChar(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
