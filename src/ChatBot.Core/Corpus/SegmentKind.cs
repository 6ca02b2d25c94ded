namespace ChatBot.Core.Corpus;

/// <summary>What a stretch of raw article text is. Only <see cref="Reporting"/> and <see cref="Caption"/> are ever evidence.</summary>
public enum SegmentKind
{
    /// <summary>The outlet's own reporting: paragraphs of the story.</summary>
    Reporting,

    /// <summary>A photo or video caption: citable, always presented as "a photo caption in OUTLET".</summary>
    Caption,

    /// <summary>The headline (the article's title as printed).</summary>
    Headline,

    /// <summary>A standfirst or dek under the headline.</summary>
    Standfirst,

    /// <summary>"By Fred Lambert", dates, reading time, datelines standing alone.</summary>
    Byline,

    /// <summary>Ads, share, donation and subscription prompts, comment widgets, disclaimers, credits.</summary>
    Chrome,

    /// <summary>"Related Posts", "Latest Headlines", "See also" and the headline lists under them.</summary>
    LinkList,

    /// <summary>Reader comments: never the outlet's reporting.</summary>
    ReaderComments,
}
