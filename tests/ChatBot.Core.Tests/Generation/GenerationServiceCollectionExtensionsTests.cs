using ChatBot.Core.Answering;
using ChatBot.Core.Generation;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Generation;

public class GenerationServiceCollectionExtensionsTests
{
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAnswerComposer, FakeExtractiveComposer>();
        services.AddSingleton<IQuestionRewriter, FakeRuleRewriter>();
        services.AddSingleton<IPromptSetProvider, FixedPromptSetProvider>();
        return services;
    }

    private static IConfigurationRoot Config(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static Dictionary<string, string?> Generative() => new()
    {
        ["Answering:Composer"] = "generative",
        ["Model:Endpoint"] = "http://127.0.0.1:9/v1/",
        ["Model:Model"] = "test-model",
        ["Model:Auth"] = "key",
        ["Model:ApiKey"] = "sk-test-secret-key",
    };

    [Fact]
    public void AddGeneration_ExtractiveComposer_RegistersNothing()
    {
        var services = Services();
        var before = services.Count;

        services.AddGeneration(Config(new() { ["Answering:Composer"] = "extractive" }));

        Assert.Equal(before, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<FakeExtractiveComposer>(provider.GetRequiredService<IAnswerComposer>());
    }

    [Fact]
    public void AddGeneration_Generative_ComposerIsGenerativeWithTheExtractiveAsFallback()
    {
        var services = Services();

        services.AddGeneration(Config(Generative()));

        using var provider = services.BuildServiceProvider();
        Assert.IsType<GenerativeAnswerComposer>(provider.GetRequiredService<IAnswerComposer>());
        Assert.Same(provider.GetRequiredService<IAnswerComposer>(), provider.GetRequiredService<IStreamingAnswerComposer>());
        Assert.IsType<FakeExtractiveComposer>(provider.GetRequiredKeyedService<IAnswerComposer>(GenerationServiceCollectionExtensions.FallbackKey));
        Assert.IsType<ModelQuestionRewriter>(provider.GetRequiredService<IQuestionRewriter>());
        Assert.IsType<ResilientChatClient>(provider.GetRequiredService<IChatClient>());
        Assert.Equal("closed", provider.GetRequiredService<IModelCircuit>().State);
    }

    [Theory]
    [InlineData("Model:Endpoint", null, "Model:Endpoint is required when Answering:Composer is generative")]
    [InlineData("Model:Endpoint", "not a url", "Model:Endpoint must be an absolute http or https address")]
    [InlineData("Model:Model", null, "Model:Model (the model or Azure deployment name) is required")]
    [InlineData("Model:ApiKey", null, "Model:ApiKey is required when Answering:Composer is generative and Model:Auth is key")]
    [InlineData("Model:Auth", "password", "Model:Auth must be 'key', 'entra' or 'none'")]
    [InlineData("Model:TimeoutSeconds", "0", "Model:TimeoutSeconds must be more than 0")]
    public void AddGeneration_WrongSetting_FailsAtStartNamingTheSetting(string key, string? value, string expected)
    {
        var settings = Generative();
        settings[key] = value;
        var services = Services();
        services.AddGeneration(Config(settings));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModelOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-secret-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGeneration_EntraWithoutKey_IsValid()
    {
        var settings = Generative();
        settings["Model:Auth"] = "entra";
        settings["Model:ApiKey"] = null;

        Assert.Empty(ModelOptionsValidator.Check(Bind(settings)));
    }

    [Fact]
    public void AddGeneration_ApiKeyInAppsettingsJson_IsRefused()
    {
        var directory = Directory.CreateTempSubdirectory("chatbot-generation-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "appsettings.json"),
                """{ "Answering": { "Composer": "generative" }, "Model": { "Endpoint": "http://127.0.0.1:9/v1/", "Model": "m", "ApiKey": "sk-committed" } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(directory.FullName, "appsettings.json")).Build();

            var ex = Assert.Throws<ConfigurationException>(() => Services().AddGeneration(configuration));

            Assert.Contains("Model:ApiKey must not be set in appsettings.json", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("sk-committed", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AddGeneration_NoExtractiveComposerRegistered_FailsSayingSo()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ConfigurationException>(() => services.AddGeneration(Config(Generative())));

        Assert.Contains("extractive composer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithKey_NeverShowsIt()
    {
        Assert.DoesNotContain("sk-test-secret-key", Bind(Generative()).ToString(), StringComparison.Ordinal);
    }

    private static ModelOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ModelOptions();
        Config(settings).GetSection(ModelOptions.Section).Bind(options);
        return options;
    }
}
