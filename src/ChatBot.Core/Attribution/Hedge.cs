namespace ChatBot.Core.Attribution;

/// <summary>A hedge found in a sentence, with the words that signal it.</summary>
public sealed record Hedge(HedgeKind Kind, string Cue);
