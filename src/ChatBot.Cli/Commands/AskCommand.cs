using System.CommandLine;
using ChatBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli.Commands;

/// <summary>`chatbot ask "QUESTION" [--json] [--turn "EARLIER QUESTION"]...`: one answer.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question" };
        var json = new Option<bool>("--json") { Description = "Print the answer JSON (design.md contract)" };
        var turns = new Option<string[]>("--turn")
        {
            Description = "An earlier user turn, oldest first (repeat for several)",
            AllowMultipleArgumentsPerToken = false,
        };
        var trace = new Option<bool>("--trace") { Description = "Also show how the answer was made: the standalone question, queries, passages with scores, claims" };
        var command = new Command("ask", "Answer one question from the corpus, with citations") { question, json, turns, trace };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async () =>
        {
            await using var services = CliHost.Build(parse);
            var answer = await services.GetRequiredService<IAnsweringService>().AnswerAsync(new AnswerRequest
            {
                Question = parse.GetValue(question) ?? string.Empty,
                Turns = parse.GetValue(turns) ?? [],
                IncludeTrace = parse.GetValue(trace),
            }, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(AnswerJson.Serialize(answer));
            }
            else
            {
                AnswerPrinter.Print(answer, Console.Out);
                if (answer.Trace is { } made)
                {
                    AnswerPrinter.PrintTrace(made, Console.Out);
                }
            }

            return CliHost.Done;
        }));
        return command;
    }
}
