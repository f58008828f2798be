using System.Text.Json;

namespace Tariffscope.Tests;

/// <summary>
/// What a new user gets: the built `tariffscope` as a real process, in an empty data home, with nothing imported and
/// no shared data read. Every answer comes from the built-in record. Each total is worked by hand from the legal
/// rules and the schedule line in force (cited beside it), not copied from the tool's output.
/// </summary>
public class FreshCloneQuoteTests
{
    private static JsonElement Quote(params string[] args)
    {
        var r = Cli.Process(["quote", .. args, "--value", "10000", "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private static decimal Total(JsonElement q) => q.GetProperty("totalDuty").GetDecimal();

    private static decimal Layer(JsonElement q, string measure) =>
        q.GetProperty("layers").EnumerateArray().Where(l => l.GetProperty("measure").GetString() == measure)
            .Select(l => l.GetProperty("amount").GetDecimal()).SingleOrDefault();

    [Fact]
    public void Travel_goods_from_China_in_May_2025()
    {
        // 4202.92.31.31 (bags of man-made fibres), HTS 2025 revision 15 in force on 2025-05-20: MFN 17.6% (1,760);
        // footnoted to 9903.88.03, Section 301 List 3 at 25% (2,500); IEEPA fentanyl 20% since 2025-03-04 (2,000);
        // IEEPA reciprocal 34% with 24 points suspended from 2025-05-14 by EO 14298 (10%: 1,000). 7,260.
        var q = Quote("4202.92.31.31", "--origin", "CN", "--date", "2025-05-20");
        Assert.Equal(7_260m, Total(q));
        Assert.Equal(2_500m, Layer(q, "us-s301-list3"));
        Assert.Equal(1_000m, Layer(q, "us-ieepa-reciprocal-cn"));
    }

    [Fact]
    public void A_laptop_from_China_on_1_March_2026_owes_nothing()
    {
        // 8471.30.01.00: MFN Free, no Section 301 list; the IEEPA duties ended on 2026-02-24; the Section 122 surcharge
        // (10% from 2026-02-24) does not reach it: the proclamation's annex of exempt products names 8471.30.01. 0.
        var q = Quote("8471.30.01.00", "--origin", "CN", "--date", "2026-03-01");
        Assert.Equal(0m, Total(q));
        Assert.Contains(q.GetProperty("omitted").EnumerateArray(), o => o.GetProperty("reason").GetString()!.Contains("s122-exempt"));
    }

    [Fact]
    public void A_Mexican_brake_part_in_2025_without_a_USMCA_claim()
    {
        // 8708.30.50.90 (brakes and parts), HTS 2025 revision 17 in force on 2025-07-15: MFN 2.5% (250); Section 232
        // auto parts 25% from 2025-05-03 (2,500), heading 8708.30 is named in U.S. note 33(g); the IEEPA duty on Mexico
        // (25%) yields to Section 232 on the value it covers (nothing left). 2,750.
        var q = Quote("8708.30.50.90", "--origin", "MX", "--date", "2025-07-15");
        Assert.Equal(2_750m, Total(q));
    }

    [Fact]
    public void Schedule_lines_of_other_chapters_answer_too()
    {
        // 0901.21.00.20 (roasted coffee) from Brazil on 2025-10-01: MFN Free; reciprocal baseline 10% (1,000) and the
        // additional 40% of EO 14323 (4,000): coffee is not in Annex I of that order, and not yet in the farm goods
        // taken out on 2025-11-13. 5,000.
        var q = Quote("0901.21.00.20", "--origin", "BR", "--date", "2025-10-01");
        Assert.Equal(5_000m, Total(q));
        // from 13 November 2025 both the reciprocal duty and the additional duty on Brazil leave coffee out (EO of
        // 14 and 20 November 2025): 0.
        Assert.Equal(0m, Total(Quote("0901.21.00.20", "--origin", "BR", "--date", "2025-11-20")));
    }

    [Fact]
    public void Data_status_lists_every_revision_and_list_with_its_provenance()
    {
        var r = Cli.Process("data", "status", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        var record = doc.GetProperty("record");
        Assert.Equal(43, record.GetProperty("revisions").GetArrayLength());
        Assert.Contains(record.GetProperty("sources").EnumerateArray(), s => s.GetProperty("path").GetString() == "hts/hts_2025_basic.json.gz"
            && s.GetProperty("sha256").GetString()!.Length == 64);
        var lists = doc.GetProperty("lists").EnumerateArray().ToList();
        var annex = lists.Single(l => l.GetProperty("name").GetString() == "annex-ii");
        Assert.Equal("official", annex.GetProperty("kind").GetString());
        Assert.Equal(3, annex.GetProperty("versions").GetArrayLength());
        var sample = lists.Single(l => l.GetProperty("name").GetString() == "s232-steel-derivatives");
        Assert.Equal("sample", sample.GetProperty("kind").GetString());
        Assert.All(lists, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("source").GetString())));
    }
}
