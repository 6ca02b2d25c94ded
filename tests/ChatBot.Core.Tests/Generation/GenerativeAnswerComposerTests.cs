using ChatBot.Core.Answering;
using ChatBot.Core.Generation;

namespace ChatBot.Core.Tests.Generation;

/// <summary>The real OpenAI SDK, behind our adapter and Polly, against the loopback server's scripted replies.</summary>
public class GenerativeAnswerComposerTests
{
    /// <summary>The extractive composer is asked once before any model call: if it refuses, so does the answer.</summary>
    private const int ConsultedFirst = 1;

    private const string NoSuchPassage = "The New Arab reported that fighters advanced to within four kilometres of Palmyra [9].";
    private const string WrongNumber = "The New Arab reported that fighters advanced to within 40 kilometres of Palmyra [1].";

    private static (GenerativeAnswerComposer Composer, FakeExtractiveComposer Extractive) Create(FakeOpenAiServer server, double timeoutSeconds = 30, int maxRetries = 2)
    {
        var options = server.Options(timeoutSeconds, maxRetries);
        var extractive = new FakeExtractiveComposer();
        return (new GenerativeAnswerComposer(new ResilientChatClient(OpenAiChatClient.Create(options), options), extractive), extractive);
    }

    [Fact]
    public async Task ComposeAsync_GroundedAnswer_IsGenerativeWithCitationsInOrderOfUse()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(TestEvidence.GoodAnswer));
        var (composer, extractive) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(ConsultedFirst, extractive.Calls);
        Assert.Equal(TestPrompts.Default.Version, answer.PromptVersion);
        // [1], [2], [4] cited: renumbered 1, 2, 3; passage [3] was not cited, so it is not a citation.
        Assert.EndsWith("disagree [3].", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["newarab-test-advance", "eaworldview-test-losses", "upi-test-state-media"], answer.Citations.Select(c => c.ArticleId));
        Assert.Equal([1, 2, 3], answer.Citations.Select(c => c.N));
        Assert.Equal("Fighters advanced to within four kilometres of Palmyra on Thursday.", answer.Citations[0].Quote);
        Assert.Equal("The Syrian Observatory for Human Rights said 34 pro-government troops were killed near the airport.", answer.Citations[1].Quote);
        Assert.Equal("Syrian Observatory for Human Rights", answer.Citations[1].Source);
        var dispute = Assert.Single(answer.Disputes);
        Assert.Equal([2, 3], dispute.Positions.Select(p => p.Citation));
    }

    [Fact]
    public async Task ComposeAsync_Prompt_CarriesPassagesSourcesDisputesAndTurns()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(TestEvidence.GoodAnswer));
        var (composer, _) = Create(server);

        await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        var request = server.Requests[0].ToString();
        Assert.Contains("[2] EA WorldView, 2016-12-11", request, StringComparison.Ordinal);
        Assert.Contains("Syrian Observatory for Human Rights (a monitoring group)", request, StringComparison.Ordinal);
        Assert.Contains("conflict about pro-government losses near the airport", request, StringComparison.Ordinal);
        Assert.Contains("Who holds Palmyra?", request, StringComparison.Ordinal);
        Assert.Equal(0.1, server.Requests[0].GetProperty("temperature").GetDouble(), 3);
    }

    [Fact]
    public async Task ComposeAsync_CitesAPassageThatDoesNotExistThenFixesIt_IsRepaired()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(NoSuchPassage), Reply.Text(TestEvidence.GoodAnswer));
        var (composer, extractive) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Repaired, answer.Mode);
        Assert.Equal(ConsultedFirst, extractive.Calls);
        var repairRequest = server.Requests[1].ToString();
        Assert.Contains("there is no passage [9]", repairRequest, StringComparison.Ordinal);
        Assert.Contains(NoSuchPassage, repairRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_NumberNotInItsPassageTwice_FallsBackWithANote()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(WrongNumber), Reply.Text(WrongNumber));
        var (composer, extractive) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(disputes: []), CancellationToken.None);

        Assert.Equal(AnswerMode.Fallback, answer.Mode);
        Assert.Equal(ConsultedFirst + 1, extractive.Calls);
        Assert.StartsWith(FakeExtractiveComposer.Sentence, answer.Text, StringComparison.Ordinal);
        Assert.Contains("could not be checked against the reporting", answer.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerPartKind.Note, answer.Parts[^1].Kind);
        Assert.Contains("the number \"40\" is not in passage [1]", LastMessage(server.Requests[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_429WithRetryAfterThenSuccess_IsGenerative()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(429, retryAfter: "0"), Reply.Text(TestEvidence.GoodAnswer));
        var (composer, _) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ComposeAsync_Timeout_FallsBackWithANote()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        var (composer, _) = Create(server, timeoutSeconds: 0.3, maxRetries: 0);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Fallback, answer.Mode);
        Assert.Contains("did not answer in time", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_MalformedBody_FallsBackWithANote()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Malformed());
        var (composer, _) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Fallback, answer.Mode);
        Assert.Contains("sent a reply that could not be read", answer.Text, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ComposeAsync_Unreachable_FallsBackWithANote()
    {
        var server = await FakeOpenAiServer.StartAsync();
        var (composer, _) = Create(server, maxRetries: 0);
        await server.DisposeAsync();

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Fallback, answer.Mode);
        Assert.Contains("could not be reached", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task ComposeAsync_CircuitOpen_FallsBackWithoutCallingTheModel()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(500), Reply.Status(500), Reply.Text(TestEvidence.GoodAnswer));
        var options = server.Options(maxRetries: 0);
        options.BreakerMinimumThroughput = 2;
        options.BreakerBreakSeconds = 600;
        var composer = new GenerativeAnswerComposer(new ResilientChatClient(OpenAiChatClient.Create(options), options), new FakeExtractiveComposer());
        await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);
        await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.Equal(AnswerMode.Fallback, answer.Mode);
        Assert.Contains("is paused after repeated failures", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ComposeAsync_ModelSaysThePassagesDoNotAnswer_IsARefusalWithoutCitations()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text("NOT IN THE REPORTING: the passages do not mention Raqqa."));
        var (composer, _) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(), CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal("the passages do not mention Raqqa.", answer.RefusalReason);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task ComposeAsync_NoEvidence_MakesNoModelCall()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(TestEvidence.GoodAnswer));
        var (composer, extractive) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(evidence: [], disputes: []), CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(ConsultedFirst, extractive.Calls);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ComposeAsync_LoadedWordInTheBotsVoice_IsSentBackForRepair()
    {
        const string loaded = "According to The Duran, the army liberated three villages east of the city [3].";
        const string fixedAnswer = "The Duran, citing a military source, said the army \"liberated three villages\" east of the city [3].";
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(loaded), Reply.Text(fixedAnswer));
        var (composer, _) = Create(server);

        var answer = await composer.ComposeAsync(TestEvidence.Context(disputes: []), CancellationToken.None);

        Assert.Equal(AnswerMode.Repaired, answer.Mode);
        Assert.Contains("\"liberated three villages\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal("a military source", Assert.Single(answer.Citations).Source);
    }

    [Fact]
    public async Task ComposeAsync_CallerCancels_CancelsTheModelCallAndDoesNotFallBack()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        var (composer, extractive) = Create(server);
        using var cts = new CancellationTokenSource();

        var call = composer.ComposeAsync(TestEvidence.Context(), cts.Token);
        await server.RequestArrived.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(ConsultedFirst, extractive.Calls);
    }

    [Fact]
    public async Task StreamAsync_GroundedAnswer_YieldsEachSentenceThenTheFinalAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(TestEvidence.GoodAnswer));
        var (composer, _) = Create(server);

        var updates = await Collect(composer.StreamAsync(TestEvidence.Context(), CancellationToken.None));

        Assert.Equal(3, updates.Count(u => u.Sentence is not null));
        Assert.Equal("UPI reported that state media put the toll at 12 soldiers, so the two accounts disagree [3].", updates[2].Sentence);
        var final = Assert.Single(updates, u => u.Final is not null).Final!;
        Assert.Same(final, updates[^1].Final);
        Assert.Equal(AnswerMode.Generative, final.Mode);
        Assert.Equal(string.Join(" ", updates.Where(u => u.Sentence is not null).Select(u => u.Sentence)), final.Text);
    }

    [Fact]
    public async Task StreamAsync_StreamCutHalfWay_EndsWithTheExtractiveAnswerAndANote()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Cut(TestEvidence.GoodAnswer));
        var (composer, extractive) = Create(server);

        var updates = await Collect(composer.StreamAsync(TestEvidence.Context(), CancellationToken.None));

        var final = updates[^1].Final!;
        Assert.Equal(AnswerMode.Fallback, final.Mode);
        Assert.Equal(ConsultedFirst + 1, extractive.Calls);
        Assert.Contains("Note: the language model", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_UngroundedSentence_IsNotShownAndTheRepairReplacesTheStream()
    {
        var draft = "The New Arab reported that fighters advanced to within four kilometres of Palmyra [1]. " + WrongNumber;
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(draft), Reply.Text(TestEvidence.GoodAnswer));
        var (composer, _) = Create(server);

        var updates = await Collect(composer.StreamAsync(TestEvidence.Context(), CancellationToken.None));

        var shown = Assert.Single(updates, u => u.Sentence is not null).Sentence;
        Assert.DoesNotContain("40", shown, StringComparison.Ordinal);
        Assert.Equal(AnswerMode.Repaired, updates[^1].Final!.Mode);
    }

    [Fact]
    public async Task StreamAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        var (composer, extractive) = Create(server);
        using var cts = new CancellationTokenSource();

        var call = Task.Run(() => Collect(composer.StreamAsync(TestEvidence.Context(), cts.Token)));
        await server.RequestArrived.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(ConsultedFirst, extractive.Calls);
    }

    private static string LastMessage(System.Text.Json.JsonElement request)
    {
        var content = request.GetProperty("messages")[request.GetProperty("messages").GetArrayLength() - 1].GetProperty("content");
        return content.ValueKind == System.Text.Json.JsonValueKind.String ? content.GetString()! : content[0].GetProperty("text").GetString()!;
    }

    private static async Task<List<AnswerUpdate>> Collect(IAsyncEnumerable<AnswerUpdate> updates)
    {
        var list = new List<AnswerUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }
}
