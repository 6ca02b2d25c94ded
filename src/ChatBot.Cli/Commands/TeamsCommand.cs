using System.CommandLine;
using ChatBot.Core;
using ChatBot.Core.Configuration;
using ChatBot.Core.Teams;

namespace ChatBot.Cli.Commands;

/// <summary><c>chatbot teams package --app-id ID [--out FILE.zip]</c>: the Teams app package for side-loading.</summary>
public static class TeamsCommand
{
    public const string DefaultOutput = "chatbot-teams.zip";

    /// <param name="appPackageDirectory">Where manifest.json and the icons are; default: appPackage/ beside appsettings.json.</param>
    public static Command Create(string? appPackageDirectory = null)
    {
        var appId = new Option<string>("--app-id") { Description = "The Azure Bot's Microsoft App ID (a GUID)", Required = true };
        var output = new Option<string>("--out") { Description = "The zip to write", DefaultValueFactory = _ => DefaultOutput };
        var package = new Command("package", "Build the Teams app package (manifest + icons) for side-loading") { appId, output };
        package.SetAction(parseResult =>
        {
            var directory = appPackageDirectory
                ?? Path.Combine(Path.GetDirectoryName(ChatBotConfiguration.Locate()) ?? Directory.GetCurrentDirectory(), "appPackage");
            try
            {
                var written = TeamsAppPackage.Build(directory, parseResult.GetValue(appId)!, parseResult.GetValue(output)!);
                parseResult.InvocationConfiguration.Output.WriteLine($"Teams app package written to {written}");
                return 0;
            }
            catch (ChatBotException ex)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 2;
            }
        });

        return new Command("teams", "Microsoft Teams") { package };
    }
}
