namespace ChatBot.Core.Answering;

/// <summary>One side of a dispute: what is claimed, by whom, carried by which outlet, cited as which [n].</summary>
public sealed record DisputePosition
{
    public required string Claim { get; init; }

    public required string By { get; init; }

    public required string Outlet { get; init; }

    public required int Citation { get; init; }
}
