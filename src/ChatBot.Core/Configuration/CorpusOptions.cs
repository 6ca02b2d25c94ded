using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Configuration;

/// <summary>appsettings section "Corpus".</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The corpus folder, relative to the folder holding appsettings.json.</summary>
    [Required]
    public string Directory { get; set; } = "corpus";

    /// <summary>How often a running server looks for added, edited or removed articles (design.md: within 10 seconds).</summary>
    [Range(1, 3600)]
    public int WatchIntervalSeconds { get; set; } = 5;

    /// <summary>Files larger than this are skipped with a warning (a .jsonl bulk file is read line by line and exempt).</summary>
    [Range(1, int.MaxValue)]
    public int MaxFileBytes { get; set; } = 5 * 1024 * 1024;
}
