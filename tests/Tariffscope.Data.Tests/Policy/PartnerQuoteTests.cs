using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Tests.Engine;

namespace Tariffscope.Tests.Policy;

/// <summary>
/// Golden quotes for the partners other than China, the EU and Japan. Every expected figure is worked by hand from
/// the HTS Chapter 99 text cited beside it (the heading's "The duty provided in the applicable subheading + N%"),
/// on a customs value of $10,000; none is copied from the engine's output.
/// </summary>
public class PartnerQuoteTests
{
    private const string Furniture = "9403.60.80.93"; // wooden furniture, MFN Free
    private const string Valves = "8481.80.50.90";    // MFN 3%
    private const string Footwear = "6404.19.20.60";  // MFN 37.5%
    private const string Steel = "7208.51.00.60";     // hot-rolled plate, MFN Free, Section 232 steel article
    private const string SteelArticle = "7326.90.86.88"; // other articles of steel, MFN 2.9%, steel derivative
    private const string Coffee = "0901.21.00.20";    // MFN Free

    private static Quote Q(string code, string origin, string date, string? program = null, decimal? metalShare = null) =>
        TestWorld.Engine().Quote(new EntryLine
        {
            Code = HtsCode.Parse(code), Origin = origin, Date = DateOnly.Parse(date), CustomsValue = 10_000m,
            Program = program, MetalShare = metalShare,
        });

    private static string HeadingOf(Quote q, string measureId) => q.Layers.Single(l => l.MeasureId == measureId).Heading!;

    // ---- Vietnam: baseline, the one-day Annex I rate, the pause, EO 14326 ----

    [Fact]
    public void Vietnam_on_8_April_2025_pays_the_baseline()
    {
        // 9903.01.25 (EO 14257): + 10% from 2025-04-05; Vietnam's own rate starts on 04-09. 10% of 10,000 = 1,000.
        var q = Q(Furniture, "VN", "2025-04-08");
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-baseline"));
        Assert.Equal(1_000m, q.Total);
    }

    [Fact]
    public void Vietnam_on_9_April_2025_pays_the_Annex_I_rate()
    {
        // 9903.01.72 (HTS 2025 rev. 8): "+ 46%" on articles the product of Vietnam. 46% of 10,000 = 4,600.
        var q = Q(Furniture, "VN", "2025-04-09");
        Assert.Equal(4_600m, q.Layer("us-ieepa-reciprocal-vn-2025-04"));
        Assert.Equal("9903.01.72", HeadingOf(q, "us-ieepa-reciprocal-vn-2025-04"));
        Assert.DoesNotContain(q.Layers, l => l.MeasureId == "us-ieepa-reciprocal-baseline");
        Assert.Equal(4_600m, q.Total);
    }

    [Fact]
    public void Vietnam_during_the_pause_pays_10_percent_under_the_baseline_heading()
    {
        // EO 14266: 9903.01.72 suspended from 2025-04-10 ("provision suspended", rev. 9); 10% under 9903.01.25.
        // 46% less 36 suspended points = 10% -> 1,000.
        var q = Q(Furniture, "VN", "2025-05-01");
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-vn-2025-04"));
        Assert.Equal("9903.01.25", HeadingOf(q, "us-ieepa-reciprocal-vn-2025-04"));
        Assert.Equal(1_000m, q.Total);
    }

    [Fact]
    public void Vietnam_from_7_August_2025_pays_the_EO_14326_rate()
    {
        // 9903.02.69 (rev. 18): "+ 20%" on articles the product of Vietnam. 20% of 10,000 = 2,000.
        var q = Q(Furniture, "VN", "2025-08-20");
        Assert.Equal(2_000m, q.Layer("us-ieepa-reciprocal-vn"));
        Assert.Equal("9903.02.69", HeadingOf(q, "us-ieepa-reciprocal-vn"));
        Assert.Equal(2_000m, q.Total);
    }

