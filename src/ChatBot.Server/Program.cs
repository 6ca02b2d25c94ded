using ChatBot.Core;
using ChatBot.Core.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddConfiguration(ChatBotConfiguration.Build());
builder.Services.AddChatBotCore(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "starting" }));
app.Run();

/// <summary>Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
