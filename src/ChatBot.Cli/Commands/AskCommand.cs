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
        var command = new Command("ask", "Answer one question from the corpus, with citations") { question, json, turns };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async () =>
        {
            await using var services = CliHost.Build(parse);
            var answer = await services.GetRequiredService<IAnsweringService>().AnswerAsync(new AnswerRequest
            {
                Question = parse.GetValue(question) ?? string.Empty,
                Turns = parse.GetValue(turns) ?? [],
            }, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(AnswerJson.Serialize(answer));
            }
            else
            {
                AnswerPrinter.Print(answer, Console.Out);
            }

            return CliHost.Done;
        }));
        return command;
    }
}
