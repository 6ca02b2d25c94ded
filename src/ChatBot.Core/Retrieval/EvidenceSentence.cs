using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Retrieval;

/// <summary>One sentence of a retrieved passage with its claim: the unit answers are built from.</summary>
public sealed record EvidenceSentence(PassageHit Hit, Sentence Sentence, Claim Claim)
{
    public ArticleMetadata Article => Hit.Article;

    public bool IsCaption => Hit.Passage.Kind == PassageKind.Caption;
}
