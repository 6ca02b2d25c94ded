namespace ChatBot.Core.Answering;

/// <summary>
/// The one engine behind every door (CLI, HTTP API, bot, eval): a question and its conversation in, a cited answer
/// out. Limits that protect the engine (question length, turns kept) are enforced here, so every door agrees.
/// </summary>
/// <remarks>
/// Thread-safe. Never throws for anything a user can type: empty, huge or hostile questions get a refusal with a
/// reason. Throws <see cref="ChatBotException"/> only when the system itself is broken (no index can be built).
/// Cancellation stops retrieval and any model call.
/// </remarks>
public interface IAnsweringService
{
    Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);

    /// <summary>The answer as it is written; the last update carries <see cref="AnswerUpdate.Final"/>.</summary>
    IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, CancellationToken cancellationToken);
}
