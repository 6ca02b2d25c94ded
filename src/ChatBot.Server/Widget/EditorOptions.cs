using System.ComponentModel.DataAnnotations;

namespace ChatBot.Server.Widget;

/// <summary>
/// appsettings section "Editor": the editors' view (how an answer was made). Off unless <see cref="Enabled"/> is true
/// and a <see cref="Key"/> is set; the key comes from the environment (CHATBOT_Editor__Key) or user secrets, never
/// from a committed file, and is never logged.
/// </summary>
public sealed class EditorOptions : IValidatableObject
{
    public const string Section = "Editor";

    /// <summary>The minimum key length: a short key could be guessed.</summary>
    public const int MinKeyLength = 16;

    public bool Enabled { get; set; }

    /// <summary>The shared editor key; required (and at least 16 characters) when <see cref="Enabled"/>.</summary>
    public string? Key { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (Key is null || Key.Length < MinKeyLength))
        {
            yield return new ValidationResult(
                $"Editor:Key must be set (at least {MinKeyLength} characters, from CHATBOT_Editor__Key or user secrets) when Editor:Enabled is true.",
                [nameof(Key)]);
        }
    }
}
