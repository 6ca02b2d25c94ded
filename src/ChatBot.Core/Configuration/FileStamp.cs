namespace ChatBot.Core.Configuration;

/// <summary>
/// What a file looked like at one look: whether it existed, its size and its last write time. The freshness check
/// shared by the files an editor may change while the bot runs and which the next question must see: sources.yaml
/// (<see cref="Corpus.SourceCatalogProvider"/>, and <see cref="Corpus.CorpusReader"/>'s parsed copy), and the index,
/// its WAL and aliases.yaml (<see cref="Indexing.Fts5PassageIndex.EnsureReadyAsync"/>). The prompt folder is stamped
/// from its listing instead (<see cref="Prompts.FilePromptSetProvider"/>), which sees an added file as well as an
/// edited one.
/// </summary>
/// <remarks>One stat per look (a FileInfo's first read), no open; a missing file is the default stamp.</remarks>
public readonly record struct FileStamp(bool Exists, long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc) : default;
    }
}
