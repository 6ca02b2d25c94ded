using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.Retrieval;

/// <summary>
/// Which article each passage belongs to, and each article's outlet and publication date: what the re-rank needs of
/// a scored passage. Held in memory per index generation, so describing a question's pool reads arrays instead of
/// running a statement per question (4 bytes a passage and 8 an article: about 3 MB at 100k articles).
/// </summary>
internal sealed class PassageArticles
{
    private readonly int[] _articleOf;
    private readonly int[] _outletOf;
    private readonly int[] _publishedOf;
    private readonly string[] _outlets;

    private PassageArticles(int[] articleOf, int[] outletOf, int[] publishedOf, string[] outlets)
    {
        _articleOf = articleOf;
        _outletOf = outletOf;
        _publishedOf = publishedOf;
        _outlets = outlets;
    }

    public static PassageArticles Read(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM articles";
        var maxArticle = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM passages";
        var maxPassage = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        var outletOf = new int[maxArticle + 1];
        var publishedOf = new int[maxArticle + 1];
        var articleOf = new int[maxPassage + 1];
        Array.Fill(outletOf, -1);
        Array.Fill(articleOf, -1);
        var outlets = new List<string>();
        var outletIndex = new Dictionary<string, int>(StringComparer.Ordinal);

        // An article's passages are the rowid range first_passage .. first_passage + passage_count - 1 (IndexSchema),
        // so the article table alone gives every passage's article: no scan of the passages.
        command.CommandText = "SELECT rowid, outlet, published, first_passage, passage_count FROM articles";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var outlet = reader.GetString(1);
                if (!outletIndex.TryGetValue(outlet, out var index))
                {
                    index = outlets.Count;
                    outletIndex[outlet] = index;
                    outlets.Add(outlet);
                }

                var rowid = checked((int)reader.GetInt64(0));
                outletOf[rowid] = index;
                // 0 is "no date"; a date is its day number plus one.
                publishedOf[rowid] = reader.IsDBNull(2)
                    ? 0
                    : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber + 1;
                var first = reader.GetInt64(3);
                var end = Math.Min(first + reader.GetInt64(4), articleOf.Length);
                if (first >= 0 && first < end)
                {
                    articleOf.AsSpan((int)first, (int)(end - first)).Fill(rowid);
                }
            }
        }

        return new PassageArticles(articleOf, outletOf, publishedOf, [.. outlets]);
    }

    /// <summary>The outlet and date of passage <paramref name="rowid"/>'s article; false when the passage or article is unknown.</summary>
    public bool TryDescribe(long rowid, out string outlet, out DateOnly? published)
    {
        outlet = string.Empty;
        published = null;
        if (rowid < 0 || rowid >= _articleOf.Length)
        {
            return false;
        }

        var article = _articleOf[rowid];
        if (article < 0 || article >= _outletOf.Length || _outletOf[article] < 0)
        {
            return false;
        }

        outlet = _outlets[_outletOf[article]];
        published = _publishedOf[article] == 0 ? null : DateOnly.FromDayNumber(_publishedOf[article] - 1);
        return true;
    }
}