    [Fact]
    public void Vietnamese_laptops_stay_outside_the_reciprocal_duty()
    {
        // 8471.30.01 is in the electronics exception (9903.01.32, memorandum of 11 April 2025), which 9903.02.69
        // keeps ("except for products described in headings 9903.01.30-9903.01.33"). MFN Free -> 0.
        var q = Q("8471.30.01.00", "VN", "2025-08-20");
        Assert.True(q.Omits("us-ieepa-reciprocal-vn"));
        Assert.Equal(0m, q.Total);
    }

    // ---- Canada and Mexico ----

    [Fact]
    public void Canadian_goods_on_10_March_2025_pay_25_percent_unless_USMCA_is_claimed()
    {
        // 9903.01.10 (rev. 3): "+ 25%" on articles the product of Canada from 2025-03-04. 25% of 10,000 = 2,500.
        // From 2025-03-07 goods entered free under USMCA (general note 11) are exempt (9903.01.14, EO 14231).
        var q = Q(Furniture, "CA", "2025-03-10");
        Assert.Equal(2_500m, q.Layer("us-ieepa-ca"));
        Assert.Equal("9903.01.10", HeadingOf(q, "us-ieepa-ca"));
        Assert.DoesNotContain(q.Layers, l => l.Family == "ieepa-reciprocal");   // 9903.01.26: no reciprocal on Canada
        Assert.Equal(2_500m, q.Total);

        var usmca = Q(Furniture, "CA", "2025-03-10", program: "S");
        Assert.True(usmca.Omits("us-ieepa-ca"));
        Assert.Equal(0m, usmca.Total);
    }

    [Fact]
    public void Before_7_March_2025_a_USMCA_claim_did_not_exempt_Canadian_goods()
    {
        // 2025-03-05: the USMCA exemption (EO 14231) starts on 03-07, so 25% is owed even with programme S: 2,500.
        var q = Q(Furniture, "CA", "2025-03-05", program: "S");
        Assert.Equal(2_500m, q.Layer("us-ieepa-ca-2025-03-04"));
        Assert.Equal(2_500m, q.Total);
    }

    [Fact]
    public void Canadian_goods_from_1_August_2025_pay_35_percent()
    {
        // EO 14325: 9903.01.10 reads "+ 35%" from rev. 17 (2025-08-01). 35% of 10,000 = 3,500; USMCA still exempt.
        var q = Q(Furniture, "CA", "2025-08-05");
        Assert.Equal(3_500m, q.Layer("us-ieepa-ca"));
        Assert.Equal(3_500m, q.Total);
        Assert.Equal(0m, Q(Furniture, "CA", "2025-08-05", program: "S").Total);
    }

    [Fact]
    public void Canadian_energy_pays_10_percent()
    {
        // 9903.01.13: "+ 10%" on crude oil, natural gas, ... of Canada; excluded from 9903.01.10. LNG, MFN Free:
        // 10% of 10,000 = 1,000, and nothing under the general 25%/35% heading.
        var q = Q("2711.11.00.00", "CA", "2025-08-05");
        Assert.Equal(1_000m, q.Layer("us-ieepa-ca-energy"));
        Assert.True(q.Omits("us-ieepa-ca"));
        Assert.Equal(1_000m, q.Total);
    }

    [Fact]
    public void Mexican_goods_pay_25_percent_and_potash_10_percent()
    {
        // 9903.01.01: "+ 25%" on articles the product of Mexico -> 2,500; 9903.01.05: potash "+ 10%" -> 1,000.
        Assert.Equal(2_500m, Q(Furniture, "MX", "2025-09-01").Total);
        var potash = Q("3104.20.00.50", "MX", "2025-09-01");
        Assert.Equal(1_000m, potash.Layer("us-ieepa-mx-potash"));
        Assert.Equal(1_000m, potash.Total);
        Assert.Equal(0m, Q(Furniture, "MX", "2025-09-01", program: "S").Total);
    }

