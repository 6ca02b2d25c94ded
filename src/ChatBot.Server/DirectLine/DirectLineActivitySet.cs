namespace ChatBot.Server.DirectLine;

/// <summary>GET activities: the activities after a watermark, and the watermark to ask from next.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<DirectLineActivity> Activities, string Watermark);
