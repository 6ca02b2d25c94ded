using ChatBot.Core;
using ChatBot.Server.Bot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Tests.Bot;

public sealed class BotFrameworkServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotFramework_SecretInSettingsFile_FailsNamingTheSettingButNotTheSecret()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bot-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Bot": { "MicrosoftAppId": "2f1c7d1e-6a55-4b3a-9f0e-7a0c5f3d2b11", "MicrosoftAppPassword": "s3cr3t-value-in-file" } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

            var error = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddBotFramework(configuration));

            Assert.Contains("Bot:MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-value-in-file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AddBotFramework_SingleTenantWithoutTenant_FailsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "2f1c7d1e-6a55-4b3a-9f0e-7a0c5f3d2b11",
            ["Bot:MicrosoftAppPassword"] = "s3cr3t-from-env",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddBotFramework(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("Bot:MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-from-env", error.Message, StringComparison.Ordinal);
    }
}
