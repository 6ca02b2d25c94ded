namespace ChatBot.Core;

/// <summary>
/// The base of every failure the bot reports to a person. Messages name the file, line or setting at fault
/// and never contain a secret. Hosts map these in one place: the CLI to exit code 2, the server to ProblemDetails.
/// </summary>
public class ChatBotException : Exception
{
    public ChatBotException(string message) : base(message) { }

    public ChatBotException(string message, Exception innerException) : base(message, innerException) { }

    public ChatBotException() { }
}

/// <summary>A corpus file or corpus metadata file (sources.yaml, aliases.yaml) is malformed.</summary>
public sealed class CorpusFormatException : ChatBotException
{
    public CorpusFormatException(string message) : base(message) { }

    public CorpusFormatException(string message, Exception innerException) : base(message, innerException) { }

    public CorpusFormatException() { }
}

/// <summary>A setting is missing or wrong; the message names the setting's configuration path.</summary>
public sealed class ConfigurationException : ChatBotException
{
    public ConfigurationException(string message) : base(message) { }

    public ConfigurationException(string message, Exception innerException) : base(message, innerException) { }

    public ConfigurationException() { }
}

/// <summary>The search index cannot be opened, built or read.</summary>
public sealed class IndexException : ChatBotException
{
    public IndexException(string message) : base(message) { }

    public IndexException(string message, Exception innerException) : base(message, innerException) { }

    public IndexException() { }
}

/// <summary>A prompt file is malformed: bad YAML, an unknown variable, or a template syntax error (file, line, reason).</summary>
public sealed class PromptException : ChatBotException
{
    public PromptException(string message) : base(message) { }

    public PromptException(string message, Exception innerException) : base(message, innerException) { }

    public PromptException() { }
}