    [Fact]
    public void Mexican_steel_pays_Section_232_and_no_IEEPA_duty()
    {
        // Proclamation 10947 (2025-06-04) amends EO 14289 sec. 3(a)(ii): an article subject to the steel duty owes no
        // Mexico IEEPA duty. 50% of 10,000 = 5,000; MFN Free; no reciprocal (9903.01.27).
        var q = Q(Steel, "MX", "2025-09-01");
        Assert.Equal(5_000m, q.Layer("us-s232-steel-2025-06"));
        Assert.True(q.Omits("us-ieepa-mx"));
        Assert.Equal(5_000m, q.Total);
    }

    [Fact]
    public void The_non_steel_value_of_a_Mexican_steel_derivative_owes_the_Mexico_duty()
    {
        // Proclamation 10947 clause 6: the 232 duty only on the steel content, the rest subject to "any other
        // applicable tariffs". 60% steel: 50% x 6,000 = 3,000; 25% x 4,000 = 1,000; MFN 2.9% x 10,000 = 290.
        // Total 4,290.
        var q = Q(SteelArticle, "MX", "2025-09-01", metalShare: 0.6m);
        Assert.Equal(3_000m, q.Layer("us-s232-steel-2025-06"));
        Assert.Equal(1_000m, q.Layer("us-ieepa-mx"));
        Assert.Equal(4_290m, q.Total);
    }

    [Fact]
    public void After_the_court_ruling_Canadian_goods_owe_Section_122_unless_USMCA_is_claimed()
    {
        // 2026-03-01: IEEPA duties ended 2026-02-23; 9903.03.01 "+ 10%", with USMCA goods of Canada excepted
        // (9903.03.07). 1,000 without the claim, 0 with it.
        var q = Q(Furniture, "CA", "2026-03-01");
        Assert.DoesNotContain(q.Layers, l => l.Family == "ieepa-fentanyl");
        Assert.Equal(1_000m, q.Total);
        Assert.Equal(0m, Q(Furniture, "CA", "2026-03-01", program: "S").Total);
    }

    // ---- Brazil and India ----

    [Fact]
    public void Brazil_on_1_September_2025_pays_the_reciprocal_10_percent_and_the_40_percent()
    {
        // 9903.02.09: "+ 10%" (Brazil); 9903.01.77 (EO 14323, from 2025-08-06): "+ 40%". 1,000 + 4,000 = 5,000.
        var q = Q(Furniture, "BR", "2025-09-01");
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-br"));
        Assert.Equal(4_000m, q.Layer("us-ieepa-br-40"));
        Assert.Equal(5_000m, q.Total);
    }

    [Fact]
    public void Brazilian_coffee_paid_50_percent_until_the_November_2025_farm_exemptions()
    {
        // Coffee was in neither Annex II nor Annex I of EO 14323: 10% + 40% = 5,000 on 2025-09-01. From 2025-11-13
        // it left the reciprocal duty (9903.02.78) and the 40% (EO of 20 November 2025, 9903.01.90): 0 on 2025-12-01.
        Assert.Equal(5_000m, Q(Coffee, "BR", "2025-09-01").Total);
        var q = Q(Coffee, "BR", "2025-12-01");
        Assert.True(q.Omits("us-ieepa-reciprocal-br"));
        Assert.True(q.Omits("us-ieepa-br-40"));
        Assert.Equal(0m, q.Total);
    }

    [Fact]
    public void Brazilian_steel_pays_Section_232_only()
    {
        // EO 14323 sec. 3(a) (9903.01.83): no 40% on goods subject to Section 232; no reciprocal either (9903.01.33).
        // 50% of 10,000 = 5,000.
        var q = Q(Steel, "BR", "2025-09-01");
        Assert.True(q.Omits("us-ieepa-br-40"));
        Assert.Equal(5_000m, q.Total);
    }

