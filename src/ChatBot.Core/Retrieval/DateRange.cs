namespace ChatBot.Core.Retrieval;

/// <summary>An inclusive span of days read from a question's time hint ("in 2015", "in December 2016").</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
