using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Bot;

/// <summary>Maps the Bot Framework endpoint.</summary>
public static class BotFrameworkEndpointRouteBuilderExtensions
{
    public const string Route = "/api/messages";

    /// <summary>POST /api/messages: Bot Framework activities (Teams, Emulator, Agents Playground).</summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapPost(Route, (HttpContext http, CloudAdapter adapter, IAgent agent) =>
            adapter.ProcessAsync(http.Request, http.Response, agent, http.RequestAborted))
            .WithName("BotFrameworkMessages")
            .DisableAntiforgery();
    }
}
