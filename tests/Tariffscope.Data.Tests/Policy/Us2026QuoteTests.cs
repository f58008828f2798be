using Tariffscope.Data;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Tests.Policy;

/// <summary>
/// The 2026 measures (us-2026.yaml and the 2026 changes to us-china.yaml, us-section232.yaml and china.yaml), quoted
/// on the built-in sample schedule (data/schedule/us-sample.json) and the built-in policy. Every figure is worked by
/// hand from the rule cited beside it, on a customs value of $10,000 unless stated; MFN rates are those printed in
/// the sample (HTS 2025 Basic Edition, the same in 2026; 0402.10.10.00, 7615.10.20 and 8207.20.00 from HTS 2026
/// Rev. 10). None is copied from the engine's output. Product codes used with a list are codes of the official
/// annexes, so the answers stay true when the full lists replace the samples.
/// </summary>
public class Us2026QuoteTests
{
    private static readonly Workspace World = Workspace.BuiltIn();
    private static PolicySet Actual => World.Scenarios.ActualPolicy;

    private static Quote Q(string code, string origin, string date, decimal value = 10_000m, string scenario = "actual",
        decimal? metalShare = null, string? program = null, string importer = "US", params Quantity[] quantities) =>
        World.Engine(scenario).Quote(new EntryLine
        {
            Code = HtsCode.Parse(code), Origin = origin, Date = DateOnly.Parse(date), CustomsValue = value,
            MetalShare = metalShare, Program = program, Importer = importer, Quantities = [.. quantities],
        });

    private static decimal L(Quote q, string id) => q.Layers.Single(l => l.MeasureId == id).Amount;
    private static bool Has(Quote q, string id) => q.Layers.Any(l => l.MeasureId == id);
    private static OmittedLayer Omit(Quote q, string id) => q.Omitted.Single(o => o.MeasureId == id);

    // ---- Section 122: last day 2026-07-23 (Proc. 11012 Annex I ends it at 12:01 a.m. on 2026-07-24) ----

    [Fact]
    public void Section_122_is_charged_on_its_last_day_and_not_the_day_after()
    {
        // 9403.60.80 (wooden furniture, MFN Free, List 3 9903.88.03 25%) from China.
        // 2026-07-23: List 3 25% + S122 10% (9903.03.01) = 35% -> 3,500.
        var last = Q("9403.60.80", "CN", "2026-07-23");
        Assert.Equal(1_000m, L(last, "us-s122-surcharge"));
        Assert.Equal(3_500m, last.Total);
        // 2026-07-24: S122 gone; forced-labour 301 (China 12.5%, unconfirmed tier) instead: 25% + 12.5% = 3,750.
        var after = Q("9403.60.80", "CN", "2026-07-24");
        Assert.False(Has(after, "us-s122-surcharge"));
        Assert.Equal(1_250m, L(after, "us-s301-fl-cn"));
        Assert.Equal(3_750m, after.Total);
        // The CIT ruling of 2026-05-07 is a note on the measure, not a rate change.
        Assert.Contains("Court of International Trade", Actual.FindMeasure("us-s122-surcharge")!.Source.Note);
        Assert.Equal(new DateOnly(2026, 7, 23), Actual.FindMeasure("us-s122-surcharge")!.Through);
    }

    [Fact]
    public void Section_122_is_not_charged_today()
    {
        // 2026-12-03, an EU valve (8481.80.50, MFN 3%): no Section 122 layer, 5 months after its end.
        var q = Q("8481.80.50", "IT", "2026-12-03");
        Assert.False(Has(q, "us-s122-surcharge"));
        Assert.DoesNotContain(q.Omitted, o => o.MeasureId == "us-s122-surcharge");
    }

    // ---- Section 232 metals restructuring, 2026-04-06 (Proc. 11021; U.S. note 16; 9903.82) ----

