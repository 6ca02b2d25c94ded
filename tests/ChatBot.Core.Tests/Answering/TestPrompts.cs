using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Prompts;
using HandlebarsDotNet;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Tests.Answering;

/// <summary>The repository's default prompt set, compiled the simplest way, for tests of the stages that render it.</summary>
internal static class TestPrompts
{
    private static readonly Lazy<PromptSet> Default = new(() => Load(RepositoryPaths.Prompts));

    public static PromptSet Repository => Default.Value;

    public static PromptSet Load(string directory)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = null, NoEscape = true });
        var templates = new Dictionary<string, PromptTemplate>();
        var renderers = new Dictionary<string, Func<object, string>>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var name = ((YamlScalarNode)root["name"]).Value!;
            var template = ((YamlScalarNode)root["template"]).Value!;
            templates[name] = new PromptTemplate { Name = name, Template = template, SourcePath = file };
            var compiled = handlebars.Compile(template);
            renderers[name] = model => compiled(model);
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(templates.Values.Select(t => t.Name + t.Template)))))[..12];
        return new PromptSet(directory, version, templates, renderers);
    }
}