    [Fact]
    public void India_on_1_September_2025_pays_25_plus_25_percent()
    {
        // 9903.02.26: "+ 25%" (India, from 2025-08-07); 9903.01.84 (EO 14329, from 2025-08-27): "+ 25%".
        // 2,500 + 2,500 = 5,000.
        var q = Q(Furniture, "IN", "2025-09-01");
        Assert.Equal(2_500m, q.Layer("us-ieepa-reciprocal-in"));
        Assert.Equal(2_500m, q.Layer("us-ieepa-in-russian-oil"));
        Assert.Equal(5_000m, q.Total);
    }

    [Fact]
    public void India_after_7_February_2026_pays_the_reciprocal_duty_only()
    {
        // 9903.01.84 "terminated as of February 7, 2026" (HTS 2026 rev. 3; EO 14384): 25% -> 2,500.
        var q = Q(Furniture, "IN", "2026-02-10");
        Assert.DoesNotContain(q.Layers, l => l.MeasureId == "us-ieepa-in-russian-oil");
        Assert.Equal(2_500m, q.Total);
    }

    [Fact]
    public void Indian_medicaments_are_outside_both_duties()
    {
        // 3004.90.92 is in Annex II (9903.01.32): exempt from 9903.02.26 and, by 9903.01.86, from 9903.01.84. 0.
        // (.91, not .44: U.S. note 19(k) makes 3004.90.9244 an aluminium derivative from 2025-08-18.)
        Assert.Equal(0m, Q("3004.90.92.91", "IN", "2025-09-01").Total);
    }

    // ---- Deals: South Korea, Switzerland, the UK ----

    [Fact]
    public void South_Korea_paid_15_percent_on_top_of_MFN_before_the_deal()
    {
        // 9903.02.56 (rev. 18): "+ 15%". Valves, MFN 3%: 300 + 1,500 = 1,800.
        var q = Q(Valves, "KR", "2025-09-01");
        Assert.Equal(1_500m, q.Layer("us-ieepa-reciprocal-kr"));
        Assert.Equal(1_800m, q.Total);
    }

    [Fact]
    public void South_Korea_from_14_November_2025_pays_15_percent_including_MFN()
    {
        // 9903.02.80 (90 FR 55964, retroactive to 2025-11-14): column 1 rate below 15% -> 15% in all.
        // Valves: 15% - 3% = 12% -> 1,200 + MFN 300 = 1,500. Footwear at 37.5% (9903.02.79): nothing added -> 3,750.
        var q = Q(Valves, "KR", "2025-12-01");
        Assert.Equal(1_200m, q.Layer("us-ieepa-reciprocal-kr-floor"));
        Assert.Equal(1_500m, q.Total);
        Assert.Equal(3_750m, Q(Footwear, "KR", "2025-12-01").Total);
    }

    [Fact]
    public void Switzerland_paid_39_percent_until_the_deal_then_15_percent_including_MFN()
    {
        // 9903.02.58: "+ 39%" (2025-08-07 to 2025-11-13): 3,900 + MFN 300 = 4,200.
        // 9903.02.83 (90 FR 59281, from 2025-11-14): 15% - 3% = 12% -> 1,200 + 300 = 1,500.
        var sep = Q(Valves, "CH", "2025-09-15");
        Assert.Equal(3_900m, sep.Layer("us-ieepa-reciprocal-ch"));
        Assert.Equal(4_200m, sep.Total);
        var dec = Q(Valves, "CH", "2025-12-01");
        Assert.Equal(1_200m, dec.Layer("us-ieepa-reciprocal-ch-floor"));
        Assert.Equal(1_500m, dec.Total);
    }

    [Fact]
    public void The_UK_stays_at_10_percent_under_its_own_heading()
    {
        // 9903.02.66: "+ 10%" on articles the product of the United Kingdom. Valves: 1,000 + 300 = 1,300.
        var q = Q(Valves, "GB", "2025-09-01");
        Assert.Equal("9903.02.66", HeadingOf(q, "us-ieepa-reciprocal-gb"));
        Assert.Equal(1_300m, q.Total);
    }

