using System.Collections;
using System.Security.Cryptography;
using System.Text;
using HandlebarsDotNet;

namespace ChatBot.Core.Prompts;

/// <summary>
/// Loads a prompt set: every <c>*.yaml</c>/<c>*.yml</c> file of the default folder, overridden file by file by a
/// variant folder's files of the same name. Each file is parsed, checked and compiled; every problem of every file
/// is reported at once (file, line, reason) in one <see cref="PromptException"/>.
/// </summary>
/// <remarks>
/// Templates render as plain text: Handlebars' HTML escaping is off, since answers are plain text. Besides the
/// built-in helpers (if, unless, each, with, lookup, log) the sets may use eq, ne, and, or, not and join.
/// The version is the first 12 hex digits of SHA-256 over the effective files sorted by file name, each contributing
/// "name\n" + its text + "\0".
/// </remarks>
public static class PromptSetLoader
{
    /// <summary>Helpers a template may call.</summary>
    public static IReadOnlySet<string> Helpers { get; } =
        new HashSet<string>(["if", "unless", "each", "with", "lookup", "log", "eq", "ne", "and", "or", "not", "join"], StringComparer.Ordinal);

    /// <summary>Loads <paramref name="defaultDirectory"/>, overridden by <paramref name="variantDirectory"/> when given.</summary>
    /// <exception cref="PromptException">A folder is missing, or a file is malformed (every problem listed, one per line).</exception>
    public static PromptSet Load(string defaultDirectory, string? variantDirectory = null)
    {
        var files = EffectiveFiles(defaultDirectory, variantDirectory);
        var errors = new List<string>();
        var templates = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
        var renderers = new Dictionary<string, Func<object, string>>(StringComparer.Ordinal);
        var handlebars = CreateHandlebars();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        foreach (var (key, path) in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{path}:1: cannot be read: {ex.Message}");
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(path)}\n{text}\0"));
            var before = errors.Count;
            var parsed = PromptFileParser.Parse(path, text, errors);
            if (parsed is null)
            {
                continue;
            }

            HandlebarsTemplateChecker.Check(path, parsed, Helpers, errors);
            if (errors.Count > before)
            {
                continue;
            }

            HandlebarsTemplate<object, object> compiled;
            try
            {
                compiled = handlebars.Compile(parsed.Template);
            }
            catch (HandlebarsException ex)
            {
                errors.Add($"{path}:{parsed.TemplateLine}: template syntax error: {ex.Message}");
                continue;
            }

            templates[key] = new PromptTemplate
            {
                Name = parsed.Name,
                Description = parsed.Description,
                Template = parsed.Template,
                InputVariables = [.. parsed.Variables.Select(v => v.Name)],
                Variables = parsed.Variables,
                ExecutionSettings = parsed.ExecutionSettings,
                SourcePath = path,
            };
            renderers[key] = model => compiled(WithDefaults(path, parsed.Variables, model));
        }

        if (errors.Count > 0)
        {
            throw new PromptException(string.Join(Environment.NewLine, errors));
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
        return new PromptSet(Path.GetFullPath(variantDirectory ?? defaultDirectory), version, templates, renderers);
    }

    /// <summary>The files of the effective set, keyed by template name (file name without extension), sorted by file name.</summary>
    /// <exception cref="PromptException">A folder does not exist.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> EffectiveFiles(string defaultDirectory, string? variantDirectory = null)
    {
        var effective = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in variantDirectory is null ? [defaultDirectory] : new[] { defaultDirectory, variantDirectory })
        {
            if (!Directory.Exists(directory))
            {
                throw new PromptException($"{Path.GetFullPath(directory)}: prompt folder not found");
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                if (IsPromptFile(file))
                {
                    // Sorted by file name; a variant's file replaces the default's of the same template name.
                    var stale = effective.FirstOrDefault(e => Path.GetFileNameWithoutExtension(e.Value) == Path.GetFileNameWithoutExtension(file));
                    if (stale.Key is not null)
                    {
                        effective.Remove(stale.Key);
                    }

                    effective[Path.GetFileName(file)] = Path.GetFullPath(file);
                }
            }
        }

        return [.. effective.Select(e => KeyValuePair.Create(Path.GetFileNameWithoutExtension(e.Key), e.Value))];
    }

    private static IHandlebars CreateHandlebars()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        handlebars.RegisterHelper("eq", (_, args) => args.Length == 2 && Equals(Text(args[0]), Text(args[1])));
        handlebars.RegisterHelper("ne", (_, args) => args.Length == 2 && !Equals(Text(args[0]), Text(args[1])));
        handlebars.RegisterHelper("and", (_, args) => args.All(Truthy));
        handlebars.RegisterHelper("or", (_, args) => args.Any(Truthy));
        handlebars.RegisterHelper("not", (_, args) => args.Length == 1 && !Truthy(args[0]));
        handlebars.RegisterHelper("join", (_, args) =>
            args.Length > 0 && args[0] is IEnumerable items and not string
                ? string.Join(args.Length > 1 ? Text(args[1]) : ", ", items.Cast<object?>().Select(Text))
                : string.Empty);
        return handlebars;
    }

    private static string Text(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>A dictionary model gets the declared defaults for what it lacks; a required variable it lacks is an error.</summary>
    private static object WithDefaults(string path, IReadOnlyList<PromptInputVariable> variables, object model)
    {
        if (model is not IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return model;
        }

        // The composer renders several templates per answer, nearly always with every variable given: such a model
        // (an ordinal dictionary, like the copy) goes to the template as it is, saving a dictionary copy per render.
        if (model is Dictionary<string, object?> given && IsOrdinal(given.Comparer) && HasAll(given, variables))
        {
            return given;
        }

        var values = new Dictionary<string, object?>(pairs, StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            if (values.ContainsKey(variable.Name))
            {
                continue;
            }

            if (variable.Default is not null)
            {
                values[variable.Name] = variable.Default;
            }
            else if (variable.IsRequired)
            {
                throw new PromptException($"{path}: required variable '{variable.Name}' was not given");
            }
        }

        return values;
    }

    private static bool IsOrdinal(IEqualityComparer<string> comparer) =>
        ReferenceEquals(comparer, EqualityComparer<string>.Default) || ReferenceEquals(comparer, StringComparer.Ordinal);

    private static bool HasAll(Dictionary<string, object?> model, IReadOnlyList<PromptInputVariable> variables)
    {
        foreach (var variable in variables)
        {
            if (!model.ContainsKey(variable.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a file of the prompt folder is a prompt (YAML, any case): what the loader reads and edits watch.</summary>
    internal static bool IsPromptFile(ReadOnlySpan<char> name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
