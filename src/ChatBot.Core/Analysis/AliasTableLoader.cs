using System.Security.Cryptography;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Analysis;

/// <summary>
/// Reads corpus/aliases.yaml: a YAML list of entries, each <c>name:</c> (the canonical form) and <c>variants:</c>
/// (a list of spellings). Errors name the file and line. A missing file is an empty table.
/// </summary>
public static class AliasTableLoader
{
    public const string FileName = "aliases.yaml";

    /// <summary>Loads the table from <paramref name="path"/>; an absent file gives <see cref="AliasTable.Empty"/>.</summary>
    /// <exception cref="CorpusFormatException">The file is not valid YAML or an entry is malformed (file:line: reason).</exception>
    public static AliasTable Load(string path)
    {
        if (!File.Exists(path))
        {
            return AliasTable.Empty;
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses aliases.yaml text; <paramref name="path"/> only names the file in messages.</summary>
    /// <exception cref="CorpusFormatException">The text is not valid YAML or an entry is malformed.</exception>
    public static AliasTable Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CorpusFormatException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return AliasTable.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode entries)
        {
            throw Error(path, stream.Documents[0].RootNode, "expected a list of entries (- name: ..., variants: [...])");
        }

        var result = new List<AliasEntry>();
        var seenTokens = new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
        var seenVariants = new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(path, node, "an entry must be a mapping with name and variants");
            }

            string? name = null;
            var variants = new List<string>();
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "name":
                        name = (valueNode as YamlScalarNode)?.Value?.Trim();
                        if (string.IsNullOrEmpty(name))
                        {
                            throw Error(path, valueNode, "name must be a non-empty text");
                        }

                        break;
                    case "variants":
                        if (valueNode is not YamlSequenceNode list)
                        {
                            throw Error(path, valueNode, "variants must be a list, e.g. [Daesh, ISIS]");
                        }

                        foreach (var item in list)
                        {
                            if (item is not YamlScalarNode { Value: { Length: > 0 } v } || string.IsNullOrWhiteSpace(v))
                            {
                                throw Error(path, item, "a variant must be a non-empty text");
                            }

                            variants.Add(v.Trim());
                        }

                        break;
                    default:
                        throw Error(path, keyNode, $"unknown key '{key}' (expected name or variants)");
                }
            }

            if (name is null)
            {
                throw Error(path, map, "entry has no name");
            }

            var entry = new AliasEntry(name, variants, (int)map.Start.Line);
            if (entry.Token.Length == 0)
            {
                throw Error(path, map, $"name '{name}' has no letters or digits");
            }

            if (seenTokens.TryGetValue(entry.Token, out var clash))
            {
                throw Error(path, map, $"'{name}' duplicates the entry '{clash.Name}' (line {clash.Line})");
            }

            seenTokens[entry.Token] = entry;
            foreach (var spelling in variants.Prepend(name))
            {
                var key = string.Equals(spelling.ToUpperInvariant(), spelling, StringComparison.Ordinal) ? spelling : spelling.ToLowerInvariant();
                if (seenVariants.TryGetValue(key, out var owner) && !ReferenceEquals(owner, entry))
                {
                    throw Error(path, map, $"variant '{spelling}' of '{name}' is already a variant of '{owner.Name}' (line {owner.Line})");
                }

                seenVariants[key] = entry;
            }

            result.Add(entry);
        }

        return new AliasTable(result);
    }

    /// <summary>SHA-256 of the file's bytes (hex), or "none" when absent: recorded in the index to detect a change.</summary>
    public static string Hash(string path)
    {
        if (!File.Exists(path))
        {
            return "none";
        }

        return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
    }

    private static CorpusFormatException Error(string path, YamlNode node, string reason) =>
        new($"{path}:{node.Start.Line}: {reason}");
}
