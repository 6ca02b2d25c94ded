using ChatBot.Core.Attribution;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Attribution;

public class RuleBasedDisputeDetectorTests
{
    private const string DividedFronts = "newarab-divided-fronts";
    private const string AleppoFate = "newarab-aleppo-fate";
    private const string Duran = "duran-palmyra-advance";
    private const string EaWorldView = "eaworldview-isis-counterattack";
    private const string Upi = "upi-regime-regains";

    private readonly RuleBasedDisputeDetector _detector = new();

    [Fact]
    public void Detect_HighwayCompletelySecuredVersusUsedOnlyWhenNecessary_Conflict()
    {
        var evidence = Evidence(
            (EaWorldView, "completely secured the Deir al-Zor-Palmyra highway"),
            (EaWorldView, "The highway has become passable"),
            (EaWorldView, "the road was being used only when absolutely necessary"));

        var dispute = Assert.Single(_detector.Detect("Is the Deir ez-Zor to Palmyra highway open?", evidence));

        Assert.Equal(DisputeKind.Conflict, dispute.Kind);
        Assert.Contains(dispute.Positions, p => p.Claimant == "Hezbollah media unit");
        Assert.Contains(dispute.Positions, p => p.Claimant == "a commander speaking to Reuters");
        Assert.Contains("highway", dispute.Topic, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Detect_IsFigureOfSlainVersusCommandersFigureOfKilled_Conflict()
    {
        var evidence = Evidence(
            (EaWorldView, "The commander said at least 10 Hezbollah fighters"),
            (EaWorldView, "more than 50 pro-Assad troops were slain"));

        var dispute = Assert.Single(_detector.Detect("How many pro-Assad fighters were killed near Deir ez-Zor?", evidence));

        Assert.Equal(DisputeKind.Conflict, dispute.Kind);
        Assert.Equal(["Islamic State", "a commander speaking to Reuters"], dispute.Positions.Select(p => p.Claimant).Order(StringComparer.Ordinal));
        Assert.Contains("killed", dispute.Topic, StringComparison.Ordinal);
        Assert.All(dispute.Positions, p => Assert.Equal("EA WorldView", p.Evidence.Article.Outlet));
    }

    [Fact]
    public void Detect_RussiaStrikesTerroristsButActivistsAccuseIt_ConflictInNeutralWords()
    {
        var evidence = Evidence((Upi, "Russia maintains it is conducting airstrikes"));

        var dispute = Assert.Single(_detector.Detect("Who are Russia's airstrikes hitting?", evidence));

        Assert.Equal(DisputeKind.Conflict, dispute.Kind);
        Assert.Equal(["Russia", "activists and Western officials"], dispute.Positions.Select(p => p.Claimant).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("terrorist", dispute.Topic, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Detect_DeclaredHaltVersusSuspendedAndAttacksOvernight_Conflict()
    {
        var evidence = Evidence(
            (DividedFronts, "Moscow declared that both its air forces"),
            (DividedFronts, "I said they were suspended for a certain time"),
            (DividedFronts, "Residents in the city also reported attacks"));

        var dispute = Assert.Single(_detector.Detect("Did Russia stop bombing Aleppo?", evidence));

        Assert.Equal(DisputeKind.Conflict, dispute.Kind);
        Assert.Equal(["Russia", "Sergei Lavrov", "residents"], dispute.Positions.Select(p => p.Claimant).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Detect_VideoThatCannotBeIndependentlyVerified_UnverifiedByTheOutlet()
    {
        var evidence = Evidence((AleppoFate, "A video posted on YouTube appears to show"));

        var dispute = Assert.Single(_detector.Detect("Did IS capture a checkpoint on the Aleppo supply road?", evidence));

        Assert.Equal(DisputeKind.Unverified, dispute.Kind);
        Assert.Equal("The New Arab", Assert.Single(dispute.Positions).Claimant);
        Assert.Contains("video", dispute.Topic, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_AmaqVideoOfFleeingSoldiersAlone_UnverifiedRestingOnAParty()
    {
        var evidence = Evidence(
            (DividedFronts, "Amaq News Agency distributed video showed"),
            (DividedFronts, "IS militants seized government checkpoints"));

        var dispute = Assert.Single(_detector.Detect("Did Syrian soldiers flee near Palmyra?", evidence));

        Assert.Equal(DisputeKind.Unverified, dispute.Kind);
        Assert.Equal("Amaq News Agency", Assert.Single(dispute.Positions).Claimant);
    }

    [Fact]
    public void Detect_RegimeRefusedToAdmitLosses_DeniedWithTheReportedLosses()
    {
        var evidence = Evidence(
            (EaWorldView, "The regime military initially refused to admit losses"),
            (EaWorldView, "more than 50 pro-Assad troops were slain"));

        var disputes = _detector.Detect("What losses did the regime suffer near Deir ez-Zor?", evidence);

        var denied = Assert.Single(disputes, d => d.Kind == DisputeKind.Denied);
        Assert.Equal("Syrian army", denied.Positions[0].Claimant);
        Assert.Contains(denied.Positions, p => p.Claimant == "Islamic State");
    }

    [Fact]
    public void Detect_FightersInYesterdaysAttackVersusFightersOnTheirWay_NoDispute()
    {
        var evidence = Evidence(
            (Duran, "around 4,000 ISIS fighters are heading back to Palmyra"),
            (Duran, "attack on Palmyra by 300 ISIS fighters"));

        Assert.Empty(_detector.Detect("How many ISIS fighters are advancing on Palmyra?", evidence));
    }

    [Fact]
    public void Detect_PlainFactOfOneOutlet_NoDispute()
    {
        var evidence = Evidence(
            (DividedFronts, "The IS advance brought the militants to within four kilometres"),
            (DividedFronts, "The advance also marks the first for IS"));

        Assert.Empty(_detector.Detect("How close did IS get to Palmyra?", evidence));
    }

    [Fact]
    public void Detect_PartyStatingItsOwnIntentAlone_NoDispute()
    {
        var evidence = Evidence((DividedFronts, "On Friday, Russia - Syria's key ally - said that the assault"));

        Assert.Empty(_detector.Detect("What did Russia say about the assault on Aleppo?", evidence));
    }

    [Fact]
    public void Detect_MonitorsReportOfSeizureAlone_NoDispute()
    {
        var evidence = Evidence((DividedFronts, "IS militants seized government checkpoints, silos and the village of Jazal"));

        Assert.Empty(_detector.Detect("What did IS seize near Palmyra?", evidence));
    }

    [Fact]
    public void Detect_PartyClaimCorroboratedByMonitor_NotUnverified()
    {
        var evidence = Evidence(
            (AleppoFate, "IS published a statement online"),
            (AleppoFate, "IS has broken the defensive lines of the regime in Safireh"));

        Assert.Empty(_detector.Detect("Did IS break the regime's defensive lines in Aleppo?", evidence));
    }

    [Fact]
    public void Detect_CiviliansKilledAndChildrenAmongTheDead_NoFigureConflict()
    {
        var evidence = Evidence(
            (EaWorldView, "At least 28 civilians have been slain"),
            (EaWorldView, "Local sources said four children were among the dead"),
            (EaWorldView, "Twelve other people died in Harem"));

        Assert.DoesNotContain(_detector.Detect("How many civilians were killed in Idlib?", evidence), d => d.Kind == DisputeKind.Conflict);
    }

    [Fact]
    public void Detect_WholeSeedCorpus_FindsEveryNamedDisputeAndNoOthers()
    {
        var disputes = _detector.Detect(string.Empty, SeedCorpus.AllEvidence());

        Assert.Equal(4, disputes.Count(d => d.Kind == DisputeKind.Conflict));
        Assert.Single(disputes, d => d.Kind == DisputeKind.Denied);
        Assert.Contains(disputes, d => d.Kind == DisputeKind.Unverified && d.Positions.Any(p => p.Claimant == "Amaq News Agency"));
        Assert.Contains(disputes, d => d.Kind == DisputeKind.Unverified && d.Positions.Any(p => p.Evidence.Sentence.Text.Contains("YouTube", StringComparison.Ordinal)));
        Assert.DoesNotContain(disputes, d => d.Positions.Any(p => p.Evidence.Article.Id == Duran));
        Assert.All(disputes, d => Assert.NotEmpty(d.Positions));
    }

    [Fact]
    public void Detect_QuestionOnAnotherTopic_DisputeLeftOut()
    {
        var evidence = Evidence(
            (EaWorldView, "The commander said at least 10 Hezbollah fighters"),
            (EaWorldView, "more than 50 pro-Assad troops were slain"));

        Assert.Empty(_detector.Detect("What is the population of Latakia?", evidence));
    }

    [Fact]
    public void Detect_NoEvidence_NoDisputes()
    {
        Assert.Empty(_detector.Detect("Anything?", []));
    }

    private static List<EvidenceSentence> Evidence(params (string ArticleId, string Fragment)[] sentences) =>
        [.. sentences.Select(s => SeedCorpus.Evidence(s.ArticleId, s.Fragment))];
}
