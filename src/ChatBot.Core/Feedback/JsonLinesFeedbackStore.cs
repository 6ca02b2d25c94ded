using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Configuration;

namespace ChatBot.Core.Feedback;

/// <summary>
/// Feedback as JSON lines, one file per UTC day (feedback-YYYY-MM-DD.jsonl) under
/// <see cref="ChatBotPaths.FeedbackDirectory"/>, so editors can read, grep or diff it and an export since a date
/// opens only the files it needs.
/// </summary>
/// <remarks>
/// Thread-safe. Appends within this process are serialised by a lock; each record is written with one append-mode
/// write of a whole line, shared for reading, so a reader (`chatbot feedback export`) or another process appending
/// never sees half a record interleaved with another. A line that cannot be parsed (a crash mid-write) is skipped on read.
/// </remarks>
public sealed class JsonLinesFeedbackStore : IFeedbackStore, IDisposable
{
    private const string Prefix = "feedback-";
    private const string Extension = ".jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly string _directory;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public JsonLinesFeedbackStore(ChatBotPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _directory = paths.FeedbackDirectory;
    }

    public async Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        var file = Path.Combine(_directory, $"{Prefix}{record.Time.UtcDateTime:yyyy-MM-dd}{Extension}");

        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(_directory);
            await using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
            await stream.WriteAsync(line, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<FeedbackRecord> ReadAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            yield break;
        }

        var firstDay = since?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var files = Directory.GetFiles(_directory, $"{Prefix}*{Extension}")
            .Where(file => firstDay is null || string.CompareOrdinal(Path.GetFileNameWithoutExtension(file)[Prefix.Length..], firstDay) >= 0)
            .Order(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var records = new List<FeedbackRecord>();
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (TryParse(line) is { } record && (since is null || record.Time >= since))
                    {
                        records.Add(record);
                    }
                }
            }

            foreach (var record in records.OrderBy(r => r.Time))
            {
                yield return record;
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    private static FeedbackRecord? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FeedbackRecord>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