    [Fact]
    public void Annex_I_A_charges_the_full_value_from_April_6_where_the_old_measure_charged_the_metal_share()
    {
        // Hot-rolled steel 7208.39.00 (Annex I-A: heading 7208), MFN Free, from Germany, declared metal share 50%.
        // 2026-04-05: Proc. 10947 steel 50% on the steel content (9903.81.87–.93): 50% x 5,000 = 2,500; Section 122
        // 10% on the other half (it yields to Section 232 on the covered value): 10% x 5,000 = 500. Total 3,000.
        var before = Q("7208.39.00", "DE", "2026-04-05", metalShare: 0.5m);
        Assert.Equal(2_500m, L(before, "us-s232-steel-2025-06"));
        Assert.Equal(500m, L(before, "us-s122-surcharge"));
        Assert.Equal(3_000m, before.Total);
        // 2026-04-06: Annex I-A 50% of the full value whatever the metal content (9903.82.02): 5,000; Section 122
        // yields on the whole value. Total 5,000.
        var inside = Q("7208.39.00", "DE", "2026-04-06", metalShare: 0.5m);
        Assert.False(Has(inside, "us-s232-steel-2025-06"));
        Assert.Equal(5_000m, L(inside, "us-s232-metals-1a"));
        Assert.Equal("9903.82.02", inside.Layers.Single(l => l.MeasureId == "us-s232-metals-1a").Heading);
        Assert.False(Has(inside, "us-s122-surcharge"));
        Assert.Equal(5_000m, inside.Total);
        // 2026-08-01: the EU's forced-labour 301 (10% net of MFN) is not charged on Section 232 goods (note 52).
        var later = Q("7208.39.00", "DE", "2026-08-01", metalShare: 0.5m);
        Assert.Equal(5_000m, later.Total);
        Assert.Contains("not charged", Omit(later, "us-s301-fl-cap-10").Reason);
    }

    [Fact]
    public void Annex_I_A_for_the_United_Kingdom_is_25_percent()
    {
        // 7208.39.00 from the UK. 2026-04-05: Proc. 10947 UK steel 25% on the steel content (50%): 1,250 + S122 10% on
        // the rest 500 = 1,750. 2026-04-06: 9903.82.04, 25% of the full value = 2,500.
        Assert.Equal(1_750m, Q("7208.39.00", "GB", "2026-04-05", metalShare: 0.5m).Total);
        var q = Q("7208.39.00", "GB", "2026-04-06", metalShare: 0.5m);
        Assert.Equal(2_500m, L(q, "us-s232-metals-1a-uk"));
        Assert.False(Has(q, "us-s232-metals-1a"));
        Assert.Equal(2_500m, q.Total);
    }

    [Fact]
    public void Annex_I_B_is_25_percent_and_15_percent_for_the_UK()
    {
        // Cast aluminium kitchenware 7615.10.20.25 (Annex I-B), MFN 3.1% = 310.
        // 2026-04-05: an aluminium derivative of 9903.85.07 (U.S. note 19(j) names 7615.10.2025): 50% on the aluminium
        // content, the full value when none is declared = 5,000; Section 122 yields to it. Total 5,310.
        Assert.Equal(5_310m, Q("7615.10.20.25", "DE", "2026-04-05").Total);
        // 2026-04-06: 25% (9903.82.09) = 2,500 + 310 = 2,810.
        var eu = Q("7615.10.20.25", "DE", "2026-04-06");
        Assert.Equal(2_500m, L(eu, "us-s232-metals-1b"));
        Assert.Equal(2_810m, eu.Total);
        // UK: 15% (9903.82.05) = 1,500 + 310 = 1,810.
        Assert.Equal(1_500m, L(Q("7615.10.20.25", "GB", "2026-04-06"), "us-s232-metals-1b-uk"));
        Assert.Equal(1_810m, Q("7615.10.20.25", "GB", "2026-04-06").Total);
        // 2026-08-01: the EU's forced-labour cap yields to Section 232: still 2,810.
        Assert.Equal(2_810m, Q("7615.10.20.25", "DE", "2026-08-01").Total);
    }

