namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// One event several outlets cover. Each outlet reports it with its own spelling and sources, and when
/// <see cref="Disputed"/> the figures they give differ: the conflicts the bot must say out loud.
/// </summary>
internal sealed record SyntheticStory
{
    public const int ArticlesPerStory = 3;

    public required int Index { get; init; }

    public required SyntheticStoryKind Kind { get; init; }

    public required SyntheticNamedThing Place { get; init; }

    public required SyntheticNamedThing Actor { get; init; }

    public required SyntheticNamedThing Opponent { get; init; }

    public required SyntheticNamedThing AirForce { get; init; }

    public required string Target { get; init; }

    public required DateOnly Date { get; init; }

    public required int Killed { get; init; }

    public required int Wounded { get; init; }

    public required int Displaced { get; init; }

    public required int DistanceKm { get; init; }

    public required int VillageA { get; init; }

    public required int VillageB { get; init; }

    /// <summary>True when the outlets covering the story give different tolls.</summary>
    public required bool Disputed { get; init; }

    /// <summary>The toll a party to the fighting claims (inflated or minimised).</summary>
    public required int PartyClaim { get; init; }

    private static readonly DateOnly Start = new(2012, 3, 1);

    public static SyntheticStory Create(long seed, int index)
    {
        var r = new SyntheticRandom(seed, 1, index);
        var kind = (SyntheticStoryKind)r.Next(5);
        var actor = r.PickSkewed(SyntheticVocabulary.Groups);
        var opponent = r.Pick(SyntheticVocabulary.Groups);
        if (ReferenceEquals(opponent, actor))
        {
            opponent = SyntheticVocabulary.Groups[(IndexOf(actor) + 1) % SyntheticVocabulary.Groups.Count];
        }

        var killed = (int)Math.Round(Math.Exp(r.NextDouble() * Math.Log(180))) + 2;
        return new SyntheticStory
        {
            Index = index,
            Kind = kind,
            Place = r.PickSkewed(SyntheticVocabulary.Places),
            Actor = actor,
            Opponent = opponent,
            AirForce = r.Pick(SyntheticVocabulary.AirForces),
            Target = r.Pick(SyntheticVocabulary.Targets),
            Date = Start.AddDays(r.Next(2850)),
            Killed = killed,
            Wounded = killed + r.Between(killed / 2, killed * 3),
            Displaced = r.Between(8, 900) * 50,
            DistanceKm = r.Between(2, 60),
            // Log-uniform over a large space: a few villages recur often, most only once or twice.
            VillageA = (int)Math.Exp(r.NextDouble() * Math.Log(400_000)),
            VillageB = (int)Math.Exp(r.NextDouble() * Math.Log(400_000)),
            Disputed = r.Chance(0.55),
            PartyClaim = killed * r.Between(2, 6),
        };
    }

    private static int IndexOf(SyntheticNamedThing group)
    {
        for (var i = 0; i < SyntheticVocabulary.Groups.Count; i++)
        {
            if (ReferenceEquals(SyntheticVocabulary.Groups[i], group))
            {
                return i;
            }
        }

        return 0;
    }
}