    [Fact]
    public void A_partner_without_a_rate_of_its_own_stays_on_the_baseline()
    {
        // Singapore is in neither Annex I of EO 14257 nor Annex I of EO 14326: 9903.01.25 "+ 10%" -> 1,000.
        var q = Q(Furniture, "SG", "2025-09-01");
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-baseline"));
        Assert.Equal(1_000m, q.Total);
    }

    [Fact]
    public void A_country_whose_own_rate_is_not_modelled_is_quoted_with_a_low_confidence_warning()
    {
        // Laos (9903.01.74 "+ 48%", 9903.02.33 "+ 40%") is outside the trade data: the 10% baseline is shown, and the
        // quote says that the real rate is not modelled. 10% of 10,000 = 1,000.
        var q = Q(Furniture, "LA", "2025-09-01");
        Assert.Equal(1_000m, q.Layer("us-ieepa-reciprocal-unmodelled"));
        Assert.Contains(q.Warnings, w => w.Contains("low confidence"));
        Assert.DoesNotContain(Q(Furniture, "SG", "2025-09-01").Warnings, w => w.Contains("confidence"));
    }

    [Fact]
    public void As_known_on_1_July_2025_the_9_July_deadline_returns_Vietnam_to_46_percent()
    {
        // EO 14266 paused the Annex I rates until 9 July 2025; the extension (EO 14316) was signed on 7 July. So on
        // 1 July the deadline was 10% -> 46% on 9 July; with hindsight the extension takes over that day.
        var known = TestWorld.Catalog.ActualPolicy.AsKnownOn(new DateOnly(2025, 7, 1));
        var ends = PolicyEvents.Deadlines(known, new DateOnly(2025, 7, 1), 30, origin: "VN")
            .Where(d => d.Kind == EventKind.SuspensionEnds).ToList();
        Assert.Contains(ends, e => e.Date == new DateOnly(2025, 7, 9) && e.SuspensionId == "us-pause-vn" && e.What.Contains("10% -> 46%"));
        var hindsight = PolicyEvents.Deadlines(TestWorld.Catalog.ActualPolicy, new DateOnly(2025, 7, 1), 30, origin: "VN");
        Assert.Contains(hindsight, e => e.SuspensionId == "us-pause-vn" && e.What.Contains("extension takes over"));
    }

    [Fact]
    public void Vietnam_timeline_from_2025_to_mid_2026()
    {
        // MFN Free. 9903.01.25 10% from 04-05; 9903.01.72 46% on 04-09; paused to 10% from 04-10 (EO 14266, 14316,
        // 14326 sec. 2(e)); 9903.02.69 20% from 08-07; IEEPA ends after 02-23 and Section 122 10% starts 02-24.
        var line = new EntryLine { Code = HtsCode.Parse(Furniture), Origin = "VN", Date = new(2025, 1, 1), CustomsValue = 10_000m };
        var steps = RateTimelines.Build(TestWorld.Engine(), line, new(2025, 1, 1), new(2026, 6, 30)).Steps
            .Select(s => (s.Date.ToString("yyyy-MM-dd"), s.RateAfter)).ToList();
        Assert.Equal(
        [
            ("2025-01-01", 0m), ("2025-04-05", 0.10m), ("2025-04-09", 0.46m), ("2025-04-10", 0.10m),
            ("2025-08-07", 0.20m), ("2026-02-24", 0.10m),
        ], steps);
    }

    // ---- The data as a whole ----

    [Fact]
    public void The_shipped_policy_has_no_lint_error_and_the_partner_files_no_warning()
    {
        var findings = PolicyLint.Check(TestWorld.Catalog.ActualPolicy);
        Assert.DoesNotContain(findings, f => f.Severity == LintSeverity.Error);
        string[] mine = ["us-partners-reciprocal", "us-north-america", "us-partners.yaml"];
        Assert.DoesNotContain(findings, f => f.Severity == LintSeverity.Warning && mine.Any(m => f.Where.Contains(m)));
    }

