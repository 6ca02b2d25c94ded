using System.Text.Json.Nodes;

namespace ChatBot.Server.Bot;

/// <summary>
/// The activities of an answer streamed into a Teams 1:1 chat (notes 3.4): each chunk a <c>typing</c> activity with
/// the whole text so far and a <c>streaminfo</c> entity (<c>streamType</c> "streaming", <c>streamSequence</c> n from
/// 1, and from the second chunk on the <c>streamId</c> Teams gave the first); the final answer a <c>message</c> whose
/// entity has the <c>streamId</c> and <c>streamType</c> "final" and no sequence. The same members go into channelData
/// too, where older Teams clients and Web Chat read them.
/// </summary>
public static class TeamsStreamActivityFactory
{
    public const string StreamInfo = "streaminfo";

    /// <summary>Streaming is for Teams personal chats only; group chats and channels get typing, then the answer.</summary>
    public static bool CanStream(Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return string.Equals(inbound.ChannelId, "msteams", StringComparison.OrdinalIgnoreCase)
            && string.Equals(inbound.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
    }

    public static Activity Chunk(string text, int sequence, string? streamId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var info = new JsonObject { ["streamType"] = "streaming", ["streamSequence"] = sequence };
        if (streamId is not null)
        {
            info["streamId"] = streamId;
        }

        return new Activity
        {
            Type = ActivityTypes.Typing,
            // Plain sentences with [n] markers; the citations themselves may only ride on the final message.
            Text = AnswerActivityFactory.TeamsMarkdown(text),
            TextFormat = "markdown",
            Entities = [Entity.Create(StreamInfo, (JsonObject)info.DeepClone())],
            ChannelData = info,
        };
    }

    /// <summary>The answer reply as the end of stream <paramref name="streamId"/>: its citations, AI label and feedback kept.</summary>
    public static Activity Final(Activity reply, string streamId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var channelData = reply.ChannelData?.DeepClone().AsObject() ?? [];
        channelData["streamId"] = streamId;
        channelData["streamType"] = "final";
        return reply with
        {
            Entities = [.. reply.Entities ?? [], Entity.Create(StreamInfo, new JsonObject { ["streamId"] = streamId, ["streamType"] = "final" })],
            ChannelData = channelData,
        };
    }
}
