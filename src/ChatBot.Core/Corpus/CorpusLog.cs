using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Corpus;

internal static partial class CorpusLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Invalid edit of the outlets' catalog ignored; answers still name outlets from its last good version: {Error}")]
    public static partial void InvalidCatalogIgnored(ILogger logger, string error);
}
