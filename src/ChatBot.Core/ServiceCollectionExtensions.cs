using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Conversations;
using ChatBot.Core.Feedback;
using ChatBot.Core.Corpus;
using ChatBot.Core.Generation;
using ChatBot.Core.Indexing;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Core;

/// <summary>The one entry point hosts call to wire the engine.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers the answering engine and everything under it, with options validated at start-up.</summary>
    public static IServiceCollection AddChatBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton(ChatBotPaths.FromConfiguration(configuration));
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section)).ValidateOnStart();
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromptOptions>().Bind(configuration.GetSection(PromptOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Stages, in the order data flows (design.md): corpus, analysis and index, attribution, prompts, answering.
        services.AddCorpus();
        services.AddAttribution();
        services.AddIndexing();
        services.AddSingleton<SourceCatalogProvider>();
        services.AddPrompts();
        services.AddSingleton<IQuestionRewriter, RuleBasedQuestionRewriter>();
        services.AddSingleton<ExtractiveAnswerComposer>();
        services.AddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<ExtractiveAnswerComposer>());
        services.AddSingleton<IAnsweringService, AnsweringService>();

        // Per-conversation state and feedback, behind interfaces a shared store can replace (registered first wins).
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(ConversationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.TryAddSingleton<IFeedbackStore, JsonLinesFeedbackStore>();

        // Last: in generative mode the model composer takes over and keeps the extractive one as its fallback.
        services.AddGeneration(configuration);
        return services;
    }
}
