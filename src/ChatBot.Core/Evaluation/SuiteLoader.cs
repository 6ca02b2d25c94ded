using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Core.Attribution;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Reads a question suite (design.md "Question suites") and rejects it, before anything runs, when it has an unknown
/// key, a regex that does not compile, a case without a question or id, a duplicate id, a value of the wrong type or
/// an unknown threshold. Every problem is collected and reported as "file:line: reason".
/// </summary>
public static class SuiteLoader
{
    private static readonly string[] SuiteKeys = ["name", "description", "thresholds", "cases"];
    private static readonly string[] CaseKeys = ["id", "question", "turns", "expect", "note"];
    private static readonly string[] ExpectKeys = ["cites", "outlets", "mentions", "disputed", "disputeKinds", "refused"];

    /// <summary>Regexes of a suite give up after this long on one answer, so a pathological pattern cannot hang a run.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <exception cref="SuiteFormatException">The file is missing or malformed.</exception>
    public static QuestionSuite Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new SuiteFormatException([$"{full}: suite file not found"]);
        }

        return Parse(full, File.ReadAllText(full));
    }

    /// <summary>Parses suite text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="SuiteFormatException">The text is malformed.</exception>
    public static QuestionSuite Parse(string path, string text)
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SuiteFormatException([$"{path}:{ex.Start.Line}: invalid YAML: {ex.InnerException?.Message ?? ex.Message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SuiteFormatException([$"{path}:1: a suite must be a YAML mapping with 'cases'"]);
        }

        string? name = null;
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        var cases = new List<SuiteCase>();
        var sawCases = false;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "name":
                    name = Text(path, key, value, errors);
                    break;
                case "description":
                    Text(path, key, value, errors);
                    break;
                case "thresholds":
                    ReadThresholds(path, value, thresholds, errors);
                    break;
                case "cases":
                    sawCases = true;
                    ReadCases(path, value, cases, errors);
                    break;
                default:
                    errors.Add(Unknown(path, keyNode, key, "suite", SuiteKeys));
                    break;
            }
        }

        if (!sawCases)
        {
            errors.Add($"{path}:{root.Start.Line}: missing 'cases'");
        }

        if (errors.Count > 0)
        {
            throw new SuiteFormatException(errors);
        }

        return new QuestionSuite
        {
            Name = string.IsNullOrWhiteSpace(name) ? System.IO.Path.GetFileNameWithoutExtension(path) : name,
            Path = path,
            Thresholds = thresholds,
            Cases = cases,
        };
    }

    private static void ReadThresholds(string path, YamlNode value, Dictionary<string, double> thresholds, List<string> errors)
    {
        if (value is not YamlMappingNode map)
        {
            errors.Add($"{path}:{value.Start.Line}: 'thresholds' must be a mapping of metric name to number, e.g. {{ passRate: 0.9 }}");
            return;
        }

        foreach (var (keyNode, limitNode) in map.Children)
        {
            var metric = Key(keyNode);
            if (!EvalSummary.MetricNames.Contains(metric))
            {
                errors.Add(Unknown(path, keyNode, metric, "threshold", EvalSummary.MetricNames));
                continue;
            }

            if (limitNode is not YamlScalarNode { Value: { } raw } ||
                !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit))
            {
                errors.Add($"{path}:{limitNode.Start.Line}: threshold '{metric}' must be a number");
                continue;
            }

            if (!EvalSummary.IsLatencyMetric(metric) && metric is not ("cases" or "passed" or "failed") && limit is < 0 or > 1)
            {
                errors.Add($"{path}:{limitNode.Start.Line}: threshold '{metric}' is a share and must lie between 0 and 1, not {raw}");
                continue;
            }

            thresholds[metric] = limit;
        }
    }

    private static void ReadCases(string path, YamlNode value, List<SuiteCase> cases, List<string> errors)
    {
        if (value is not YamlSequenceNode list)
        {
            errors.Add($"{path}:{value.Start.Line}: 'cases' must be a list");
            return;
        }

        if (list.Children.Count == 0)
        {
            errors.Add($"{path}:{value.Start.Line}: 'cases' is empty");
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add($"{path}:{item.Start.Line}: a case must be a mapping with 'id' and 'question'");
                continue;
            }

            string? id = null, question = null, note = null;
            IReadOnlyList<string> turns = [];
            var expect = new CaseExpectation();
            foreach (var (keyNode, v) in map.Children)
            {
                var key = Key(keyNode);
                switch (key)
                {
                    case "id":
                        id = Text(path, key, v, errors);
                        break;
                    case "question":
                        question = Text(path, key, v, errors);
                        break;
                    case "turns":
                        turns = List(path, key, v, errors);
                        break;
                    case "note":
                        note = Text(path, key, v, errors);
                        break;
                    case "expect":
                        expect = ReadExpectation(path, v, errors);
                        break;
                    default:
                        errors.Add(Unknown(path, keyNode, key, "case", CaseKeys));
                        break;
                }
            }

            var label = id is null ? "a case" : $"case '{id}'";
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add($"{path}:{map.Start.Line}: a case has no 'id'");
            }
            else if (seen.TryGetValue(id, out var firstLine))
            {
                errors.Add($"{path}:{map.Start.Line}: duplicate case id '{id}' (first used on line {firstLine})");
            }
            else
            {
                seen[id] = map.Start.Line;
            }

            if (string.IsNullOrWhiteSpace(question))
            {
                errors.Add($"{path}:{map.Start.Line}: {label} has no 'question'");
            }

            cases.Add(new SuiteCase
            {
                Id = id ?? string.Empty,
                Question = question ?? string.Empty,
                Turns = turns,
                Expect = expect,
                Note = note,
                Line = (int)map.Start.Line,
            });
        }
    }

    private static CaseExpectation ReadExpectation(string path, YamlNode value, List<string> errors)
    {
        if (value is not YamlMappingNode map)
        {
            errors.Add($"{path}:{value.Start.Line}: 'expect' must be a mapping");
            return new CaseExpectation();
        }

        var expect = new CaseExpectation();
        foreach (var (keyNode, v) in map.Children)
        {
            var key = Key(keyNode);
            expect = key switch
            {
                "cites" => expect with { Cites = List(path, key, v, errors) },
                "outlets" => expect with { Outlets = Regexes(path, key, v, errors) },
                "mentions" => expect with { Mentions = Regexes(path, key, v, errors) },
                "disputed" => expect with { Disputed = Bool(path, key, v, errors) },
                "refused" => expect with { Refused = Bool(path, key, v, errors) },
                "disputeKinds" => expect with { DisputeKinds = Kinds(path, v, errors) },
                _ => Fail(expect, Unknown(path, keyNode, key, "expectation", ExpectKeys), errors),
            };
        }

        return expect;
    }

    private static CaseExpectation Fail(CaseExpectation expect, string error, List<string> errors)
    {
        errors.Add(error);
        return expect;
    }

    private static List<Regex> Regexes(string path, string key, YamlNode value, List<string> errors)
    {
        var regexes = new List<Regex>();
        if (value is not YamlSequenceNode list)
        {
            errors.Add($"{path}:{value.Start.Line}: '{key}' must be a list of regexes, e.g. [\"New Arab\"]");
            return regexes;
        }

        foreach (var item in list)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } pattern })
            {
                errors.Add($"{path}:{item.Start.Line}: '{key}' entries must be non-empty text (a regex)");
                continue;
            }

            try
            {
                regexes.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{path}:{item.Start.Line}: bad regex in '{key}': /{pattern}/: {ex.Message}");
            }
        }

        return regexes;
    }

    private static List<DisputeKind> Kinds(string path, YamlNode value, List<string> errors)
    {
        var kinds = new List<DisputeKind>();
        foreach (var text in List(path, "disputeKinds", value, errors))
        {
            if (Enum.TryParse<DisputeKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _))
            {
                kinds.Add(kind);
            }
            else
            {
                errors.Add($"{path}:{value.Start.Line}: unknown dispute kind '{text}' (expected conflict, unverified or denied)");
            }
        }

        return kinds;
    }

    private static List<string> List(string path, string key, YamlNode value, List<string> errors)
    {
        var items = new List<string>();
        if (value is not YamlSequenceNode list)
        {
            errors.Add($"{path}:{value.Start.Line}: '{key}' must be a list");
            return items;
        }

        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add(text);
            }
            else
            {
                errors.Add($"{path}:{item.Start.Line}: '{key}' entries must be non-empty text");
            }
        }

        return items;
    }

    private static bool? Bool(string path, string key, YamlNode value, List<string> errors)
    {
        if (value is YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } && bool.TryParse(text, out var result))
        {
            return result;
        }

        errors.Add($"{path}:{value.Start.Line}: '{key}' must be true or false");
        return null;
    }

    private static string? Text(string path, string key, YamlNode value, List<string> errors)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        errors.Add($"{path}:{value.Start.Line}: '{key}' must be text, not a {(value is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    private static string Key(YamlNode node) => (node as YamlScalarNode)?.Value ?? string.Empty;

    private static string Unknown(string path, YamlNode keyNode, string key, string where, IEnumerable<string> known) =>
        $"{path}:{keyNode.Start.Line}: unknown {where} key '{key}' (expected one of: {string.Join(", ", known)})";
}
