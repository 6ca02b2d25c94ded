using Microsoft.Extensions.Options;

namespace ChatBot.Server.Widget;

/// <summary>
/// The web chat page: <c>GET /</c> serves wwwroot/index.html (Web Chat from wwwroot/lib, no CDN), with a content
/// security policy that allows only this origin; <c>GET /api/widget/settings</c> tells the page whether to offer the
/// editors' view switch (the key itself is checked by tokens/generate).
/// </summary>
public static class WidgetEndpoints
{
    // Web Chat injects its styles at run time (inline <style>), so styles need 'unsafe-inline'; scripts do not.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseWidgetPage(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/" || context.Request.Path.Value?.EndsWith(".html", StringComparison.OrdinalIgnoreCase) == true)
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
            }

            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/widget/settings", (IOptions<EditorOptions> editor) =>
            Results.Ok(new WidgetSettings(editor.Value.Enabled && !string.IsNullOrEmpty(editor.Value.Key))))
            .WithName("WidgetSettings");
        return app;
    }

    private sealed record WidgetSettings(bool EditorViewAvailable);
}