    [Fact]
    public void Annex_III_tops_MFN_up_to_15_percent_until_2027_and_takes_the_I_B_rate_from_2028()
    {
        // Parts of dies 8207.20.00.70 (Annex III), MFN 3.9% = 390, from Japan.
        // 2026-04-05: a steel derivative since the inclusions of 2025-08-18 (9903.81.91, 8207.20.00): 50% on the steel
        // content, the full value when none is declared = 5,000; Section 122 yields to it. 5,000 + 390 = 5,390.
        Assert.Equal(5_390m, Q("8207.20.00.70", "JP", "2026-04-05").Total);
        // 2026-04-06: MFN + Section 232 = 15% (9903.82.10): 232 = 15% - 3.9% = 11.1% = 1,110; total 1,500.
        var q = Q("8207.20.00.70", "JP", "2026-04-06");
        Assert.Equal(1_110m, L(q, "us-s232-metals-3"));
        Assert.Equal(1_500m, q.Total);
        // 2027-12-31, last day of the temporary rate: still 1,500 (Japan's forced-labour cap yields to Section 232).
        Assert.Equal(1_500m, Q("8207.20.00.70", "JP", "2027-12-31").Total);
        // 2028-01-01: the Annex I-B rate, 25% = 2,500 + 390 = 2,890.
        var y2028 = Q("8207.20.00.70", "JP", "2028-01-01");
        Assert.Equal(2_500m, L(y2028, "us-s232-metals-3-2028"));
        Assert.Equal(2_890m, y2028.Total);
    }

    [Fact]
    public void The_metal_share_measures_end_on_April_5()
    {
        foreach (var id in new[] { "us-s232-steel-2025-06", "us-s232-steel-uk", "us-s232-aluminum-2025-06", "us-s232-copper" })
            Assert.Equal(new DateOnly(2026, 4, 5), Actual.FindMeasure(id)!.Through);
        // Refined copper wire 7408.11.60.00 (Annex I-A), MFN 3%, from Chile, metal share 80%.
        // 2026-04-05: copper 50% on 80% = 4,000; S122 10% on 20% = 200; MFN 300: 4,500.
        // 2026-04-06: Annex I-A 50% of the full value = 5,000 + 300 = 5,300.
        Assert.Equal(4_500m, Q("7408.11.60.00", "CL", "2026-04-05", metalShare: 0.8m).Total);
        Assert.Equal(5_300m, Q("7408.11.60.00", "CL", "2026-04-06", metalShare: 0.8m).Total);
    }

    // ---- Taiwan (91 FR 31818, retroactive to 2026-05-01) ----

    [Fact]
    public void Taiwan_auto_parts_go_to_a_15_percent_floor_from_May_1()
    {
        // Brakes 8708.30.50 (auto parts list), MFN 2.5% = 250. 2026-04-30: Section 232 parts 25% = 2,500 (S122 yields
        // to it): 2,750. 2026-05-01: 15% including MFN (9903.94.66–.69): 1,250 + 250 = 1,500.
        Assert.Equal(2_750m, Q("8708.30.50", "TW", "2026-04-30").Total);
        var q = Q("8708.30.50", "TW", "2026-05-01");
        Assert.Equal(1_250m, L(q, "us-s232-auto-parts-tw"));
        Assert.False(Has(q, "us-s232-auto-parts"));
        Assert.Equal(1_500m, q.Total);
        // 2026-08-01: Taiwan's forced-labour cap (10% net of MFN) yields to Section 232: 1,500.
        Assert.Equal(1_500m, Q("8708.30.50", "TW", "2026-08-01").Total);
    }

