using System.CommandLine;
using System.IO.Compression;
using ChatBot.Cli.Commands;

namespace ChatBot.Cli.Tests.Commands;

public sealed class TeamsCommandTests
{
    [Fact]
    public void Package_ValidAppId_WritesZipAndExitsZero()
    {
        var output = Path.Combine(Path.GetTempPath(), $"teams-cli-{Guid.NewGuid():N}.zip");
        using var stdout = new StringWriter();
        try
        {
            var exit = TeamsCommand.Create(AppPackageDirectory())
                .Parse(["package", "--app-id", "2f1c7d1e-6a55-4b3a-9f0e-7a0c5f3d2b11", "--out", output])
                .Invoke(new InvocationConfiguration { Output = stdout, Error = stdout });

            Assert.Equal(0, exit);
            Assert.Contains(output, stdout.ToString(), StringComparison.Ordinal);
            using var zip = ZipFile.OpenRead(output);
            Assert.NotNull(zip.GetEntry("manifest.json"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Package_AppIdNotAGuid_ExitsTwoWithMessage()
    {
        using var stderr = new StringWriter();

        var exit = TeamsCommand.Create(AppPackageDirectory())
            .Parse(["package", "--app-id", "my-bot", "--out", Path.Combine(Path.GetTempPath(), "never.zip")])
            .Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });

        Assert.Equal(2, exit);
        Assert.Contains("--app-id", stderr.ToString(), StringComparison.Ordinal);
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
