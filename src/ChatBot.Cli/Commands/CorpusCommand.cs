using System.CommandLine;
using System.Globalization;
using ChatBot.Core;
using ChatBot.Core.Corpus.Synthetic;

namespace ChatBot.Cli.Commands;

/// <summary>`chatbot corpus synth --articles N --out DIR [--seed S] [--format files|jsonl] [--force]`.</summary>
public static class CorpusCommand
{
    public static Command Create(TextWriter? output = null)
    {
        var articles = new Option<int>("--articles", "-n")
        {
            Description = "Well-formed articles to write (a few malformed files come on top).",
            Required = true,
        };
        articles.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 10_000_000)
            {
                r.AddError("--articles must be between 0 and 10,000,000.");
            }
        });
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to write (new or empty).", Required = true };
        var seed = new Option<long>("--seed") { Description = "Same seed, same bytes.", DefaultValueFactory = _ => 42 };
        var format = new Option<string>("--format")
        {
            Description = "files: one article per file in outlet folders; jsonl: one articles.jsonl in the peers' shape.",
            DefaultValueFactory = _ => "files",
        };
        format.AcceptOnlyFromAmong("files", "jsonl");
        var force = new Option<bool>("--force") { Description = "Replace an earlier synthetic corpus in --out." };

        var synth = new Command("synth", "Writes a deterministic synthetic corpus for scale tests: several fictional outlets, spelling variants, conflicting figures, page chrome, reader comments and a few broken files.")
        {
            articles, outDir, seed, format, force,
        };
        synth.SetAction((parse, ct) =>
        {
            var writer = output ?? Console.Out;
            var options = new SyntheticCorpusOptions
            {
                Articles = parse.GetValue(articles),
                Seed = parse.GetValue(seed),
                Format = parse.GetValue(format) == "jsonl" ? SyntheticCorpusFormat.Jsonl : SyntheticCorpusFormat.Files,
                ReplaceExisting = parse.GetValue(force),
            };
            try
            {
                var report = SyntheticCorpusGenerator.Generate(options, parse.GetValue(outDir)!.FullName, null, ct);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {report.Articles:N0} articles ({report.Bytes / 1e6:F1} MB in {report.Files:N0} files, {report.Outlets.Count} outlets) to {report.Directory} in {report.Elapsed.TotalSeconds:F1} s."));
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Malformed on purpose: {string.Join(", ", report.Malformed.GroupBy(m => m.Kind).Select(g => $"{g.Count()} {g.Key}"))} (e.g. {report.Malformed[0].RelativePath})."));
                return Task.FromResult(0);
            }
            catch (Exception ex) when (ex is ChatBotException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"corpus synth: {ex.Message}");
                return Task.FromResult(2);
            }
        });

        return new Command("corpus", "Corpus tools.") { synth };
    }
}
