namespace ChatBot.Server.Bot;

/// <summary>The activity types this bot handles or sends.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";

    /// <summary>A pseudo-activity: the handler's answer to an invoke, written to the HTTP response, never posted.</summary>
    public const string InvokeResponse = "invokeResponse";
}
