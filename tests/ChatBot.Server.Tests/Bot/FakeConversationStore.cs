using System.Collections.Concurrent;
using ChatBot.Core.Conversations;

namespace ChatBot.Server.Tests.Bot;

public sealed class FakeConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, List<string>> _turns = new();

    public Task<IReadOnlyList<string>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken)
    {
        var list = _turns.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            return Task.FromResult<IReadOnlyList<string>>(list.ToArray());
        }
    }

    public Task AddTurnAsync(string conversationId, string question, CancellationToken cancellationToken)
    {
        var list = _turns.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            list.Add(question);
        }

        return Task.CompletedTask;
    }
}
