namespace ChatBot.Core.Generation;

/// <summary>The model circuit breaker's state, for /healthz: while it is open every answer is extractive at once.</summary>
/// <remarks>Thread-safe; reading it never makes a call.</remarks>
public interface IModelCircuit
{
    /// <summary>"closed" (calls flow), "open" (no calls; answers fall back), "half-open" (one trial call) or "isolated".</summary>
    string State { get; }

    bool IsOpen { get; }
}
