using System.Security.Cryptography;
using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Record;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Tests.Record;

/// <summary>
/// The record built into the tool: what it holds, that it is exactly what its sources compile to, and that its
/// dated lists change on the days the legal texts say.
/// </summary>
public class BuiltInRecordTests
{
    private static readonly BuiltInRecord Record = BuiltInRecord.BuiltIn();

    [Fact]
    public void Holds_every_revision_of_2025_and_2026_that_was_exported_with_the_dates_of_the_revision_list()
    {
        // 2025: basic + revisions 1-32; 2026: basic + revisions 1-10 without 8 (editorial only, left out on purpose)
        Assert.Equal(33 + 10, Record.Revisions.Count);
        Assert.Equal(("basic", new DateOnly(2025, 1, 1)), (Record.Revisions[0].Name, Record.Revisions[0].EffectiveDate));
        Assert.Equal(("2026_rev_10", new DateOnly(2026, 6, 8)), (Record.Revisions[^1].Name, Record.Revisions[^1].EffectiveDate));
        Assert.Contains(Record.Revisions, r => r.Name == "rev_17" && r.EffectiveDate == new DateOnly(2025, 7, 1) && r.Title == "2025 Revision 17");
        Assert.DoesNotContain(Record.Revisions, r => r.Name == "2026_rev_8");
        Assert.Contains("editorial", Record.Skipped["2026_rev_8"]);
        // the record knows revisions 11 to 20 of 2026 were published, but holds no export of them
        Assert.Equal(Enumerable.Range(11, 10).Select(n => $"2026_rev_{n}"), Record.Unheld.Select(u => u.Name));
        Assert.All(Record.Unheld, u => Assert.True(u.EffectiveDate > new DateOnly(2026, 6, 8)));
        Assert.All(Record.Sources, s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256));
        Assert.Contains(Record.Sources, s => s.Path == "hts/hts_2026_rev_10.json.gz");
    }

    [Fact]
    public void Answers_past_the_last_revision_held_name_the_revision_it_lacks()
    {
        var schedule = ScheduleSource.BuiltIn();
        Assert.Null(schedule.Schedule.NotHeldOn(new DateOnly(2026, 6, 8)));
        var unheld = schedule.Schedule.NotHeldOn(new DateOnly(2026, 12, 3));
        Assert.Equal("2026_rev_20", unheld!.Name);
        Assert.Contains("2026_rev_20", schedule.DescribeOn(new DateOnly(2026, 12, 3)));
        Assert.Contains("2026 Revision 10", schedule.DescribeOn(new DateOnly(2026, 12, 3)));
    }

    [Theory]
    // code, date, general rate as printed, a Chapter 99 heading its notes point to ("" for none): read by hand
    // from the USITC exports of the revision in force on the date
    [InlineData("4202.92.31.31", "2025-05-20", "17.6%", "9903.88.03")] // travel goods of man-made fibres, List 3
    [InlineData("8471.30.01.00", "2026-03-01", "Free", "")]             // laptops: no Section 301 note
    [InlineData("8802.40.01.40", "2026-03-01", "Free", "9903.88.01")]   // passenger aircraft, List 1 note on the 8-digit line
    [InlineData("0402.10.05.00", "2026-03-01", "3.3¢/kg", "9903.88.15")] // milk powder, List 4A
    [InlineData("9801.00.10.43", "2025-08-01", "Free", "")]             // US goods returned
    [InlineData("8481.80.50.90", "2025-01-01", "3%", "9903.88.03")]
    [InlineData("2204.21.50.05", "2025-09-01", "6.3¢/liter", "9903.88.03")]
    public void Real_lines_of_any_chapter_resolve_on_dates_across_2025_and_2026(string code, string date, string general, string ch99)
    {
        var rev = ScheduleSource.BuiltIn().Schedule.On(DateOnly.Parse(date))!;
        var line = rev.Resolve(HtsCode.Parse(code));
        Assert.NotNull(line);
        Assert.Equal(general, line.RateLine.GeneralText);
        if (ch99 == "") Assert.DoesNotContain(line.Chapter99Refs, c => c.Digits.StartsWith("990388", StringComparison.Ordinal));
        else Assert.Contains(HtsCode.Parse(ch99), line.Chapter99Refs);
    }

    private static ProductList List(string name) => Record.Lists.Single(l => l.Name == name);

    private static bool Listed(string list, string code, string date) =>
        List(list).PrefixesOn(DateOnly.Parse(date)).Any(p => HtsCode.Parse(code).Digits.StartsWith(p, StringComparison.Ordinal));

    [Theory]
    // Annex II as issued on 2 April 2025 (in force 5 April): fuel wood 4401.11 was on it; the 14 November version
    // no longer lists chapter 44, and lists beef (0201.10.05) from 13 November. What the November version adds
    // outside chapters 1-24 (nickel ores, 2604.00.00, among them) is taken as the September additions of EO 14346
    // (in force 8 September).
    [InlineData("4401.11.00", "2025-04-04", false)]
    [InlineData("4401.11.00", "2025-04-05", true)]
    [InlineData("4401.11.00", "2025-11-12", true)]
    [InlineData("4401.11.00", "2025-11-13", false)]
    [InlineData("0201.10.05", "2025-11-12", false)]
    [InlineData("0201.10.05", "2025-11-13", true)]
    [InlineData("2604.00.00", "2025-09-07", false)]
    [InlineData("2604.00.00", "2025-09-08", true)]
    [InlineData("2604.00.00", "2026-01-01", true)]
    public void Annex_II_changes_on_the_days_it_was_amended(string code, string date, bool listed) =>
        Assert.Equal(listed, Listed("annex-ii", code, date));

    [Theory]
    [InlineData("farm-goods-nov-2025", "0201.10.05", "2025-11-12", false)]
    [InlineData("farm-goods-nov-2025", "0201.10.05", "2025-11-13", true)]
    // steel derivatives included on 18 August 2025 (9903.81.91)
    [InlineData("s232-steel-derivatives-aug-2025", "0402.99.68", "2025-08-17", false)]
    [InlineData("s232-steel-derivatives-aug-2025", "0402.99.68", "2025-08-18", true)]
    // EU floor exemptions: retroactive to 1 September 2025 (EO 14346), though first listed in revision 24
    [InlineData("floor-exempt-eu", "8802.40.01", "2025-08-31", false)]
    [InlineData("floor-exempt-eu", "8802.40.01", "2025-09-01", true)]
    [InlineData("floor-exempt-eu-civil_aircraft", "8802.40.01", "2026-03-01", true)]
    // Section 122 exemptions from 24 February 2026: laptops are named
    [InlineData("s122-exempt", "8471.30.01.00", "2026-02-23", false)]
    [InlineData("s122-exempt", "8471.30.01.00", "2026-02-24", true)]
    // Section 338 baskets on goods of Canada from 19 August 2026
    [InlineData("canada-338-dairy", "0402.10.05", "2026-08-18", false)]
    [InlineData("canada-338-dairy", "0402.10.05", "2026-08-19", true)]
    // the products the Section 301 exclusions name (U.S. note 20(vvv)); the claim on the Section 301 measures carries
    // their end (2026-11-09), so a scenario can extend it
    [InlineData("s301-exclusions", "8483.50.90.40", "2023-12-31", false)]
    [InlineData("s301-exclusions", "8483.50.90.40", "2026-11-10", true)]
    // copper from 1 August 2025
    [InlineData("s232-copper", "7408.21.00", "2025-07-31", false)]
    [InlineData("s232-copper", "7408.21.00", "2025-08-01", true)]
    public void Dated_lists_change_on_their_legal_dates(string list, string code, string date, bool listed) =>
        Assert.Equal(listed, Listed(list, code, date));

    [Fact]
    public void An_exclusion_carries_the_text_of_the_product_it_names()
    {
        var notes = List("s301-exclusions").Notes;
        Assert.Contains("20(vvv)(i) item 1", notes["8483509040"]);
        Assert.Contains("9903.88.69", notes["8483509040"]);
    }

    [SkippableFact]
    public void Rebuilding_from_the_sources_gives_the_checked_in_record_byte_for_byte()
    {
        var shared = SharedData.Require("hts");
        var root = SharedData.RepoRoot();
        var recipe = RecordRecipe.Parse(File.ReadAllText(Path.Combine(root, "data", "compiled", "recipe.yaml")), "recipe.yaml");
        var rebuilt = RecordCompiler.Compile(Path.GetDirectoryName(shared)!, recipe);
        var checkedIn = File.ReadAllBytes(Path.Combine(root, "data", "compiled", "us-record.bin"));
        Assert.True(rebuilt.AsSpan().SequenceEqual(checkedIn),
            $"data/compiled/us-record.bin differs from what its sources compile to ({checkedIn.Length:N0} bytes checked in, {rebuilt.Length:N0} rebuilt): " +
            "run `tariffscope data compile ../shared/data --out data/compiled/us-record.bin` and commit it");
        // and the record names every source with the sha256 it has today
        foreach (var s in BuiltInRecord.Read(rebuilt, "rebuilt").Sources)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(shared)!, s.Path)))), s.Sha256);
    }

    [SkippableTheory]
    [InlineData("hts/hts_2025_basic.json.gz", "2025-01-01")]
    [InlineData("hts/hts_2025_rev_19.json.gz", "2025-08-12")]
    [InlineData("hts/hts_2026_rev_10.json.gz", "2026-06-08")]
    public void Every_line_reads_as_in_the_export_it_was_compiled_from(string export, string date)
    {
        var json = HtsJsonReader.Read(SharedData.Require(export)).Lines;
        var compiled = ScheduleSource.BuiltIn().Schedule.On(DateOnly.Parse(date))!.Lines;
        Assert.Equal(json.Count, compiled.Count);
        for (int i = 0; i < json.Count; i++)
        {
            TariffLine a = json[i], b = compiled[i];
            Assert.Equal((a.Code, a.Indent, a.Description, a.GeneralText, a.SpecialText, a.OtherText, a.QuotaQuantity, a.AdditionalDuties, a.Parent?.Code),
                         (b.Code, b.Indent, b.Description, b.GeneralText, b.SpecialText, b.OtherText, b.QuotaQuantity, b.AdditionalDuties, b.Parent?.Code));
            Assert.Equal(string.Join("|", a.GroupHeadings), string.Join("|", b.GroupHeadings));
            Assert.Equal(string.Join("|", a.Units), string.Join("|", b.Units));
            Assert.Equal(string.Join("|", a.Chapter99Refs), string.Join("|", b.Chapter99Refs));
            Assert.Equal(string.Join("|", a.Footnotes.Select(f => $"{f.Text}/{string.Join(",", f.Columns)}/{f.Type}/{f.Marker}")),
                         string.Join("|", b.Footnotes.Select(f => $"{f.Text}/{string.Join(",", f.Columns)}/{f.Type}/{f.Marker}")));
            Assert.Equal(a.General?.ToString(), b.General?.ToString());
        }
    }

    [Fact]
    public void The_whole_data_folder_stays_within_its_budget()
    {
        var data = Path.Combine(SharedData.RepoRoot(), "data");
        var bytes = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes <= 16L << 20, $"data/ holds {bytes:N0} bytes; its budget is 16 MB");
    }
}
