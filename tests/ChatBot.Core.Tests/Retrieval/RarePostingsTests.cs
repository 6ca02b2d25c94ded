using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class RarePostingsTests
{
    [Fact]
    public void Merge_OverlappingTerms_EachRowidOnceAscendingWithItsTermsBits()
    {
        using var postings = new RarePostings(expectedRows: 2, expectedTerms: 3);
        postings.Add([1, 3, 5, 9]);
        postings.EndTerm(1 << 0);
        postings.Add([2, 3]);
        postings.Add([9]);
        postings.EndTerm(1 << 4);
        postings.EndTerm(1 << 7);

        var merged = postings.Merge();

        Assert.Equal([1L, 2, 3, 5, 9], merged.RowIds.ToArray());
        Assert.Equal([1, 1 << 4, 1 | (1 << 4), 1, 1 | (1 << 4)], merged.TermBits.ToArray());
    }

    [Fact]
    public void Merge_TermNotInRowidOrder_SortedFirst()
    {
        using var postings = new RarePostings(expectedRows: 4, expectedTerms: 2);
        postings.Add([7, 2, 5]);
        postings.EndTerm(1);
        postings.Add([5, 8]);
        postings.EndTerm(2);

        var merged = postings.Merge();

        Assert.Equal([2L, 5, 7, 8], merged.RowIds.ToArray());
        Assert.Equal([1, 3, 1, 2], merged.TermBits.ToArray());
    }

    [Fact]
    public void Dispose_Twice_NoBufferGoesBackToThePoolTwice()
    {
        // A buffer returned twice would be handed to two searches at once, each overwriting the other's rowids.
        var postings = new RarePostings(expectedRows: 3000, expectedTerms: 2);
        postings.Add([4, 6]);
        postings.EndTerm(1);
        _ = postings.Merge();
        postings.Dispose();
        postings.Dispose();

        var rented = Enumerable.Range(0, 6).Select(_ => System.Buffers.ArrayPool<long>.Shared.Rent(3000)).ToList();
        try
        {
            Assert.Equal(rented.Count, rented.Distinct(ReferenceEqualityComparer.Instance).Count());
        }
        finally
        {
            rented.ForEach(buffer => System.Buffers.ArrayPool<long>.Shared.Return(buffer));
        }
    }
}
