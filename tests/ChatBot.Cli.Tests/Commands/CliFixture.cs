using System.CommandLine;
using ChatBot.Cli.Commands;
using ChatBot.Core.Answering;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatBot.Cli.Tests.Commands;

/// <summary>
/// A temp folder with a default prompt set and a suite, the eval and prompts commands wired to a fake answering service,
/// and a console that records what was printed.
/// </summary>
internal sealed class CliFixture : IDisposable
{
    public const string Distance =
        "The IS advance brought the militants to within four kilometres [two and a half miles] of the desert city, which regime forces recaptured in March.";

    private readonly StringWriter _output = new();

    public CliFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "chatbot-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Folder, "prompts"));
        Write("prompts/refusal.yaml", "name: refusal\ntemplate_format: handlebars\ntemplate: \"The reporting here does not say {{topic}}.\"\ninput_variables:\n  - name: topic\n    default: that\n");
        Write("variant/refusal.yaml", "name: refusal\ntemplate_format: handlebars\ntemplate: \"None of the articles answer {{topic}}.\"\ninput_variables:\n  - name: topic\n    default: that\n");
        Write("broken/refusal.yaml", "name: refusal\ntemplate_format: handlebars\ntemplate: \"{{#if topic}}unclosed\"\ninput_variables:\n  - name: topic\n");
        Write("suite.yaml", """
            name: cli
            thresholds: { passRate: 1 }
            cases:
              - id: distance
                question: How close did IS get to Palmyra?
                expect: { cites: [newarab-divided-fronts], mentions: ['four kilometres'] }
              - id: weather
                question: What is the weather in Damascus?
                expect: { refused: true }
            """);
        Service = new FakeAnsweringService(Respond);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        Console.Profile.Width = 200;
    }

    public string Folder { get; }

    public FakeAnsweringService Service { get; }

    public IAnsiConsole Console { get; }

    public string Output => _output.ToString();

    /// <summary>How many times the host's services were built.</summary>
    public int ServicesBuilt { get; private set; }

    /// <summary>Set to make building the services fail, as a bad --config would.</summary>
    public Exception? ServicesFailure { get; set; }

    /// <summary>Whether the fake refuses the weather question (the suite expects it to).</summary>
    public bool RefusesWeather { get; set; } = true;

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { EvalCommand.Create(BuildServices, console: Console), PromptsCommand.Create(BuildServices, console: Console) };
        return await root.Parse(args).InvokeAsync();
    }

    public void Dispose()
    {
        _output.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private IServiceProvider BuildServices(ParseResult parse)
    {
        ServicesBuilt++;
        if (ServicesFailure is not null)
        {
            throw ServicesFailure;
        }

        return new ServiceCollection()
            .AddSingleton<IAnsweringService>(Service)
            .AddSingleton<IPromptSetProvider>(new FilePromptSetProvider(PathOf("prompts")))
            .BuildServiceProvider();
    }

    private Answer Respond(AnswerRequest request)
    {
        var version = request.Prompts?.Version ?? "000000000000";
        if (request.Question.Contains("weather", StringComparison.Ordinal) && RefusesWeather)
        {
            var text = request.Prompts?.Render("refusal", new Dictionary<string, object?> { ["topic"] = "what the weather is" })
                ?? "The reporting here does not say what the weather is.";
            return new Answer { Question = request.Question, StandaloneQuestion = request.Question, Text = text, Mode = AnswerMode.Extractive, Refused = true, PromptVersion = version };
        }

        return new Answer
        {
            Question = request.Question,
            StandaloneQuestion = request.Question,
            Text = "The New Arab reported that the IS advance brought the militants to within four kilometres [two and a half miles] of the desert city [Palmyra], which regime forces recaptured in March [1].",
            Mode = AnswerMode.Extractive,
            Citations = [new Citation { N = 1, ArticleId = "newarab-divided-fronts", Outlet = "The New Arab", Quote = Distance }],
            PromptVersion = version,
        };
    }
}
