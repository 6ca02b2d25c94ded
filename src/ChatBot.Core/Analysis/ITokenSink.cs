namespace ChatBot.Core.Analysis;

/// <summary>Receives the analysed tokens of a text, in order.</summary>
internal interface ITokenSink
{
    /// <param name="token">The token (lowercase, stemmed; or an alias's index token).</param>
    /// <param name="isAlias">True when the token stands for an aliases.yaml entry.</param>
    /// <param name="text">The token as a string when the analyzer already holds one (a cached term, an alias token),
    /// so a sink that keeps strings need not make another.</param>
    void Add(scoped ReadOnlySpan<char> token, bool isAlias, string? text = null);
}
