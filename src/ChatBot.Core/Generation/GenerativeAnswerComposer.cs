using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Generation;

/// <summary>
/// Writes answers with a chat model from prompts/answer.yaml, then holds them to the <see cref="GroundingCheck"/>.
/// A failed check gets one repair round naming exactly what failed (mode "repaired" if it then passes); a second
/// failure, or any model failure (unreachable, timeout, malformed reply, cut stream, open circuit), gives the
/// fallback composer's extractive answer with a visible note (mode "fallback"), never an exception or an empty reply.
/// </summary>
/// <remarks>
/// Thread-safe. The caller's cancellation cancels the model call and surfaces as <see cref="OperationCanceledException"/>.
/// Citations are only what the text cites, renumbered in order of first use, each quoting the passage sentences used.
/// </remarks>
public sealed partial class GenerativeAnswerComposer : IStreamingAnswerComposer
{
    public const string AnswerPrompt = "answer";

    private readonly IChatClient _chat;
    private readonly IAnswerComposer _fallback;
    private readonly ILogger _logger;

    /// <param name="chat">The model, normally <see cref="ResilientChatClient"/> over <see cref="OpenAiChatClient"/>.</param>
    /// <param name="fallback">The extractive composer: the safety net.</param>
    /// <param name="logger">Logs fallbacks and repair rounds (never question or answer text).</param>
    public GenerativeAnswerComposer(IChatClient chat, IAnswerComposer fallback, ILogger<GenerativeAnswerComposer>? logger = null)
    {
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<Answer> ComposeAsync(CompositionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await RefusalWithoutModelAsync(context, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var passages = PromptPassage.FromEvidence(context.Evidence);
        string draft;
        try
        {
            var response = await _chat.GetResponseAsync(Messages(context, passages, repair: null), ChatPrompt.Options(context.Prompts, AnswerPrompt), cancellationToken).ConfigureAwait(false);
            draft = response.Text;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await FallbackAsync(context, ReasonFor(ex), ex, cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(context, passages, draft, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// When the evidence does not answer the question (nothing retrieved, or no sentence relevant enough, or a name no
    /// passage mentions), the extractive composer's refusal is the answer, and no model call is made: the decision to
    /// say "the reporting here does not say" is deterministic and the same in every mode.
    /// </summary>
    private async Task<Answer?> RefusalWithoutModelAsync(CompositionContext context, CancellationToken cancellationToken)
    {
        var extractive = await _fallback.ComposeAsync(context, cancellationToken).ConfigureAwait(false);
        return context.Evidence.Count == 0 || extractive.Refused ? extractive : null;
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(CompositionContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await RefusalWithoutModelAsync(context, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            yield return new AnswerUpdate { Final = refusal };
            yield break;
        }

        var passages = PromptPassage.FromEvidence(context.Evidence);
        var draft = new StringBuilder();
        var consumed = 0;
        var showing = true;
        var numbering = new Dictionary<int, int>();
        Exception? failure = null;

        var updates = _chat.GetStreamingResponseAsync(Messages(context, passages, repair: null), ChatPrompt.Options(context.Prompts, AnswerPrompt), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    draft.Append(updates.Current.Text);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ex;
                    break;
                }

                if (!showing)
                {
                    continue;
                }

                var (sentences, used) = AnswerSentenceSplitter.SplitComplete(draft.ToString(consumed, draft.Length - consumed), final: false);
                consumed += used;
                foreach (var sentence in sentences)
                {
                    // Once a sentence fails on its own, nothing after it is shown: the final answer will replace the stream.
                    showing = showing && GroundingCheck.CheckSentence(sentence, passages).Count == 0;
                    if (showing)
                    {
                        yield return new AnswerUpdate { Sentence = Renumber(sentence.Text, numbering) };
                    }
                }
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }

        if (failure is not null)
        {
            yield return new AnswerUpdate { Final = await FallbackAsync(context, ReasonFor(failure), failure, cancellationToken).ConfigureAwait(false) };
            yield break;
        }

        if (showing && !IsRefusal(draft.ToString(), out _))
        {
            foreach (var sentence in AnswerSentenceSplitter.Split(draft.ToString(consumed, draft.Length - consumed)))
            {
                showing = showing && GroundingCheck.CheckSentence(sentence, passages).Count == 0;
                if (showing)
                {
                    yield return new AnswerUpdate { Sentence = Renumber(sentence.Text, numbering) };
                }
            }
        }

        yield return new AnswerUpdate { Final = await FinishAsync(context, passages, draft.ToString(), cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Checks the draft; repairs once; falls back when it still fails.</summary>
    private async Task<Answer> FinishAsync(CompositionContext context, IReadOnlyList<PromptPassage> passages, string draft, CancellationToken cancellationToken)
    {
        if (IsRefusal(draft, out var reason))
        {
            return Refusal(context, reason, AnswerMode.Generative);
        }

        var result = GroundingCheck.Check(draft, passages, context.Disputes);
        if (result.Passed)
        {
            return Build(context, passages, draft, result, AnswerMode.Generative);
        }

        GenerationLog.GroundingFailed(_logger, result.Problems.Count, 1);
        var repair = new Dictionary<string, object?>
        {
            ["draft"] = ChatPrompt.Defuse(draft.Trim()),
            ["problems"] = result.Problems.Select(p => ChatPrompt.Defuse(p.ToString())).ToList(),
        };
        string second;
        try
        {
            var response = await _chat.GetResponseAsync(Messages(context, passages, repair), ChatPrompt.Options(context.Prompts, AnswerPrompt), cancellationToken).ConfigureAwait(false);
            second = response.Text;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return await FallbackAsync(context, ReasonFor(ex), ex, cancellationToken).ConfigureAwait(false);
        }

        if (IsRefusal(second, out reason))
        {
            return Refusal(context, reason, AnswerMode.Repaired);
        }

        var repaired = GroundingCheck.Check(second, passages, context.Disputes);
        if (repaired.Passed)
        {
            return Build(context, passages, second, repaired, AnswerMode.Repaired);
        }

        GenerationLog.GroundingFailed(_logger, repaired.Problems.Count, 2);
        return await FallbackAsync(context, "wrote an answer that could not be checked against the reporting", null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Answer> FallbackAsync(CompositionContext context, string reason, Exception? exception, CancellationToken cancellationToken)
    {
        GenerationLog.FellBack(_logger, reason, exception);
        var extractive = await _fallback.ComposeAsync(context, cancellationToken).ConfigureAwait(false);
        var note = new AnswerPart(AnswerPartKind.Note, $"Note: the language model {reason}, so this answer is made of sentences taken from the reporting.");
        IEnumerable<AnswerPart> parts = extractive.Parts.Count > 0 ? extractive.Parts : [new AnswerPart(AnswerPartKind.Summary, extractive.Text)];
        var all = parts.Where(p => p.Text.Length > 0).Append(note).ToList();
        return extractive with { Mode = AnswerMode.Fallback, Text = string.Join("\n\n", all.Select(p => p.Text)), Parts = all };
    }

    private static Answer Refusal(CompositionContext context, string reason, AnswerMode mode)
    {
        const string text = "The reporting available here does not answer that question.";
        return new Answer
        {
            Question = context.Question,
            StandaloneQuestion = context.StandaloneQuestion,
            Text = text,
            Mode = mode,
            Refused = true,
            RefusalReason = reason.Length > 0 ? reason : "The retrieved passages do not answer the question.",
            PromptVersion = context.Prompts.Version,
            Parts = [new AnswerPart(AnswerPartKind.Note, text)],
        };
    }

    private static Answer Build(CompositionContext context, IReadOnlyList<PromptPassage> passages, string draft, GroundingResult result, AnswerMode mode)
    {
        var numbering = new Dictionary<int, int>();
        var text = Renumber(draft.Trim(), numbering);
        var citations = numbering.OrderBy(kv => kv.Value)
            .Select(kv => Cite(passages.First(p => p.Number == kv.Key), result.Sentences.Where(s => s.Citations.Contains(kv.Key)).ToList(), kv.Value))
            .ToList();

        var disputes = new List<Dispute>();
        foreach (var detected in context.Disputes)
        {
            var positions = new List<DisputePosition>();
            foreach (var position in detected.Positions)
            {
                var given = passages.FirstOrDefault(p => p.Hit.Passage.Id == position.Evidence.Hit.Passage.Id);
                if (given is not null && numbering.TryGetValue(given.Number, out var n))
                {
                    positions.Add(new DisputePosition { Claim = position.Evidence.Sentence.Text, By = position.Claimant, Outlet = given.Outlet, Citation = n });
                }
            }

            if (positions.Count > 0)
            {
                disputes.Add(new Dispute { Kind = detected.Kind, Topic = detected.Topic, Positions = positions });
            }
        }

        return new Answer
        {
            Question = context.Question,
            StandaloneQuestion = context.StandaloneQuestion,
            Text = text,
            Mode = mode,
            Citations = citations,
            Disputes = disputes,
            PromptVersion = context.Prompts.Version,
            Parts = [new AnswerPart(AnswerPartKind.Summary, text)],
        };
    }

    /// <summary>The passage sentences the answer used, as one exact span of the article, with whom the outlet cites for them.</summary>
    private static Citation Cite(PromptPassage given, IReadOnlyList<AnswerSentence> uses, int number)
    {
        var passage = given.Hit.Passage;
        var sentences = passage.Sentences;
        var quote = passage.Text;
        AttributedSource? source = null;
        if (sentences.Count > 0)
        {
            var chosen = new SortedSet<int>();
            foreach (var use in uses)
            {
                var bare = AnswerSentenceSplitter.CitationMarker().Replace(use.Text, " ");
                var words = ContentWords(bare);
                var numbers = NumberReader.Read(bare, strict: true).Select(n => n.Value).ToHashSet();
                var best = 0;
                var bestScore = -1;
                for (var i = 0; i < sentences.Count; i++)
                {
                    var score = ContentWords(sentences[i].Text).Count(words.Contains);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (i, score);
                    }

                    if (numbers.Count > 0 && NumberReader.Read(sentences[i].Text, strict: false).Any(n => numbers.Contains(n.Value)))
                    {
                        chosen.Add(i);
                    }
                }

                chosen.Add(best);
            }

            var first = sentences[chosen.Min];
            var last = sentences[chosen.Max];
            var start = first.Start - passage.Start;
            var end = last.Start + last.Text.Length - passage.Start;
            if (start >= 0 && end <= passage.Text.Length && start < end)
            {
                quote = passage.Text[start..end];
            }

            for (var i = chosen.Min; i <= chosen.Max && i < given.Hit.Claims.Count && source is null; i++)
            {
                source = given.Hit.Claims[i].Source;
            }
        }

        return new Citation
        {
            N = number,
            ArticleId = given.Hit.Article.Id,
            Outlet = given.Hit.Article.Outlet,
            Title = given.Hit.Article.Title,
            Published = given.Hit.Article.Published,
            Url = given.Hit.Article.Url,
            Quote = quote,
            Source = source?.Name,
            SourceKind = source?.Kind,
            IsCaption = passage.Kind == PassageKind.Caption,
            PassageId = passage.Id,
        };
    }

    /// <summary>Rewrites [n] markers to answer numbers, numbering new passages in order of first use: "[3, 1]" becomes "[1][2]".</summary>
    private static string Renumber(string text, Dictionary<int, int> numbering) =>
        AnswerSentenceSplitter.CitationMarker().Replace(text, marker =>
        {
            var sb = new StringBuilder();
            foreach (var n in AnswerSentenceSplitter.CitationsOf(marker.Value).Distinct())
            {
                if (!numbering.TryGetValue(n, out var m))
                {
                    m = numbering.Count + 1;
                    numbering[n] = m;
                }

                sb.Append(CultureInfo.InvariantCulture, $"[{m}]");
            }

            return sb.ToString();
        });

    private static bool IsRefusal(string draft, out string reason)
    {
        var m = RefusalLine().Match(draft);
        reason = m.Success ? m.Groups["reason"].Value.Trim() : "";
        return m.Success;
    }

    private static string ReasonFor(Exception ex) => ex switch
    {
        ModelCallException { Failure: ModelFailure.CircuitOpen } => "is paused after repeated failures",
        ModelCallException { Failure: ModelFailure.Timeout } => "did not answer in time",
        ModelCallException { Failure: ModelFailure.Unreachable } => "could not be reached",
        ModelCallException { Failure: ModelFailure.Malformed } => "sent a reply that could not be read",
        ModelCallException { Status: System.Net.HttpStatusCode.TooManyRequests } => "was too busy to answer",
        ModelCallException { Status: { } status } => $"answered with an error ({(int)status})",
        _ => "failed",
    };

    private static List<ChatMessage> Messages(CompositionContext context, IReadOnlyList<PromptPassage> passages, Dictionary<string, object?>? repair) =>
        ChatPrompt.Render(context.Prompts, AnswerPrompt, Model(context, passages, repair));

    /// <summary>The variables of prompts/answer.yaml.</summary>
    internal static Dictionary<string, object?> Model(CompositionContext context, IReadOnlyList<PromptPassage> passages, Dictionary<string, object?>? repair)
    {
        var numbers = new Dictionary<string, int>();
        foreach (var p in passages)
        {
            numbers.TryAdd(p.Hit.Passage.Id, p.Number);
        }

        return new Dictionary<string, object?>
        {
            ["question"] = ChatPrompt.Defuse(context.StandaloneQuestion),
            ["now"] = context.Now?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["turns"] = context.Turns.Select(ChatPrompt.Defuse).ToList(),
            ["passages"] = passages.Select(p => PassageModel(p)).ToList(),
            ["disputes"] = context.Disputes.Select(d => new Dictionary<string, object?>
            {
                ["kind"] = d.Kind.ToString().ToLowerInvariant(),
                ["topic"] = ChatPrompt.Defuse(d.Topic),
                ["positions"] = d.Positions
                    .Where(x => numbers.ContainsKey(x.Evidence.Hit.Passage.Id))
                    .Select(x => new Dictionary<string, object?>
                    {
                        ["claimant"] = ChatPrompt.Defuse(x.Claimant),
                        ["outlet"] = x.Evidence.Article.Outlet,
                        ["n"] = numbers[x.Evidence.Hit.Passage.Id],
                    }).ToList(),
            }).ToList(),
            ["repair"] = repair,
        };
    }

    private static Dictionary<string, object?> PassageModel(PromptPassage p)
    {
        var sentences = p.Hit.Passage.Sentences;
        var claims = new List<Dictionary<string, object?>>();
        var sources = new List<string>();
        for (var i = 0; i < sentences.Count && i < p.Hit.Claims.Count; i++)
        {
            var claim = p.Hit.Claims[i];
            if (claim.Source is { } source)
            {
                var chain = $"{source.Name} ({KindWords(source.Kind)}){(source.Via is { } via ? $", speaking to {via}" : "")}";
                if (!sources.Contains(chain))
                {
                    sources.Add(chain);
                }
            }

            if (claim.Source is not null || claim.IsHedged)
            {
                claims.Add(new Dictionary<string, object?>
                {
                    ["sentence"] = ChatPrompt.Defuse(sentences[i].Text),
                    ["by"] = ChatPrompt.Defuse(claim.Source is { } s ? $"{s.Name}, as carried by {p.Outlet}" : $"{p.Outlet} in its own voice"),
                    ["hedge"] = claim.IsHedged ? string.Join(", ", claim.Hedges.Select(h => h.Cue)) : null,
                });
            }
        }

        return new Dictionary<string, object?>
        {
            ["n"] = p.Number,
            ["outlet"] = p.Outlet,
            ["published"] = p.Hit.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["article_id"] = p.Hit.Article.Id,
            ["is_caption"] = p.Hit.Passage.Kind == PassageKind.Caption,
            ["sources"] = sources.Select(ChatPrompt.Defuse).ToList(),
            ["text"] = ChatPrompt.Defuse(p.Text),
            ["claims"] = claims,
        };
    }

    private static string KindWords(SourceKind kind) => kind switch
    {
        SourceKind.Monitor => "a monitoring group",
        SourceKind.Government => "a government",
        SourceKind.ArmedGroup => "a party to the fighting",
        SourceKind.ArmedGroupMedia => "an armed group's media",
        SourceKind.NewsAgency => "a news agency",
        SourceKind.Official => "an official",
        SourceKind.Unnamed => "unnamed",
        _ => "a source",
    };

    private static HashSet<string> ContentWords(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4 && !StopWords.Contains(w)).ToHashSet();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "that", "with", "from", "were", "said", "have", "this", "they", "their", "which", "been", "also", "into", "than", "them", "there", "when", "will", "would", "after", "reported",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\s*NOT IN THE REPORTING\s*:?\s*(?<reason>.*)", RegexOptions.Singleline)]
    private static partial Regex RefusalLine();
}
