using ChatBot.Core;
using ChatBot.Core.Configuration;
using ChatBot.Server.Bot;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddConfiguration(ChatBotConfiguration.Build());
builder.Services.AddChatBotCore(builder.Configuration);
builder.Services.AddBotFramework(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "starting" }));
app.MapBotFramework();
app.Run();

/// <summary>Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
