using ChatBot.Core.Attribution;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.Attribution;

public class AttributionServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAttribution_Resolve_SingletonExtractorAndDetector()
    {
        using var provider = new ServiceCollection().AddAttribution().BuildServiceProvider();

        Assert.IsType<LexicalClaimExtractor>(provider.GetRequiredService<IClaimExtractor>());
        Assert.IsType<RuleBasedDisputeDetector>(provider.GetRequiredService<IDisputeDetector>());
        Assert.Same(provider.GetRequiredService<IClaimExtractor>(), provider.GetRequiredService<IClaimExtractor>());
    }
}
