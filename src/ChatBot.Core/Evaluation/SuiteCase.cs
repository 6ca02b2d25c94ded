namespace ChatBot.Core.Evaluation;

/// <summary>One question of a suite, with the conversation before it and what the answer must show.</summary>
public sealed record SuiteCase
{
    public required string Id { get; init; }

    public required string Question { get; init; }

    /// <summary>Earlier user turns, oldest first.</summary>
    public IReadOnlyList<string> Turns { get; init; } = [];

    public CaseExpectation Expect { get; init; } = new();

    /// <summary>An evaluator's comment (the optional <c>note</c> key); not checked.</summary>
    public string? Note { get; init; }

    /// <summary>The line of the case in the suite file.</summary>
    public int Line { get; init; }
}
