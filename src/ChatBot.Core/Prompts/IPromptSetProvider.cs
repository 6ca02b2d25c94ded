namespace ChatBot.Core.Prompts;

/// <summary>
/// Gives the prompt set in force. The default set is re-read when a file in it changes: the next question uses the
/// edit; an invalid edit is reported (file, line, reason) and the last good set stays in use.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IPromptSetProvider
{
    /// <summary>The configured set, current as of this call.</summary>
    PromptSet Current { get; }

    /// <summary>A variant folder over the default set (files it lacks fall back to the default).</summary>
    /// <exception cref="PromptException">A file of the variant is malformed.</exception>
    PromptSet Load(string directory);
}
