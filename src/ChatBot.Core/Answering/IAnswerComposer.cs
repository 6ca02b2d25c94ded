namespace ChatBot.Core.Answering;

/// <summary>
/// Writes a cited answer from the evidence in a <see cref="CompositionContext"/>: extractive (the embedded default)
/// or generative (a chat model, grounding-checked). Every sentence is cited; every citation quotes its article exactly.
/// </summary>
/// <remarks>Thread-safe. Honours cancellation (a closed tab stops a model call).</remarks>
public interface IAnswerComposer
{
    Task<Answer> ComposeAsync(CompositionContext context, CancellationToken cancellationToken);
}
