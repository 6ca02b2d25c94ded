using System.IO.Compression;
using System.Text.Json.Nodes;
using ChatBot.Core;
using ChatBot.Core.Teams;

namespace ChatBot.Core.Tests.Teams;

/// <summary>Builds the package from the repository's own appPackage/ folder.</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "2f1c7d1e-6a55-4b3a-9f0e-7a0c5f3d2b11";
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.zip");

    public void Dispose() => File.Delete(_output);

    [Fact]
    public void Build_RepositoryAppPackage_ZipsManifestWithAppIdAndBothIcons()
    {
        TeamsAppPackage.Build(AppPackageDirectory(), AppId, _output);

        using var zip = ZipFile.OpenRead(_output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.False((bool)manifest["bots"]![0]!["supportsFiles"]!);
        Assert.EndsWith("/v" + (string?)manifest["manifestVersion"] + "/MicrosoftTeams.schema.json", (string?)manifest["$schema"], StringComparison.Ordinal);
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
    }

    [Fact]
    public void Build_AppIdNotAGuid_FailsNamingTheOption()
    {
        var error = Assert.Throws<ChatBotException>(() => TeamsAppPackage.Build(AppPackageDirectory(), "my-bot", _output));

        Assert.Contains("--app-id", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_output));
    }

    [Fact]
    public void Build_OutlineIconWrongSize_FailsNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.Copy(Path.Combine(AppPackageDirectory(), "manifest.json"), Path.Combine(dir, "manifest.json"));
            File.Copy(Path.Combine(AppPackageDirectory(), "color.png"), Path.Combine(dir, "color.png"));
            File.Copy(Path.Combine(AppPackageDirectory(), "color.png"), Path.Combine(dir, "outline.png"));

            var error = Assert.Throws<ChatBotException>(() => TeamsAppPackage.Build(dir, AppId, _output));

            Assert.Contains("outline.png", error.Message, StringComparison.Ordinal);
            Assert.Contains("32x32", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string AppPackageDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appPackage", "manifest.json")))
            {
                return Path.Combine(dir.FullName, "appPackage");
            }
        }

        throw new InvalidOperationException("appPackage/manifest.json not found above the test's folder.");
    }
}
