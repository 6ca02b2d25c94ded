using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace ChatBot.EndToEnd.Tests;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned) run headless as a real
/// Teams-like client of our bot. Its conversation route and log format are internal to the package, not a documented
/// contract, so every step names itself when it breaks and says what it saw: npm install, Playground start,
/// Playground config, conversation post, reply wait.
/// </summary>
/// <remarks>
/// What this relies on, read from version 0.2.28 (see the shared bot-protocol notes, section 5):
/// <list type="bullet">
/// <item><c>TEAMSAPPTESTER_BROWSER=none</c> opens no browser; <c>--port 0</c> takes a free port and stdout prints
/// <c>Listening on {port}</c>.</item>
/// <item><c>GET /_internal/v1/config</c> returns the mock context (current user, personal chat id) and first waits
/// for the bot endpoint to answer.</item>
/// <item><c>POST /_conversation/v1/conversations/{id}/messages</c> sends a user message to the bot.</item>
/// <item>Every exchange, the bot's replies to the mock connector included, is appended to the log file named by
/// <c>M365_AGENTS_PLAYGROUND_LOGFILE</c>, one line per entry: a level word, text, then JSON with
/// <c>logAction: appendLog</c> and a <c>log</c> object holding the request body and the response status.</item>
/// </list>
/// </remarks>
public sealed partial class AgentsPlayground : IDisposable
{
    public const string PackageName = "@microsoft/m365agentsplayground";
    public const string PinnedVersion = "0.2.28";

    // Node's servers listen on every interface when no host is given, which is what the Playground does; this preload
    // (ours) pins each numeric-port listen to 127.0.0.1 so the test opens nothing beyond loopback.
    private const string LoopbackPreload = """
        // Written by ChatBot's end-to-end test: every server the Playground opens listens on 127.0.0.1 only.
        const net = require("net");
        const listen = net.Server.prototype.listen;
        net.Server.prototype.listen = function (...args) {
          if (typeof args[0] === "number" && typeof args[1] !== "string") {
            args.splice(1, 0, "127.0.0.1");
          }
          return listen.apply(this, args);
        };
        """;

    // Settings the Playground reads from the environment; cleared so the machine's own cannot change the run.
    private static readonly string[] ClearedVariables =
    [
        "BOT_ENDPOINT", "TEAMSAPPTESTER_PORT", "DEFAULT_CHANNEL_ID", "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID",
        "M365_AGENTS_PLAYGROUND_SERVICE_URL", "M365_AGENTS_PLAYGROUND_CONVERSATION_ID", "M365_AGENTS_PLAYGROUND_DELIVERY_MODE",
        "M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING", "M365_AGENTS_PLAYGROUND_RECORDING_FILE", "M365_AGENTS_PLAYGROUND_CONFIG_PATH",
        "TEAMS_APP_TEST_TOOL_CONFIG_PATH", "TEAMSAPPTESTER_LOGFILE", "SEND_INSTALLATION_ACTIVITY", "M365_AGENTS_PLAYGROUND_TARGET_SDK",
        "NODE_OPTIONS",
    ];

    private readonly string _workDirectory;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;

    private AgentsPlayground(string workDirectory, string conversationId)
    {
        _workDirectory = workDirectory;
        ConversationId = conversationId;
        LogFile = Path.Combine(workDirectory, "m365agentsplayground.log");
    }

    /// <summary>The personal chat id, pinned at start (otherwise the Playground makes a random one per start).</summary>
    public string ConversationId { get; }

    public string LogFile { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where the pinned package is installed once and reused: under the system temp folder, never the repo.</summary>
    public static string CacheDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "chatbot-tests", $"m365agentsplayground-{PinnedVersion}");

    private static string PackageDirectory(string root) =>
        Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground");

