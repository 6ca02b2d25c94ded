namespace ChatBot.Core.Configuration;

/// <summary>appsettings section "Index".</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>The SQLite index file; empty means DATA-DIRECTORY/index/chatbot.db.</summary>
    public string? Path { get; set; }
}
