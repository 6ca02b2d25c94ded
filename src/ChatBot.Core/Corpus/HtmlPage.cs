namespace ChatBot.Core.Corpus;

/// <summary>A saved web page's readable text and what its markup says about it.</summary>
public sealed record HtmlPage(string Text, ArticleMetadataPatch Metadata);
