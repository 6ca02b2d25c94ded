using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;

namespace ChatBot.Core.Tests.Evaluation;

/// <summary>Hand-made answers for the evaluation tests.</summary>
internal static class Answers
{
    public const string DistanceQuote =
        "The IS advance brought the militants to within four kilometres [two and a half miles] of the desert city, which regime forces recaptured in March.";

    public static Citation Cite(int n, string quote, string articleId = "newarab-divided-fronts", string outlet = "The New Arab", string? source = null) =>
        new() { N = n, ArticleId = articleId, Outlet = outlet, Quote = quote, Source = source, Published = new DateOnly(2016, 12, 9) };

    public static Answer Make(string text, IReadOnlyList<Citation>? citations = null, IReadOnlyList<Dispute>? disputes = null,
        AnswerMode mode = AnswerMode.Extractive, bool refused = false) => new()
        {
            Question = "q",
            StandaloneQuestion = "q",
            Text = text,
            Mode = mode,
            Refused = refused,
            RefusalReason = refused ? "the corpus does not cover it" : null,
            Citations = citations ?? [],
            Disputes = disputes ?? [],
            PromptVersion = "0123456789ab",
        };

    public static Answer Distance() => Make(
        "The New Arab reported that the IS advance brought the militants to within four kilometres [two and a half miles] of the desert city [Palmyra], which regime forces recaptured in March [1].",
        [Cite(1, DistanceQuote)]);

    public static Dispute Unverified(string topic = "Amaq video") => new()
    {
        Kind = DisputeKind.Unverified,
        Topic = topic,
        Positions = [new DisputePosition { Claim = "soldiers fleeing", By = "Amaq", Outlet = "The New Arab", Citation = 1 }],
    };

    public static Answer Refusal() => Make("The reporting here does not say what the weather is in Damascus.", refused: true);
}
