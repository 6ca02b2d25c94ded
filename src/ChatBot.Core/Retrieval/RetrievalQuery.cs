namespace ChatBot.Core.Retrieval;

/// <summary>A standalone question as the retriever gets it.</summary>
public sealed record RetrievalQuery
{
    public required string Text { get; init; }

    /// <summary>A time hint from the question: passages of articles published in it rank first.</summary>
    public DateRange? Period { get; init; }

    /// <summary>How many passages to return at most.</summary>
    public int Limit { get; init; } = 12;
}
