namespace ChatBot.Core.Prompts;

/// <summary>One entry of a prompt file's <c>input_variables</c> (Semantic Kernel prompt YAML).</summary>
public sealed record PromptInputVariable
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Rendering with a dictionary that lacks this variable (and has no default) fails with the file named.</summary>
    public bool IsRequired { get; init; }

    /// <summary>Used when a dictionary model lacks the variable.</summary>
    public object? Default { get; init; }
}
