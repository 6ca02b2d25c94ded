namespace ChatBot.Core.Answering;

/// <summary>
/// The state of the circuit breaker in front of the language model, for /healthz: "closed" (calls go through),
/// "open" (calls are skipped and answers fall back to extractive) or "half-open" (a trial call is allowed).
/// Registered by the generative composer; absent when no model is configured.
/// </summary>
/// <remarks>Thread-safe; reading it is cheap.</remarks>
public interface IComposerCircuit
{
    string State { get; }
}
