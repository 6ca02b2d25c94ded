namespace ChatBot.Core.Evaluation;

/// <summary>A case whose outcome differs between two runs; null means the case was absent from that run.</summary>
public sealed record CaseChange(string Id, bool? PassedBefore, bool? PassedAfter)
{
    public string Describe() => (PassedBefore, PassedAfter) switch
    {
        (false, true) => $"{Id}: fixed (failed before, passes now)",
        (true, false) => $"{Id}: broken (passed before, fails now)",
        (null, var now) => $"{Id}: new case ({(now is true ? "passes" : "fails")})",
        (var then, null) => $"{Id}: removed (it {(then is true ? "passed" : "failed")})",
        _ => $"{Id}: unchanged",
    };
}
