using System.Globalization;

namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// Natural-language questions a reader might ask of a synthetic corpus, about stories it actually covers (drawn from
/// its first articles, so every size holds the answers), in varied spellings: the retrieval workload of `chatbot bench`.
/// </summary>
public static class SyntheticQuestionGenerator
{
    public static IReadOnlyList<string> Generate(long seed, int articles, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var stories = Math.Max(1, Math.Min(articles, 3000) / SyntheticStory.ArticlesPerStory);
        var questions = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; questions.Count < count && i < count * 20; i++)
        {
            var r = new SyntheticRandom(seed, 10, i);
            var story = SyntheticStory.Create(seed, r.Next(stories));
            var place = r.Pick(story.Place.AllSpellings);
            var actor = r.Pick(story.Actor.AllSpellings);
            var month = story.Date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            var question = r.Next(8) switch
            {
                0 => $"How many people were killed in {place} in {month}?",
                1 => $"What did the monitors say about the death toll in {place}?",
                2 => $"How close did {actor} get to {place}?",
                3 => $"Who was behind the attack on {story.Target} in {place}?",
                4 => $"How many people have fled {place} since {actor} attacked?",
                5 => $"What happened near {SyntheticVocabulary.Village(story.VillageA)}?",
                6 => $"Did {r.Pick(story.AirForce.AllSpellings)} bomb {place} in {story.Date.Year}?",
                _ => $"Do the reports agree on how many died in {place}?",
            };
            if (seen.Add(question))
            {
                questions.Add(question);
            }
        }

        return questions;
    }
}
