using ChatBot.Core.Prompts;
using HandlebarsDotNet;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Tests.Generation;

/// <summary>The repository's own prompts/ folder, compiled with Handlebars.Net, as a <see cref="PromptSet"/>.</summary>
internal static class TestPrompts
{
    public const string Version = "testversion1";

    private static readonly Lazy<PromptSet> Set = new(Load);

    public static PromptSet Default => Set.Value;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatBot.sln not found above the test folder.");
    }

    private static PromptSet Load()
    {
        var directory = Path.Combine(RepositoryRoot(), "prompts");
        var handlebars = Handlebars.Create();
        var templates = new Dictionary<string, PromptTemplate>();
        var renderers = new Dictionary<string, Func<object, string>>();
        foreach (var name in new[] { "answer", "rewrite" })
        {
            var path = Path.Combine(directory, name + ".yaml");
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            string Scalar(string key) => ((YamlScalarNode)root.Children[new YamlScalarNode(key)]).Value!;
            var settings = new Dictionary<string, object?>();
            if (root.Children.TryGetValue(new YamlScalarNode("execution_settings"), out var es)
                && ((YamlMappingNode)es).Children.TryGetValue(new YamlScalarNode("default"), out var def))
            {
                foreach (var (key, value) in ((YamlMappingNode)def).Children)
                {
                    settings[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value;
                }
            }

            var inputs = ((YamlSequenceNode)root.Children[new YamlScalarNode("input_variables")]).Children
                .Select(v => ((YamlScalarNode)((YamlMappingNode)v).Children[new YamlScalarNode("name")]).Value!).ToList();
            var template = Scalar("template");
            templates[name] = new PromptTemplate { Name = Scalar("name"), Template = template, InputVariables = inputs, ExecutionSettings = settings, SourcePath = path };
            var compiled = handlebars.Compile(template);
            renderers[name] = model => compiled(model);
        }

        return new PromptSet(directory, Version, templates, renderers);
    }
}
