namespace ChatBot.Core.Corpus;

/// <summary>What an article's own text states: headline, byline, publication date (a date line or a wire dateline).</summary>
internal static class TextMetadata
{
    public static ArticleMetadataPatch Read(string text, IReadOnlyList<TextSegment> segments)
    {
        string? byline = null;
        DateOnly? published = null;
        var inferred = false;
        TextSegment? firstReporting = null;
        foreach (var segment in segments)
        {
            if (segment.Kind == SegmentKind.Byline)
            {
                var norm = TextBlocks.Normalize(text.AsSpan(segment.Start, segment.Length));
                byline ??= ArticleSegmenter.BylineName(norm);
                if (published is null && TextDates.IsDateLine(norm, out var date))
                {
                    published = date;
                }
            }
            else if (segment.Kind == SegmentKind.Reporting && firstReporting is null)
            {
                firstReporting = segment;
            }
        }

        if (published is null && firstReporting is { } lede
            && TextDates.TryDateline(text.Substring(lede.Start, Math.Min(lede.Length, 200)), out var month, out var day, out var year))
        {
            (published, inferred) = DatelineDate(text, month, day, year);
        }

        return new ArticleMetadataPatch
        {
            Title = ArticleSegmenter.Headline(text, segments),
            Byline = byline,
            Published = published,
            PublishedInferred = published is null ? null : inferred,
        };
    }

    /// <summary>
    /// "Oct. 11 (UPI)" names no year: the year of a full date with the same month and day elsewhere in the text states it;
    /// failing that, the year of the text's first full date is a guess.
    /// </summary>
    private static (DateOnly?, bool Inferred) DatelineDate(string text, int month, int day, int? year)
    {
        if (year is { } y && day <= DateTime.DaysInMonth(y, month))
        {
            return (new DateOnly(y, month, day), false);
        }

        DateOnly? any = null;
        foreach (var (date, _, _) in TextDates.FindDates(text))
        {
            if (date.Month == month && date.Day == day)
            {
                return (date, false);
            }

            any ??= date;
        }

        return any is { } guess && day <= DateTime.DaysInMonth(guess.Year, month) ? (new DateOnly(guess.Year, month, day), true) : (null, false);
    }
}