    [Fact]
    public void The_wood_increases_of_January_2026_were_deferred_to_2027()
    {
        // Heading 9903.76.02/.03 of HTS 2026 Rev. 6 still prints + 25%; the step-up is read as 2027-01-01 (medium).
        foreach (var (id, later) in new[] { ("us-s232-upholstered", "30%"), ("us-s232-cabinets", "50%") })
        {
            var m = Actual.FindMeasure(id)!;
            Assert.Equal("25%", m.RateOn(new DateOnly(2026, 6, 1))!.Rate.ToString());
            Assert.Equal("25%", m.RateOn(new DateOnly(2026, 12, 31))!.Rate.ToString());
            Assert.Equal(later, m.RateOn(new DateOnly(2027, 1, 1))!.Rate.ToString());
        }
        // Taiwan leaves them for its 15% floor on 2026-05-01.
        var tw = Actual.FindMeasure("us-s232-wood-tw")!;
        Assert.Equal(new DateOnly(2026, 5, 1), tw.Validity.From);
        Assert.Equal(MeasureKind.Floor, tw.Kind);
    }

    [Fact]
    public void Upholstered_furniture_stays_at_25_percent_in_2026_and_Taiwan_gets_15_percent_from_May_1()
    {
        // Upholstered wooden household chairs 9401.61.40.11 (s232-upholstered: 9401.61), MFN Free; List 3 (9903.88.04).
        // Taiwan 2026-04-30: Section 232 upholstered 25% (9903.76.02) = 2,500; S122 yields to it: 2,500.
        Assert.Equal(2_500m, Q("9401.61.40.11", "TW", "2026-04-30").Total);
        // Taiwan 2026-05-01: 15% including MFN (9903.76.24) = 1,500; the 25% no longer applies to Taiwan.
        var tw = Q("9401.61.40.11", "TW", "2026-05-01");
        Assert.Equal(1_500m, L(tw, "us-s232-wood-tw"));
        Assert.False(Has(tw, "us-s232-upholstered"));
        Assert.Equal(1_500m, tw.Total);
        // China 2026-06-01: List 3 25% + Section 232 25% (not the 30% once due on 2026-01-01) = 5,000.
        var cn = Q("9401.61.40.11", "CN", "2026-06-01");
        Assert.Equal(2_500m, L(cn, "us-s232-upholstered"));
        Assert.Equal(5_000m, cn.Total);
        // China 2027-01-01: the deferred 30% = 3,000 + List 3 2,500; the forced-labour 301 yields to Section 232: 5,500.
        Assert.Equal(5_500m, Q("9401.61.40.11", "CN", "2027-01-01").Total);
    }

    // ---- Section 301 Brazil, 2026-07-22 (91 FR 45516; 9903.05.01) ----

    [Fact]
    public void Brazil_pays_25_percent_from_July_22_except_on_exempt_goods()
    {
        // Over-footwear 6404.19.20, MFN 37.5% = 3,750.
        // 2026-07-21: S122 10% = 1,000: 4,750.
        Assert.Equal(4_750m, Q("6404.19.20", "BR", "2026-07-21").Total);
        // 2026-07-22: both (S122 runs to 07-23): 25% + 10% + 37.5% = 7,250.
        var overlap = Q("6404.19.20", "BR", "2026-07-22");
        Assert.Equal(2_500m, L(overlap, "us-s301-brazil"));
        Assert.Equal(7_250m, overlap.Total);
        // 2026-07-24: S122 gone; Brazil is not among the modelled forced-labour economies: 25% + 37.5% = 6,250.
        Assert.Equal(6_250m, Q("6404.19.20", "BR", "2026-07-24").Total);
        // Coffee 0901.11.00 is on the exemption annex (flat category): MFN Free, nothing owed.
        var coffee = Q("0901.11.00", "BR", "2026-08-01");
        Assert.Equal(0m, coffee.Total);
        Assert.Contains("brazil-301-exempt", Omit(coffee, "us-s301-brazil").Reason);
    }

    // ---- Section 301 forced labour, 2026-07-24 (91 FR 47318; 9903.05.20–9903.06.21) ----

