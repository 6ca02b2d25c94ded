using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Server.Tests.Fakes;

/// <summary>
/// Answers like the real engine would, from the seed corpus: a cited answer about Palmyra with a disagreement and
/// follow-ups; a hostile answer (markup in the "article") when the question mentions "hostile"; a refusal for an
/// empty question. Records every request. With <see cref="StreamedSentences"/> set, StreamAsync first yields those
/// sentences, <see cref="StreamPause"/> apart, as a generative composer would, then the answer above as the final update
/// (which differs, as after a fallback); with <see cref="HangAfterSentences"/> it then waits until cancelled.
/// </summary>
public sealed class FakeAnsweringService : IAnsweringService
{
    public const string ArabicQuote = "قال المرصد السوري إن القوات تقدمت نحو تدمر.";

    public ConcurrentQueue<AnswerRequest> Requests { get; } = new();

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests.Enqueue(request);
        var answer = string.IsNullOrWhiteSpace(request.Question) ? Refusal(request)
            : request.Question.Contains("hostile", StringComparison.OrdinalIgnoreCase) ? Hostile(request)
            : Palmyra(request);
        return Task.FromResult(answer);
    }

    public IReadOnlyList<string> StreamedSentences { get; set; } = [];

    public TimeSpan StreamPause { get; set; }

    public bool HangAfterSentences { get; set; }

    /// <summary>Completed when a stream was cancelled while it waited.</summary>
    public TaskCompletionSource StreamCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var sentence in StreamedSentences)
        {
            await Task.Delay(StreamPause, cancellationToken);
            yield return new AnswerUpdate { Sentence = sentence };
        }

        if (HangAfterSentences)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                StreamCancelled.TrySetResult();
                throw;
            }
        }

        if (StreamedSentences.Count > 0)
        {
            await Task.Delay(StreamPause, cancellationToken);
        }

        yield return new AnswerUpdate { Final = await AnswerAsync(request, cancellationToken) };
    }

    public static Answer Palmyra(AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string summary = "The New Arab reported that the IS advance brought the militants to within four kilometres [two and a half miles] of the desert city [Palmyra], which regime forces recaptured in March [1]. The Duran reported that the Syrian army advanced towards Palmyra [2].";
        const string disagreements = "Where reports disagree:\n- Islamic State claimed, per EA WorldView, that dozens of pro-Assad troops were killed near Deir ez-Zor [3]; The Duran reported the army held its positions [2].\n- A monitor's statement in Arabic, per The New Arab [4].";
        return new Answer
        {
            Question = request.Question,
            StandaloneQuestion = request.Turns.Count > 0 ? $"{request.Question} (about Palmyra)" : request.Question,
            Text = summary + "\n\n" + disagreements,
            Mode = AnswerMode.Extractive,
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
                    N = 2, ArticleId = "duran-palmyra-advance", Outlet = "The Duran", Title = "Syrian army advances on Palmyra",
                    Published = new DateOnly(2016, 3, 20), Url = "https://example.org/duran/palmyra",
                    Quote = "The Syrian army has advanced towards Palmyra.",
                },
                new Citation
                {
                    N = 3, ArticleId = "eaworldview-isis-counterattack", Outlet = "EA WorldView", Title = "ISIS counter-attack near Deir ez-Zor",
                    Published = new DateOnly(2016, 12, 11), Quote = "Amaq claimed dozens of pro-Assad troops were killed.",
                    Source = "Amaq", SourceKind = SourceKind.ArmedGroupMedia,
                },
                new Citation
                {
                    N = 4, ArticleId = "newarab-aleppo-fate", Outlet = "The New Arab", Title = "The fate of Aleppo",
                    Published = new DateOnly(2016, 12, 14), Quote = ArabicQuote, Source = "Syrian Observatory for Human Rights", SourceKind = SourceKind.Monitor,
                },
            ],
            Disputes =
            [
                new Dispute
                {
                    Kind = DisputeKind.Conflict, Topic = "pro-Assad losses near Deir ez-Zor",
                    Positions =
                    [
                        new DisputePosition { Claim = "dozens of pro-Assad troops were killed", By = "Islamic State", Outlet = "EA WorldView", Citation = 3 },
                        new DisputePosition { Claim = "the army held its positions", By = "The Duran", Outlet = "The Duran", Citation = 2 },
                    ],
                },
            ],
            FollowUps = ["When did regime forces recapture Palmyra?", "What did IS claim near Deir ez-Zor?"],
            PromptVersion = "0123456789ab",
            Parts = [new AnswerPart(AnswerPartKind.Summary, summary), new AnswerPart(AnswerPartKind.Disagreements, disagreements)],
            Trace = request.IncludeTrace
                ? new AnswerTrace
                {
                    StandaloneQuestion = request.Question,
                    Queries = ["palmyra OR tadmur"],
                    Passages = [new TracedPassage("newarab-divided-fronts#3", "newarab-divided-fronts", "The New Arab", 7.25, "The IS advance brought the militants ...")],
                    Prompt = "extractive templates: attribution, disagreements",
                }
                : null,
        };
    }

    private static Answer Hostile(AnswerRequest request) => new()
    {
        Question = request.Question,
        StandaloneQuestion = request.Question,
        Text = "An article said <script>window.__xss = 1</script> and <img src=x onerror=\"window.__xss = 2\"> then [click me](javascript:window.__xss=3) [1].",
        Mode = AnswerMode.Extractive,
        Citations =
        [
            new Citation
            {
                N = 1, ArticleId = "hostile-article", Outlet = "<b>Evil</b> Outlet", Title = "<img src=x onerror=\"window.__xss = 4\">",
                Published = new DateOnly(2016, 1, 1), Url = "javascript:window.__xss=5",
                Quote = "<script>window.__xss = 6</script>[x](javascript:window.__xss=7)",
            },
        ],
        PromptVersion = "0123456789ab",
    };

    private static Answer Refusal(AnswerRequest request) => new()
    {
        Question = request.Question,
        StandaloneQuestion = request.Question,
        Text = "Please ask a question about the reporting.",
        Mode = AnswerMode.Extractive,
        Refused = true,
        RefusalReason = "The question is empty.",
        PromptVersion = "0123456789ab",
        Parts = [new AnswerPart(AnswerPartKind.Note, "Please ask a question about the reporting.")],
    };
}
