using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Prompts;

/// <summary>
/// Reads one prompt file in Semantic Kernel's prompt YAML format. Errors carry the file and line; all of a file's
/// errors are collected, so an editor fixes them in one go.
/// </summary>
internal static class PromptFileParser
{
    private static readonly HashSet<string> KnownKeys =
        ["name", "description", "template", "template_format", "input_variables", "output_variable", "execution_settings"];

    private static readonly HashSet<string> KnownVariableKeys =
        ["name", "description", "is_required", "default", "json_schema", "allow_dangerously_set_content"];

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>; adds problems to <paramref name="errors"/>.</summary>
    public static ParsedPrompt? Parse(string path, string text, List<string> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add($"{path}:{ex.Start.Line}: invalid YAML: {Reason(ex)}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add($"{path}:1: a prompt file must be a YAML mapping with at least 'template'");
            return null;
        }

        var before = errors.Count;
        string? name = null, description = null, template = null, format = null;
        var templateLine = 1;
        var variables = new List<PromptInputVariable>();
        IReadOnlyDictionary<string, object?> settings = new Dictionary<string, object?>();

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var line = (int)keyNode.Start.Line;
            switch (key)
            {
                case "name":
                    name = Scalar(path, key, value, errors);
                    break;
                case "description":
                    description = Scalar(path, key, value, errors);
                    break;
                case "template":
                    template = Scalar(path, key, value, errors);
                    // A block scalar (| or >) starts on the line after its indicator.
                    templateLine = (int)value.Start.Line +
                        (value is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? 1 : 0);
                    break;
                case "template_format":
                    format = Scalar(path, key, value, errors);
                    if (format is not null && !string.Equals(format, "handlebars", StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add($"{path}:{value.Start.Line}: template_format '{format}' is not supported (use handlebars)");
                    }

                    break;
                case "input_variables":
                    ReadVariables(path, value, variables, errors);
                    break;
                case "execution_settings":
                    settings = ReadSettings(value);
                    break;
                case "output_variable":
                    break;
                default:
                    errors.Add($"{path}:{line}: unknown key '{key}' (expected one of: {string.Join(", ", KnownKeys.Order(StringComparer.Ordinal))})");
                    break;
            }
        }

        if (template is null && errors.Count == before)
        {
            errors.Add($"{path}:{root.Start.Line}: missing 'template'");
        }

        if (format is null && errors.Count == before)
        {
            errors.Add($"{path}:{root.Start.Line}: missing 'template_format: handlebars'");
        }

        return errors.Count > before || template is null
            ? null
            : new ParsedPrompt(name ?? Path.GetFileNameWithoutExtension(path), description, template, templateLine, variables, settings);
    }

    private static string? Scalar(string path, string key, YamlNode value, List<string> errors)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        errors.Add($"{path}:{value.Start.Line}: '{key}' must be text, not a {(value is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    private static void ReadVariables(string path, YamlNode value, List<PromptInputVariable> variables, List<string> errors)
    {
        if (value is not YamlSequenceNode list)
        {
            errors.Add($"{path}:{value.Start.Line}: 'input_variables' must be a list of {{name, description, is_required, default}}");
            return;
        }

        foreach (var item in list)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add($"{path}:{item.Start.Line}: an input variable must be a mapping with 'name'");
                continue;
            }

            string? varName = null, varDescription = null;
            var required = false;
            object? defaultValue = null;
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? string.Empty;
                switch (key)
                {
                    case "name":
                        varName = Scalar(path, key, v, errors);
                        break;
                    case "description":
                        varDescription = Scalar(path, key, v, errors);
                        break;
                    case "is_required":
                        var text = Scalar(path, key, v, errors);
                        if (!bool.TryParse(text, out required))
                        {
                            errors.Add($"{path}:{v.Start.Line}: 'is_required' must be true or false, not '{text}'");
                        }

                        break;
                    case "default":
                        defaultValue = ToValue(v);
                        break;
                    default:
                        if (!KnownVariableKeys.Contains(key))
                        {
                            errors.Add($"{path}:{k.Start.Line}: unknown input variable key '{key}'");
                        }

                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(varName))
            {
                errors.Add($"{path}:{map.Start.Line}: an input variable has no 'name'");
                continue;
            }

            if (variables.Any(x => x.Name == varName))
            {
                errors.Add($"{path}:{map.Start.Line}: input variable '{varName}' is declared twice");
                continue;
            }

            variables.Add(new PromptInputVariable { Name = varName, Description = varDescription, IsRequired = required, Default = defaultValue });
        }
    }

    /// <summary>Semantic Kernel keys settings by service id; the "default" entry (or the only one) is used.</summary>
    private static Dictionary<string, object?> ReadSettings(YamlNode value)
    {
        if (value is not YamlMappingNode map)
        {
            return [];
        }

        var chosen = map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "default").Value
            ?? (map.Children.Count > 0 && map.Children.All(c => c.Value is YamlMappingNode) ? map.Children.First().Value : map);
        return chosen is YamlMappingNode settings
            ? settings.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => ToValue(c.Value), StringComparer.Ordinal)
            : [];
    }

    private static object? ToValue(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when bool.TryParse(v, out var b) => b,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" } => null,
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Select(ToValue).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => ToValue(c.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static string Reason(YamlException ex)
    {
        // YamlDotNet prefixes its message with the position, which the caller already states.
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
