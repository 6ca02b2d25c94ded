using ChatBot.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Prompts;

/// <summary>
/// The prompt set of a folder, re-read when one of its files is added, edited or removed. Each access to
/// <see cref="Current"/> compares the folder's file names, sizes and write times with the last look (a directory
/// listing: cheap beside answering a question), so an edit takes effect on the next question without a restart.
/// An invalid edit is logged with file, line and reason, kept in <see cref="LastError"/>, and the last good set
/// stays in use until the files change again.
/// </summary>
/// <remarks>Thread-safe: readers never wait on a reload in progress longer than the reload itself.</remarks>
public sealed class FilePromptSetProvider : IPromptSetProvider
{
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile PromptSet? _current;
    private string _stamp = string.Empty;

    /// <param name="directory">The default prompt folder.</param>
    /// <param name="logger">Where invalid edits are reported.</param>
    public FilePromptSetProvider(string directory, ILogger<FilePromptSetProvider>? logger = null)
    {
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Reads <see cref="ChatBotPaths.PromptsDirectory"/>.</summary>
    public FilePromptSetProvider(ChatBotPaths paths, ILogger<FilePromptSetProvider> logger)
        : this(paths?.PromptsDirectory ?? throw new ArgumentNullException(nameof(paths)), logger)
    {
    }

    /// <summary>The default folder.</summary>
    public string Directory => _directory;

    /// <summary>Why the files on disk are not in use, or null when they are.</summary>
    public PromptException? LastError { get; private set; }

    /// <inheritdoc />
    /// <exception cref="PromptException">The folder has never held a valid set (first load failed).</exception>
    public PromptSet Current
    {
        get
        {
            var stamp = Stamp();
            var current = _current;
            if (current is not null && stamp == Volatile.Read(ref _stamp))
            {
                return current;
            }

            lock (_gate)
            {
                if (_current is not null && stamp == _stamp)
                {
                    return _current;
                }

                try
                {
                    _current = PromptSetLoader.Load(_directory);
                    LastError = null;
                    if (_stamp.Length > 0)
                    {
                        PromptLog.Reloaded(_logger, _directory, _current.Version);
                    }
                }
                catch (PromptException ex)
                {
                    LastError = ex;
                    if (_current is null)
                    {
                        throw;
                    }

                    PromptLog.InvalidEditIgnored(_logger, ex.Message, _current.Version);
                }
                finally
                {
                    // Remember what was looked at, good or bad, so a broken file is reported once, not on every question.
                    Volatile.Write(ref _stamp, stamp);
                }

                return _current;
            }
        }
    }

    /// <inheritdoc />
    public PromptSet Load(string directory) => PromptSetLoader.Load(_directory, directory);

    private string Stamp()
    {
        if (!System.IO.Directory.Exists(_directory))
        {
            return "missing";
        }

        var parts = new DirectoryInfo(_directory).EnumerateFiles()
            .Where(f => f.Extension is ".yaml" or ".yml")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}|{f.Length}|{f.LastWriteTimeUtc.Ticks}");
        return string.Join('\n', parts);
    }
}
