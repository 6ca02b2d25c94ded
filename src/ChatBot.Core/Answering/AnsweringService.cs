using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatBot.Core.Analysis;
using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using ChatBot.Core.Indexing;
using ChatBot.Core.Prompts;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Answering;

/// <summary>
/// The one answering engine behind every door. The stages run in the order of design.md: limits, follow-up
/// resolution, reading the question (names, outlets, time hints), retrieval, disputes, composition.
/// </summary>
public sealed partial class AnsweringService : IAnsweringService
{
    private readonly IQuestionRewriter _rewriter;
    private readonly IPassageIndex _index;
    private readonly IRetriever _retriever;
    private readonly IDisputeDetector _disputes;
    private readonly IAnswerComposer _composer;
    private readonly IPromptSetProvider _prompts;
    private readonly SourceCatalogProvider _catalog;
    private readonly QuestionReader _reader;
    private readonly AnsweringOptions _options;
    private readonly RetrievalOptions _retrieval;
    private readonly ILogger<AnsweringService> _logger;

    public AnsweringService(
        IQuestionRewriter rewriter,
        IPassageIndex index,
        IRetriever retriever,
        IDisputeDetector disputes,
        IAnswerComposer composer,
        IPromptSetProvider prompts,
        SourceCatalogProvider catalog,
        ITextAnalyzer analyzer,
        IOptions<AnsweringOptions> options,
        IOptions<RetrievalOptions> retrieval,
        ILogger<AnsweringService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(retrieval);
        _rewriter = rewriter;
        _index = index;
        _retriever = retriever;
        _disputes = disputes;
        _composer = composer;
        _prompts = prompts;
        _catalog = catalog;
        _reader = new QuestionReader(analyzer);
        _options = options.Value;
        _retrieval = retrieval.Value;
        _logger = logger;
    }

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ChatBotTelemetry.ActivitySource.StartActivity("answer");
        var started = Stopwatch.GetTimestamp();
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Limited is { } limited)
        {
            return Finish(limited, started);
        }

        var answer = await Stage(prepared.Stages, "compose", () => _composer.ComposeAsync(prepared.Context!, cancellationToken));
        return Finish(WithTrace(request, answer, prepared), started);
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_composer is not IStreamingAnswerComposer streaming)
        {
            // The extractive composer writes the whole answer at once.
            yield return new AnswerUpdate { Final = await AnswerAsync(request, cancellationToken) };
            yield break;
        }

        using var activity = ChatBotTelemetry.ActivitySource.StartActivity("answer");
        var started = Stopwatch.GetTimestamp();
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Limited is { } limited)
        {
            yield return new AnswerUpdate { Final = Finish(limited, started) };
            yield break;
        }

        await foreach (var update in streaming.StreamAsync(prepared.Context!, cancellationToken))
        {
            yield return update.Final is { } final
                ? update with { Final = Finish(WithTrace(request, final, prepared), started) }
                : update;
        }
    }

    /// <summary>Every stage before composition: limits, follow-up resolution, reading the question, retrieval, disputes.</summary>
    private async Task<Prepared> PrepareAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var stages = new Dictionary<string, double>();
        var prompts = request.Prompts ?? _prompts.Current;
        var question = request.Question ?? string.Empty;
        if (Limits(question, prompts) is { } limited)
        {
            return new Prepared(null, limited, RetrievalResult.Empty, stages, prompts);
        }

        var turns = request.Turns
            .Where(t => !string.IsNullOrWhiteSpace(t) && t.Length <= _options.MaxQuestionChars)
            .TakeLast(_options.MaxTurns)
            .ToList();

        var standalone = await Stage(stages, "rewrite", () => _rewriter.RewriteAsync(question, turns, cancellationToken));
        var status = await _index.EnsureReadyAsync(progress: null, cancellationToken);

        var focus = _reader.Read(standalone, _catalog.Current);
        var query = new RetrievalQuery
        {
            Text = focus.SearchText,
            Period = TimeHintParser.Parse(standalone, status.Newest),
            Limit = focus.Outlets.Count > 0 ? _retrieval.Passages * 3 : _retrieval.Passages,
        };
        var retrieved = await Stage(stages, "retrieve", () => _retriever.RetrieveAsync(query, cancellationToken));
        var hits = focus.Outlets.Count == 0
            ? retrieved.Hits
            : retrieved.Hits.Where(h => focus.Outlets.Contains(h.Article.Outlet, StringComparer.Ordinal)).Take(_retrieval.Passages).ToList();

        var evidence = hits.SelectMany(Sentences).ToList();
        var disputes = await Stage(stages, "disputes", () => Task.FromResult(_disputes.Detect(standalone, evidence)));
        var context = new CompositionContext
        {
            Question = question,
            StandaloneQuestion = standalone,
            Turns = turns,
            Evidence = hits,
            Disputes = disputes,
            Period = query.Period,
            Now = status.Newest,
            Prompts = prompts,
            Focus = focus,
        };
        return new Prepared(context, null, retrieved, stages, prompts);
    }

    private static Answer WithTrace(AnswerRequest request, Answer answer, Prepared prepared) =>
        request.IncludeTrace
            ? answer with { Trace = Trace(answer, prepared.Retrieved, prepared.Context!.Evidence, prepared.Stages, prepared.Prompts) }
            : answer;

    private sealed record Prepared(
        CompositionContext? Context, Answer? Limited, RetrievalResult Retrieved, Dictionary<string, double> Stages, PromptSet Prompts);

    /// <summary>The limits every door shares: an empty or oversized question is refused with a reason, never searched.</summary>
    private Answer? Limits(string question, PromptSet prompts)
    {
        string? reason = null;
        Dictionary<string, object?>? model = null;
        if (string.IsNullOrWhiteSpace(question))
        {
            reason = "the question is empty";
            model = new() { ["isEmpty"] = true };
        }
        else if (question.Length > _options.MaxQuestionChars)
        {
            reason = $"the question is {question.Length} characters; the limit is {_options.MaxQuestionChars}";
            model = new() { ["isTooLong"] = true, ["length"] = question.Length, ["limit"] = _options.MaxQuestionChars };
        }

        if (reason is null)
        {
            return null;
        }

        var text = prompts.Render("refusal", model!).Trim();
        return new Answer
        {
            Question = question.Length > _options.MaxQuestionChars ? question[.._options.MaxQuestionChars] : question,
            StandaloneQuestion = string.Empty,
            Text = text,
            Parts = [new AnswerPart(AnswerPartKind.Note, text)],
            Mode = AnswerMode.Extractive,
            Refused = true,
            RefusalReason = reason,
            PromptVersion = prompts.Version,
        };
    }

    private static IEnumerable<EvidenceSentence> Sentences(PassageHit hit) =>
        hit.Passage.Sentences.Select((sentence, i) => new EvidenceSentence(hit, sentence,
            i < hit.Claims.Count ? hit.Claims[i] : new Claim { SentenceIndex = sentence.Index }));

    private static AnswerTrace Trace(Answer answer, RetrievalResult retrieved, IReadOnlyList<PassageHit> hits,
        IReadOnlyDictionary<string, double> stages, PromptSet prompts) => new()
        {
            StandaloneQuestion = answer.StandaloneQuestion,
            Queries = [.. retrieved.QueriesRun, .. retrieved.Terms.Count > 0 ? new[] { "terms: " + string.Join(", ", retrieved.Terms) } : []],
            Passages = hits.Select(h => new TracedPassage(h.Passage.Id, h.Article.Id, h.Article.Outlet, h.Score, h.Passage.Text)).ToList(),
            Claims = hits.SelectMany(h => h.Passage.Sentences.Select((s, i) => (h, s, i)))
                .Where(x => x.i < x.h.Claims.Count && (x.h.Claims[x.i].Source is not null || x.h.Claims[x.i].IsHedged || x.h.Claims[x.i].Figures.Count > 0))
                .Select(x => new TracedClaim(x.h.Passage.Id, x.s.Text, x.h.Claims[x.i]))
                .ToList(),
            Disputes = answer.Disputes,
            Prompt = $"prompt set {prompts.Directory} (version {prompts.Version}): " + string.Join(", ", prompts.Templates.Keys.Order(StringComparer.Ordinal)),
            StageMs = stages,
        };

    private Answer Finish(Answer answer, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ChatBotTelemetry.Answers.Add(1, new KeyValuePair<string, object?>("mode", answer.Mode.ToString()), new KeyValuePair<string, object?>("refused", answer.Refused));
        ChatBotTelemetry.AnswerDuration.Record(elapsed);
        Log.Answered(_logger, answer.Mode, answer.Refused, answer.Citations.Count, elapsed);
        return answer;
    }

    private static async Task<T> Stage<T>(Dictionary<string, double> stages, string name, Func<Task<T>> run)
    {
        using var activity = ChatBotTelemetry.ActivitySource.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await run();
        }
        finally
        {
            stages[name] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    private static partial class Log
    {
        // No question text here: questions appear in logs at Trace level only (style.md).
        [LoggerMessage(Level = LogLevel.Information, Message = "Answered: mode {Mode}, refused {Refused}, {Citations} citations, {ElapsedMs:F1} ms")]
        public static partial void Answered(ILogger logger, AnswerMode mode, bool refused, int citations, double elapsedMs);
    }
}
