namespace ChatBot.Core.Corpus;

/// <summary>A file that could not be read, or was read with something missing; the rest of the corpus goes on.</summary>
/// <param name="Path">The file, relative to the corpus folder (with ":LINE" for a .jsonl line or a YAML entry).</param>
/// <param name="Reason">What is wrong, in words a person can act on.</param>
/// <param name="Skipped">True when nothing of the file was indexed.</param>
public sealed record CorpusWarning(string Path, string Reason, bool Skipped)
{
    public override string ToString() => $"{Path}: {Reason}{(Skipped ? " (skipped)" : string.Empty)}";
}
