using System.Globalization;
using System.Xml.Linq;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Writes a run as JUnit XML for CI systems: one testsuite for the cases (one testcase each, a failed case carries a
/// &lt;failure&gt; listing every failed expectation, the answer in &lt;system-out&gt;), and one for the thresholds.
/// </summary>
public static class JUnitReportWriter
{
    public static string Write(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cases = new XElement("testsuite",
            new XAttribute("name", run.Suite.Name),
            new XAttribute("tests", run.Cases.Count),
            new XAttribute("failures", run.Cases.Count(c => !c.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(run.Cases.Sum(c => c.LatencyMs))),
            run.Cases.Select(c => new XElement("testcase",
                new XAttribute("classname", run.Suite.Name),
                new XAttribute("name", c.Case.Id),
                new XAttribute("time", Seconds(c.LatencyMs)),
                c.Passed ? null : new XElement("failure",
                    new XAttribute("message", c.Failures.Count == 1 ? c.Failures[0] : $"{c.Failures.Count} expectations failed: {c.Failures[0]}"),
                    new XAttribute("type", "expectation"),
                    $"Question: {c.Case.Question}{Environment.NewLine}{string.Join(Environment.NewLine, c.Failures)}"),
                new XElement("system-out", c.Answer.Text))));

        var root = new XElement("testsuites", cases);
        if (run.Thresholds.Count > 0)
        {
            root.Add(new XElement("testsuite",
                new XAttribute("name", $"{run.Suite.Name}.thresholds"),
                new XAttribute("tests", run.Thresholds.Count),
                new XAttribute("failures", run.Thresholds.Count(t => !t.Held)),
                new XAttribute("errors", 0),
                run.Thresholds.Select(t => new XElement("testcase",
                    new XAttribute("classname", $"{run.Suite.Name}.thresholds"),
                    new XAttribute("name", t.Metric),
                    t.Held ? null : new XElement("failure", new XAttribute("message", t.Describe()), new XAttribute("type", "threshold"))))));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString();
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
