using System.Globalization;
using System.Text;

namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// Writes the reporting of article <c>n</c>: which story it covers, from which outlet, with which spellings,
/// figures, attributions and hedges. Pure: the same seed and index always give the same article.
/// </summary>
internal sealed class SyntheticArticleComposer(long seed)
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    private static readonly string[] Quotes =
    [
        "We pulled children out of the rubble with our bare hands, there was no equipment left",
        "The shelling has not stopped since dawn and people are sleeping in basements",
        "Nobody is allowed in or out, and the bread ran out two days ago",
        "They came at night from the east, and by morning the checkpoints had changed hands",
        "We have no more beds, no more blood, and the generator is almost out of fuel",
        "Every family on this street has lost someone",
        "We were told the road was safe, and then the planes came back",
        "The fighters withdrew before the strikes started, so it was civilians who paid",
        "We buried them the same night because the drones never leave the sky",
        "There is no front line anymore, the front line is our houses",
    ];

    private static readonly string[] CommentLines =
    [
        "The real number is far higher than anyone is reporting.",
        "Another one-sided story. Where is the coverage of the other side?",
        "Pray for the people of {0}.",
        "My cousin lives near {0} and says more than 300 died, not {1}.",
        "This war will be over by next summer, mark my words.",
        "Why does nobody mention who is funding all of this?",
        "Thank you for reporting what others ignore.",
        "Fake news. The army liberated {0} weeks ago.",
    ];

    private static readonly string[] Directions = ["north", "south", "east", "west", "north-east", "south-west", "north-west", "south-east"];

    private static readonly string[] Commenters = ["truthseeker88", "Abu Fadi", "M. Collins", "levant_watcher", "Rima K", "peace_now", "GrumpyAnalyst", "Hasan_1979"];

    /// <summary>Article <paramref name="index"/>; <paramref name="outletOverride"/> writes it as another outlet would.</summary>
    public SyntheticArticle Compose(int index, SyntheticOutlet? outletOverride = null)
    {
        var storyIndex = index / SyntheticStory.ArticlesPerStory;
        var role = index % SyntheticStory.ArticlesPerStory;
        var story = SyntheticStory.Create(seed, storyIndex);
        var outlet = outletOverride ?? SyntheticVocabulary.Outlets[(storyIndex + role) % SyntheticVocabulary.Outlets.Count];
        var writer = new Writer(story, outlet, role, new SyntheticRandom(seed, 2, index));
        var published = story.Date.AddDays(role);
        var id = string.Create(CultureInfo.InvariantCulture, $"{outlet.Slug}-{published:yyyyMMdd}-{index:D6}");

        var related = new List<string>(4);
        for (var k = 1; k <= 4; k++)
        {
            var other = SyntheticStory.Create(seed, storyIndex + (k * 7919 % 97) + 1);
            related.Add(Headline(other, outlet, new SyntheticRandom(seed, 3, (index * 4L) + k)));
        }

        return new SyntheticArticle
        {
            Id = id,
            Outlet = outlet.Name,
            Title = Headline(story, outlet, new SyntheticRandom(seed, 4, index)),
            Published = published,
            Byline = writer.Reporter(),
            Url = string.Create(CultureInfo.InvariantCulture, $"{outlet.Homepage}/{published:yyyy/MM/dd}/{id}"),
            Story = storyIndex,
            Standfirst = outlet.Style is SyntheticOutletStyle.Newspaper or SyntheticOutletStyle.Html ? writer.Standfirst() : null,
            Paragraphs = writer.Paragraphs(),
            Captions = writer.Captions(),
            Comments = writer.Comments(),
            Related = related,
        };
    }

    /// <summary>A headline for a story, in one outlet's spelling.</summary>
    internal static string Headline(SyntheticStory story, SyntheticOutlet outlet, SyntheticRandom r)
    {
        var place = Spell(story.Place, outlet, ref r);
        var actor = Spell(story.Actor, outlet, ref r);
        var headline = story.Kind switch
        {
            SyntheticStoryKind.Airstrike => r.Chance(0.5)
                ? $"Air strikes kill {story.Killed} in {place}, monitor says"
                : $"Dozens dead as warplanes hit {story.Target[(story.Target.IndexOf(' ', StringComparison.Ordinal) + 1)..]} in {place}",
            SyntheticStoryKind.Offensive => r.Chance(0.5)
                ? $"{Capitalise(actor)} advance on {place} as fighting intensifies"
                : $"{Capitalise(actor)} offensive reaches outskirts of {place}",
            SyntheticStoryKind.Shelling => $"Shelling of {place} kills civilians as truce collapses",
            SyntheticStoryKind.CarBomb => $"Car bomb in {place} kills {story.Killed}",
            _ => $"Families flee {place} as {actor} offensive widens",
        };
        return outlet.Style == SyntheticOutletStyle.Blog ? $"Syria Desk: {headline}" : headline;
    }

    private static string Spell(SyntheticNamedThing thing, SyntheticOutlet outlet, ref SyntheticRandom r) =>
        r.Chance(0.7)
            ? thing.AllSpellings[outlet.SpellingPreference % thing.AllSpellings.Count]
            : r.Pick(thing.AllSpellings);

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Capitalise(string s) =>
        s.Length == 0 || char.IsUpper(s[0]) ? s : string.Concat(char.ToUpperInvariant(s[0]).ToString(), s.AsSpan(1));

    /// <summary>The per-article state: the story, the outlet, the article's random stream.</summary>
    private sealed class Writer(SyntheticStory story, SyntheticOutlet outlet, int role, SyntheticRandom random)
    {
        private SyntheticRandom _r = random;
        private readonly StringBuilder _sb = new(512);
        private readonly string _day = SyntheticVocabulary.Weekdays[(int)story.Date.DayOfWeek == 0 ? 6 : (int)story.Date.DayOfWeek - 1];

        /// <summary>The toll this article reports: outlets disagree when the story is disputed.</summary>
        private int Toll => !story.Disputed ? story.Killed : role switch
        {
            0 => story.Killed,
            1 => story.Killed + Math.Max(3, story.Killed * 2 / 3),
            _ => Math.Max(2, story.Killed / 2),
        };

        private string TollSource => role switch
        {
            0 => outlet.FavouredSource is "Amaq News Agency" ? "Syrian Observatory for Human Rights" : outlet.FavouredSource,
            1 => story.Disputed ? "Syrian Network for Human Rights" : "Syrian Observatory for Human Rights",
            _ => story.Disputed ? "Syrian state news" : "Eastern Syria Documentation Network",
        };

        public string Reporter() => $"{_r.Pick(SyntheticVocabulary.FirstNames)} {(_r.Chance(0.8) ? _r.Pick(SyntheticVocabulary.LastNames) : SyntheticVocabulary.Surname(_r.Next(50_000)))}";

        private string Person() => $"{_r.Pick(SyntheticVocabulary.FirstNames)} {(_r.Chance(0.5) ? _r.Pick(SyntheticVocabulary.LastNames) : SyntheticVocabulary.Surname(_r.Next(200_000)))}";

        private string Place() => Spell(story.Place, outlet, ref _r);

        private string Actor() => Spell(story.Actor, outlet, ref _r);

        private string OtherPlace()
        {
            var place = _r.Pick(SyntheticVocabulary.Places);
            return Spell(ReferenceEquals(place, story.Place) ? SyntheticVocabulary.Places[0] == place ? SyntheticVocabulary.Places[1] : SyntheticVocabulary.Places[0] : place, outlet, ref _r);
        }

        private string Opponent() => Spell(story.Opponent, outlet, ref _r);

        private string Qualifier() => _r.Pick(["at least", "at least", "more than", "some", "about", "nearly"]);

        private static string Village(int n) => SyntheticVocabulary.Village(n);

        private string Cite(string sourceName)
        {
            var source = FindSource(sourceName);
            var name = _r.Chance(0.6) || source.Aliases.Count == 0 ? source.Name : _r.Pick(source.Aliases);
            var the = name.StartsWith("the ", StringComparison.Ordinal) || source.Kind is SourceKind.Unnamed || name.Length <= 5 || source.Kind == SourceKind.NewsAgency
                ? string.Empty
                : "the ";
            return source.Kind switch
            {
                SourceKind.Government when name.Contains("state", StringComparison.Ordinal) => _r.Chance(0.5) ? "according to state media" : "state television reported",
                SourceKind.Unnamed => _r.Chance(0.5) ? $"{name} said" : $"{name} told {_r.Pick(SyntheticVocabulary.Agencies)}",
                _ => _r.Chance(0.75) ? $"{the}{name} said" : $"according to {the}{name}",
            };
        }

        public string Standfirst() => story.Kind switch
        {
            SyntheticStoryKind.Offensive => $"The advance on {Place()} threatens supply lines that {Opponent()} has relied on for months.",
            SyntheticStoryKind.Displacement => $"Aid agencies warn that camps near {Place()} cannot take more families.",
            _ => $"Rescuers were still searching the rubble in {Place()} late into the night.",
        };

        public List<string> Paragraphs()
        {
            var paragraphs = new List<string>(14)
            {
                Lead(),
                Detail(),
            };
            if (story.Disputed || _r.Chance(0.3))
            {
                paragraphs.Add(Conflict());
            }

            paragraphs.Add(Quote());
            if (_r.Chance(0.6))
            {
                paragraphs.Add(HedgeOrDenial());
            }

            paragraphs.Add(Background());
            // Extra paragraphs are dealt from a shuffled deck, so no article says the same thing twice.
            Span<int> deck = stackalloc int[11];
            for (var i = 0; i < deck.Length; i++)
            {
                deck[i] = i;
            }

            for (var i = deck.Length - 1; i > 0; i--)
            {
                var j = _r.Next(i + 1);
                (deck[i], deck[j]) = (deck[j], deck[i]);
            }

            var extra = _r.Between(4, 8);
            for (var i = 0; i < extra; i++)
            {
                paragraphs.Add(deck[i] switch
                {
                    < 4 => Fighting(deck[i]),
                    < 7 => Humanitarian(deck[i] - 4),
                    < 10 => Analysis(deck[i] - 7),
                    _ => Quote(),
                });
            }

            return paragraphs;
        }

        private string Lead()
        {
            var place = Place();
            var attribution = Cite(TollSource);
            return story.Kind switch
            {
                SyntheticStoryKind.Airstrike =>
                    $"{Capitalise(Spell(story.AirForce, outlet, ref _r))} struck {story.Target} in {place} on {_day}, killing {Qualifier()} {Number(Toll)} people, {attribution}.",
                SyntheticStoryKind.Offensive =>
                    $"{Capitalise(Actor())} fighters advanced to within {story.DistanceKm} kilometres ({Math.Max(1, story.DistanceKm * 5 / 8)} miles) of {place} on {_day} after seizing the villages of {Village(story.VillageA)} and {Village(story.VillageB)}, {attribution}.",
                SyntheticStoryKind.Shelling =>
                    $"Shelling by {Actor()} killed {Qualifier()} {Number(Toll)} civilians in {place} on {_day}, {attribution}.",
                SyntheticStoryKind.CarBomb =>
                    $"A car bomb exploded near {story.Target} in {place} on {_day}, killing {Qualifier()} {Number(Toll)} people and wounding {Number(story.Wounded)} more, {attribution}.",
                _ =>
                    $"{Capitalise(Qualifier())} {Number(story.Displaced)} people have fled their homes in and around {place} since {Actor()} launched an offensive there {_r.Between(3, 20)} days ago, {Cite("United Nations")}.",
            };
        }

        private string Detail()
        {
            var children = Math.Clamp(Toll / _r.Between(3, 6), 2, Toll);
            return _r.Next(3) switch
            {
                0 => $"{Capitalise(Cite(TollSource))} that {Number(children)} of the dead were children and warned that the toll was likely to rise, with {Number(story.Wounded)} people wounded, many of them seriously.",
                1 => $"The dead included {Number(children)} children, {Cite(TollSource)}, adding that rescuers had pulled {Number(_r.Between(2, 40))} survivors from collapsed buildings.",
                _ => $"Hospitals in {Place()} received {Qualifier()} {Number(story.Wounded)} wounded, {Cite(_r.Pick(["Syria Civil Defence", "activists", "residents"]))}.",
            };
        }

        private string Conflict()
        {
            var low = Math.Max(2, story.Killed / 3);
            return _r.Next(3) switch
            {
                0 => $"State media gave a lower toll of {Number(low)}, blaming \"terrorist groups\" for the attack, while {Cite("activists")} that the number of dead was closer to {Number(story.Killed + _r.Between(5, 40))}.",
                1 => $"In a statement carried by Amaq, {Spell(SyntheticVocabulary.Groups[0], outlet, ref _r)} claimed that {Number(story.PartyClaim)} {(ReferenceEquals(story.Opponent, SyntheticVocabulary.Groups[0]) ? Actor() : Opponent())} fighters had been killed, a figure that could not be independently verified.",
                _ => $"The Syrian Network for Human Rights put the toll at {Number(story.Killed + Math.Max(2, story.Killed / 2))}, higher than the figure given by other monitors.",
            };
        }

        private string HedgeOrDenial() => _r.Next(5) switch
        {
            0 => $"{outlet.Name} could not independently verify the casualty figures.",
            1 => $"The Russian defence ministry denied that its aircraft had been operating over {Place()} at the time, calling the reports \"information terrorism\".",
            2 => $"A spokesman for {Actor()} denied targeting civilians, saying the strikes had hit {Opponent()} positions.",
            3 => $"Footage posted online allegedly shows the aftermath of the attack, but its authenticity could not be confirmed.",
            _ => $"Unconfirmed reports said {Opponent()} had withdrawn from {Village(story.VillageA)} overnight, which {Actor()} has not acknowledged.",
        };

        private string Quote()
        {
            var person = Person();
            return _r.Next(3) switch
            {
                0 => $"\"{_r.Pick(Quotes)},\" {person}, {_r.Pick(SyntheticVocabulary.Roles)}, told {_r.Pick(["Reuters", "AFP", outlet.Name])}.",
                1 => $"\"{_r.Pick(Quotes)},\" said {person}, {_r.Pick(SyntheticVocabulary.Roles)} in {Village(story.VillageB)}.",
                _ => $"{person}, {_r.Pick(SyntheticVocabulary.Roles)}, said by telephone: \"{_r.Pick(Quotes)}.\"",
            };
        }

        private string Background()
        {
            var year = story.Date.Year - _r.Between(1, 3);
            return _r.Next(3) switch
            {
                0 => $"{Capitalise(Actor())} first captured {Place()} in {Months[_r.Next(12)]} {year}, and the town has changed hands several times since.",
                1 => $"{Place()} has been divided between {Actor()} and {Opponent()} since {year}, with {Qualifier()} {Number(story.Displaced / 10 * 10 + 1000)} civilians trapped between the lines.",
                _ => $"The Syrian Observatory for Human Rights says {Number(_r.Between(200, 9000))} people have been killed in the province since the start of {story.Date.Year}.",
            };
        }

        private string Fighting(int variant)
        {
            var village = Village(_r.Chance(0.5) ? story.VillageA : (int)Math.Exp(_r.NextDouble() * Math.Log(400_000)));
            return variant switch
            {
                0 => $"Clashes were also reported around {village}, {_r.Between(3, 45)} kilometres {_r.Pick(Directions)} of {Place()}, where {Opponent()} said it had repelled an attack.",
                1 => $"The front line now runs about {story.DistanceKm} km {_r.Pick(Directions)} of the town, where {Opponent()} fighters hold a string of hills overlooking the road to {OtherPlace()}.",
                2 => $"An estimated {_r.Between(20, 600)} square kilometres changed hands in the fighting, according to {Actor()}, which said it had destroyed {_r.Between(2, 14)} tanks.",
                _ => $"{Capitalise(Spell(story.AirForce, outlet, ref _r))} carried out {Qualifier()} {_r.Between(10, 120)} strikes on {Opponent()} positions near {village} over the past {_r.Between(2, 9)} days, {Cite(_r.Pick(["Russian Ministry of Defence", "Pentagon", "Syrian Observatory for Human Rights"]))}.",
            };
        }

        private string Humanitarian(int variant) => variant switch
        {
            0 => $"An aid convoy carrying {_r.Between(20, 400)} tonnes of food and medicine reached {Place()} on {_day}, the first in {_r.Between(2, 11)} months, {Cite("United Nations")}.",
            1 => $"About {Number(story.Displaced)} people are sheltering in camps along the road to {OtherPlace()}, where the temperature drops below freezing at night.",
            _ => $"The last functioning hospital in {Place()} was reportedly hit {_r.Between(2, 6)} times this month, leaving {Number(_r.Between(50, 400))} thousand people without specialist care.",
        };

        private string Analysis(int variant) => variant switch
        {
            0 => $"Analysts say control of {Place()} would give {Actor()} a route to the border and cut {Opponent()}'s supply lines to {OtherPlace()}.",
            1 => $"The fighting comes days after talks in {_r.Pick(["Geneva", "Astana", "Sochi", "Vienna"])} ended without agreement on a ceasefire for {Place()}.",
            _ => $"{Capitalise(Opponent())} lost {Qualifier()} {_r.Between(3, 30)} villages in the area in the months after {Months[_r.Next(12)]}, {Cite(_r.Pick(["Syrian Observatory for Human Rights", "a military source", "Anadolu"]))}.",
        };

        public List<string> Captions()
        {
            var count = _r.Between(1, 2);
            var captions = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                captions.Add(_r.Next(3) switch
                {
                    0 => $"Smoke rises over {Place()} after an air strike on {_day}",
                    1 => $"Residents search the rubble of {story.Target} in {Place()}",
                    _ => $"{Capitalise(Actor())} fighters near {Village(story.VillageA)}, {Place()} province, in {Months[story.Date.Month - 1]} {story.Date.Year}",
                });
            }

            return captions;
        }

        public List<string> Comments()
        {
            if (outlet.Style == SyntheticOutletStyle.Wire || _r.Chance(0.2))
            {
                return [];
            }

            var count = _r.Between(1, 5);
            var comments = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                _sb.Clear();
                _sb.Append(_r.Pick(Commenters)).Append('\n');
                _sb.AppendFormat(CultureInfo.InvariantCulture, _r.Pick(CommentLines), Place(), Number(Toll));
                comments.Add(_sb.ToString());
            }

            return comments;
        }
    }

    private static SyntheticSource FindSource(string name)
    {
        foreach (var s in SyntheticVocabulary.Sources)
        {
            if (s.Name == name)
            {
                return s;
            }
        }

        throw new InvalidOperationException($"Unknown synthetic source '{name}'.");
    }
}
