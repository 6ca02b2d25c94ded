using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Core.Corpus;

/// <summary>Registers ingestion: the corpus reader and the passage splitter.</summary>
public static class CorpusServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ICorpusReader"/> (<see cref="CorpusReader"/>) and <see cref="IPassageSplitter"/> (<see cref="PassageSplitter"/>) as singletons.</summary>
    public static IServiceCollection AddCorpus(this IServiceCollection services)
    {
        services.AddOptions<Configuration.CorpusOptions>();
        services.TryAddSingleton<ICorpusReader, CorpusReader>();
        services.TryAddSingleton<IPassageSplitter, PassageSplitter>();
        return services;
    }
}
