using System.Runtime.CompilerServices;
using ChatBot.Core.Answering;

namespace ChatBot.Cli.Tests.Commands;

/// <summary>Answers from a hand-written function and records every request.</summary>
internal sealed class FakeAnsweringService(Func<AnswerRequest, Answer> answer) : IAnsweringService
{
    public List<AnswerRequest> Requests { get; } = [];

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new AnswerUpdate { Final = await AnswerAsync(request, cancellationToken) };
    }
}
