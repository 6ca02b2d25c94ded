namespace ChatBot.Core.Prompts;

/// <summary>A prompt file as read, before its template is checked and compiled.</summary>
internal sealed record ParsedPrompt(
    string Name,
    string? Description,
    string Template,
    int TemplateLine,
    IReadOnlyList<PromptInputVariable> Variables,
    IReadOnlyDictionary<string, object?> ExecutionSettings);
