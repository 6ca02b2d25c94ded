using ChatBot.Core.Answering;
using ChatBot.Server.Bot;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Tests.Bot;

public sealed class InMemoryReplyLedgerTests
{
    private readonly InMemoryReplyLedger _ledger = new(Options.Create(new BotOptions { RememberedReplies = 2 }));

    [Fact]
    public void Remember_PastCapacity_ForgetsTheOldestReplyAndItsConversationsLatest()
    {
        var first = Reply("first");
        _ledger.Remember("a", "r1", first);
        _ledger.Remember("b", "r2", Reply("second"));
        _ledger.Remember("c", "r3", Reply("third"));

        Assert.Null(_ledger.Find("a", "r1"));
        Assert.Null(_ledger.FindLatest("a"));
        Assert.Equal("second", _ledger.Find("b", "r2")?.Question);
        Assert.Equal("third", _ledger.FindLatest("c")?.Question);
    }

    [Fact]
    public void Remember_OlderReplyOfAConversationForgotten_KeepsItsNewerLatest()
    {
        _ledger.Remember("a", "r1", Reply("first"));
        _ledger.Remember("a", "r2", Reply("second"));
        _ledger.Remember("b", "r3", Reply("third"));

        Assert.Null(_ledger.Find("a", "r1"));
        Assert.Equal("second", _ledger.FindLatest("a")?.Question);
    }

    [Fact]
    public void Find_SameReplyIdInAnotherConversation_NotFound()
    {
        _ledger.Remember("a", "r1", Reply("first"));

        Assert.Null(_ledger.Find("b", "r1"));
    }

    private static AnsweredReply Reply(string question) =>
        new(question, Fakes.FakeAnsweringService.Palmyra(new AnswerRequest { Question = question }));
}
