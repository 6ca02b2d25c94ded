using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.RateLimiting;

/// <summary>
/// The rate limits: fixed windows per client address on /api/ask, Direct Line conversation start and token issue.
/// A refused request gets 429 with Retry-After (seconds) and a ProblemDetails body.
/// </summary>
public static class RateLimitPolicies
{
    public const string Ask = "ask";
    public const string ConversationStart = "conversation-start";
    public const string Tokens = "tokens";

    public static IServiceCollection AddChatBotRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var window = TimeSpan.FromSeconds(limits.Value.WindowSeconds);
            options.AddPolicy(Ask, context => PerClient(context, limits.Value.AskPerWindow, window));
            options.AddPolicy(ConversationStart, context => PerClient(context, limits.Value.ConversationStartsPerWindow, window));
            options.AddPolicy(Tokens, context => PerClient(context, limits.Value.TokensPerWindow, window));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"Please wait {seconds} seconds and try again.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });
}
