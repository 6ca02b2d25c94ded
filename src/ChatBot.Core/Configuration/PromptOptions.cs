using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Configuration;

/// <summary>appsettings section "Prompts".</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    /// <summary>The default prompt set folder, relative to the folder holding appsettings.json.</summary>
    [Required]
    public string Directory { get; set; } = "prompts";
}
