using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Core.Teams;

/// <summary>
/// Builds the Teams app package (bot-protocol notes 6): a zip with manifest.json at its root, the bot's app id filled
/// in for the <c>{{BOT_APP_ID}}</c> placeholder, and the two icons it names (color 192x192, outline 32x32).
/// </summary>
public static class TeamsAppPackage
{
    public const string AppIdPlaceholder = "{{BOT_APP_ID}}";
    public const string ManifestFileName = "manifest.json";

    /// <summary>Writes the package to <paramref name="outputZip"/> (replacing it) and returns its full path.</summary>
    /// <exception cref="ChatBotException">The app id is not a GUID, or the appPackage folder is incomplete (the message names the file).</exception>
    public static string Build(string appPackageDirectory, string appId, string outputZip)
    {
        ArgumentNullException.ThrowIfNull(appPackageDirectory);
        ArgumentNullException.ThrowIfNull(outputZip);
        if (!Guid.TryParse(appId, out var id))
        {
            throw new ChatBotException($"--app-id: '{appId}' is not a Microsoft App ID (a GUID such as 2f1c7d1e-6a55-4b3a-9f0e-7a0c5f3d2b11).");
        }

        var manifestPath = Path.Combine(appPackageDirectory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new ChatBotException($"{manifestPath}: the Teams manifest is missing.");
        }

        JsonObject manifest;
        try
        {
            var text = File.ReadAllText(manifestPath).Replace(AppIdPlaceholder, id.ToString("D"), StringComparison.Ordinal);
            manifest = JsonNode.Parse(text)?.AsObject() ?? throw new ChatBotException($"{manifestPath}: the manifest is empty.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ChatBotException($"{manifestPath}: not a JSON object ({ex.Message}).", ex);
        }

        var icons = new[] { ("color", 192), ("outline", 32) }
            .Select(icon => (Name: (string?)manifest["icons"]?[icon.Item1] ?? throw new ChatBotException($"{manifestPath}: icons.{icon.Item1} is missing."), Size: icon.Item2))
            .ToList();
        foreach (var (name, size) in icons)
        {
            var path = Path.Combine(appPackageDirectory, name);
            var (width, height) = File.Exists(path) ? PngSize(path) : throw new ChatBotException($"{path}: icon file is missing.");
            if (width != size || height != size)
            {
                throw new ChatBotException($"{path}: Teams needs a {size}x{size} PNG; this one is {width}x{height}.");
            }
        }

        var fullOutput = Path.GetFullPath(outputZip);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
        File.Delete(fullOutput);
        using (var zip = ZipFile.Open(fullOutput, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry(ManifestFileName);
            using (var writer = new StreamWriter(entry.Open()))
            {
                writer.Write(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }

            foreach (var (name, _) in icons)
            {
                zip.CreateEntryFromFile(Path.Combine(appPackageDirectory, name), Path.GetFileName(name));
            }
        }

        return fullOutput;
    }

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var stream = File.OpenRead(path);
        if (stream.Read(header) < 24 || header[1] != (byte)'P' || header[2] != (byte)'N' || header[3] != (byte)'G')
        {
            throw new ChatBotException($"{path}: not a PNG file.");
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[16..20]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[20..24]));
    }
}
