using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Problems;

/// <summary>
/// Caps request bodies at <see cref="ServerOptions.MaxRequestBodyBytes"/>: a declared length over it is refused with
/// 413 before reading; Kestrel enforces the same cap on bodies without a length as they stream in.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var max = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            throw new BadHttpRequestException($"The request body is larger than the {max} bytes allowed.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return next(context);
    }
}