    [Fact]
    public void Forced_labour_301_is_10_percent_for_Canada_and_not_charged_on_USMCA_goods()
    {
        // Valves 8481.80.50, MFN 3% = 300, from Canada. 2026-07-23: S122 10% = 1,000: 1,300.
        Assert.Equal(1_300m, Q("8481.80.50", "CA", "2026-07-23").Total);
        // 2026-07-24: 10% tier = 1,000: 1,300.
        var q = Q("8481.80.50", "CA", "2026-07-24");
        Assert.Equal(1_000m, L(q, "us-s301-fl-10"));
        Assert.Equal(1_300m, q.Total);
        // Claimed under USMCA (S): base Free (special column), and the goods are exempt (Annex I ¶g): 0.
        var usmca = Q("8481.80.50", "CA", "2026-07-24", program: "S");
        Assert.Equal(0m, usmca.Total);
        Assert.True(usmca.Omitted.Any(o => o.MeasureId == "us-s301-fl-10"));
    }

    [Fact]
    public void Forced_labour_301_for_the_EU_and_Japan_is_a_cap_net_of_MFN()
    {
        // 8481.80.50 (MFN 3%) from Italy, 2026-08-01: 301 = 10% - 3% = 7% = 700; total 1,000 (10%).
        var eu = Q("8481.80.50", "IT", "2026-08-01");
        Assert.Equal(700m, L(eu, "us-s301-fl-cap-10"));
        Assert.Equal(1_000m, eu.Total);
        // From Japan: 12.5% - 3% = 9.5% = 950; total 1,250.
        var jp = Q("8481.80.50", "JP", "2026-08-01");
        Assert.Equal(950m, L(jp, "us-s301-fl-cap-12-5"));
        Assert.Equal(1_250m, jp.Total);
        // Footwear 6404.19.20 from Italy: MFN 37.5% already above the 10% cap: nothing added, 3,750.
        Assert.Equal(3_750m, Q("6404.19.20", "IT", "2026-08-01").Total);
        // The day before: S122 10% + MFN 3% = 1,300.
        Assert.Equal(1_300m, Q("8481.80.50", "IT", "2026-07-23").Total);
    }

    // ---- Section 338 Canada, 2026-08-19 (91 FR 46639/46653/46663; 9903.03.12–.14), suspended 2026-08-24 ----

    private static readonly Quantity Kg1000 = new(1_000m, "kg");

    [Fact]
    public void Section_338_dairy_is_50_percent_from_August_19_and_suspended_from_August_24()
    {
        // Milk powder 0402.10.10.00 (dairy basket), MFN 3.3¢/kg x 1,000 kg = 33, from Canada, no USMCA claim.
        // 2026-08-18: forced-labour 10% = 1,000: 1,033.
        Assert.Equal(1_033m, Q("0402.10.10.00", "CA", "2026-08-18", quantities: Kg1000).Total);
        // 2026-08-19: + 50% (9903.03.13) = 5,000: 6,033.
        var inside = Q("0402.10.10.00", "CA", "2026-08-19", quantities: Kg1000);
        Assert.Equal(5_000m, L(inside, "us-s338-ca-dairy"));
        Assert.Equal(6_033m, inside.Total);
        // 2026-08-24: the temporary suspension (91 FR 54789): 1,033 again, the 338 layer shown as suspended.
        var suspended = Q("0402.10.10.00", "CA", "2026-08-24", quantities: Kg1000);
        Assert.Equal(1_033m, suspended.Total);
        Assert.Contains("suspended in full", Omit(suspended, "us-s338-ca-dairy").Reason);
    }

