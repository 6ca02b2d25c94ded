using ChatBot.Core.Answering;

namespace ChatBot.Core.Tests.Answering;

public sealed class RuleBasedQuestionRewriterTests
{
    private readonly RuleBasedQuestionRewriter _rewriter = new(new SimpleTextAnalyzer());

    [Fact]
    public async Task RewriteAsync_FollowUpPointingBack_CarriesTheEarlierNames()
    {
        var standalone = await _rewriter.RewriteAsync("And how far were they from the city?", ["What did IS seize near Palmyra?"], CancellationToken.None);

        Assert.Contains("Palmyra", standalone, StringComparison.Ordinal);
        Assert.Contains("IS", standalone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_WhatAbout_SwapsTheSubject()
    {
        var standalone = await _rewriter.RewriteAsync("What about Aleppo?", ["What did IS seize near Palmyra?"], CancellationToken.None);

        Assert.Equal("What did IS seize near Aleppo?", standalone);
    }

    [Fact]
    public async Task RewriteAsync_StandaloneQuestion_Unchanged()
    {
        var standalone = await _rewriter.RewriteAsync("How many Syrians fled Aleppo?", ["What did IS seize near Palmyra?"], CancellationToken.None);

        Assert.Equal("How many Syrians fled Aleppo?", standalone);
    }

    [Fact]
    public async Task RewriteAsync_NoTurns_Unchanged() =>
        Assert.Equal("And then?", await _rewriter.RewriteAsync("And then?", [], CancellationToken.None));
}
