using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Server.Api;

/// <summary>
/// The answer JSON of design.md, as <c>POST /api/ask</c> returns it: the contract's field names (the answer text is
/// <c>answer</c>), nulls kept, plus <c>parts</c> and, for editors only, <c>trace</c>.
/// </summary>
public sealed record AnswerDocument
{
    public required string Question { get; init; }

    public required string StandaloneQuestion { get; init; }

    public required string Answer { get; init; }

    public required AnswerMode Mode { get; init; }

    public required bool Refused { get; init; }

    public required string? RefusalReason { get; init; }

    public required IReadOnlyList<CitationDocument> Citations { get; init; }

    public required IReadOnlyList<Dispute> Disputes { get; init; }

    public required IReadOnlyList<string> FollowUps { get; init; }

    public required string PromptVersion { get; init; }

    public required IReadOnlyList<AnswerPart> Parts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnswerTrace? Trace { get; init; }

    /// <summary>The serializer settings of the contract: camelCase, enums as kebab-case strings, dates yyyy-MM-dd.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public static AnswerDocument From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerDocument
        {
            Question = answer.Question,
            StandaloneQuestion = answer.StandaloneQuestion,
            Answer = answer.Text,
            Mode = answer.Mode,
            Refused = answer.Refused,
            RefusalReason = answer.RefusalReason,
            Citations = [.. answer.Citations.Select(CitationDocument.From)],
            Disputes = answer.Disputes,
            FollowUps = answer.FollowUps,
            PromptVersion = answer.PromptVersion,
            Parts = answer.Parts,
            Trace = answer.Trace,
        };
    }

    /// <summary>Applies the contract's settings to ASP.NET Core's JSON options (minimal APIs and ProblemDetails).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>One entry of <c>citations[]</c>, in the contract's field order (passage id left out).</summary>
public sealed record CitationDocument(
    int N,
    string ArticleId,
    string Outlet,
    string? Title,
    DateOnly? Published,
    string? Url,
    string Quote,
    string? Source,
    SourceKind? SourceKind,
    bool IsCaption)
{
    public static CitationDocument From(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return new(citation.N, citation.ArticleId, citation.Outlet, citation.Title, citation.Published, citation.Url,
            citation.Quote, citation.Source, citation.SourceKind, citation.IsCaption);
    }
}
