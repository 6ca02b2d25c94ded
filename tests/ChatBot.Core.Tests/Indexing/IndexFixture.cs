using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Indexing;
using ChatBot.Core.Retrieval;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Indexing;

/// <summary>A temporary corpus folder and index file with the fakes wired in; deleted on dispose.</summary>
internal sealed class IndexFixture : IDisposable
{
    public IndexFixture(RetrievalOptions? options = null, IClaimExtractor? claims = null, string? aliases = DefaultAliases)
    {
        Root = Path.Combine(Path.GetTempPath(), "chatbot-index-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "corpus"));
        if (aliases is not null)
        {
            File.WriteAllText(AliasesPath, aliases);
        }

        Paths = new ChatBotPaths(Root, "data", "corpus", "prompts", null);
        Index = new Fts5PassageIndex(Paths, Reader, new ParagraphSplitter(), claims ?? new PlainClaimExtractor());
        Retriever = new Fts5Retriever(Index, Options.Create(options ?? new RetrievalOptions()));
    }

    public const string DefaultAliases = """
        - name: Islamic State
          variants: [IS, ISIS, ISIL, Daesh, Islamic State of Iraq and the Levant]
        - name: Hezbollah
          variants: [Hizbollah, Hizballah]
        - name: Deir ez-Zor
          variants: [Deir Ezzor, Deir al-Zor, Deir el-Zour]
        - name: Syrian army
          variants: [SAA, regime forces, government forces]
        """;

    public string Root { get; }

    public ChatBotPaths Paths { get; }

    public FakeCorpusReader Reader { get; } = new();

    public Fts5PassageIndex Index { get; }

    public Fts5Retriever Retriever { get; }

    public string AliasesPath => Path.Combine(Root, "corpus", "aliases.yaml");

    public Task UpdateAsync() => Index.UpdateAsync(null, CancellationToken.None);

    public async Task<IReadOnlyList<string>> SearchAsync(string question, int limit = 10, DateRange? period = null)
    {
        var result = await Retriever.RetrieveAsync(new RetrievalQuery { Text = question, Limit = limit, Period = period }, CancellationToken.None);
        return result.Hits.Select(h => h.Passage.ArticleId).Distinct().ToList();
    }

    public void Dispose()
    {
        Index.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
