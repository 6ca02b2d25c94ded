namespace ChatBot.Server.Health;

/// <summary>What the index watcher last did, for /healthz (the index's own status comes from IPassageIndex.Status).</summary>
/// <remarks>Thread-safe: fields are replaced whole.</remarks>
public sealed class IndexHealth
{
    private volatile Snapshot _current = new(null, null, null);

    public Snapshot Current => _current;

    public void Checked(DateTimeOffset at) => _current = _current with { LastCheck = at, LastError = null };

    public void Failed(DateTimeOffset at, string error) => _current = _current with { LastCheck = at, LastError = error };

    public void Changed(DateTimeOffset at) => _current = _current with { LastCheck = at, LastChange = at, LastError = null };

    /// <summary>When the corpus was last checked and last found changed, and the last failure's message (null after a success).</summary>
    public sealed record Snapshot(DateTimeOffset? LastCheck, DateTimeOffset? LastChange, string? LastError);
}
