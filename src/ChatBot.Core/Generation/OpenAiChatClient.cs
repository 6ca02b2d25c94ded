using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using MeaiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace ChatBot.Core.Generation;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's <see cref="ChatClient"/>, for Azure OpenAI's v1 endpoint or any
/// OpenAI-compatible server. Text messages, temperature, max tokens, top-p and stop sequences are mapped; usage comes
/// back as <see cref="UsageDetails"/>. The SDK's own retries are off (Polly, in <see cref="ResilientChatClient"/>, is
/// the one retry layer) and every failure surfaces as a <see cref="ModelCallException"/>, except cancellation by the
/// caller, which surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>Thread-safe. A streamed reply that ends without a finish reason is reported as malformed (cut half-way).</remarks>
public sealed class OpenAiChatClient : IChatClient
{
    private readonly ChatClient _chat;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(ChatClient chat, Uri endpoint, string model)
    {
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        _metadata = new ChatClientMetadata("openai", endpoint, model);
    }

    /// <summary>Builds the SDK client from validated <paramref name="options"/>: key, Entra ID or no credential; SDK retries off.</summary>
    public static OpenAiChatClient Create(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint!, UriKind.Absolute);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            // Polly is the one retry layer and owns the timeout (design.md); the SDK would otherwise retry 3 times on its own.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };

        // The SDK marks its AuthenticationPolicy constructor as "for evaluation" (OPENAI001); it is the documented way to
        // send Entra ID tokens to Azure OpenAI's v1 endpoint, so it is used knowingly here and nowhere else.
#pragma warning disable OPENAI001
        var chat = options.Auth.Trim().ToUpperInvariant() switch
        {
            "ENTRA" => new ChatClient(options.Model!, new BearerTokenPolicy(new DefaultAzureCredential(), ModelOptions.EntraScope), clientOptions),
            // A local server (Ollama, llama.cpp) ignores the key, but the SDK needs one to build its request.
            "NONE" => new ChatClient(options.Model!, new ApiKeyCredential("unused"), clientOptions),
            _ => new ChatClient(options.Model!, new ApiKeyCredential(options.ApiKey!), clientOptions),
        };
#pragma warning restore OPENAI001
        return new OpenAiChatClient(chat, endpoint, options.Model!);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ToSdk(messages);
        var settings = ToSdk(options);
        ChatCompletion completion;
        try
        {
            completion = (await _chat.CompleteChatAsync(request, settings, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }

        var text = completion?.Content is { } content
            ? string.Concat(content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text))
            : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ModelCallException(ModelFailure.Malformed, $"The model at {Host} sent a reply with no text.");
        }

        return new ChatResponse(new MeaiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion!.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToMeai(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ToSdk(messages);
        var settings = ToSdk(options);
        var finished = false;
        IAsyncEnumerator<StreamingChatCompletionUpdate> updates;
        try
        {
            updates = _chat.CompleteChatStreamingAsync(request, settings, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }

        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
                {
                    throw failure;
                }

                finished |= update.FinishReason is not null;
                yield return ToMeai(update);
            }
        }

        if (!finished)
        {
            throw new ModelCallException(ModelFailure.Malformed, $"The reply from the model at {Host} stopped before the model finished.");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(ChatClient) ? _chat
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The SDK client holds no disposable state of its own.
    }

    private string Host => _metadata.ProviderUri?.Authority ?? "the configured endpoint";

    private static List<SdkChatMessage> ToSdk(IEnumerable<MeaiChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<SdkChatMessage>();
        foreach (var message in messages)
        {
            var text = message.Text;
            if (message.Role == ChatRole.System)
            {
                result.Add(new SystemChatMessage(text));
            }
            else if (message.Role == ChatRole.User)
            {
                result.Add(new UserChatMessage(text));
            }
            else if (message.Role == ChatRole.Assistant)
            {
                result.Add(new AssistantChatMessage(text));
            }
            else
            {
                throw new ArgumentException($"Messages with role '{message.Role}' are not supported by this adapter.", nameof(messages));
            }
        }

        return result;
    }

    private static ChatCompletionOptions? ToSdk(ChatOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var result = new ChatCompletionOptions
        {
            Temperature = options.Temperature,
            MaxOutputTokenCount = options.MaxOutputTokens,
            TopP = options.TopP,
        };
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        return result;
    }

    private static ChatResponseUpdate ToMeai(StreamingChatCompletionUpdate update)
    {
        var contents = new List<AIContent>();
        foreach (var part in update.ContentUpdate ?? [])
        {
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
            {
                contents.Add(new TextContent(part.Text));
            }
        }

        if (update.Usage is { } usage)
        {
            contents.Add(new UsageContent(new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }));
        }

        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = update.CompletionId,
            ModelId = update.Model,
            CreatedAt = update.CreatedAt,
            FinishReason = update.FinishReason is { } reason ? ToMeai(reason) : null,
            RawRepresentation = update,
        };
    }

    private static MeaiFinishReason ToMeai(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Length => MeaiFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => MeaiFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => MeaiFinishReason.ToolCalls,
        _ => MeaiFinishReason.Stop,
    };

    /// <summary>The SDK's failure as a <see cref="ModelCallException"/>; null for the caller's own cancellation (rethrown as is).</summary>
    private ModelCallException? Translate(Exception ex, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return ex switch
        {
            ModelCallException => null,
            ClientResultException { Status: > 0 } status => new ModelCallException(ModelFailure.Status,
                $"The model at {Host} answered {status.Status} ({(HttpStatusCode)status.Status}).", (HttpStatusCode)status.Status, RetryAfterOf(status.GetRawResponse()), ex),
            OperationCanceledException or TimeoutException => new ModelCallException(ModelFailure.Timeout, $"The model at {Host} did not answer in time.", innerException: ex),
            ClientResultException { InnerException: OperationCanceledException or TimeoutException } => new ModelCallException(ModelFailure.Timeout, $"The model at {Host} did not answer in time.", innerException: ex),
            ClientResultException or HttpRequestException or IOException => new ModelCallException(ModelFailure.Unreachable, $"The model at {Host} could not be reached, or the connection broke.", innerException: ex),
            _ => new ModelCallException(ModelFailure.Malformed, $"The reply from the model at {Host} could not be read ({ex.GetType().Name}).", innerException: ex),
        };
    }

    /// <summary>retry-after-ms (Azure OpenAI) or Retry-After in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfterOf(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
