namespace ChatBot.Core.Attribution;

/// <summary>design.md: conflict, unverified, denied.</summary>
public enum DisputeKind
{
    /// <summary>Two sources disagree on the same thing: different figures, or one asserts what another contradicts.</summary>
    Conflict,

    /// <summary>The reporting says it could not verify, or a contested event rests only on a party to the fighting.</summary>
    Unverified,

    /// <summary>A party denies or refuses to admit what is reported.</summary>
    Denied,
}
