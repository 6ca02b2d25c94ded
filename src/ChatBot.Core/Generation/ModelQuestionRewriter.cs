using ChatBot.Core.Answering;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Generation;

/// <summary>
/// Turns a follow-up into a standalone question with a chat model (prompts/rewrite.yaml). A question with no earlier
/// turns is returned as it is without a call; any model failure, or an empty or runaway reply, falls back to the
/// rule-based rewriter.
/// </summary>
/// <remarks>Thread-safe. The caller's cancellation cancels the model call.</remarks>
public sealed class ModelQuestionRewriter : IQuestionRewriter
{
    public const string RewritePrompt = "rewrite";

    private readonly IChatClient _chat;
    private readonly IPromptSetProvider _prompts;
    private readonly IQuestionRewriter _fallback;
    private readonly ILogger _logger;

    public ModelQuestionRewriter(IChatClient chat, IPromptSetProvider prompts, IQuestionRewriter fallback, ILogger<ModelQuestionRewriter>? logger = null)
    {
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<string> RewriteAsync(string question, IReadOnlyList<string> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            return question;
        }

        try
        {
            var prompts = _prompts.Current;
            var model = new Dictionary<string, object?>
            {
                ["question"] = ChatPrompt.Defuse(question),
                ["turns"] = turns.Select(ChatPrompt.Defuse).ToList(),
            };
            var response = await _chat.GetResponseAsync(ChatPrompt.Render(prompts, RewritePrompt, model), ChatPrompt.Options(prompts, RewritePrompt), cancellationToken).ConfigureAwait(false);
            var line = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            line = line.Trim('"', '“', '”', ' ');
            if (line.Length > 0 && line.Length <= Math.Max(300, question.Length * 4))
            {
                return line;
            }

            throw new ModelCallException(ModelFailure.Malformed, "The model's rewrite was empty or too long.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            GenerationLog.RewriteFellBack(_logger, ex);
            return await _fallback.RewriteAsync(question, turns, cancellationToken).ConfigureAwait(false);
        }
    }
}
