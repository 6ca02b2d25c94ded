namespace ChatBot.Core.Attribution;

/// <summary>How a sentence qualifies what it reports.</summary>
public enum HedgeKind
{
    /// <summary>"allegedly", "alleged".</summary>
    Alleged,

    /// <summary>"reportedly", "was reported to", "according to reports".</summary>
    Reported,

    /// <summary>"claimed", "claims", "what it says were".</summary>
    Claimed,

    /// <summary>"appears to", "seem", "apparently".</summary>
    Appears,

    /// <summary>"cannot be independently verified", "unconfirmed".</summary>
    Unverifiable,

    /// <summary>"denied", "rejected", "dismissed".</summary>
    Denied,

    /// <summary>"refused to admit", "declined to confirm".</summary>
    RefusedToAdmit,
}
