using ChatBot.Core.Attribution;

namespace ChatBot.Core.Answering;

/// <summary>A disagreement, unverified claim or denial, as the answer reports it (design.md: <c>disputes[]</c>).</summary>
public sealed record Dispute
{
    public required DisputeKind Kind { get; init; }

    public required string Topic { get; init; }

    public required IReadOnlyList<DisputePosition> Positions { get; init; }
}
