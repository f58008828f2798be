using Tariffscope.Data.Hts;

namespace Tariffscope.Tests.Hts;

public class RevisionDatesTests
{
    // The shape of the published revisions list: extra columns, "NA", and a quoted field holding commas.
    private const string Csv = """
        revision,effective_date,policy_effective_date,policy_event,needs_review
        basic,2025-01-01,NA,Baseline,NA
        rev_1,2025-01-27,2025-02-04,"China IEEPA fentanyl (+10%; EO 14195, eff. Feb 4)",NA
        rev_17,2025-07-01,2025-08-01,"CA fentanyl: 25% -> 35%; copper 232, both eff. Aug 1",NA
        2026_basic,2026-01-01,NA,"Switzerland, Liechtenstein floor",NA
        2026_rev_3,2026-02-12,2026-02-07,Argentina beef quota,NA
        """;

    [Fact]
    public void Reads_names_and_dates_and_ignores_other_columns()
    {
        var dates = RevisionDates.Parse(Csv, "revision_dates.csv");
        Assert.Equal(["basic", "rev_1", "rev_17", "2026_basic", "2026_rev_3"], dates.Revisions.Select(r => r.Name));
        Assert.Equal(new DateOnly(2025, 7, 1), dates.ByName("rev_17")!.EffectiveDate);
        Assert.Equal(4, dates.ByName("rev_17")!.Line); // the header is line 1
    }

    [Theory]
    [InlineData("hts_2025_rev_17.json.gz", "rev_17")]
    [InlineData("hts_2025_basic.json.gz", "basic")]
    [InlineData("hts_2026_basic.json", "2026_basic")]
    [InlineData("hts_2026_rev_3.json.gz", "2026_rev_3")]
    public void Matches_export_file_names_to_revisions(string file, string revision) =>
        Assert.Equal(revision, RevisionDates.Parse(Csv, "r.csv").ForFile(file)?.Name);

    [Theory]
    [InlineData("hts_2026_rev_17.json.gz")] // 2026 has no revision 17 in the list; 2025's must not answer for it
    [InlineData("hts_2024_basic.json.gz")]
    [InlineData("tariff.json")]
    public void A_file_the_list_does_not_date_finds_nothing(string file) =>
        Assert.Null(RevisionDates.Parse(Csv, "r.csv").ForFile(file));

    [Fact]
    public void A_malformed_date_names_the_file_the_line_and_the_column()
    {
        var bad = "revision,effective_date\nbasic,2025-01-01\nrev_1,2025-13-01\n";
        var e = Assert.Throws<HtsFormatException>(() => RevisionDates.Parse(bad, "revision_dates.csv"));
        Assert.Equal("revision_dates.csv, line 3, field 'effective_date': expected a date written YYYY-MM-DD, found \"2025-13-01\"", e.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var e = Assert.Throws<HtsFormatException>(() => RevisionDates.Parse("revision,date\nbasic,2025-01-01\n", "r.csv"));
        Assert.Equal("effective_date", e.Field);
        Assert.Contains("columns revision, date", e.Message);
    }

    [Fact]
    public void A_revision_listed_twice_is_refused()
    {
        var e = Assert.Throws<HtsFormatException>(() => RevisionDates.Parse("revision,effective_date\nrev_1,2025-01-27\nrev_1,2025-02-01\n", "r.csv"));
        Assert.Equal(3, e.Row);
        Assert.Contains("already on line 2", e.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_refused_with_its_line()
    {
        var e = Assert.Throws<HtsFormatException>(() => RevisionDates.Parse("revision,effective_date,note\nrev_1,2025-01-27,\"open\n", "r.csv"));
        Assert.Equal(2, e.Row);
    }

    [Fact]
    public void Csv_fields_may_hold_commas_quotes_and_line_breaks()
    {
        var t = CsvTable.Parse("a,b,c\n1,\"x, \"\"y\"\"\nz\",3\n4,5,6\n", "t.csv");
        Assert.Equal(["1", "x, \"y\"\nz", "3"], t.Records[0].Fields);
        Assert.Equal(4, t.Records[1].Line); // the quoted line break counts
    }

    [Theory]
    [InlineData("rev_17", 2025, "2025 Revision 17")]
    [InlineData("basic", 2025, "2025 Basic Edition")]
    [InlineData("2026_rev_3", 2026, "2026 Revision 3")]
    [InlineData("my-schedule", 2026, "my-schedule")]
    public void Titles_revisions_for_people(string name, int year, string title) => Assert.Equal(title, RevisionNames.Title(name, year));
}
