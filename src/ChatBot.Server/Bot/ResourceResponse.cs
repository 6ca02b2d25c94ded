namespace ChatBot.Server.Bot;

/// <summary>What the Connector answers to a posted activity: the id it gave it (Teams may leave it empty).</summary>
public sealed record ResourceResponse(string? Id);
