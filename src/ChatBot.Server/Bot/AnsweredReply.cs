using ChatBot.Core.Answering;

namespace ChatBot.Server.Bot;

/// <summary>A reply the bot posted, remembered so feedback on it can be stored with its question and answer.</summary>
public sealed record AnsweredReply(string Question, Answer Answer);
