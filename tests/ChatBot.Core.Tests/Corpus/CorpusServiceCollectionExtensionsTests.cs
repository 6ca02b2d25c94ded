using ChatBot.Core.Corpus;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.Corpus;

public sealed class CorpusServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCorpus_Resolve_ReaderAndSplitterAreSingletons()
    {
        using var provider = new ServiceCollection().AddCorpus().BuildServiceProvider();

        Assert.IsType<CorpusReader>(provider.GetRequiredService<ICorpusReader>());
        Assert.Same(provider.GetRequiredService<ICorpusReader>(), provider.GetRequiredService<ICorpusReader>());
        Assert.IsType<PassageSplitter>(provider.GetRequiredService<IPassageSplitter>());
    }
}
