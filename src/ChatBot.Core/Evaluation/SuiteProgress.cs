namespace ChatBot.Core.Evaluation;

/// <summary>Reported after each case of a run.</summary>
public sealed record SuiteProgress(int Completed, int Total, CaseResult Last);
