using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Configuration;

/// <summary>appsettings section "Answering": the limits every door shares, and the composer.</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>"extractive" (embedded default) or "generative" (a chat model; see the Model section).</summary>
    [Required]
    [RegularExpression("^(?i:extractive|generative)$", ErrorMessage = "Answering:Composer must be 'extractive' or 'generative'.")]
    public string Composer { get; set; } = "extractive";

    /// <summary>Longer questions are refused with a reason, not truncated.</summary>
    [Range(1, 100_000)]
    public int MaxQuestionChars { get; set; } = 1000;

    /// <summary>Earlier turns kept for follow-ups (older ones are dropped).</summary>
    [Range(0, 50)]
    public int MaxTurns { get; set; } = 6;

    /// <summary>Sentences in the short answer, before the disagreements.</summary>
    [Range(1, 20)]
    public int MaxSummarySentences { get; set; } = 6;
}
