using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using ChatBot.Core.Answering;

namespace ChatBot.Server.Streaming;

/// <summary>
/// Paces a streamed answer for a channel with a rate limit: sentences arriving while a chunk is being sent, or within
/// <c>interval</c> after it, are coalesced into the next chunk, which carries the whole text so far. The next step is
/// produced only after the consumer asked for it (so after its previous send returned) and the interval has passed;
/// the final step waits out the interval too, so no two sends of one stream are closer than the interval.
/// </summary>
/// <remarks>
/// The answer is read on its own task, so the model is never held up by a slow send. An answer that yields only a
/// final update gives a single final step. Disposing the enumeration early, or cancelling, cancels the answer.
/// </remarks>
public static class AnswerStreamPacer
{
    public static async IAsyncEnumerable<AnswerStreamStep> PaceAsync(
        IAsyncEnumerable<AnswerUpdate> updates,
        TimeSpan interval,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(time);
        var channel = Channel.CreateUnbounded<AnswerUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(updates, channel.Writer, reading.Token);
        try
        {
            var text = new StringBuilder();
            var sequence = 0;

            // WaitToReadAsync rethrows whatever ended the answer (a failure or a cancellation).
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                var grew = false;
                while (channel.Reader.TryRead(out var update))
                {
                    if (update.Final is { } final)
                    {
                        yield return new AnswerStreamStep { Final = final };
                        yield break;
                    }

                    if (!string.IsNullOrWhiteSpace(update.Sentence))
                    {
                        text.Append(text.Length > 0 ? " " : "").Append(update.Sentence.Trim());
                        grew = true;
                    }
                }

                if (grew)
                {
                    yield return new AnswerStreamStep { Text = text.ToString(), Sequence = ++sequence };
                    await Task.Delay(interval, time, cancellationToken);
                }
            }

            throw new InvalidOperationException("The answer stream ended without a final answer.");
        }
        finally
        {
            await reading.CancelAsync();
            await pump;
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<AnswerUpdate> updates, ChannelWriter<AnswerUpdate> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in updates.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(update, cancellationToken);
            }

            writer.TryComplete();
        }
#pragma warning disable CA1031 // Not swallowed: the channel hands the exception to the reader.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            writer.TryComplete(ex);
        }
    }
}
