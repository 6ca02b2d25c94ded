using ChatBot.Core.Answering;
using ChatBot.Server.Tests.Fakes;
using ChatBot.Server.Widget;

namespace ChatBot.Server.Tests.Widget;

public sealed class WebChatAnswerRendererTests
{
    // A markup character not preceded by a backslash: an HTML tag, a link or image bracket, or a link target.
    private static readonly System.Text.RegularExpressions.Regex Unescaped = new(@"(?<!\\)[<>\[\]()]|(?<!\\):(?=alert|window)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static readonly AnswerRequest Hostile = new() { Question = "hostile <script>alert(1)</script>" };

    [Fact]
    public async Task Render_HostileArticleText_LeavesNoMarkupOrLinks()
    {
        var answer = await new FakeAnsweringService().AnswerAsync(Hostile, CancellationToken.None);

        var activity = WebChatAnswerRenderer.Render(answer, "k1", null);

        var text = activity.Text!;
        var definitions = text.IndexOf("\n[1]: cite:1 \"", StringComparison.Ordinal);
        Assert.DoesNotMatch(Unescaped, text[..definitions].Replace("[1][1]", "", StringComparison.Ordinal));
        Assert.DoesNotMatch(Unescaped, text[(definitions + "\n[1]: cite:1 \"".Length)..].TrimEnd('"'));
        Assert.Contains("\\<script\\>", text, StringComparison.Ordinal);
        Assert.Contains("\\[click me\\]\\(javascript\\:", text, StringComparison.Ordinal);
        Assert.Contains("[1][1]", text, StringComparison.Ordinal);
        var claim = activity.Entities![0]["citation"]![0]!["appearance"]!;
        Assert.StartsWith("> ", claim["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotMatch(Unescaped, claim["text"]!.GetValue<string>()[2..]);
        Assert.DoesNotContain("Open the article", claim["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkerWithoutCitation_StaysLiteralText()
    {
        var answer = FakeAnsweringService.Palmyra(new AnswerRequest { Question = "Palmyra?" }) with
        {
            Parts = [new AnswerPart(AnswerPartKind.Summary, "Figures differ [9] and [Palmyra] fell [1].")],
        };

        var text = WebChatAnswerRenderer.Render(answer, "k1", null).Text!;

        Assert.Contains("Figures differ \\[9\\] and \\[Palmyra\\] fell [1][1]\\.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Disagreements_GetTheirOwnHeadingAndBullets()
    {
        var answer = FakeAnsweringService.Palmyra(new AnswerRequest { Question = "Palmyra?" });

        var text = WebChatAnswerRenderer.Render(answer, "k1", null).Text!;

        Assert.Contains("\n### Where reports disagree\n\n- Islamic State claimed", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Where reports disagree"));
    }

    [Fact]
    public void Render_Citations_DefinitionsMatchClaimPositions()
    {
        var answer = FakeAnsweringService.Palmyra(new AnswerRequest { Question = "Palmyra?" });

        var activity = WebChatAnswerRenderer.Render(answer, "k1", null);

        var claims = activity.Entities![0]["citation"]!.AsArray();
        foreach (var claim in claims)
        {
            var n = claim!["position"]!.GetValue<int>();
            Assert.Contains($"\n[{n}]: cite:{n} \"", activity.Text!, StringComparison.Ordinal);
        }

        Assert.Equal("", activity.Entities[0]["@id"]!.GetValue<string>());
        Assert.Equal("https://schema.org/Message", activity.Entities[0]["type"]!.GetValue<string>());
        Assert.Contains("(a photo caption)", WebChatAnswerRenderer.Render(answer with { Citations = [answer.Citations[0] with { IsCaption = true }] }, "k", null).Entities![0]["citation"]![0]!["appearance"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseFeedbackId_OwnIds_RoundTrip()
    {
        Assert.True(WebChatAnswerRenderer.TryParseFeedbackId("urn:chatbot:answer:abc123:dislike", out var key, out var helpful));
        Assert.Equal("abc123", key);
        Assert.False(helpful);
        Assert.False(WebChatAnswerRenderer.TryParseFeedbackId("urn:other:abc123:like", out _, out _));
    }
}
