using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.AI;

namespace ChatBot.Core.Generation;

/// <summary>
/// A rendered prompt as chat messages. Templates mark messages the way Semantic Kernel's chat prompts do,
/// <c>&lt;message role="system"&gt;...&lt;/message&gt;</c>; a template without them is one user message. Model
/// settings come from the file's <c>execution_settings.default</c> (temperature, max_tokens, top_p).
/// </summary>
internal static partial class ChatPrompt
{
    public static List<ChatMessage> Render(PromptSet prompts, string name, object model)
    {
        var text = prompts.Render(name, model);
        var messages = new List<ChatMessage>();
        foreach (Match m in MessageTag().Matches(text))
        {
            var role = m.Groups["role"].Value.ToUpperInvariant() switch
            {
                "SYSTEM" => ChatRole.System,
                "ASSISTANT" => ChatRole.Assistant,
                _ => ChatRole.User,
            };
            var body = m.Groups["body"].Value.Trim();
            if (body.Length > 0)
            {
                messages.Add(new ChatMessage(role, body));
            }
        }

        if (messages.Count == 0 && text.Trim().Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.User, text.Trim()));
        }

        return messages;
    }

    public static ChatOptions Options(PromptSet prompts, string name)
    {
        var options = new ChatOptions();
        if (!prompts.Templates.TryGetValue(name, out var template))
        {
            return options;
        }

        var settings = template.ExecutionSettings;
        if (settings.TryGetValue("default", out var nested) && nested is IDictionary<object, object> inner)
        {
            settings = inner.ToDictionary(kv => Convert.ToString(kv.Key, CultureInfo.InvariantCulture)!, kv => (object?)kv.Value);
        }

        if (Number(settings, "temperature") is { } temperature)
        {
            options.Temperature = (float)temperature;
        }

        if (Number(settings, "max_tokens") is { } maxTokens)
        {
            options.MaxOutputTokens = (int)maxTokens;
        }

        if (Number(settings, "top_p") is { } topP)
        {
            options.TopP = (float)topP;
        }

        return options;
    }

    /// <summary>Keeps a passage from closing the message it sits in.</summary>
    public static string Defuse(string? text) =>
        (text ?? "").Replace("</message", "</ message", StringComparison.OrdinalIgnoreCase).Replace("<message", "< message", StringComparison.OrdinalIgnoreCase);

    private static double? Number(IReadOnlyDictionary<string, object?> settings, string key) =>
        settings.TryGetValue(key, out var value) && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    [GeneratedRegex("""<message\s+role\s*=\s*["'](?<role>system|user|assistant)["']\s*>(?<body>.*?)</message>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageTag();
}
