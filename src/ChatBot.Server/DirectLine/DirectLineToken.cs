namespace ChatBot.Server.DirectLine;

/// <summary>What a valid Direct Line token grants: one conversation, until a time, with or without the editors' view.</summary>
public sealed record DirectLineToken(string ConversationId, DateTimeOffset Expires, bool IsEditor);
