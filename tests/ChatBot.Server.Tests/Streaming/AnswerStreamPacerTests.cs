using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatBot.Core.Answering;
using ChatBot.Server.Streaming;
using ChatBot.Server.Tests.Fakes;

namespace ChatBot.Server.Tests.Streaming;

public sealed class AnswerStreamPacerTests
{
    private static readonly Answer Final = FakeAnsweringService.Palmyra(new AnswerRequest { Question = "How close did IS get to Palmyra?" });

    [Fact]
    public async Task PaceAsync_SentencesWithinTheInterval_CoalescedIntoOneChunkWithTheWholeText()
    {
        // The source waits on what the consumer has seen, not on a clock, so a slow machine cannot reorder the steps.
        var firstShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var steps = new List<(AnswerStreamStep Step, TimeSpan At)>();
        var clock = Stopwatch.StartNew();

        await foreach (var step in AnswerStreamPacer.PaceAsync(Burst(firstShown.Task, secondShown.Task, CancellationToken.None), TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None))
        {
            steps.Add((step, clock.Elapsed));
            (steps.Count == 1 ? firstShown : secondShown).TrySetResult();
        }

        Assert.Equal(3, steps.Count);
        Assert.Equal(("One [1].", 1), (steps[0].Step.Text, steps[0].Step.Sequence));
        Assert.Equal(("One [1]. Two [2]. Three [3].", 2), (steps[1].Step.Text, steps[1].Step.Sequence));
        Assert.Same(Final, steps[2].Step.Final);
        Assert.True(steps[1].At - steps[0].At >= TimeSpan.FromMilliseconds(290), $"chunks {steps[1].At - steps[0].At} apart");
        Assert.True(steps[2].At - steps[1].At >= TimeSpan.FromMilliseconds(290), $"final {steps[2].At - steps[1].At} after the last chunk");
    }

    [Fact]
    public async Task PaceAsync_FinalOnly_YieldsOnlyTheFinalStep()
    {
        var steps = new List<AnswerStreamStep>();
        await foreach (var step in AnswerStreamPacer.PaceAsync(FinalOnly(), TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None))
        {
            steps.Add(step);
        }

        var only = Assert.Single(steps);
        Assert.Same(Final, only.Final);
        Assert.Null(only.Text);
    }

    [Fact]
    public async Task PaceAsync_ConsumerStopsEarly_CancelsTheAnswer()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await foreach (var step in AnswerStreamPacer.PaceAsync(Hanging(cancelled), TimeSpan.FromMilliseconds(10), TimeProvider.System, CancellationToken.None))
        {
            Assert.Equal("One [1].", step.Text);
            break;
        }

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PaceAsync_AnswerFails_RethrowsItsException()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in AnswerStreamPacer.PaceAsync(Failing(), TimeSpan.FromMilliseconds(10), TimeProvider.System, CancellationToken.None))
            {
            }
        });

        Assert.Equal("the model broke", error.Message);
    }

    private static async IAsyncEnumerable<AnswerUpdate> Burst(Task firstShown, Task secondShown, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new AnswerUpdate { Sentence = "One [1]." };
        await firstShown.WaitAsync(cancellationToken);
        yield return new AnswerUpdate { Sentence = "Two [2]." };
        yield return new AnswerUpdate { Sentence = "Three [3]." };
        await secondShown.WaitAsync(cancellationToken);
        yield return new AnswerUpdate { Final = Final };
    }

    private static async IAsyncEnumerable<AnswerUpdate> FinalOnly()
    {
        await Task.Yield();
        yield return new AnswerUpdate { Final = Final };
    }

    private static async IAsyncEnumerable<AnswerUpdate> Hanging(TaskCompletionSource cancelled, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new AnswerUpdate { Sentence = "One [1]." };
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            cancelled.TrySetResult();
            throw;
        }

        yield return new AnswerUpdate { Final = Final };
    }

    private static async IAsyncEnumerable<AnswerUpdate> Failing()
    {
        yield return new AnswerUpdate { Sentence = "One [1]." };
        await Task.Yield();
        throw new InvalidOperationException("the model broke");
    }
}
