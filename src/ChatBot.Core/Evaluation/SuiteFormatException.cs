namespace ChatBot.Core.Evaluation;

/// <summary>A suite file is malformed. <see cref="Errors"/> lists every problem as "file:line: reason".</summary>
public sealed class SuiteFormatException : ChatBotException
{
    public SuiteFormatException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    public SuiteFormatException(string message) : base(message) => Errors = [message];

    public SuiteFormatException(string message, Exception innerException) : base(message, innerException) => Errors = [message];

    public SuiteFormatException() => Errors = [];

    public IReadOnlyList<string> Errors { get; }
}
