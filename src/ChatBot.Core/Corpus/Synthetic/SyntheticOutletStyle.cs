namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>How an outlet's pages look once saved: each style has its own dateline, captions, chrome and comments.</summary>
internal enum SyntheticOutletStyle
{
    /// <summary>Wire copy as .txt: "Oct. 11 (Levant Wire) --", "Photo by X/Agency" captions, share prompts.</summary>
    Wire,

    /// <summary>A newspaper page as .txt: "27 October, 2015", "... [AFP] |" captions, ads, reader comments.</summary>
    Newspaper,

    /// <summary>A saved .html page: title, time element, figcaptions, related links, comment section.</summary>
    Html,

    /// <summary>A blog digest as .md with YAML front matter: "Syria Desk:" headlines, responses under the post.</summary>
    Blog,
}
