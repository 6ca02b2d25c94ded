using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Configuration;

/// <summary>appsettings section "Retrieval": how much work one question may cost.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Passages handed to the composer.</summary>
    [Range(1, 100)]
    public int Passages { get; set; } = 12;

    /// <summary>Most informative question terms used in FTS5 lookups.</summary>
    [Range(1, 32)]
    public int MaxTerms { get; set; } = 6;

    /// <summary>Candidate passages fetched from FTS5 before re-ranking in C#.</summary>
    [Range(1, 5000)]
    public int Candidates { get; set; } = 200;
}
