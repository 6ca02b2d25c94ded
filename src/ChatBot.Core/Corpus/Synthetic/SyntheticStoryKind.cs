namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>The kinds of event the synthetic reporting covers.</summary>
internal enum SyntheticStoryKind
{
    Airstrike,
    Offensive,
    Shelling,
    CarBomb,
    Displacement,
}
