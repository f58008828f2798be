using Tariffscope.Data.Hts;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Hts;

/// <summary>
/// The reader and the schedule over time on the real USITC exports (../shared/data/hts; skipped without them).
/// Expected values were read off the official files by eye, not from this code's output.
/// </summary>
public class RealScheduleTests
{
    private static readonly Lazy<ScheduleRevision> Basic2026 = new(() =>
        HtsJsonReader.Read(SharedData.Require("hts/hts_2026_basic.json.gz")).ToRevision("2026_basic", new DateOnly(2026, 1, 1)));

    private static ScheduleRevision Rev2026() => Basic2026.Value;

    [SkippableFact]
    public void Reads_the_2026_basic_edition_whole()
    {
        var file = HtsJsonReader.Read(SharedData.Require("hts/hts_2026_basic.json.gz"));
        Assert.Equal(35571, file.RowCount);           // rows in the export's array
        Assert.Equal(5896, file.GroupHeadingCount);   // rows with an empty htsno
        Assert.Equal(35571 - 5896, file.Lines.Count);
        Assert.Empty(file.Warnings);
    }

    [SkippableFact]
    public void Knows_the_tree_of_live_horses()
    {
        var rev = Rev2026();
        var males = rev.Resolve(HtsCode.Parse("0101.21.00.10"))!;
        Assert.Equal("0101.21.00", males.Line.Parent!.Code.ToString());
        Assert.Equal(["Live horses, asses, mules and hinnies:", "Horses:", "Purebred breeding animals", "Males"], males.DescriptionPath.AsEnumerable());
        Assert.Equal(FreeDuty.Instance, males.General);       // printed on 0101.21.00
        Assert.Equal("0101.21.00", males.RateLine.Code.ToString());
        Assert.Equal(["No."], males.Units.AsEnumerable());
    }

    [SkippableFact]
    public void Laptops_print_their_rates_on_the_ten_digit_line()
    {
        // The export has no 8471.30.01 row: 8471.30.01.00 sits directly under heading 8471 and carries the rates.
        var laptop = Rev2026().Resolve(HtsCode.Parse("8471.30.01.00"))!;
        Assert.Null(Rev2026().Find(HtsCode.Parse("8471.30.01")));
        Assert.Equal("8471", laptop.Line.Parent!.Code.ToString());
        Assert.Same(laptop.Line, laptop.RateLine);
        Assert.Equal(FreeDuty.Instance, laptop.General);
        Assert.Equal(new AdValoremDuty(0.35m), laptop.Other);
    }

    [SkippableFact]
    public void A_list_3_line_points_at_9903_88_03_and_its_suffixes_inherit_it()
    {
        var furniture = Rev2026().Resolve(HtsCode.Parse("9403.60.80.93"))!;
        Assert.Contains(HtsCode.Parse("9903.88.03"), furniture.Chapter99Refs);
        Assert.Contains("Other:", furniture.Line.GroupHeadings); // 9403.60.80.93 sits under the group "Other:"
    }

    [SkippableFact]
    public void A_chapter_99_range_expands_to_the_headings_in_the_file()
    {
        // 0405.10.20.00 (butter) carries "See subheadings 9904.04.09-9904.04.21." and that range holds
        // the 13 quota headings 9904.04.09 to 9904.04.21 in the 2026 edition.
        var butter = Rev2026().Find(HtsCode.Parse("0405.10.20.00"))!;
        var quota = butter.Chapter99Refs.Where(c => c.Digits.StartsWith("9904", StringComparison.Ordinal)).Select(c => c.ToString()).ToList();
        Assert.Equal("9904.04.09", quota[0]);
        Assert.Equal("9904.04.21", quota[^1]);
        Assert.Equal(13, quota.Count);
    }

    [SkippableFact]
    public void Reads_2025_revision_17()
    {
        var file = HtsJsonReader.Read(SharedData.Require("hts/hts_2025_rev_17.json.gz"));
        Assert.Equal(36009, file.RowCount);
        var rev = file.ToRevision("rev_17", new DateOnly(2025, 7, 1));
        // units of 8517.62.00.90 changed from kg to No. in revision 16 (see the history test below)
        Assert.Equal(["No."], rev.Resolve(HtsCode.Parse("8517.62.00.90"))!.Units.AsEnumerable());
    }

    private static FolderSchedule Folder() =>
        ScheduleLoader.FromFolder(SharedData.Require("hts"), RevisionDates.Read(SharedData.Require("hts/revision_dates.csv")));

    [SkippableFact]
    public void On_a_date_the_revision_in_force_answers_and_none_is_read_until_asked()
    {
        var folder = Folder();
        var s = folder.Schedule;
        // revision_dates.csv: basic 2025-01-01, rev_1 2025-01-27, rev_2 2025-02-01, rev_32 2025-11-15, 2026_basic 2026-01-01
        Assert.Null(s.On(new DateOnly(2024, 12, 31)));
        Assert.Equal("basic", s.On(new DateOnly(2025, 1, 1))!.Name);
        Assert.Equal("basic", s.On(new DateOnly(2025, 1, 26))!.Name);
        Assert.Equal("rev_1", s.On(new DateOnly(2025, 1, 27))!.Name);
        Assert.Equal("rev_1", s.On(new DateOnly(2025, 1, 31))!.Name);
        Assert.Equal("rev_2", s.On(new DateOnly(2025, 2, 1))!.Name);
        Assert.Equal("rev_32", s.On(new DateOnly(2025, 12, 31))!.Name);
        Assert.Equal("2026_basic", s.On(new DateOnly(2026, 1, 1))!.Name);
        Assert.All(s.Revisions, r => Assert.False(r.IsLoaded));

        // The folder holds hts_2026_rev_8.json.gz, which the revisions list leaves out on purpose: skipped, not guessed.
        Assert.Contains(folder.Skipped, m => m.StartsWith("hts_2026_rev_8.json.gz", StringComparison.Ordinal));
        Assert.Equal(folder.Files.Count, s.Revisions.Count);
    }

    [SkippableFact]
    public void History_shows_real_changes_between_2025_revisions()
    {
        // Found by comparing consecutive 2025 exports: revision 2 (in force 2025-02-01) added the note
        // "See 9903.91.05." to 4015.12.10 (medical and surgical gloves), whose suffixes inherit it; and revision 16
        // (2025-06-06) changed the statistical unit of 8517.62.00.90 from kg to No.
        var files = Folder().Files.Where(f => f.Name is "rev_1" or "rev_2" or "rev_15" or "rev_16").ToList();
        var gloves = HtsCode.Parse("4015.12.10.10");
        var router = HtsCode.Parse("8517.62.00.90");
        var s = ScheduleLoader.Slice(files, [gloves, router]);

        var g = Assert.Single(s.History(gloves));
        Assert.Equal(("rev_1", "rev_2", "chapter 99 references", "", "9903.91.05"), (g.From.Name, g.To.Name, g.What, g.Before, g.After));

        var r = Assert.Single(s.History(router));
        Assert.Equal(("rev_15", "rev_16", "units", "kg", "No."), (r.From.Name, r.To.Name, r.What, r.Before, r.After));
    }
}