    /// <summary>
    /// Step "npm install": installs the pinned package into <see cref="CacheDirectory"/> unless it is there already
    /// (into a staging folder first, then moved, so a half-finished install is never taken for a cached one).
    /// Returns the path of its <c>cli.js</c>.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(TimeSpan timeout)
    {
        var cli = Path.Combine(PackageDirectory(CacheDirectory), "cli.js");
        if (File.Exists(cli) && InstalledVersion(CacheDirectory) == PinnedVersion)
        {
            return cli;
        }

        var staging = CacheDirectory + ".staging-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(staging, "package.json"), """{ "private": true }""");
            var arguments = new[] { "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", $"{PackageName}@{PinnedVersion}" };
            var (exitCode, output) = await RunToEndAsync("npm", arguments, staging, timeout, "npm install");
            if (exitCode != 0)
            {
                throw StepFailed("npm install", $"`npm {string.Join(' ', arguments)}` in {staging} exited with {exitCode}:\n{Tail(output)}");
            }

            var version = InstalledVersion(staging);
            if (version != PinnedVersion)
            {
                throw StepFailed("npm install", $"npm finished but {PackageDirectory(staging)}/package.json says version '{version ?? "(missing)"}', not {PinnedVersion}.\n{Tail(output)}");
            }

            if (Directory.Exists(CacheDirectory))
            {
                Directory.Delete(CacheDirectory, recursive: true); // a broken or different install
            }

            try
            {
                Directory.Move(staging, CacheDirectory);
            }
            catch (IOException) when (File.Exists(cli))
            {
                // Another test process finished the same install first; theirs is as good as ours.
            }

            return cli;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Step "Playground start": runs the Playground's CLI with node, headless, pointed at <paramref name="botEndpoint"/>,
    /// in a fresh temporary working folder, and waits for <c>Listening on {port}</c>.
    /// </summary>
    public static async Task<AgentsPlayground> StartAsync(string cli, Uri botEndpoint, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        var work = Path.Combine(Path.GetTempPath(), "chatbot-tests", "playground-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var playground = new AgentsPlayground(work, "playground-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await playground.StartProcessAsync(cli, botEndpoint, timeout);
            return playground;
        }
        catch
        {
            playground.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Step "Playground config": <c>GET /_internal/v1/config</c> (which also makes the Playground wait for the bot
    /// endpoint) and checks the personal chat is ours. Returns the mock current user's id.
    /// </summary>
    public async Task<string> ReadCurrentUserAsync(CancellationToken cancellationToken)
    {
        const string step = "Playground config";
        var body = await SendAsync(step, HttpMethod.Get, "_internal/v1/config", null, cancellationToken);
        var config = body?["config"];
        var userId = config?["currentUser"]?["id"]?.GetValue<string>();
        var chatId = config?["personalChat"]?["id"]?.GetValue<string>();
        if (userId is null || chatId != ConversationId)
        {
            throw StepFailed(step, $"expected config.currentUser.id and config.personalChat.id = {ConversationId}; got:\n{Clip(body?.ToJsonString())}");
        }

        return userId;
    }

    /// <summary>Step "conversation post": a user message into the personal chat; returns the Playground's message id.</summary>
    public async Task<string> PostMessageAsync(string userId, string text, CancellationToken cancellationToken)
    {
        const string step = "conversation post";
        var payload = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = userId },
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        var body = await SendAsync(step, HttpMethod.Post, $"_conversation/v1/conversations/{Uri.EscapeDataString(ConversationId)}/messages", payload, cancellationToken);
        return body?["messageId"]?.ToString() is { Length: > 0 } id
            ? id
            : throw StepFailed(step, $"expected a messageId in the answer; got:\n{Clip(body?.ToJsonString())}");
    }

    /// <summary>
    /// Step "reply wait": polls the Playground's log until it records the bot posting a message activity to its mock
    /// connector in our conversation, and returns that log entry (<c>request.body</c> is the bot's activity,
    /// <c>response.statusCode</c> the mock connector's verdict). Fails at once if the bot refused the Playground's
    /// message, and at the deadline with every entry logged for the conversation.
    /// </summary>
    public async Task<JsonObject> WaitForBotMessageAsync(string question, TimeSpan timeout)
    {
        const string step = "reply wait";
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<JsonObject> entries = [];
        while (DateTime.UtcNow < deadline)
        {
            entries = ReadConversationLog();
            var sent = entries.FirstOrDefault(e => (string?)e["from"] != "User Application" && (string?)e["activityName"] == "message"
                && (string?)e["request"]?["body"]?["text"] == question);
            if (sent?["response"]?["statusCode"]?.GetValue<int>() is int status && status is < 200 or > 299)
            {
                throw StepFailed(step, $"the bot answered the Playground's POST of the question with HTTP {status}:\n{Clip(sent.ToJsonString())}");
            }

            var reply = entries.LastOrDefault(e => (string?)e["from"] == "User Application" && (string?)e["activityName"] == "message");
            if (reply is not null)
            {
                return reply;
            }

            if (_process is { HasExited: true })
            {
                throw StepFailed(step, $"the Playground exited with code {_process.ExitCode} before a reply.\n{Describe(entries)}");
            }

            await Task.Delay(100);
        }

        throw StepFailed(step, $"no message from the bot in {LogFile} within {timeout.TotalSeconds:0} s.\n{Describe(entries)}");
    }

    public void Dispose()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }

            _process.Dispose();
        }

        _http.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private async Task StartProcessAsync(string cli, Uri botEndpoint, TimeSpan timeout)
    {
        const string step = "Playground start";
        var preload = Path.Combine(_workDirectory, "loopback-only.cjs");
        await File.WriteAllTextAsync(preload, LoopbackPreload);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDirectory, // its default config file and devTools/ folder are looked for here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--require", preload, cli, "start",
            "--app-endpoint", botEndpoint.ToString(),
            "--channel-id", "msteams",
            "--conversation-id", ConversationId,
            "--port", "0",
            "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ClearedVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = LogFile;

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _process = Process.Start(start) ?? throw StepFailed(step, "Process.Start returned no process for node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw StepFailed(step, $"could not run node ({e.Message}); Node.js must be on PATH.");
        }

        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            Record(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Record(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout));
        if (first == listening.Task)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{listening.Task.Result}/");
            return;
        }

        throw first == exited
            ? StepFailed(step, $"node exited with code {_process.ExitCode} before printing 'Listening on'. Output:\n{Tail(Output())}")
            : StepFailed(step, $"no 'Listening on <port>' line within {timeout.TotalSeconds:0} s. Output:\n{Tail(Output())}");
    }

    private async Task<JsonNode?> SendAsync(string step, HttpMethod method, string path, JsonObject? payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (payload is not null)
        {
            request.Content = JsonContent.Create(payload);
        }

        string body;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw StepFailed(step, $"{method} {request.RequestUri} failed: {e.Message}\nPlayground output:\n{Tail(Output())}");
        }

        if (status is < 200 or > 299)
        {
            throw StepFailed(step, $"{method} {request.RequestUri} answered HTTP {status}:\n{Clip(body)}");
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw StepFailed(step, $"{method} {request.RequestUri} answered HTTP {status} with a body that is not JSON:\n{Clip(body)}");
        }
    }

    /// <summary>The log's entries for our conversation, oldest first; lines that are not such entries are skipped.</summary>
    private List<JsonObject> ReadConversationLog()
    {
        var entries = new List<JsonObject>();
        if (!File.Exists(LogFile))
        {
            return entries;
        }

        string text;
        using (var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            text = reader.ReadToEnd();
        }

        foreach (var line in text.Split('\n'))
        {
            var json = line.IndexOf('{', StringComparison.Ordinal);
            if (json < 0 || !line.Contains("\"appendLog\"", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(line[json..]) is JsonObject { } root && (string?)root["logAction"] == "appendLog"
                    && root["log"] is JsonObject entry && (string?)entry["conversationId"] == ConversationId)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A line still being written, or one of another shape: not an entry.
            }
        }

        return entries;
    }

    private string Describe(IReadOnlyList<JsonObject> entries)
    {
        var lines = entries.Select(e =>
            $"  {e["activityName"]} {e["from"]} -> {e["to"]}: HTTP {e["response"]?["statusCode"]?.ToString() ?? "?"} {Clip((string?)e["displayText"], 120)}");
        return entries.Count == 0
            ? $"The log had no entry for conversation {ConversationId}. Playground output:\n{Tail(Output())}"
            : $"The log's entries for conversation {ConversationId}:\n{string.Join('\n', lines)}";
    }

    private void Record(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, string step)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw StepFailed(step, $"Process.Start returned no process for {fileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw StepFailed(step, $"could not run {fileName} ({e.Message}); it must be on PATH.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw StepFailed(step, $"{fileName} did not finish within {timeout.TotalSeconds:0} s (registry unreachable?); killed.");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string? InstalledVersion(string root)
    {
        var manifest = Path.Combine(PackageDirectory(root), "package.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static XunitException StepFailed(string step, string detail) =>
        new($"Agents Playground {PinnedVersion}, step \"{step}\" broke: {detail}");

    private static string Tail(string text, int lines = 30) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines).Select(l => Clip(l, 400)));

    private static string Clip(string? text, int max = 2000) =>
        text is null ? "(nothing)" : text.Length <= max ? text : text[..max] + "…";

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();
}
