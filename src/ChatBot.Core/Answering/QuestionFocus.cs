namespace ChatBot.Core.Answering;

/// <summary>What a standalone question asks about, as the composer and the service read it.</summary>
public sealed record QuestionFocus
{
    /// <summary>The question's content terms (analysed), framing words like "how" or "report" removed.</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>The subset of <see cref="Terms"/> that come from names (places, groups, people).</summary>
    public required IReadOnlySet<string> EntityTerms { get; init; }

    /// <summary>The names as written in the question, with the terms each yields.</summary>
    public required IReadOnlyList<QuestionName> Names { get; init; }

    public AnswerShape Shape { get; init; }

    /// <summary>The question asks about a situation that changes ("who holds", "how much ... control", "now").</summary>
    public bool AboutChangingSituation { get; init; }

    /// <summary>The question asks what someone said, claimed or reported ("What did Lavrov say about Aleppo?").</summary>
    public bool AboutWhatWasSaid { get; init; }

    /// <summary>Outlets the question names ("What did UPI report ..."): answers keep to them.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>The question text without the outlet names, for retrieval.</summary>
    public required string SearchText { get; init; }

    public bool HasContentTerms => Terms.Count > EntityTerms.Count;

    /// <summary>The first name the question mentions: what it is mainly about.</summary>
    public string? Subject => Names.Count > 0 ? Names[0].Text : null;
}

/// <summary>A name in a question ("Jafra", "Deir al-Zor") and the analysed terms it yields.</summary>
public sealed record QuestionName(string Text, IReadOnlyList<string> Terms);
