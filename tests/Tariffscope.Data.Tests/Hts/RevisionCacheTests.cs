using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Hts;

/// <summary>
/// The binary copy of a revision's lines must answer exactly as the JSON it was made from, and must never answer
/// for another export (re-imported, edited, damaged).
/// </summary>
public class RevisionCacheTests
{
    private static string SampleExport(TempDir dir)
    {
        var path = dir.File("sample.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Hts", "us-sample.json"), path);
        return path;
    }

    [Fact]
    public void The_copy_reads_back_every_field_of_every_line_of_the_sample()
    {
        using var dir = new TempDir();
        var export = SampleExport(dir);
        var json = HtsJsonReader.Read(export).Lines;
        Assert.True(RevisionCache.TryWrite(dir.File("cache/sample.lines"), new FileInfo(export), json));
        var copy = RevisionCache.TryRead(dir.File("cache/sample.lines"), new FileInfo(export));
        Assert.NotNull(copy);
        AssertSameLines(json, copy);
    }

    [SkippableFact]
    public void The_copy_of_a_full_revision_reads_back_the_same_lines()
    {
        var real = SharedData.Require("hts/hts_2025_rev_19.json.gz");
        using var dir = new TempDir();
        var json = HtsJsonReader.Read(real).Lines;
        var cache = dir.File("rev_19.lines");
        // first read: no copy yet, so the JSON is read and the copy written; second read: from the copy
        var first = RevisionCache.Read(real, cache);
        Assert.True(File.Exists(cache));
        var second = RevisionCache.TryRead(cache, new FileInfo(real));
        Assert.NotNull(second);
        AssertSameLines(json, first);
        AssertSameLines(json, second);
        Assert.True(new FileInfo(cache).Length < new FileInfo(real).Length * 5, "the copy should stay compact");
    }

    [Fact]
    public void A_copy_of_another_export_is_not_used_and_is_rewritten()
    {
        using var dir = new TempDir();
        var export = SampleExport(dir);
        var cache = dir.File("sample.lines");
        RevisionCache.Read(export, cache);
        Assert.NotNull(RevisionCache.TryRead(cache, new FileInfo(export)));

        // a re-import replaces the file: a new write time is enough to make the old copy stale
        Assert.True(RevisionCache.IsCurrent(cache, new FileInfo(export)));
        File.SetLastWriteTimeUtc(export, DateTime.UtcNow.AddMinutes(5));
        Assert.False(RevisionCache.IsCurrent(cache, new FileInfo(export)));
        Assert.Null(RevisionCache.TryRead(cache, new FileInfo(export)));
        var lines = RevisionCache.Read(export, cache);
        Assert.Equal(HtsJsonReader.Read(export).Lines.Count, lines.Count);
        Assert.NotNull(RevisionCache.TryRead(cache, new FileInfo(export)));
    }

    [Fact]
    public void A_damaged_copy_is_ignored_and_the_json_answers()
    {
        using var dir = new TempDir();
        var export = SampleExport(dir);
        var cache = dir.File("sample.lines");
        RevisionCache.Read(export, cache);
        var bytes = File.ReadAllBytes(cache);
        File.WriteAllBytes(cache, bytes[..(bytes.Length / 2)]); // cut in the middle, as a full disk would leave it
        Assert.Null(RevisionCache.TryRead(cache, new FileInfo(export)));
        AssertSameLines(HtsJsonReader.Read(export).Lines, RevisionCache.Read(export, cache));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_leaves_no_copy_and_no_error()
    {
        using var dir = new TempDir();
        var export = SampleExport(dir);
        var blocker = dir.File("not-a-folder");
        File.WriteAllText(blocker, "a file where the cache folder would go");
        var cache = Path.Combine(blocker, "sample.lines");
        Assert.False(RevisionCache.TryWrite(cache, new FileInfo(export), HtsJsonReader.Read(export).Lines));
        Assert.Equal(HtsJsonReader.Read(export).Lines.Count, RevisionCache.Read(export, cache).Count);
    }

    [Fact]
    public async Task An_imported_revision_gets_its_copy_and_the_schedule_reads_from_it()
    {
        using var dir = new TempDir();
        var export = SampleExport(dir);
        var data = new DataDirectory(dir.File("data"), "test");
        await HtsImporter.ImportAsync(data, new HtsImportRequest(export, "rev_1", new DateOnly(2025, 3, 1), Partial: true));
        Assert.True(File.Exists(data.RevisionCacheFile("rev_1")));

        var source = ScheduleSource.Load(data);
        var line = source.Schedule.On(new DateOnly(2025, 6, 1))!.Resolve(HtsCode.Parse("7326.90.86"));
        Assert.NotNull(line);
        // the sample prints 2.9% for 7326.90.86 (HTS 2025 Basic Edition)
        Assert.Equal("2.9%", line.RateLine.GeneralText);
    }

    private static void AssertSameLines(IReadOnlyList<TariffLine> expected, IReadOnlyList<TariffLine> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            TariffLine a = expected[i], b = actual[i];
            var where = $"line {i} ({a.Code})";
            Assert.True(a.Code == b.Code, where);
            Assert.True(a.Indent == b.Indent && a.Description == b.Description && a.SourceRow == b.SourceRow, where);
            Assert.True(a.GroupHeadings.SequenceEqual(b.GroupHeadings) && a.Units.SequenceEqual(b.Units), where);
            Assert.True(a.GeneralText == b.GeneralText && a.SpecialText == b.SpecialText && a.OtherText == b.OtherText, where);
            Assert.True(a.General?.ToString() == b.General?.ToString() && a.Other?.ToString() == b.Other?.ToString(), where);
            Assert.True(a.Special.Select(s => s.Rate + " " + string.Join(",", s.Programs)).SequenceEqual(b.Special.Select(s => s.Rate + " " + string.Join(",", s.Programs))), where);
            Assert.True(a.Footnotes.SequenceEqual(b.Footnotes, FootnoteComparer.Instance), where);
            Assert.True(a.Chapter99Refs.SequenceEqual(b.Chapter99Refs), where);
            Assert.True(a.QuotaQuantity == b.QuotaQuantity && a.AdditionalDuties == b.AdditionalDuties, where);
            Assert.True(a.Parent?.Code == b.Parent?.Code, where);
        }
    }

    private sealed class FootnoteComparer : IEqualityComparer<Footnote>
    {
        public static readonly FootnoteComparer Instance = new();
        public bool Equals(Footnote? x, Footnote? y) =>
            x!.Text == y!.Text && x.Type == y.Type && x.Marker == y.Marker && x.Columns.SequenceEqual(y.Columns);
        public int GetHashCode(Footnote f) => f.Text.GetHashCode();
    }
}
