using System.Text.Json;

namespace ChatBot.Server.Problems;

/// <summary>Reads a JSON request body, turning a malformed or empty body into a 400 that says what is wrong.</summary>
public static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The request body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken)
                ?? throw new BadHttpRequestException("The request body is empty or null; a JSON object is expected.");
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", ex);
        }
    }
}