    [Fact]
    public void Section_338_alcohol_and_motor_vehicle_baskets()
    {
        // Wine 2204.21.50 (alcohol basket), MFN 6.3¢/liter x 500 l = 31.50, value 1,000, 2026-08-20:
        // 338 50% = 500; forced-labour 10% = 100: 631.50. On 2026-08-18 (before): 100 + 31.50 = 131.50.
        var wine = Q("2204.21.50", "CA", "2026-08-20", 1_000m, quantities: new Quantity(500m, "liters"));
        Assert.Equal(500m, L(wine, "us-s338-ca-alcohol"));
        Assert.Equal(631.50m, wine.Total);
        Assert.Equal(131.50m, Q("2204.21.50", "CA", "2026-08-18", 1_000m, quantities: new Quantity(500m, "liters")).Total);
        // Toys 9503.00.00 (motor-vehicle basket: goods other than vehicles), MFN Free: 2026-08-20: 50% + 10% = 6,000;
        // 2026-08-24, suspended: 1,000.
        Assert.Equal(6_000m, Q("9503.00.00", "CA", "2026-08-20").Total);
        Assert.Equal(1_000m, Q("9503.00.00", "CA", "2026-08-24").Total);
        // The same toy from Mexico is in no 338 basket: 10% forced labour only.
        Assert.Equal(1_000m, Q("9503.00.00", "MX", "2026-08-20").Total);
    }

    [Fact]
    public void The_civil_aircraft_carve_out_takes_a_basket_line_out_of_section_338()
    {
        // 3926.90.99 (other articles of plastics, MFN 5.3% = 530) is both in the motor-vehicle basket (9903.03.14)
        // and in the civil-aircraft carve-out of note 51(d) (9903.03.16), applied to every entry of the line (the
        // end-use condition is not checked). 2026-08-20 from Canada: no 338 duty; forced labour 10% = 1,000: 1,530.
        var q = Q("3926.90.99.30", "CA", "2026-08-20");
        Assert.Contains("canada-338-aircraft-exempt", Omit(q, "us-s338-ca-autos").Reason);
        Assert.Equal(1_530m, q.Total);
    }

    // ---- Today, 2026-12-03, layer by layer ----

    [Fact]
    public void Today_a_List_3_good_from_China()
    {
        // 9403.60.80 from China: Section 301 List 3 25% (9903.88.03) = 2,500; forced-labour 301 12.5% (China's tier
        // inferred, unconfirmed) = 1,250; MFN Free. No IEEPA (ended 2026-02-23), no S122 (ended 2026-07-23). 3,750.
        var q = Q("9403.60.80", "CN", "2026-12-03");
        Assert.Equal(["base", "us-s301-fl-cn", "us-s301-list3"], q.Layers.Select(l => l.MeasureId).Order().ToArray());
        Assert.Equal(2_500m, L(q, "us-s301-list3"));
        Assert.Equal(1_250m, L(q, "us-s301-fl-cn"));
        Assert.Equal(0m, q.Base.Amount);
        Assert.Equal(3_750m, q.Total);
        Assert.Contains(q.Warnings, w => w.Contains("Section 301 List 3: not confirmed after 2026-09-15"));
        Assert.Contains(q.Warnings, w => w.Contains("unconfirmed confidence"));
    }

    [Fact]
    public void Today_an_EU_good()
    {
        // 8481.80.50 from Italy: forced-labour 301 capped net of MFN, 10% - 3% = 700; MFN 3% = 300. 1,000.
        var q = Q("8481.80.50", "IT", "2026-12-03");
        Assert.Equal(["base", "us-s301-fl-cap-10"], q.Layers.Select(l => l.MeasureId).Order().ToArray());
        Assert.Equal(700m, L(q, "us-s301-fl-cap-10"));
        Assert.Equal(300m, q.Base.Amount);
        Assert.Equal(1_000m, q.Total);
        Assert.Contains(q.Warnings, w => w.Contains("not confirmed after 2026-09-15"));
    }

    [Fact]
    public void Today_a_Brazilian_good()
    {
        // 6404.19.20 from Brazil: Section 301 Brazil 25% = 2,500; MFN 37.5% = 3,750. 6,250.
        var q = Q("6404.19.20", "BR", "2026-12-03");
        Assert.Equal(["base", "us-s301-brazil"], q.Layers.Select(l => l.MeasureId).Order().ToArray());
        Assert.Equal(2_500m, L(q, "us-s301-brazil"));
        Assert.Equal(3_750m, q.Base.Amount);
        Assert.Equal(6_250m, q.Total);
    }

