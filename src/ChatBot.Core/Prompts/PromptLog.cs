using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Prompts;

internal static partial class PromptLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Prompt set {Directory} reloaded: version {Version}")]
    public static partial void Reloaded(ILogger logger, string directory, string version);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Invalid prompt edit ignored; still using version {Version}:\n{Errors}")]
    public static partial void InvalidEditIgnored(ILogger logger, string errors, string version);
}
