namespace ChatBot.Core.Prompts;

/// <summary>One prompt file in Semantic Kernel's prompt YAML format (name, description, template, template_format, input_variables, execution_settings).</summary>
public sealed record PromptTemplate
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The Handlebars template text.</summary>
    public required string Template { get; init; }

    /// <summary>The variables the template declares (<c>input_variables[].name</c>).</summary>
    public IReadOnlyList<string> InputVariables { get; init; } = [];

    /// <summary>The declared variables in full (description, is_required, default).</summary>
    public IReadOnlyList<PromptInputVariable> Variables { get; init; } = [];

    /// <summary>Model settings for generative prompts (<c>execution_settings.default</c>): temperature, max_tokens, ...</summary>
    public IReadOnlyDictionary<string, object?> ExecutionSettings { get; init; } = new Dictionary<string, object?>();

    /// <summary>The file it was read from.</summary>
    public required string SourcePath { get; init; }
}
