using System.CommandLine;
using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli.Commands;

/// <summary>`chatbot chat`: a conversation in the terminal; follow-up questions see the earlier turns.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var command = new Command("chat", "Talk to the bot in the terminal (empty line, 'exit' or Ctrl+D to leave)");
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async () =>
        {
            await using var services = CliHost.Build(parse);
            var answering = services.GetRequiredService<IAnsweringService>();
            var maxTurns = services.GetRequiredService<IOptions<AnsweringOptions>>().Value.MaxTurns;
            var turns = new List<string>();
            var interactive = !Console.IsInputRedirected;
            if (interactive)
            {
                Console.WriteLine("Ask about the reporting on the war in Syria. Every answer cites its sources. Type 'exit' to leave.");
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                if (interactive)
                {
                    Console.Write("\n> ");
                }

                var line = await Console.In.ReadLineAsync(cancellationToken);
                if (line is null || (interactive && line.Trim().Length == 0) || line.Trim() is "exit" or "quit")
                {
                    break;
                }

                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var answer = await answering.AnswerAsync(new AnswerRequest { Question = line, Turns = turns.ToList() }, cancellationToken);
                Console.WriteLine();
                AnswerPrinter.Print(answer, Console.Out);
                turns.Add(line);
                if (turns.Count > maxTurns)
                {
                    turns.RemoveAt(0);
                }
            }

            return CliHost.Done;
        }));
        return command;
    }
}
