namespace ChatBot.Server.DirectLine;

/// <summary>The reasons a reader can give for a thumbs down (stored as the kebab-case code).</summary>
public static class FeedbackReasons
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        ("wrong-source", "Wrong source"),
        ("misattributed", "Misattributed"),
        ("missing-outlet", "Missing outlet"),
        ("outdated", "Outdated"),
        ("other", "Other"),
    ];

    public static string? LabelOf(string? code) => All.FirstOrDefault(r => r.Code == code).Label;
}
