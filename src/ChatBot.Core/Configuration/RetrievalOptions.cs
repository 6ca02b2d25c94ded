using System.ComponentModel.DataAnnotations;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Configuration;

/// <summary>appsettings section "Retrieval": how much work one question may cost.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Passages handed to the composer.</summary>
    [Range(1, 100)]
    public int Passages { get; set; } = 12;

    /// <summary>
    /// The question's frequent terms scored from their postings held as bit sets (rare terms are read from FTS5 and
    /// always count); more costs memory and time per question on a large index. All of a question's terms are bounded
    /// separately (30, <c>BoundedBm25Search.MaxTerms</c>).
    /// </summary>
    [Range(1, BoundedBm25Search.MaxCommonTerms)]
    public int MaxTerms { get; set; } = 6;

    /// <summary>
    /// The work bound of one question's rare-term lookups: at most this many × 20 postings are read from FTS5 before
    /// the common terms are scored over the candidates found.
    /// </summary>
    [Range(1, 5000)]
    public int Candidates { get; set; } = 200;
}
