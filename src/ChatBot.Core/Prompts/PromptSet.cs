namespace ChatBot.Core.Prompts;

/// <summary>
/// A loaded, validated prompt set: the default folder's templates, overridden file by file by a variant folder.
/// Templates are compiled once; rendering is thread-safe.
/// </summary>
public sealed class PromptSet
{
    private readonly IReadOnlyDictionary<string, Func<object, string>> _renderers;

    public PromptSet(string directory, string version, IReadOnlyDictionary<string, PromptTemplate> templates,
        IReadOnlyDictionary<string, Func<object, string>> renderers)
    {
        Directory = directory;
        Version = version;
        Templates = templates;
        _renderers = renderers;
    }

    /// <summary>The variant folder (or the default folder).</summary>
    public string Directory { get; }

    /// <summary>First 12 hex digits of the SHA-256 of the effective set.</summary>
    public string Version { get; }

    public IReadOnlyDictionary<string, PromptTemplate> Templates { get; }

    /// <summary>Renders template <paramref name="name"/> with <paramref name="model"/> (an object or a dictionary of variables).</summary>
    /// <exception cref="PromptException">No template of that name is in the set.</exception>
    public string Render(string name, object model) =>
        _renderers.TryGetValue(name, out var render)
            ? render(model)
            : throw new PromptException($"{Directory}: no prompt named '{name}' (expected {name}.yaml)");
}
