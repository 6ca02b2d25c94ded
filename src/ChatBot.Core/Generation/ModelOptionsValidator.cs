using Microsoft.Extensions.Options;

namespace ChatBot.Core.Generation;

/// <summary>
/// Checks the Model section at start-up (registered only when Answering:Composer is "generative"): each failure names
/// the setting's configuration path and never repeats the key.
/// </summary>
public sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    private const string When = "when Answering:Composer is generative";

    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>, one sentence each; empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"Model:Endpoint is required {When} (e.g. https://RESOURCE.openai.azure.com/openai/v1/ or http://localhost:11434/v1/).");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Model:Endpoint must be an absolute http or https address, not '{options.Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"Model:Model (the model or Azure deployment name) is required {When}.");
        }

        switch (options.Auth?.Trim().ToUpperInvariant())
        {
            case "KEY":
                if (string.IsNullOrWhiteSpace(options.ApiKey))
                {
                    failures.Add($"Model:ApiKey is required {When} and Model:Auth is key: set the environment variable CHATBOT_Model__ApiKey or a user secret (never appsettings.json).");
                }

                break;
            case "ENTRA":
            case "NONE":
                break;
            default:
                failures.Add($"Model:Auth must be 'key', 'entra' or 'none', not '{options.Auth}'.");
                break;
        }

        if (options.TimeoutSeconds is <= 0 or > 600)
        {
            failures.Add("Model:TimeoutSeconds must be more than 0 and at most 600.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Model:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelaySeconds is < 0 or > 60)
        {
            failures.Add("Model:RetryDelaySeconds must be between 0 and 60.");
        }

        if (options.MaxRetryAfterSeconds is < 0 or > 600)
        {
            failures.Add("Model:MaxRetryAfterSeconds must be between 0 and 600.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("Model:BreakerFailureRatio must be more than 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add("Model:BreakerMinimumThroughput must be at least 2.");
        }

        if (options.BreakerSamplingSeconds < 0.5)
        {
            failures.Add("Model:BreakerSamplingSeconds must be at least 0.5.");
        }

        if (options.BreakerBreakSeconds < 0.5)
        {
            failures.Add("Model:BreakerBreakSeconds must be at least 0.5.");
        }

        return failures;
    }
}