    [Fact]
    public void Today_a_Canadian_good_in_a_338_basket()
    {
        // 0402.10.10.00 from Canada, 1,000 kg: forced-labour 10% = 1,000; MFN 33; the 338 dairy duty is suspended
        // (91 FR 54789) with no end seen, and the quote says its continuation is not confirmed. 1,033.
        var q = Q("0402.10.10.00", "CA", "2026-12-03", quantities: Kg1000);
        Assert.Equal(["base", "us-s301-fl-10"], q.Layers.Select(l => l.MeasureId).Order().ToArray());
        Assert.Equal(1_000m, L(q, "us-s301-fl-10"));
        Assert.Equal(33m, q.Base.Amount);
        Assert.Equal(1_033m, q.Total);
        Assert.Contains("suspended in full", Omit(q, "us-s338-ca-dairy").Reason);
        Assert.Contains(q.Warnings, w => w.StartsWith("Temporary suspension of the Section 338 duties on Canada (dairy): not confirmed after 2026-09-15")
                                         && w.Contains("whether it is still in force is not known"));
    }

    // ---- The US–China arrangement's expiries (2026-11-09/10) ----

    [Fact]
    public void China_24_point_suspension_ends_on_its_stated_day_and_what_follows_is_marked_unknown()
    {
        // China's additional duty on US goods (cn-tc-all-us) 34% with 24 points suspended through 2026-11-09.
        // Soybeans 1201.90 (China's MFN 3% = 300): 2026-11-09: 10% = 1,000 -> 1,300, no warning about the suspension.
        var inside = Q("1201.90", "US", "2026-11-09", importer: "CN");
        Assert.Equal(1_300m, inside.Total);
        Assert.DoesNotContain(inside.Warnings, w => w.Contains("24 points suspended for one more year") && w.Contains("not confirmed"));
        // 2026-12-03 (actual): the suspension ended as stated, nothing later is known: 34% = 3,400 -> 3,700, warned.
        var today = Q("1201.90", "US", "2026-12-03", importer: "CN");
        Assert.Equal(3_700m, today.Total);
        Assert.Contains(today.Warnings, w => w.Contains("not confirmed after 2026-11-09") && w.Contains("not known"));
        // The two scenarios: extended a year -> 1,300; lapsed -> 3,700.
        Assert.Equal(1_300m, Q("1201.90", "US", "2026-12-03", scenario: "us-china-arrangement-extended-2027", importer: "CN").Total);
        Assert.Equal(3_700m, Q("1201.90", "US", "2026-12-03", scenario: "us-china-arrangement-lapsed-nov-2026", importer: "CN").Total);
    }

    [Fact]
    public void A_Section_301_exclusion_ends_after_November_9_unless_extended()
    {
        // Plastic stoppers 3923.50.00.00 (MFN 5.3% = 530; List 3, 9903.88.03), named by exclusion 20(vvv)(iii) item 28
        // (9903.88.69, "through November 9, 2026"), from China.
        // An exclusion covers only the product it names, so it is claimed (9903.88.69 as the programme).
        // Before (2026-03-02, claimed): List 3 left out; Section 122 10% = 1,000: 1,530.
        var before = Q("3923.50.00.00", "CN", "2026-03-02", program: "9903.88.69");
        Assert.Contains("9903.88.69", Omit(before, "us-s301-list3").Reason);
        Assert.Equal(1_530m, before.Total);
        // Last day (2026-11-09), claimed: excluded; forced-labour 12.5% = 1,250: 1,780.
        Assert.Equal(1_780m, Q("3923.50.00.00", "CN", "2026-11-09", program: "9903.88.69").Total);
        // 2026-11-10 (actual): the exclusion has ended and the claim no longer counts: List 3 25% = 2,500 is owed
        // again: 4,280, with the warning that the List 3 data is not confirmed after 2026-09-15.
        var after = Q("3923.50.00.00", "CN", "2026-11-10", program: "9903.88.69");
        Assert.Equal(2_500m, L(after, "us-s301-list3"));
        Assert.Equal(4_280m, after.Total);
        Assert.Contains(after.Warnings, w => w.Contains("Section 301 List 3: not confirmed after 2026-09-15"));
        // Scenario: extended a year: still excluded, 1,780. Lapsed: 4,280.
        Assert.Equal(1_780m, Q("3923.50.00.00", "CN", "2026-11-10", scenario: "us-china-arrangement-extended-2027", program: "9903.88.69").Total);
        Assert.Equal(4_280m, Q("3923.50.00.00", "CN", "2026-11-10", scenario: "us-china-arrangement-lapsed-nov-2026", program: "9903.88.69").Total);
    }

