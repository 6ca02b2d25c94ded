using ChatBot.Core.Answering;
using ChatBot.Server.Logging;
using ChatBot.Server.Problems;
using ChatBot.Server.RateLimiting;

namespace ChatBot.Server.Api;

/// <summary><c>POST /api/ask</c>: a question (and earlier turns) in, the answer JSON of design.md out.</summary>
public static class AskEndpoints
{
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .RequireRateLimiting(RateLimitPolicies.Ask)
            .WithName("Ask");
        return app;
    }

    private static async Task<IResult> AskAsync(HttpContext context, IServiceProvider services, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var body = await JsonBody.ReadAsync<AskRequest>(context.Request, AnswerJson.Compact, cancellationToken);
        var logger = loggers.CreateLogger(typeof(AskEndpoints));
        ServerLog.QuestionText(logger, body.Question ?? "");

        // Empty, huge or hostile questions are the answering service's to refuse (every door agrees), not a 400.
        var answering = services.GetRequiredService<IAnsweringService>();
        var answer = await answering.AnswerAsync(
            new AnswerRequest { Question = body.Question ?? "", Turns = body.Turns?.Where(t => t is not null).ToList() ?? [] },
            cancellationToken);
        ServerLog.ApiAnswered(logger, answer.Citations.Count, answer.Disputes.Count, answer.Refused);
        return Results.Json(answer, AnswerJson.Compact);
    }
}
