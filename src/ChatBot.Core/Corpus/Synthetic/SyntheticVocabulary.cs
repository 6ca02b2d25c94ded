namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// The names the synthetic reporting draws on: fictional outlets, real places and parties with the spelling
/// variants real coverage uses, the sources outlets cite, and a long tail of invented villages and people so the
/// vocabulary keeps growing with the corpus, as real news does.
/// </summary>
internal static class SyntheticVocabulary
{
    public static IReadOnlyList<SyntheticOutlet> Outlets { get; } =
    [
        new()
        {
            Name = "Levant Wire", Slug = "levantwire", Aliases = ["LW", "Levant Wire Service"],
            Homepage = "https://levantwire.example", Signature = "(Levant Wire) --",
            Licence = "Wire copy; quote with attribution.", Style = SyntheticOutletStyle.Wire,
            SpellingPreference = 0, FavouredSource = "Syrian Observatory for Human Rights",
        },
        new()
        {
            Name = "The Orontes Post", Slug = "orontespost", Aliases = ["Orontes Post", "the Post"],
            Homepage = "https://orontespost.example", Signature = "Orontes Post Media Group",
            Licence = "Quote with attribution and a link.", MaxQuoteChars = 400, Style = SyntheticOutletStyle.Newspaper,
            SpellingPreference = 1, FavouredSource = "activists",
        },
        new()
        {
            Name = "Euphrates Daily", Slug = "euphratesdaily", Aliases = ["The Euphrates Daily", "ED"],
            Homepage = "https://euphratesdaily.example", Signature = "Euphrates Daily",
            Licence = "Quote with attribution and a link.", Style = SyntheticOutletStyle.Html,
            SpellingPreference = 2, FavouredSource = "Syrian state news",
        },
        new()
        {
            Name = "Syria Desk Review", Slug = "syriadesk", Aliases = ["Syria Desk", "SDR"],
            Homepage = "https://syriadesk.example", Signature = "Syria Desk:",
            Licence = "Analysis blog; quote with attribution.", Style = SyntheticOutletStyle.Blog,
            SpellingPreference = 3, FavouredSource = "Amaq News Agency",
        },
    ];

    /// <summary>A newspaper sources.yaml does not list: its pages carry no known signature.</summary>
    public static SyntheticOutlet Unlisted { get; } = new()
    {
        Name = SyntheticCorpusGenerator.UnlistedOutlet, Slug = "courier", Aliases = [],
        Homepage = "https://courier.example", Signature = "Aleppo Evening Courier",
        Licence = "Unknown.", Style = SyntheticOutletStyle.Newspaper,
        SpellingPreference = 4, FavouredSource = "residents",
    };

    public static IReadOnlyList<SyntheticNamedThing> Places { get; } =
    [
        new("Deir ez-Zor", ["Deir Ezzor", "Deir al-Zor", "Deir el-Zour", "Dayr az-Zawr"]),
        new("Aleppo", ["Halab"]),
        new("Palmyra", ["Tadmur", "Tadmor"]),
        new("Raqqa", ["Raqqah", "Rakka", "al-Raqqa"]),
        new("Idlib", ["Idleb"]),
        new("Homs", ["Hims"]),
        new("Hama", ["Hamah"]),
        new("Eastern Ghouta", ["East Ghouta", "the eastern Ghouta"]),
        new("Daraa", ["Deraa", "Dara'a"]),
        new("Al-Mayadeen", ["Mayadin", "al-Mayadin", "Mayadeen"]),
        new("Albukamal", ["Abu Kamal", "al-Bukamal"]),
        new("Manbij", ["Menbij"]),
        new("Kobani", ["Kobane", "Ayn al-Arab"]),
        new("Latakia", ["Lattakia"]),
        new("Al-Hasakah", ["Hasakah", "Hasaka", "al-Hasaka"]),
        new("Qamishli", ["Kamishli", "al-Qamishli"]),
        new("Afrin", ["Efrin"]),
        new("Khan Sheikhoun", ["Khan Shaykhun", "Khan Shaikhoun"]),
        new("Saraqeb", ["Saraqib"]),
        new("Maarat al-Numan", ["Maarrat al-Nu'man", "Maarat al-Nouman"]),
        new("Douma", ["Duma"]),
        new("Tabqa", ["al-Tabqa", "al-Thawra"]),
        new("Jisr al-Shughour", ["Jisr ash-Shughur", "Jisr al-Shugur"]),
        new("Quneitra", ["al-Qunaytirah"]),
    ];

    /// <summary>Parties to the fighting, as actors in the reporting.</summary>
    public static IReadOnlyList<SyntheticNamedThing> Groups { get; } =
    [
        new("Islamic State", ["IS", "ISIS", "Daesh", "ISIL", "the Islamic State group"]),
        new("Syrian army", ["regime forces", "government forces", "pro-Assad forces", "the Syrian Arab Army", "SAA"]),
        new("Hezbollah", ["Hizbollah", "Hizballah", "Lebanese Hezbollah"]),
        new("Nusra Front", ["al-Nusra", "Jabhat al-Nusra", "al-Nusra Front"]),
        new("Hayat Tahrir al-Sham", ["HTS", "Tahrir al-Sham"]),
        new("Syrian Democratic Forces", ["SDF", "the US-backed SDF"]),
        new("Free Syrian Army", ["FSA", "rebels of the Free Syrian Army"]),
        new("People's Protection Units", ["YPG", "the Kurdish YPG"]),
    ];

