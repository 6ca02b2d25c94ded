using ChatBot.Core.Answering;

namespace ChatBot.Server.DirectLine;

/// <summary>An answer the bot gave in a conversation, kept so feedback on it can be stored with the question and citations.</summary>
public sealed record AnsweredTurn(string Question, Answer Answer);
