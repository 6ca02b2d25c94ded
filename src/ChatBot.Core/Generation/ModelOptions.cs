namespace ChatBot.Core.Generation;

/// <summary>
/// appsettings section "Model": the chat model behind the generative composer (read only when Answering:Composer is
/// "generative"). <see cref="ApiKey"/> comes from the environment variable CHATBOT_Model__ApiKey or user secrets,
/// never from a committed file; it is never logged and never part of an error message.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>
    /// The OpenAI-compatible base address: Azure OpenAI's v1 endpoint (https://RESOURCE.openai.azure.com/openai/v1/),
    /// a local Ollama (http://localhost:11434/v1/), llama.cpp or vLLM server.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name, or the deployment name on Azure OpenAI.</summary>
    public string? Model { get; set; }

    /// <summary>"key" (an API key), "entra" (Microsoft Entra ID through DefaultAzureCredential) or "none" (a local server that wants no key).</summary>
    public string Auth { get; set; } = "key";

    /// <summary>The API key when <see cref="Auth"/> is "key". Secret: environment variable or user secrets only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The longest wait for a reply to start, and for each further piece of a streamed reply.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a failed call (429, 5xx, unreachable, timeout); 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones double, with jitter. A Retry-After header wins when present.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>A Retry-After longer than this is not waited for: the answer falls back to extractive at once.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>The circuit opens when at least this share of calls failed within the sampling window...</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many calls were made in it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which the breaker counts failures.</summary>
    public double BreakerSamplingSeconds { get; set; } = 60;

    /// <summary>How long the circuit stays open (every answer extractive) before one trial call.</summary>
    public double BreakerBreakSeconds { get; set; } = 30;

    /// <summary>The Entra ID scope for Azure OpenAI tokens.</summary>
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"Model {{ Endpoint = {Endpoint}, Model = {Model}, Auth = {Auth}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")} }}";
}
