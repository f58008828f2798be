using Tariffscope.Data;
using Tariffscope.Data.Hts;

namespace Tariffscope.Tests.Hts;

/// <summary>Imports at the same time, exports that are not a schedule, and what killed imports leave behind.</summary>
public class ImportSafetyTests
{
    private static DataDirectory Dir(TempDir t) => new(t.File("data"), "test");

    [Fact]
    public async Task Parallel_imports_into_one_directory_all_end_up_listed_and_readers_never_see_a_torn_list()
    {
        using var t = new TempDir();
        var dir = Dir(t);
        var export = t.File("export.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        const int n = 12;

        using var stop = new CancellationTokenSource();
        int readerFailures = 0, lastSeen = 0, shrank = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var seen = ImportedRevisions.Read(dir).Count;
                    if (seen < lastSeen) Interlocked.Increment(ref shrank);
                    lastSeen = seen;
                }
                catch (Exception) { Interlocked.Increment(ref readerFailures); }
            }
        });
        var imports = Enumerable.Range(1, n).Select(i => Task.Run(() => HtsImporter.ImportAsync(dir,
            new HtsImportRequest(export, $"r{i:00}", new DateOnly(2025, 1, i), Partial: true)))).ToArray();
        await Task.WhenAll(imports);
        stop.Cancel();
        await reader;

        var listed = ImportedRevisions.Read(dir).Select(r => r.Name).Order().ToList();
        Assert.Equal(Enumerable.Range(1, n).Select(i => $"r{i:00}"), listed);
        Assert.All(listed, name => Assert.True(File.Exists(dir.RevisionFile(name))));
        Assert.Equal(0, readerFailures);
        Assert.Equal(0, shrank);
        Assert.Empty(Directory.EnumerateFiles(dir.HtsFolder, "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_writer_lock_is_exclusive_and_says_who_holds_it()
    {
        using var t = new TempDir();
        var dir = Dir(t);
        using (await DataDirectoryLock.AcquireAsync(dir))
        {
            var e = await Assert.ThrowsAsync<IOException>(() => DataDirectoryLock.AcquireAsync(dir, TimeSpan.FromMilliseconds(200)));
            Assert.Contains("another process is writing to this data directory", e.Message);
        }
        using (await DataDirectoryLock.AcquireAsync(dir, TimeSpan.FromMilliseconds(200))) { } // free again
    }

    [Theory]
    [InlineData("[]", "0 rows, 0 numbered lines, 0 of the 96 chapters")]
    [InlineData(null, "8 rows, 7 numbered lines")]
    public async Task An_export_that_is_not_a_whole_schedule_is_refused_unless_partial(string? json, string expected)
    {
        using var t = new TempDir();
        var dir = Dir(t);
        var export = t.File("export.json");
        File.WriteAllText(export, json ?? HtsJsonReaderTests.Small);
        var e = await Assert.ThrowsAsync<HtsImportException>(() => HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "x", new DateOnly(2025, 1, 1))));
        Assert.Contains("'export.json' does not look like a whole schedule", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("missing chapters: ", e.Message);
        Assert.Contains("--partial", e.Message);
        Assert.Empty(ImportedRevisions.Read(dir));
        Assert.False(File.Exists(dir.RevisionFile("x")));

        var ok = await HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "x", new DateOnly(2025, 1, 1), Partial: true));
        Assert.Equal("x", Assert.Single(ImportedRevisions.Read(dir)).Name);
        Assert.Equal(json is null ? 8 : 0, ok.Revision.Rows);
    }

    [Fact]
    public async Task Temporary_files_left_by_killed_imports_are_cleaned_when_they_are_stale()
    {
        using var t = new TempDir();
        var dir = Dir(t);
        Directory.CreateDirectory(Path.Combine(dir.HtsFolder, "cache"));
        string Old(string path) { File.WriteAllText(path, "x"); File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-3)); return path; }
        var stale = new[]
        {
            Old(Path.Combine(dir.HtsFolder, ".import-0123.tmp")), Old(Path.Combine(dir.HtsFolder, ".import-0123.tmp.gz")),
            Old(dir.HtsRevisionsFile + ".42.abc.tmp"), Old(Path.Combine(dir.HtsFolder, "cache", "r.lines.42.abc.tmp")),
        };
        var fresh = Path.Combine(dir.HtsFolder, ".import-4567.tmp"); // another import's, still running
        File.WriteAllText(fresh, "x");
        var export = t.File("export.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);

        await HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "x", new DateOnly(2025, 1, 1), Partial: true));

        Assert.All(stale, p => Assert.False(File.Exists(p), p));
        Assert.True(File.Exists(fresh));
    }
}
