using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Feedback;

namespace ChatBot.Cli.Commands;

/// <summary>
/// <c>chatbot feedback export [--since DATE] [--out FILE]</c>: the stored thumbs up/down, oldest first, one JSON
/// object a line (question, answer, citations, prompt version, channel, time, reason), to a file or standard output.
/// Exit codes: 0 done, 2 a bad --since date or an unwritable --out file.
/// </summary>
public static class FeedbackCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <param name="openStore">Opens the feedback store of the configured data directory (the host knows --config).</param>
    /// <param name="output">Where records go without --out; standard output when null.</param>
    /// <param name="errors">Where messages go; standard error when null.</param>
    public static Command Create(Func<ParseResult, IFeedbackStore> openStore, TextWriter? output = null, TextWriter? errors = null)
    {
        ArgumentNullException.ThrowIfNull(openStore);
        var since = new Option<string?>("--since") { Description = "Only feedback given on or after this date (yyyy-MM-dd) or time (ISO 8601, UTC if no offset)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write to this file (JSON lines) instead of standard output." };
        var export = new Command("export", "Export stored feedback for editors' review, one JSON object a line.") { since, outFile };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = output ?? Console.Out;
            var stderr = errors ?? Console.Error;
            DateTimeOffset? from = null;
            if (parseResult.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await stderr.WriteLineAsync($"--since: '{text}' is not a date (expected yyyy-MM-dd or an ISO 8601 time).");
                    return 2;
                }

                from = parsed;
            }

            var file = parseResult.GetValue(outFile);
            TextWriter writer;
            try
            {
                writer = file is null ? stdout : new StreamWriter(file.FullName, append: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"--out: cannot write {file!.FullName}: {ex.Message}");
                return 2;
            }

            var count = 0;
            try
            {
                await foreach (var record in openStore(parseResult).ReadAsync(from, cancellationToken))
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(record, Json).AsMemory(), cancellationToken);
                    count++;
                }
            }
            finally
            {
                if (file is not null)
                {
                    await writer.DisposeAsync();
                }
            }

            if (file is not null)
            {
                await stderr.WriteLineAsync($"{count} feedback records written to {file.FullName}");
            }

            return 0;
        });

        return new Command("feedback", "Reader feedback (thumbs up/down with a reason) stored by the server.") { export };
    }
}