    /// <summary>Who drops bombs from the air in this war's reporting.</summary>
    public static IReadOnlyList<SyntheticNamedThing> AirForces { get; } =
    [
        new("Russian warplanes", ["Russian jets", "Russian aircraft"]),
        new("Syrian government aircraft", ["regime warplanes", "Syrian jets", "government helicopters"]),
        new("US-led coalition aircraft", ["coalition warplanes", "coalition jets", "the US-led coalition"]),
    ];

    public static IReadOnlyList<SyntheticSource> Sources { get; } =
    [
        new("Syrian Observatory for Human Rights", ["SOHR", "the Observatory", "the Britain-based monitor"], SourceKind.Monitor),
        new("Syrian Network for Human Rights", ["SNHR"], SourceKind.Monitor),
        new("Eastern Syria Documentation Network", ["ESDN", "the documentation network"], SourceKind.Monitor),
        new("Syria Civil Defence", ["the White Helmets", "White Helmets"], SourceKind.Monitor),
        new("Syrian state news", ["state media", "SANA", "state television"], SourceKind.Government),
        new("Russian Ministry of Defence", ["the Russian defence ministry", "Russia's defence ministry"], SourceKind.Government),
        new("Pentagon", ["the US Defense Department"], SourceKind.Government),
        new("United Nations", ["the UN", "the UN refugee agency", "OCHA"], SourceKind.Official),
        new("Amaq News Agency", ["Amaq", "the IS-affiliated Amaq agency"], SourceKind.ArmedGroupMedia),
        new("Hezbollah media unit", ["Hezbollah's media unit"], SourceKind.ArmedGroupMedia),
        new("Islamic State", ["IS", "ISIS", "Daesh"], SourceKind.ArmedGroup),
        new("Syrian Democratic Forces", ["SDF"], SourceKind.ArmedGroup),
        new("Reuters", [], SourceKind.NewsAgency),
        new("AFP", ["Agence France-Presse"], SourceKind.NewsAgency),
        new("Anadolu", ["Anadolu Agency"], SourceKind.NewsAgency),
        new("activists", ["opposition activists", "local activists"], SourceKind.Unnamed),
        new("residents", ["local residents"], SourceKind.Unnamed),
        new("a military source", ["a commander", "a field commander"], SourceKind.Unnamed),
    ];

    public static IReadOnlyList<string> Agencies { get; } = ["AFP", "Reuters", "Anadolu", "AP", "Getty Images", "EPA"];

    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Karim", "Lina", "Omar", "Rania", "Samir", "Hala", "Tarek", "Nour", "Yusuf", "Dalia", "Ahmad", "Maya",
        "Bassam", "Reem", "Fadi", "Salma", "Hassan", "Leila", "Walid", "Zeina", "James", "Claire", "Daniel", "Anna",
        "Mark", "Sophie", "Peter", "Helen", "Thomas", "Ruth",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Haddad", "Khoury", "Mansour", "Nasser", "Saleh", "Darwish", "Hamdan", "Aziz", "Jaber", "Qassem", "Rahal",
        "Shami", "Barakat", "Sabbagh", "Halabi", "Ward", "Fletcher", "Morgan", "Keane", "Lindqvist", "Moreau",
        "Brennan", "Okafor", "Petrov",
    ];

    public static IReadOnlyList<string> Roles { get; } =
    [
        "a local council member", "a doctor at a field hospital", "a spokesman for the group", "a resident who fled",
        "an aid worker", "a rebel commander", "a teacher", "a volunteer rescuer", "a shop owner", "a regional analyst",
    ];

    public static IReadOnlyList<string> Targets { get; } =
    [
        "a crowded market", "a field hospital", "a bakery", "a school building", "a residential block", "a mosque",
        "a bus station", "a water pumping station", "a displacement camp", "an oil refinery", "a bridge over the river",
        "a military checkpoint", "an ammunition depot", "a power plant",
    ];

    public static IReadOnlyList<string> Weekdays { get; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] VillagePrefixes = ["Tal", "Khirbet", "Ain", "Kafr", "Beit", "Jabal", "Marj", "Qasr", "Bir", "Tell", "Umm", "Maarat"];
    private static readonly string[] Syllables =
    [
        "ab", "ra", "shi", "zan", "mu", "dar", "ha", "ni", "ya", "qa", "lo", "ru", "ba", "sal", "ja", "kha", "tum", "nab",
        "sur", "mil", "faw", "zeb", "har", "dun", "qir", "ash", "bur", "lat", "mah", "wad",
    ];

    /// <summary>The name of invented village <paramref name="n"/>: the same n always gives the same name.</summary>
    public static string Village(int n)
    {
        var r = new SyntheticRandom(0x5EED, 77, n);
        var root = Capitalise(r.Pick(Syllables) + r.Pick(Syllables) + (r.Chance(0.5) ? r.Pick(Syllables) : string.Empty));
        return r.Chance(0.6) ? $"{r.Pick(VillagePrefixes)} {root}" : root;
    }

    /// <summary>An invented surname for long-tail person names.</summary>
    public static string Surname(int n)
    {
        var r = new SyntheticRandom(0x5EED, 78, n);
        var root = Capitalise(r.Pick(Syllables) + r.Pick(Syllables) + r.Pick(Syllables));
        return r.Chance(0.3) ? $"al-{root}" : root;
    }

    private static string Capitalise(string s) => string.Concat(char.ToUpperInvariant(s[0]).ToString(), s.AsSpan(1));
}
