using ChatBot.Core.Analysis;
using ChatBot.Core.Indexing;
using ChatBot.Core.Tests.Attribution;

namespace ChatBot.Core.Tests.Indexing;

public sealed class IndexTextBuilderTests
{
    private static readonly TextAnalyzer Analyzer = new(AliasTableLoader.Load(Path.Combine(RepositoryPaths.Root, "corpus", AliasTableLoader.FileName)));

    [Fact]
    public void Run_SeedPassagesWithContext_SameTextCountAndRepeatsAsJoiningTheAnalysedStrings()
    {
        var builder = new IndexTextBuilder();
        try
        {
            var checkedPassages = 0;
            foreach (var id in SeedCorpus.ArticleIds)
            {
                var passages = SeedCorpus.Load(id).Passages;
                for (var i = 0; i < passages.Count; i++)
                {
                    // The previous passage stands in for a context, so texts with and without one are both covered.
                    var context = i > 0 ? passages[i - 1].Text : null;
                    var joined = context is null
                        ? string.Join(' ', Analyzer.Tokens(passages[i].Text))
                        : string.Join(' ', Analyzer.Tokens(passages[i].Text).Concat(Analyzer.Tokens(context)));

                    builder.Clear();
                    Analyzer.Run(passages[i].Text, ref builder);
                    if (context is not null)
                    {
                        Analyzer.Run(context, ref builder);
                    }

                    Assert.Equal(joined, builder.ToString());
                    Assert.Equal(joined, System.Text.Encoding.UTF8.GetString(builder.ToUtf8()));
                    Assert.Equal(joined.Length == 0 ? 0 : joined.Count(c => c == ' ') + 1, builder.Count);
                    Assert.Equal(ReferenceRepeats(joined), builder.Repeats());
                    checkedPassages++;
                }
            }

            Assert.True(checkedPassages > 20);
        }
        finally
        {
            builder.Dispose();
        }
    }

    [Fact]
    public void Repeats_ManyTokens_GrowsAndCountsEach()
    {
        var tokens = Enumerable.Range(0, 3000).Select(i => "t" + (i % 700)).ToArray();
        var builder = new IndexTextBuilder();
        try
        {
            foreach (var token in tokens)
            {
                builder.Add(token, isAlias: false);
            }

            Assert.Equal(string.Join(' ', tokens), builder.ToString());
            Assert.Equal(ReferenceRepeats(string.Join(' ', tokens)), builder.Repeats());
        }
        finally
        {
            builder.Dispose();
        }
    }

    // The format spelled out plainly: each token occurring more than once with its count, tokens in ordinal order.
    private static string? ReferenceRepeats(string joined)
    {
        var repeated = joined.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")
            .ToList();
        return repeated.Count == 0 ? null : string.Join(' ', repeated);
    }
}
