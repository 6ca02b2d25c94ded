using ChatBot.Core.Configuration;

namespace ChatBot.Core.Tests.Configuration;

public sealed class ChatBotConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-config-").FullName;

    [Theory]
    [InlineData("Model", "ApiKey")]
    [InlineData("Bot", "MicrosoftAppPassword")]
    [InlineData("Editor", "Key")]
    public void Build_SecretInSettingsFile_RefusedNamingTheSettingNotTheValue(string section, string key)
    {
        var file = Write($$"""{ "{{section}}": { "{{key}}": "s3cr3t-value-123456" } }""");

        var error = Assert.Throws<ConfigurationException>(() => ChatBotConfiguration.Build(file));

        Assert.Contains($"{section}:{key}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"CHATBOT_{section}__{key}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EnvironmentOverridesFile_AndPathsResolveBesideTheFile()
    {
        var file = Write("""{ "DataDirectory": "mine", "Answering": { "MaxTurns": 3 } }""");
        Environment.SetEnvironmentVariable("CHATBOT_Answering__MaxTurns", "4");
        try
        {
            var configuration = ChatBotConfiguration.Build(file);

            Assert.Equal("4", configuration["Answering:MaxTurns"]);
            Assert.Equal(Path.Combine(_folder, "mine"), ChatBotPaths.FromConfiguration(configuration).DataDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHATBOT_Answering__MaxTurns", null);
        }
    }

    [Fact]
    public void Build_MissingFile_ConfigurationErrorNamingIt()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var error = Assert.Throws<ConfigurationException>(() => ChatBotConfiguration.Build(missing));

        Assert.Contains("nope.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BrokenJson_ConfigurationErrorNamingTheFile()
    {
        var file = Write("""{ "Answering": { "MaxTurns": """);

        var error = Assert.Throws<ConfigurationException>(() => ChatBotConfiguration.Build(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);
        return file;
    }
}
