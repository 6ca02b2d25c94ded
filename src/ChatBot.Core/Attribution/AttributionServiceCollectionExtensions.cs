using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Core.Attribution;

/// <summary>Registers claim extraction and dispute detection.</summary>
public static class AttributionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IClaimExtractor"/> (<see cref="LexicalClaimExtractor"/>) and <see cref="IDisputeDetector"/>
    /// (<see cref="RuleBasedDisputeDetector"/>) as singletons, with <see cref="AttributionLexicon.Default"/> unless an
    /// <see cref="AttributionLexicon"/> is already registered.
    /// </summary>
    public static IServiceCollection AddAttribution(this IServiceCollection services)
    {
        services.TryAddSingleton(AttributionLexicon.Default);
        services.TryAddSingleton<IClaimExtractor>(sp => new LexicalClaimExtractor(sp.GetRequiredService<AttributionLexicon>()));
        services.TryAddSingleton<IDisputeDetector>(sp => new RuleBasedDisputeDetector(sp.GetRequiredService<AttributionLexicon>()));
        return services;
    }
}
