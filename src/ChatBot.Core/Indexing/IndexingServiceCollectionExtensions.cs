using ChatBot.Core.Analysis;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Indexing;

/// <summary>Registers the FTS5 passage index and the retriever over it.</summary>
public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Fts5PassageIndex"/> (as itself and <see cref="IPassageIndex"/>) and <see cref="Fts5Retriever"/>
    /// (as itself and <see cref="IRetriever"/>), all singletons. Needs ChatBotPaths, IOptions&lt;RetrievalOptions&gt;,
    /// ICorpusReader, IPassageSplitter and IClaimExtractor registered.
    /// </summary>
    public static IServiceCollection AddIndexing(this IServiceCollection services)
    {
        services.AddSingleton<Fts5PassageIndex>();
        services.AddSingleton<IPassageIndex>(sp => sp.GetRequiredService<Fts5PassageIndex>());
        services.AddSingleton<Fts5Retriever>();
        services.AddSingleton<IRetriever>(sp => sp.GetRequiredService<Fts5Retriever>());
        services.AddSingleton<ITextAnalyzer, IndexTextAnalyzer>();
        return services;
    }
}
