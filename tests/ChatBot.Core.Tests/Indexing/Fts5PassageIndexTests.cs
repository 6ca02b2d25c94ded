namespace ChatBot.Core.Tests.Indexing;

public class Fts5PassageIndexTests
{
    [Fact]
    public async Task UpdateAsync_FirstBuild_IndexesEveryArticle()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Palmyra fell.\n\nThe city was retaken.", published: new DateOnly(2016, 12, 11));
        f.Reader.Put("b", "Aleppo was besieged.", published: new DateOnly(2015, 10, 27));

        var report = await f.Index.UpdateAsync(null, CancellationToken.None);

        Assert.True(report.FullRebuild);
        Assert.Equal(2, report.Added);
        Assert.True(f.Index.Status.IsReady);
        Assert.Equal(2, f.Index.Status.ArticleCount);
        Assert.Equal(3, f.Index.Status.PassageCount);
        Assert.Equal(new DateOnly(2016, 12, 11), f.Index.Status.Newest);
    }

    [Fact]
    public async Task UpdateAsync_UnchangedCorpus_ReadsNothing()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Palmyra fell.");
        await f.UpdateAsync();
        var reads = f.Reader.Reads;

        var report = await f.Index.UpdateAsync(null, CancellationToken.None);

        Assert.False(report.Changed);
        Assert.Equal(reads, f.Reader.Reads);
        Assert.Equal(1, report.Unchanged);
    }

    [Fact]
    public async Task UpdateAsync_EditedArticle_NewTextFoundOldTextNot()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Palmyra.");
        f.Reader.Put("b", "Shelling in Homs.");
        await f.UpdateAsync();

        f.Reader.Put("a", "Fighting near Raqqa.");
        var report = await f.Index.UpdateAsync(null, CancellationToken.None);

        Assert.Equal(1, report.Updated);
        Assert.Equal(1, f.Reader.Reads - 2);
        Assert.Equal(["a"], await f.SearchAsync("Raqqa"));
        Assert.Empty(await f.SearchAsync("Palmyra"));
        Assert.Equal(["b"], await f.SearchAsync("Homs"));
    }

    [Fact]
    public async Task UpdateAsync_RemovedArticle_GoneFromResults()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Palmyra.");
        f.Reader.Put("b", "Palmyra again.");
        await f.UpdateAsync();

        f.Reader.Remove("a");
        var report = await f.Index.UpdateAsync(null, CancellationToken.None);

        Assert.Equal(1, report.Removed);
        Assert.Equal(["b"], await f.SearchAsync("Palmyra"));
        Assert.Equal(1, f.Index.Status.ArticleCount);
    }

    [Fact]
    public async Task UpdateAsync_CancelledHalfWay_PreviousIndexStillAnswers()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Palmyra.");
        await f.UpdateAsync();
        f.Reader.Put("a", "Fighting near Raqqa.");
        f.Reader.Put("b", "Shelling in Homs.");
        using var cts = new CancellationTokenSource();
        f.Reader.OnRead = file =>
        {
            if (file.RelativePath == "b.txt")
            {
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Index.UpdateAsync(null, cts.Token));

        Assert.Equal(["a"], await f.SearchAsync("Palmyra"));
        Assert.Empty(await f.SearchAsync("Raqqa"));
        Assert.True(f.Index.Status.IsReady);
        Assert.False(f.Index.Status.IsBuilding);

        f.Reader.OnRead = null;
        await f.UpdateAsync();
        Assert.Equal(["a"], await f.SearchAsync("Raqqa"));
    }

    [Fact]
    public async Task UpdateAsync_FirstBuildCancelled_LeavesNoIndex()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Palmyra.");
        using var cts = new CancellationTokenSource();
        f.Reader.OnRead = _ => cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Index.UpdateAsync(null, cts.Token));

        Assert.False(f.Index.Status.IsReady);
        Assert.Empty(await f.SearchAsync("Palmyra"));
        Assert.False(File.Exists(f.Index.Path));
    }

    [Fact]
    public async Task UpdateAsync_ReaderQueriesMidUpdate_SeesOnlyThePreviousIndex()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Palmyra.");
        await f.UpdateAsync();
        f.Reader.Remove("a");
        f.Reader.Put("b", "Shelling in Homs near Palmyra.");
        f.Reader.Put("c", "Raqqa under siege.");
        IReadOnlyList<string>? during = null;
        f.Reader.OnRead = file =>
        {
            if (file.RelativePath == "c.txt")
            {
                during = f.SearchAsync("Palmyra").GetAwaiter().GetResult();
            }
        };

        await f.UpdateAsync();

        Assert.Equal(["a"], during);
        Assert.Equal(["b"], await f.SearchAsync("Palmyra"));
    }

    [Fact]
    public async Task UpdateAsync_AliasesChanged_RebuildsEverythingWithTheNewAliases()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Tadmur.");
        await f.UpdateAsync();
        Assert.Empty(await f.SearchAsync("Palmyra"));

        await File.AppendAllTextAsync(f.AliasesPath, "\n- name: Palmyra\n  variants: [Tadmur]\n");
        var report = await f.Index.UpdateAsync(null, CancellationToken.None);

        Assert.True(report.FullRebuild);
        Assert.Equal(["a"], await f.SearchAsync("Palmyra"));
    }

    [Fact]
    public async Task EnsureReadyAsync_MissingIndex_BuildsItOnceOnly()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "Fighting near Palmyra.");

        var status = await f.Index.EnsureReadyAsync(null, CancellationToken.None);
        await f.Index.EnsureReadyAsync(null, CancellationToken.None);

        Assert.True(status.IsReady);
        Assert.Equal(1, f.Reader.Reads);
    }

    [Fact]
    public async Task UpdateAsync_ProgressReported_EndsWithAllFilesDone()
    {
        using var f = new IndexFixture();
        f.Reader.Put("a", "One.");
        f.Reader.Put("b", "Two.");
        var seen = new List<Core.Indexing.IndexProgress>();

        await f.Index.UpdateAsync(new SyncProgress(seen), CancellationToken.None);

        Assert.Equal(new Core.Indexing.IndexProgress(2, 2, null), seen[^1]);
    }

    private sealed class SyncProgress(List<Core.Indexing.IndexProgress> seen) : IProgress<Core.Indexing.IndexProgress>
    {
        public void Report(Core.Indexing.IndexProgress value) => seen.Add(value);
    }
}
