using System.Text.Json;
using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Hts;

/// <summary>The hand-written sample schedule shipped in the assembly, and its agreement with the real edition.</summary>
public class BuiltInSampleTests
{
    private static ScheduleRevision Sample() => ScheduleSource.BuiltIn().Schedule.Revisions.Single();

    [Fact]
    public void Lists_and_opens_built_in_files_by_relative_path()
    {
        Assert.Contains("schedule/us-sample.json", BuiltInData.List("schedule/"));
        Assert.Contains("schedule/us-sample.json", BuiltInData.List("schedule"));
        Assert.True(BuiltInData.Exists("schedule/us-sample.json"));
        using var s = BuiltInData.Open("/schedule/us-sample.json");
        Assert.True(s.ReadByte() >= 0);
    }

    [Fact]
    public void An_unknown_built_in_file_says_what_exists()
    {
        var e = Assert.Throws<FileNotFoundException>(() => BuiltInData.Open("schedule/eu.json"));
        Assert.Contains("no built-in data 'schedule/eu.json'", e.Message);
        Assert.Contains("schedule/us-sample.json", e.Message);
    }

    [Fact]
    public void The_sample_reads_as_one_revision_in_force_from_2025()
    {
        var source = ScheduleSource.BuiltIn();
        var rev = source.Schedule.Revisions.Single();
        Assert.True(source.IsBuiltIn);
        Assert.Equal("sample", rev.Name);
        Assert.Equal(new DateOnly(2025, 1, 1), rev.EffectiveDate);
        Assert.Equal($"built-in sample schedule ({rev.Lines.Count} lines; not the full HTS)", source.Description);
        Assert.InRange(rev.Lines.Count, 40, 100); // 96 since the six 2026 lines (HTS 2026 Rev. 10) were added
        Assert.Null(source.Schedule.On(new DateOnly(2024, 12, 31)));
    }

    [Theory]
    // code, general as printed, the Chapter 99 heading its note points to ("" for none), as read from the
    // HTS 2025 Basic Edition (see data/schedule/README.md)
    [InlineData("9403.60.80", "Free", "9903.88.03")]          // wooden furniture, Section 301 List 3
    [InlineData("9403.60.80.10", null, null)]                 // a suffix the sample leaves out: not found
    [InlineData("8481.80.50", "3%", "9903.88.03")]            // Section 301 List 3, EU good under 15%
    [InlineData("8703.23.01", "2.5%", "9903.88.01")]          // car, Section 301 List 1
    [InlineData("8704.21.01.00", "25%", "9903.88.01")]        // light truck, List 1, MFN above 15%
    [InlineData("6110.20.20", "16.5%", "9903.88.15")]         // sweater, List 4A
    [InlineData("8507.60.00", "3.4%", "9903.88.15")]          // Li-ion batteries, List 4A (and 9903.91.01)
    [InlineData("3004.90.92", "Free", "")]                    // medicaments: no Section 301 note
    [InlineData("8471.30.01.00", "Free", "")]
    [InlineData("8517.13.00.00", "Free", "")]
    [InlineData("2204.21.50", "6.3¢/liter", "9903.88.03")]
    [InlineData("0407.21.00", "2.8¢/doz.", "9903.88.03")]
    [InlineData("9608.10.00.00", "0.8¢ each + 5.4%", "9903.88.15")]
    [InlineData("0405.10.20.00", "$1.541/kg", "9903.88.03")]
    public void Carries_the_rates_and_notes_of_the_lines_later_work_needs(string code, string? general, string? ch99)
    {
        var line = Sample().Resolve(HtsCode.Parse(code));
        if (general is null) { Assert.Null(line); return; }
        Assert.NotNull(line);
        Assert.Equal(general, line.RateLine.GeneralText);
        if (ch99 == "") Assert.DoesNotContain(line.Chapter99Refs, c => c.Digits.StartsWith("990388", StringComparison.Ordinal));
        else Assert.Contains(HtsCode.Parse(ch99!), line.Chapter99Refs);
    }

    [Fact]
    public void Every_sample_line_has_its_parents_in_the_sample()
    {
        // indent 0 is a heading, whatever its length (the export prints heading 2709.00 that way)
        foreach (var line in Sample().Lines.Where(l => l.Indent > 0))
            Assert.True(line.Parent is not null && line.Code.StartsWith(line.Parent.Code), $"{line.Code} has no parent heading in the sample");
    }

    [Fact]
    public void A_statistical_line_inherits_its_rate_and_shows_its_group_heading()
    {
        var bolts = Sample().Resolve(HtsCode.Parse("7318.15.20.30"))!;
        Assert.Equal("7318.15.20", bolts.RateLine.Code.ToString());
        Assert.Equal(FreeDuty.Instance, bolts.General);
        Assert.Contains("Having shanks or threads with a diameter of 6 mm or more:", bolts.DescriptionPath);
        Assert.Contains("Threaded articles:", bolts.DescriptionPath);
    }

    /// <summary>
    /// The sample is written by hand; this holds it to the official file it was read from. Texts are compared
    /// after the reader's own clean-up (the export's stray spaces), footnotes by column and text.
    /// </summary>
    [SkippableFact]
    public void Every_sample_line_matches_the_2025_basic_edition()
    {
        var real = HtsJsonReader.Read(SharedData.Require("hts/hts_2025_basic.json.gz")).ToRevision("basic", new DateOnly(2025, 1, 1));
        foreach (var mine in Sample().Lines)
        {
            var theirs = real.Find(mine.Code);
            Assert.True(theirs is not null, $"{mine.Code} is not in the 2025 Basic Edition");
            Assert.Equal((mine.Code, theirs.Indent, theirs.Description), (mine.Code, mine.Indent, mine.Description));
            Assert.Equal((mine.Code, theirs.GeneralText, theirs.SpecialText, theirs.OtherText), (mine.Code, mine.GeneralText, mine.SpecialText, mine.OtherText));
            Assert.Equal((mine.Code, string.Join("|", theirs.Units)), (mine.Code, string.Join("|", mine.Units)));
            Assert.Equal((mine.Code, Notes(theirs)), (mine.Code, Notes(mine)));
            Assert.Equal((mine.Code, string.Join("|", theirs.GroupHeadings)), (mine.Code, string.Join("|", mine.GroupHeadings)));
        }
    }

    private static string Notes(TariffLine l) => JsonSerializer.Serialize(l.Footnotes.Select(f => new { f.Text, Columns = string.Join(",", f.Columns) }));
}
