namespace ChatBot.Server.DirectLine;

/// <summary>A posted activity waiting for the bot: already echoed and acknowledged to the client.</summary>
public sealed record DirectLineTurn(string ConversationId, DirectLineActivity Activity, bool IsEditor);
