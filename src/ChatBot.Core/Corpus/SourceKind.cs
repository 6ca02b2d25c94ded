namespace ChatBot.Core.Corpus;

/// <summary>What kind of party an outlet cites (sources.yaml <c>kind</c>; JSON: kebab-case).</summary>
public enum SourceKind
{
    /// <summary>Not listed in sources.yaml: still attributed by name.</summary>
    Unknown,

    /// <summary>A monitoring group, e.g. the Syrian Observatory for Human Rights.</summary>
    Monitor,

    /// <summary>A government, ministry or state media.</summary>
    Government,

    /// <summary>A party to the fighting.</summary>
    ArmedGroup,

    /// <summary>An armed group's media arm, e.g. Amaq or a Hezbollah media unit.</summary>
    ArmedGroupMedia,

    /// <summary>Another news organisation, e.g. AFP, Reuters, the BBC.</summary>
    NewsAgency,

    /// <summary>A named official or spokesperson speaking for an institution.</summary>
    Official,

    /// <summary>Unnamed people: a commander, activists, residents, local sources.</summary>
    Unnamed,
}
