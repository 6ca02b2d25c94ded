using System.CommandLine;
using ChatBot.Cli;
using ChatBot.Cli.Benchmarks;
using ChatBot.Cli.Commands;
using ChatBot.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;

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
    CorpusCommand.Create(),
    TeamsCommand.Create(),
    FeedbackCommand.Create(parse => CliHost.Build(parse).GetRequiredService<IFeedbackStore>()),
    BenchCommand.Create(services => services.AddSingleton<IExhaustiveRanking, Fts5ExhaustiveRanking>()),
};

return await root.Parse(args).InvokeAsync();
