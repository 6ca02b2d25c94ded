namespace ChatBot.Core.Answering;

/// <summary>
/// A composer that can show its answer as it is written: sentences that passed the grounding check, one update each,
/// then a last update carrying <see cref="AnswerUpdate.Final"/>, which replaces whatever was shown (it may be a
/// repaired or an extractive answer when the whole failed).
/// </summary>
/// <remarks>Thread-safe. Exactly one update carries the final answer, and it comes last. Cancellation stops the model call.</remarks>
public interface IStreamingAnswerComposer : IAnswerComposer
{
    IAsyncEnumerable<AnswerUpdate> StreamAsync(CompositionContext context, CancellationToken cancellationToken);
}