    [Fact]
    public void Deadlines_from_October_2026_list_the_November_expiries_and_say_what_follows_is_unknown()
    {
        var events = PolicyEvents.Deadlines(Actual, new DateOnly(2026, 10, 1), 120);
        // China's 24-point suspension: last day 2026-11-09, the change on 2026-11-10.
        var cn = events.Single(e => e.SuspensionId == "cn-kuala-lumpur-extension");
        Assert.Equal(new DateOnly(2026, 11, 10), cn.Date);
        Assert.Contains("what follows is not known (not confirmed after 2026-11-09)", cn.What);
        // The Section 301 exclusions (9903.88.69/.70), "through November 9, 2026", on each List measure.
        var excl = events.Where(e => e.Kind == EventKind.ExclusionEnds).ToList();
        Assert.Equal(["us-s301-list1", "us-s301-list2", "us-s301-list3", "us-s301-list4a"], excl.Select(e => e.MeasureId).Order().ToArray());
        Assert.All(excl, e => Assert.Equal(new DateOnly(2026, 11, 10), e.Date));
        Assert.All(excl, e => Assert.Contains("what follows is not known", e.What));
        // The US suspension of the IEEPA reciprocal duty outlived its measure (ended 2026-02-23): no event.
        Assert.DoesNotContain(events, e => e.SuspensionId == "us-busan-extension");
    }

    // ---- Lint ----

    [Fact]
    public void Lint_passes_on_the_shipped_data_and_flags_horizons_in_the_past()
    {
        var now = PolicyLint.Check(Actual, new DateOnly(2026, 12, 3));
        Assert.DoesNotContain(now, f => f.Severity == LintSeverity.Error);
        // Every file was checked to 2026-09-15; on 2026-12-03 each horizon is in the past.
        Assert.Contains(now, f => f.Severity == LintSeverity.Warning && f.Where.EndsWith("us-2026.yaml") && f.Message.Contains("is in the past"));
        // On the horizon itself, nothing is in the past; without a "today", lint does not judge horizons.
        Assert.DoesNotContain(PolicyLint.Check(Actual, new DateOnly(2026, 9, 15)), f => f.Message.Contains("is in the past"));
        Assert.DoesNotContain(PolicyLint.Check(Actual), f => f.Message.Contains("is in the past"));
    }

    [Fact]
    public void The_lists_for_the_official_compiler_are_declared_with_a_source()
    {
        string[] names =
        [
            "s122-exempt", "brazil-301-exempt", "brazil-301-exempt-flat", "brazil-301-exempt-pharma", "brazil-301-exempt-aircraft",
            "brazil-301-exempt-named", "canada-338-alcohol", "canada-338-dairy", "canada-338-autos", "canada-338-aircraft-exempt",
            "s232-semis", "floor-exempt-eu", "floor-exempt-japan", "floor-exempt-korea", "floor-exempt-swiss",
        ];
        var annexes = new[] { "1a", "1b", "2", "3" }.Select(a => $"s232-annex-{a}");
        foreach (var name in names.Concat(annexes))
        {
            Assert.True(Actual.Lists.TryGetValue(name, out var list), name);
            Assert.False(list!.Source.IsMissing, name);
        }
    }
}
