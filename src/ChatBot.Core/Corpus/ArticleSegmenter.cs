using System.Buffers;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Corpus;

/// <summary>
/// Tells reporting apart from everything else a scraped page carries: headline, standfirst, byline, ads and prompts,
/// link lists, captions and reader comments. General page heuristics, not rules for particular articles.
/// </summary>
/// <remarks>Stateless and thread-safe. Segments are in order, non-overlapping, and exclude surrounding white space.</remarks>
public static partial class ArticleSegmenter
{
    // What the May... checks (before the unanchored regexes) look for.
    private static readonly SearchValues<char> BreadcrumbSeparators = SearchValues.Create(">»›/");

    private static readonly SearchValues<char> CreditMarks = SearchValues.Create("[|(:/");

    private static readonly SearchValues<string> PictureWords = SearchValues.Create(["photo", "picture", "image", "video", "footage"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> DisclaimerWord = SearchValues.Create(["expressed"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PromptWords = SearchValues.Create(["patreon", "right", "policy", "term", "letter"], StringComparison.OrdinalIgnoreCase);

    private enum Shape
    {
        Prose,
        HeadlineLike,
        Chrome,
        Byline,
        Caption,
        TailMarker,
        CommentsMarker,
        CrossLink,
    }

    private enum Region
    {
        Head,
        Body,
        Tail,
        Comments,
    }

    /// <summary>Classifies the paragraphs of <paramref name="text"/>.</summary>
    public static IReadOnlyList<TextSegment> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = TextBlocks.Split(text);
        var shapes = new Shape[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            shapes[i] = ShapeOf(blocks[i].NormalizedSpan);
        }

        var kinds = new SegmentKind[blocks.Count];
        var region = Region.Head;
        string? title = null;
        var captions = new List<string>();

        for (var i = 0; i < blocks.Count; i++)
        {
            // Most paragraphs are read through NormalizedSpan only; Normalized (a string) is made for the few kept.
            var block = blocks[i];
            var shape = shapes[i];
            if (region == Region.Comments)
            {
                kinds[i] = shape == Shape.Chrome ? SegmentKind.Chrome : SegmentKind.ReaderComments;
                continue;
            }

            if (region == Region.Tail)
            {
                kinds[i] = TailKind(blocks, shapes, i, ref region);
                continue;
            }

            switch (shape)
            {
                case Shape.TailMarker:
                    kinds[i] = SegmentKind.LinkList;
                    region = Region.Tail;
                    continue;
                case Shape.CommentsMarker:
                    kinds[i] = SegmentKind.Chrome;
                    region = Region.Comments;
                    continue;
                case Shape.Chrome:
                    kinds[i] = SegmentKind.Chrome;
                    continue;
                case Shape.Byline:
                    kinds[i] = SegmentKind.Byline;
                    continue;
                case Shape.CrossLink:
                    kinds[i] = SegmentKind.LinkList;
                    continue;
                case Shape.Caption:
                    // A caption printed twice (gallery and inline, or with "| License Photo" appended) is kept once.
                    var key = CaptionKey(block.Normalized);
                    kinds[i] = captions.Exists(c => key.StartsWith(c, StringComparison.Ordinal)) ? SegmentKind.Chrome : SegmentKind.Caption;
                    captions.Add(key);
                    continue;
            }

            if (region == Region.Head)
            {
                if (title is null && shape == Shape.HeadlineLike)
                {
                    title = block.Normalized;
                    kinds[i] = SegmentKind.Headline;
                    continue;
                }

                if (title is not null && block.NormalizedSpan.SequenceEqual(title))
                {
                    kinds[i] = SegmentKind.Headline;
                    continue;
                }

                if (title is not null && block.NormalizedSpan.Length <= 400 && i + 1 < blocks.Count && shapes[i + 1] is Shape.Byline or Shape.Caption)
                {
                    kinds[i] = SegmentKind.Standfirst;
                    continue;
                }

                region = Region.Body;
            }

            kinds[i] = shape == Shape.HeadlineLike && IsSubheadline(block.Normalized) ? SegmentKind.Headline : SegmentKind.Reporting;
        }

        MarkPageEnd(blocks, shapes, kinds);

        var segments = new List<TextSegment>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var (start, end) = (blocks[i].Start, blocks[i].End);
            if (kinds[i] == SegmentKind.Caption)
            {
                end = TrimCaptionTail(text, start, end);
            }

            segments.Add(new TextSegment(kinds[i], start, end - start));
        }

        return segments;
    }

    /// <summary>The printed headline: the first <see cref="SegmentKind.Headline"/> segment, white space normalised.</summary>
    public static string? Headline(string text, IReadOnlyList<TextSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(segments);
        foreach (var segment in segments)
        {
            if (segment.Kind == SegmentKind.Headline)
            {
                return TextBlocks.Normalize(text.AsSpan(segment.Start, segment.Length)).TrimStart('#', ' ').Trim('*', '_', ' ');
            }

            if (segment.Kind is SegmentKind.Reporting)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The name in a byline paragraph ("By Fred Lambert" gives "Fred Lambert"), or null when it is not one.</summary>
    internal static string? BylineName(string normalized)
    {
        var plain = normalized.Trim('*', '_', ' ');
        var m = BylineRegex().Match(plain);
        return m.Success ? m.Groups["name"].Value.Trim() : null;
    }

    /// <summary>
    /// After "Related Posts" and the like: headline entries (perhaps with a date or a "[…]" teaser) are the link list; the
    /// first stretch of prose that is not a teaser starts the reader comments, which run to the end of the page.
    /// </summary>
    private static SegmentKind TailKind(List<TextBlock> blocks, Shape[] shapes, int i, ref Region region)
    {
        var norm = blocks[i].Normalized;
        switch (shapes[i])
        {
            case Shape.Chrome or Shape.Byline:
                return SegmentKind.Chrome;
            case Shape.TailMarker or Shape.CrossLink:
                return SegmentKind.LinkList;
            case Shape.CommentsMarker:
                region = Region.Comments;
                return SegmentKind.Chrome;
        }

        if (!StartsWithReplyMarker(norm) && (IsLinkEntry(norm) || TeaserRunEndsInLinkEntry(blocks, i)))
        {
            return SegmentKind.LinkList;
        }

        region = Region.Comments;
        return SegmentKind.ReaderComments;
    }

    private static bool IsLinkEntry(string norm)
    {
        var body = ListNumberRegex().Replace(norm, string.Empty);
        return EndsWithDateRegex().IsMatch(body.Length <= 40 ? body : body[^40..])
            || body.Contains("[\u2026]", StringComparison.Ordinal) || body.Contains("[...]", StringComparison.Ordinal)
            || (!TextBlocks.EndsTerminal(body) && body.Length <= 200 && !StartsWithReplyMarker(body));
    }

    /// <summary>A teaser paragraph of a related post: prose followed, within a few paragraphs, by the entry's date.</summary>
    private static bool TeaserRunEndsInLinkEntry(List<TextBlock> blocks, int i)
    {
        for (var j = i; j < blocks.Count && j < i + 5; j++)
        {
            var norm = blocks[j].Normalized;
            if (StartsWithReplyMarker(norm) || (j > i && ListNumberRegex().IsMatch(norm)))
            {
                return false;
            }

            if (EndsWithDateRegex().IsMatch(norm.Length <= 40 ? norm : norm[^40..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithReplyMarker(string norm) => norm.Length > 1 && norm[0] is '\u2022' or '\u2013' or '\u2014' or '>' && norm[1] == ' ';

    /// <summary>
    /// The end of the page: a short credit line right after the last paragraph ("Syria Direct") is chrome; headline-like
    /// lines after it (bare headlines of other stories) are a link list when chrome separates them from the story or
    /// there are several.
    /// </summary>
    private static void MarkPageEnd(List<TextBlock> blocks, Shape[] shapes, SegmentKind[] kinds)
    {
        var lastProse = -1;
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (kinds[i] == SegmentKind.Reporting && shapes[i] != Shape.HeadlineLike)
            {
                lastProse = i;
                break;
            }
        }

        if (lastProse < 0)
        {
            return;
        }

        var trailing = new List<int>();
        var separated = false;
        for (var i = lastProse + 1; i < blocks.Count; i++)
        {
            if (kinds[i] is SegmentKind.Reporting or SegmentKind.Headline)
            {
                trailing.Add(i);
            }
            else if (kinds[i] is SegmentKind.Chrome or SegmentKind.LinkList && trailing.Count == 0)
            {
                separated = true;
            }
        }

        if (trailing.Count == 0)
        {
            return;
        }

        var first = trailing[0];
        if (!separated && first == lastProse + 1 && WordCount(blocks[first].NormalizedSpan) <= 4)
        {
            kinds[first] = SegmentKind.Chrome;
            trailing.RemoveAt(0);
        }

        if (trailing.Count > 0 && (separated || trailing.Count >= 2))
        {
            foreach (var i in trailing)
            {
                kinds[i] = SegmentKind.LinkList;
            }
        }
    }

    // Spans rather than strings: the paragraph, trimmed, and a caption's tail are looked at, never kept.
    private static Shape ShapeOf(ReadOnlySpan<char> norm)
    {
        var plain = norm.TrimStart("# ").Trim("*_ ");
        if (TailMarkerRegex().IsMatch(plain))
        {
            return Shape.TailMarker;
        }

        if (CommentsMarkerRegex().IsMatch(plain))
        {
            return Shape.CommentsMarker;
        }

        if (IsChrome(plain))
        {
            return Shape.Chrome;
        }

        if (ReadTimeRegex().IsMatch(plain) || BylineRegex().IsMatch(plain) || CreditLineRegex().IsMatch(plain) || TextDates.IsDateLine(plain, out _))
        {
            return Shape.Byline;
        }

        if (CrossLinkRegex().IsMatch(plain) && plain.Length <= 250)
        {
            return Shape.CrossLink;
        }

        if (IsCaption(plain))
        {
            return Shape.Caption;
        }

        return !TextBlocks.EndsTerminal(plain) && plain.Length <= 250 && WordCount(plain) >= 2 ? Shape.HeadlineLike : Shape.Prose;
    }

    private static bool IsChrome(ReadOnlySpan<char> plain)
    {
        if (plain.Length <= 12 && LetterCount(plain) <= 3)
        {
            return true; // template remnants such as "in ," or a lone "|"
        }

        if (WidgetRegex().IsMatch(plain) || (plain.ContainsAny(BreadcrumbSeparators) && BreadcrumbRegex().IsMatch(plain)))
        {
            return true;
        }

        if (plain.Length <= 200 && (PromptRegex().IsMatch(plain) || MayBeAnywherePrompt(plain) && AnywherePromptRegex().IsMatch(plain)))
        {
            return true;
        }

        return plain.Length <= 400 && MayBeDisclaimer(plain) && DisclaimerRegex().IsMatch(plain);
    }

    private static bool IsCaption(ReadOnlySpan<char> plain)
    {
        if (plain.Length > 600)
        {
            return false;
        }

        // Credits sit at the end of a caption; only the tail need be examined.
        var tail = plain.Length <= 160 ? plain : plain[^160..];
        if (MayEndInCredit(tail) && CreditTailRegex().IsMatch(tail))
        {
            return true;
        }

        // "Claimed image of ...", "IS claimed this video shows ...": a description of a picture with no closing full stop.
        return !TextBlocks.EndsTerminal(plain) && CaptionOpeningRegex().IsMatch(plain);
    }

    // The May... checks are necessary conditions for the unanchored regexes they guard, each one vectorised pass: those
    // regexes try a match at almost every position of a paragraph, and nearly all paragraphs fail the checks (the
    // regexes were ~18 % of the CPU of reading and splitting the 10k peers corpus). The words hold no 'k' on purpose: in
    // ignore-case mode the regexes also match the Kelvin sign (U+212A) as 'k', which OrdinalIgnoreCase does not; for
    // every other ASCII letter the two agree, so a check never turns away a paragraph its regex would match.

    // Each alternative of CreditTailRegex holds one of "[|(:/" or a picture word.
    private static bool MayEndInCredit(ReadOnlySpan<char> tail) => tail.ContainsAny(CreditMarks) || tail.ContainsAny(PictureWords);

    // Each alternative of AnywherePromptRegex holds '©' or one of these words.
    private static bool MayBeAnywherePrompt(ReadOnlySpan<char> plain) => plain.Contains('©') || plain.ContainsAny(PromptWords);

    // (SearchValues, not Contains(..., OrdinalIgnoreCase): with invariant globalisation that is a character-by-character loop.)
    private static bool MayBeDisclaimer(ReadOnlySpan<char> plain) =>
        plain.StartsWith("disclaimer", StringComparison.OrdinalIgnoreCase) || plain.ContainsAny(DisclaimerWord);

    /// <summary>A title-case line with no final punctuation inside the story: the headline of a second story.</summary>
    private static bool IsSubheadline(string norm)
    {
        var words = norm.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 3 or > 20)
        {
            return false;
        }

        var significant = words.Where(w => w.Count(char.IsLetter) >= 4).ToArray();
        return significant.Length >= 2 && significant.Count(w => char.IsUpper(w.First(char.IsLetter))) * 10 >= significant.Length * 8;
    }

    private static string CaptionKey(string norm) => CaptionTailRegex().Replace(norm, string.Empty);

    private static int TrimCaptionTail(string text, int start, int end)
    {
        var e = end;
        while (e > start && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == '|'))
        {
            e--;
        }

        return e > start ? e : end;
    }

    /// <summary>The runs of characters between spaces, as <c>s.Split(' ', RemoveEmptyEntries).Length</c> counts them, without the split.</summary>
    private static int WordCount(ReadOnlySpan<char> s)
    {
        var count = 0;
        for (var k = 0; k < s.Length; k++)
        {
            if (s[k] != ' ' && (k == 0 || s[k - 1] == ' '))
            {
                count++;
            }
        }

        return count;
    }

    private static int LetterCount(ReadOnlySpan<char> s)
    {
        var count = 0;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"^(?i:related(?: posts| articles| stories| news| content| reading)?|latest(?: headlines| news| stories)?|more headlines|read more|read next|more (?:from|on|in|stories)\b.{0,40}|you (?:may|might) also like|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|trending(?: now)?|more stories|top stories|also read|see also|further reading|editor'?s picks|what to read next)\s*:?$", RegexOptions.CultureInvariant)]
    private static partial Regex TailMarkerRegex();

    [GeneratedRegex(@"^(?i:\d+\s+(?:comments?|responses?|replies|thoughts on .{1,200})|comments?(?: \(\d+\))?|reader comments|readers'? comments|discussion|join the (?:discussion|conversation))\s*:?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommentsMarkerRegex();

    [GeneratedRegex(@"^(?i:advertisement|advert|ad|ads|sponsored(?: content| links?)?|promoted(?: content)?|paid content|what do you think\??|notify of|inline feedbacks|view all comments|load more comments|show comments|post a comment|add a comment|comments are closed\.?|leave a (?:comment|reply)|be the first to comment\.?|oldest|newest|most voted|sort by.{0,30}|log ?in|sign in|reply|share|share this(?: article| story)?|tweet|email|print|facebook|twitter|whatsapp|linkedin|telegram|reddit|copy link|listen to this article|loading\.*|skip to (?:main )?content|back to top|close|menu|search|\d+ shares?)$", RegexOptions.CultureInvariant)]
    private static partial Regex WidgetRegex();

    [GeneratedRegex(@"^(?i:help us|support (?:us|our|independent)|please support|donate|make a donation|subscribe|sign up|follow us|like us|join us on|share (?:this|on)|click here|become a (?:patron|member|subscriber)|get (?:our|the) (?:newsletter|app)|download (?:our|the) app|we need your support)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PromptRegex();

    [GeneratedRegex(@"(?i:\bon patreon\b|\ball rights reserved\b|©|\bcookie policy\b|\bprivacy policy\b|\bterms of (?:use|service)\b|\bsubscribe to (?:our|the) newsletter\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AnywherePromptRegex();

    [GeneratedRegex(@"(?i:\b(?:views|opinions|statements)\b.{0,60}\bexpressed\b.{0,120}\b(?:do not|don't) necessarily (?:represent|reflect)\b|^disclaimer\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DisclaimerRegex();

    [GeneratedRegex(@"^[\p{L}\p{N} ]{1,30}(?: (?:>|»|›|/) [\p{L}\p{N} ]{1,30}){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex BreadcrumbRegex();

    [GeneratedRegex(@"^(?i:\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read|reading time:? .{1,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReadTimeRegex();

    [GeneratedRegex(@"^(?:By|BY|Written by|Words by|Author:|Reporting by)\s+(?<name>\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|al|el|bin|van|von|der|la|le)){0,6})(?:\s*[,|–—-]\s*.{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"^\(?(?i:(?:additional )?(?:reporting|writing|editing) by\b.{0,150}|(?:compiled|edited) by\b.{0,80}|(?:—|--|-) ?(?:afp|ap|reuters|agencies|anadolu|dpa|upi))\)?\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditLineRegex();

    [GeneratedRegex(@"^(?i:see(?: also)?|read(?: more| also)?|related|more|watch|listen|also read|recommended)\b[^:]{0,80}:\s*\S.*$", RegexOptions.CultureInvariant)]
    private static partial Regex CrossLinkRegex();

    [GeneratedRegex(@"(?:\[\p{Lu}[^\[\]]{1,40}\]\s*\|?|\|\s*(?i:license photo)|(?i:\b(?:photo|picture|image|video|footage) (?:by|credit|courtesy of):?\s*)[^.]{2,80}|\((?i:photo|image|picture|credit)\b[^)]{0,80}\)|(?i:credit:)\s*[^.]{2,60}|\b\p{Lu}{2,}/[\p{L} .'-]{2,40}|/(?:AFP|UPI|AP|Reuters|REUTERS|Getty Images|EPA|Xinhua|SANA))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditTailRegex();

    [GeneratedRegex(@"^(?i:(?:claimed |file |archive |undated |handout )?(?:image|photo(?:graph)?|picture|video|footage|screenshot|screengrab|still)s? (?:of|from|shows?|showing|purportedly|taken|released)\b|[^.]{0,40}\b(?:this|the|a) (?:image|photo(?:graph)?|picture|video|footage|screenshot|screengrab) (?:shows?|showing|purportedly|appears|allegedly|released|posted|of)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionOpeningRegex();

    [GeneratedRegex(@"\s*\|\s*(?i:license photo)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionTailRegex();

    [GeneratedRegex(@"^\s*\d{1,3}[.)]\s*")]
    private static partial Regex ListNumberRegex();

    [GeneratedRegex(@"(?:\b\d{1,2}/\d{1,2}/\d{2,4}|\b\d{4}-\d{2}-\d{2})\s*$")]
    private static partial Regex EndsWithDateRegex();
}
