using ChatBot.Core.Configuration;
using System.IO.Enumeration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Prompts;

/// <summary>
/// The prompt set of a folder, re-read when one of its files is added, edited or removed. Each access to
/// <see cref="Current"/> compares the folder's file names, sizes and write times with the last look (a directory
/// listing folded into one number, see <see cref="Stamp"/>), so an edit takes effect on the next question without a restart.
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
    private long _stamp = NeverLooked;

    // Stamps a folder can never fold to (Stamp masks off the top bit): before the first look, and a missing folder.
    private const long NeverLooked = -1;
    private const long Missing = -2;

    // Every file counts, hidden ones included, as DirectoryInfo.EnumerateFiles() did.
    private static readonly EnumerationOptions ListingOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
    };

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
                    if (_stamp != NeverLooked)
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

    /// <summary>
    /// Folds each prompt file's name, size and write time into one number. Runs on every question, so it neither
    /// builds a FileInfo or a string per file nor sorts the names: summing per-file mixes is order-independent and
    /// leaves nothing to allocate beyond the listing itself, where the joined-string stamp cost ~1-3% of an ask.
    /// </summary>
    private long Stamp()
    {
        try
        {
            var files = new FileSystemEnumerable<ulong>(_directory, FileMix, ListingOptions)
            {
                ShouldIncludePredicate = IsPromptFile,
            };
            ulong sum = 0;
            ulong count = 0;
            foreach (var mix in files)
            {
                sum += mix;
                count++;
            }

            // The count guards against two changes whose mixes cancel out in the sum.
            return (long)((sum ^ Finish(count)) & long.MaxValue);
        }
        catch (DirectoryNotFoundException)
        {
            return Missing;
        }
    }

    private static bool IsPromptFile(ref FileSystemEntry entry) =>
        !entry.IsDirectory && PromptSetLoader.IsPromptFile(entry.FileName);

    private static ulong FileMix(ref FileSystemEntry entry)
    {
        var name = (ulong)(uint)string.GetHashCode(entry.FileName);
        var length = (ulong)entry.Length;
        var ticks = (ulong)entry.LastWriteTimeUtc.UtcTicks;
        return Finish(name ^ Finish(length ^ Finish(ticks)));
    }

    // SplitMix64's finaliser: every input bit reaches every output bit, so near-equal sizes or times differ widely.
    private static ulong Finish(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
