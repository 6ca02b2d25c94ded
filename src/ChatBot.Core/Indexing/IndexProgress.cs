namespace ChatBot.Core.Indexing;

/// <summary>Progress of a build: files examined so far out of the files found.</summary>
public sealed record IndexProgress(int Done, int Total, string? CurrentFile);
