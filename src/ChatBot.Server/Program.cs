using ChatBot.Core;
using ChatBot.Core.Configuration;
using ChatBot.Server;
using ChatBot.Server.Api;
using ChatBot.Server.Bot;
using ChatBot.Server.DirectLine;
using ChatBot.Server.Health;
using ChatBot.Server.Widget;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddConfiguration(ChatBotConfiguration.Build()); // root appsettings.json, then CHATBOT_ env vars
builder.Services.AddChatBotCore(builder.Configuration);
builder.Services.AddChatBotServer(builder.Configuration);
builder.Services.AddBotFramework(builder.Configuration);

var app = builder.Build();
app.UseChatBotServer();
app.MapWidget();         // GET / (the web chat page) and /api/widget/settings
app.MapDirectLine();     // /v3/directline/...
app.MapAskApi();         // POST /api/ask
app.MapHealth();         // GET /healthz
app.MapBotFramework();   // POST /api/messages (Bot Framework: Teams, Emulator, Agents Playground)
app.Run();

/// <summary>Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
