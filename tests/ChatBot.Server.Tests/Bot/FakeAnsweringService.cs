using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Server.Tests.Bot;

/// <summary>
/// Answers every question with a realistic cited answer over the seed corpus, and records what it was asked. With
/// <see cref="StreamedSentences"/> set, StreamAsync first yields those sentences, <see cref="StreamPause"/> apart, as a
/// generative composer would, then the cited answer as the final update (which differs, as after a fallback).
/// </summary>
public sealed class FakeAnsweringService : IAnsweringService
{
    public ConcurrentQueue<AnswerRequest> Requests { get; } = new();

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(Palmyra(request.Question));
    }

    public IReadOnlyList<string> StreamedSentences { get; set; } = [];

    public TimeSpan StreamPause { get; set; }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var sentence in StreamedSentences)
        {
            await Task.Delay(StreamPause, cancellationToken);
            yield return new AnswerUpdate { Sentence = sentence };
        }

        if (StreamedSentences.Count > 0)
        {
            await Task.Delay(StreamPause, cancellationToken);
        }

        yield return new AnswerUpdate { Final = await AnswerAsync(request, cancellationToken) };
    }

    public static Answer Palmyra(string question)
    {
        const string summary = "The New Arab reported that the IS advance brought the militants to within four kilometres [two and a half miles] of the desert city [Palmyra], which regime forces recaptured in March [1]. EA WorldView reported that IS claimed to have killed dozens of pro-Assad fighters near Deir ez-Zor [2].";
        const string disagreements = "Where reports disagree: Islamic State claimed, via EA WorldView, that dozens of pro-Assad fighters were killed [2]; UPI reported the regime regained the ground without giving losses [3].";
        return new Answer
        {
            Question = question,
            StandaloneQuestion = question,
            Text = summary + "\n\n" + disagreements,
            Mode = AnswerMode.Extractive,
            PromptVersion = "3f9a1c0b7d2e",
            Parts = [new AnswerPart(AnswerPartKind.Summary, summary), new AnswerPart(AnswerPartKind.Disagreements, disagreements)],
            Citations =
            [
                new Citation
                {
                    N = 1, ArticleId = "newarab-divided-fronts", Outlet = "The New Arab",
                    Title = "Syrian regime struggles to sustain fight on divided fronts", Published = new DateOnly(2016, 12, 9),
                    Quote = "The IS advance brought the militants to within four kilometres [two and a half miles] of the desert city, which regime forces recaptured in March.",
                },
                new Citation
                {
                    N = 2, ArticleId = "eaworldview-isis-counterattack", Outlet = "EA WorldView",
                    Title = "Syria Daily: ISIS counter-attack near Deir ez-Zor and Palmyra, as pro-Assad forces face losses on several fronts",
                    Published = new DateOnly(2016, 12, 10),
                    Quote = "The Islamic State's Amaq news agency claimed that dozens of pro-Assad fighters had been killed in the attacks near Deir ez-Zor, a figure that could not be independently verified by any outside monitoring group.",
                    Source = "Amaq", SourceKind = SourceKind.ArmedGroupMedia,
                },
                new Citation
                {
                    N = 3, ArticleId = "upi-regime-regains", Outlet = "UPI", Title = "Syrian regime regains ground",
                    Published = new DateOnly(2016, 12, 11), Url = "https://www.upi.com/example",
                    Quote = "Syrian government forces regained the ground they had lost.",
                },
            ],
            Disputes =
            [
                new Dispute
                {
                    Kind = DisputeKind.Unverified, Topic = "pro-Assad losses near Deir ez-Zor",
                    Positions = [new DisputePosition { Claim = "dozens of pro-Assad fighters killed", By = "Islamic State", Outlet = "EA WorldView", Citation = 2 }],
                },
            ],
            FollowUps = ["What did IS seize near Palmyra?", "When did regime forces recapture Palmyra?", "What did UPI report about losses?", "Who reported the counter-attack first?"],
        };
    }
}
