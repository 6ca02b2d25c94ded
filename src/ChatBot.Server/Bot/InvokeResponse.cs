using System.Text.Json.Nodes;

namespace ChatBot.Server.Bot;

/// <summary>The HTTP status and optional JSON body answering an invoke activity.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null);
