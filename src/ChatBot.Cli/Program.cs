using System.CommandLine;
using ChatBot.Cli;
using ChatBot.Cli.Commands;

var root = new RootCommand("chatbot: cited answers about news reporting on the Syrian war")
{
    CommonOptions.Corpus,
    CommonOptions.Index,
    CommonOptions.Config,
    IndexCommand.Create(),
    AskCommand.Create(),
    ChatCommand.Create(),
    EvalCommand.Create(CliHost.Build),
    PromptsCommand.Create(CliHost.Build),
};

return await root.Parse(args).InvokeAsync();
