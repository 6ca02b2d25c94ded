using ChatBot.Core.Answering;

namespace ChatBot.Core.Tests.Generation;

/// <summary>Stands in for the extractive composer: a fixed cited answer, and a count of calls.</summary>
internal sealed class FakeExtractiveComposer : IAnswerComposer
{
    public const string Sentence = "The New Arab reported that fighters advanced to within four kilometres of Palmyra on Thursday [1].";

    public int Calls { get; private set; }

    public Task<Answer> ComposeAsync(CompositionContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls++;
        return Task.FromResult(new Answer
        {
            Question = context.Question,
            StandaloneQuestion = context.StandaloneQuestion,
            Text = Sentence,
            Mode = AnswerMode.Extractive,
            Refused = context.Evidence.Count == 0,
            PromptVersion = context.Prompts.Version,
            Parts = [new AnswerPart(AnswerPartKind.Summary, Sentence)],
            Citations = [new Citation { N = 1, ArticleId = "newarab-test-advance", Outlet = "The New Arab", Quote = "Fighters advanced to within four kilometres of Palmyra on Thursday." }],
        });
    }
}

/// <summary>Stands in for the rule-based rewriter: marks what it rewrote.</summary>
internal sealed class FakeRuleRewriter : Core.Answering.IQuestionRewriter
{
    public int Calls { get; private set; }

    public Task<string> RewriteAsync(string question, IReadOnlyList<string> turns, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult($"rules: {question}");
    }
}

internal sealed class FixedPromptSetProvider : Core.Prompts.IPromptSetProvider
{
    public Core.Prompts.PromptSet Current => TestPrompts.Default;

    public Core.Prompts.PromptSet Load(string directory) => TestPrompts.Default;
}
