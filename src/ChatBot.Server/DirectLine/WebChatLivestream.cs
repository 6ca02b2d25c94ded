using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Server.Widget;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// One answer livestreamed to Web Chat 4.18 (notes 4.5): each chunk a <c>typing</c> activity whose text is the whole
/// answer so far, with <c>channelData.streamType</c> "streaming" and <c>streamSequence</c> n, and from the second
/// chunk on <c>streamId</c> = the id the first chunk was given; the final answer a <c>message</c> with
/// <c>streamId</c> and <c>streamType</c> "final". Web Chat 4.18 reads this metadata from channelData only.
/// </summary>
/// <remarks>One per turn; not thread-safe.</remarks>
public sealed class WebChatLivestream(IDirectLineConversationStore conversations, string conversationId, string? replyToId)
{
    /// <summary>The id of the first chunk, once one was stored; null while nothing was streamed.</summary>
    public string? StreamId { get; private set; }

    public int Chunks { get; private set; }

    /// <summary>True when a chunk could not be stored because the conversation is unknown or expired.</summary>
    public bool Gone { get; private set; }

    /// <summary>Stores chunk <paramref name="sequence"/>; false when the conversation is gone.</summary>
    public async Task<bool> AppendChunkAsync(string text, int sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var channelData = new JsonObject { ["streamType"] = "streaming", ["streamSequence"] = sequence };
        if (StreamId is not null)
        {
            channelData["streamId"] = StreamId;
        }

        var chunk = new DirectLineActivity
        {
            Type = "typing",
            From = WebChatAnswerRenderer.Bot,
            // The sentences as text: their [n] markers become links only in the final answer, with its citations.
            Text = MarkdownText.Escape(text),
            TextFormat = "markdown",
            ReplyToId = replyToId,
            ChannelData = JsonSerializer.SerializeToElement(channelData),
        };
        if (await conversations.AppendAsync(conversationId, chunk, cancellationToken) is not { } stored)
        {
            Gone = true;
            return false;
        }

        StreamId ??= stored.Id;
        Chunks++;
        return true;
    }

    /// <summary>The rendered answer, marked as the end of the stream when something was streamed; as it is otherwise.</summary>
    public DirectLineActivity Final(DirectLineActivity answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return StreamId is null
            ? answer
            : answer with { ChannelData = JsonSerializer.SerializeToElement(new JsonObject { ["streamId"] = StreamId, ["streamType"] = "final" }) };
    }

    /// <summary>Ends the stream with no content (a final <c>typing</c> without text), for an answer that was cancelled.</summary>
    public DirectLineActivity Cancelled() => new()
    {
        Type = "typing",
        From = WebChatAnswerRenderer.Bot,
        ReplyToId = replyToId,
        ChannelData = JsonSerializer.SerializeToElement(new JsonObject { ["streamId"] = StreamId, ["streamType"] = "final" }),
    };
}
