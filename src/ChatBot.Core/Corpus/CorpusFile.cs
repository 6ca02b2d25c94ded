namespace ChatBot.Core.Corpus;

/// <summary>
/// One article file found in the corpus folder (sidecar .meta.yaml files, sources.yaml and aliases.yaml are not
/// article files). <see cref="Fingerprint"/> changes whenever anything that shapes the file's articles changes:
/// its bytes, its sidecar, its entries in sources.yaml.
/// </summary>
public sealed record CorpusFile(string FullPath, string RelativePath, string Fingerprint);
