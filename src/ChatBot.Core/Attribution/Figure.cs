namespace ChatBot.Core.Attribution;

/// <summary>
/// A number a sentence states and what it counts. "at least 10 Hezbollah fighters had been killed" gives
/// Value 10, Low 10, High null, Unit "fighters", Counts "killed", Qualifier "at least".
/// </summary>
public sealed record Figure
{
    /// <summary>The words as written: "at least 10", "120,000", "four kilometres", "80 percent".</summary>
    public required string Text { get; init; }

    public required double Value { get; init; }

    /// <summary>Lower bound of what the words allow ("at least 10" = 10; "more than 50" = 50, exclusive).</summary>
    public double? Low { get; init; }

    /// <summary>Upper bound, or null when open ("at least").</summary>
    public double? High { get; init; }

    /// <summary>The counted thing: "troops", "fighters", "civilians", "sorties", "percent", "km", "square miles", "people".</summary>
    public string? Unit { get; init; }

    /// <summary>What happened to them, when said: "killed", "fled", "wounded", "captured".</summary>
    public string? Counts { get; init; }

    /// <summary>"at least", "more than", "around", "almost", or null.</summary>
    public string? Qualifier { get; init; }
}
