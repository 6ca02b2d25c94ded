namespace ChatBot.Core.Answering;

/// <summary>
/// Turns a follow-up ("And how far were they from the city?") into a standalone question using the earlier turns.
/// A question that already stands alone comes back unchanged.
/// </summary>
/// <remarks>Thread-safe. Cheap: runs on every question.</remarks>
public interface IQuestionRewriter
{
    Task<string> RewriteAsync(string question, IReadOnlyList<string> turns, CancellationToken cancellationToken);
}