    [Fact]
    public void No_origin_is_covered_twice_by_reciprocal_measures_on_any_day()
    {
        // A partner's own measure and the baseline must never both apply: on each day from 2025-04-05 to 2026-02-23
        // at most one reciprocal layer is charged on a fully covered good, for every origin in the data.
        string[] origins = ["VN", "KH", "TH", "MY", "ID", "PH", "TW", "KR", "BD", "LK", "PK", "IN", "IQ", "IL", "DZ", "NG",
            "AO", "ZA", "NO", "CH", "LI", "NI", "VE", "TR", "GB", "CR", "TT", "EC", "BR", "NZ", "DE", "JP", "SG", "AU", "LA", "AF"];
        var days = new List<DateOnly>();
        for (var d = new DateOnly(2025, 4, 5); d <= new DateOnly(2026, 2, 23); d = d.AddDays(7)) days.Add(d);
        days.AddRange(new[] { "2025-04-08", "2025-04-09", "2025-04-10", "2025-08-06", "2025-08-07", "2025-11-13", "2025-11-14", "2026-02-23" }.Select(DateOnly.Parse));
        foreach (var origin in origins)
            foreach (var d in days)
            {
                var q = Q(Furniture, origin, d.ToString("yyyy-MM-dd"));
                Assert.True(q.Layers.Count(l => l.Family == "ieepa-reciprocal") == 1, $"{origin} on {d}: {string.Join(", ", q.Layers.Select(l => l.MeasureId))}");
            }
    }
}

/// <summary>The shipped partner rates agree with the Chapter 99 text of the HTS revision in force on their dates.</summary>
public class PartnerRatesAgainstTheHtsTests
{
    [SkippableFact]
    public void Every_partner_rate_is_the_one_its_heading_states()
    {
        // April rates and the Canada and Mexico duties from revision 8, the EO 14326 rates and the Brazil and India
        // duties from revision 20, the deal headings from the 2026 edition's revision 3.
        var april = Chapter99(SharedData.Require("hts/hts_2025_rev_8.json.gz"));
        var august = Chapter99(SharedData.Require("hts/hts_2025_rev_20.json.gz"));
        var deals = Chapter99(SharedData.Require("hts/hts_2026_rev_3.json.gz"));
        var checkedPeriods = 0;
        foreach (var m in TestWorld.Catalog.ActualPolicy.Measures.Where(m => m.Origin is { } o && (o.Contains("us-partners-reciprocal") || o.Contains("us-north-america"))))
            foreach (var p in m.Rates.Where(p => p.Heading is not null and not "9903.01.25"))
            {
                var hts = p.From < new DateOnly(2025, 4, 10) ? april : p.From < new DateOnly(2025, 11, 14) ? august : deals;
                Assert.True(hts.TryGetValue(p.Heading!, out var general), $"{m.Id}: heading {p.Heading} is not in the HTS of {p.From:yyyy-MM-dd}");
                var percent = ((Tariffscope.Duties.AdValoremDuty)p.Rate).Rate * 100m;
                var stated = m.Kind == MeasureKind.Floor
                    ? general.Trim()
                    : System.Text.RegularExpressions.Regex.Match(general, @"\+\s*([0-9.]+%)").Groups[1].Value;
                Assert.True(stated == $"{percent:0.##}%", $"{m.Id} from {p.From:yyyy-MM-dd}: data says {percent:0.##}%, {p.Heading} says '{general}'");
                checkedPeriods++;
            }
        Assert.True(checkedPeriods >= 60, $"only {checkedPeriods} rate periods checked");
    }

    private static Dictionary<string, string> Chapter99(string path) =>
        Tariffscope.Data.Hts.HtsJsonReader.Read(path).Lines
            .Where(l => l.Code.ToString().StartsWith("9903.0", StringComparison.Ordinal))
            .ToDictionary(l => l.Code.ToString(), l => l.GeneralText ?? "");
}
