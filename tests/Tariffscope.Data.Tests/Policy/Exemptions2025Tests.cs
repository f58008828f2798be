using Tariffscope.Data;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Policy;

/// <summary>
/// Golden quotes for the 2025 rules that take goods out of measures (us-2025-exemptions.yaml and the claims and
/// exceptions that name its lists), on the built-in data: sample schedule (HTS 2025 Basic Edition lines) and shipped
/// policy. Every expected figure is worked by hand from the rule cited beside it, on a customs value of $10,000;
/// none is copied from the engine's output.
/// </summary>
public class Exemptions2025Tests
{
    private static readonly TariffEngine Engine = Workspace.BuiltIn().Engine();

    private const string Airliner = "8802.40.01";   // airplanes over 15,000 kg: MFN Free (HTS 2025 basic)
    private const string Rotor = "8708.30.50";      // brakes and parts, other vehicles: MFN 2.5%, special Free (… S …)
    private const string Returned = "9801.00.10";   // US goods returned: Free
    private const string Stoppers = "3923.50.00.00"; // stoppers, lids, caps of plastics: 5.3%; 9903.88.03 and 9903.88.69
    private const string Watch = "9102.11.45";      // 40¢ each + 8.5% on the case + 2.8% on the strap … + 5.3% on the battery
    private const string Modules = "8541.43.00";    // CSPV modules: MFN Free; 9903.45.25

    private static Quote Q(string code, string origin, string date, string? program = null, decimal? usContent = null, params Quantity[] quantities) =>
        Engine.Quote(new EntryLine
        {
            Code = HtsCode.Parse(code), Origin = origin, Date = DateOnly.Parse(date), CustomsValue = 10_000m,
            Program = program, UsContentShare = usContent, Quantities = [.. quantities],
        });

    private static decimal Layer(Quote q, string id) => q.Layers.Single(l => l.MeasureId == id).Amount;
    private static bool Omits(Quote q, string id) => q.Omitted.Any(o => o.MeasureId == id);

    // ---- 1. EU, Japan, Korea and UK civil aircraft ----

    [Fact]
    public void An_EU_airliner_pays_the_15_percent_floor_before_the_framework_exemption()
    {
        // 2025-08-20: EU floor 15% including MFN from 2025-08-07 (EO 14326, 9903.02.20); the civil-aircraft exemption
        // (9903.02.76) starts 2025-09-01. MFN Free, so the floor adds 15% of 10,000 = 1,500.
        var q = Q(Airliner, "FR", "2025-08-20");
        Assert.Equal(1_500m, Layer(q, "us-ieepa-reciprocal-eu-floor"));
        Assert.Equal(1_500m, q.Total);
    }

    [Fact]
    public void An_EU_airliner_pays_MFN_only_under_the_framework_exemption()
    {
        // 2025-10-01: 9903.02.76 (U.S. note 2(v)(xxii)): 9903.02.19/.20 do not apply to EU civil aircraft of 8802.40.01,
        // retroactive to 2025-09-01. MFN Free: nothing is owed.
        var q = Q(Airliner, "FR", "2025-10-01");
        Assert.True(Omits(q, "us-ieepa-reciprocal-eu-floor"));
        Assert.Contains("floor-exempt-eu", q.Omitted.Single(o => o.MeasureId == "us-ieepa-reciprocal-eu-floor").Reason);
        Assert.Equal(0m, q.Total);
        // first day of the exemption, and the last day before it
        Assert.Equal(0m, Q(Airliner, "DE", "2025-09-01").Total);
        Assert.Equal(1_500m, Q(Airliner, "DE", "2025-08-31").Total);
    }

    [Fact]
    public void An_EU_airliner_after_the_IEEPA_duties_pays_MFN_only()
    {
        // 2026-03-01: the IEEPA duties ended after 2026-02-23; the Section 122 surcharge exempts civil aircraft
        // (9903.03.02–.11, list s122-exempt names 8802). MFN Free: nothing is owed.
        var q = Q(Airliner, "FR", "2026-03-01");
        Assert.DoesNotContain(q.Layers, l => l.Family == "ieepa-reciprocal");
        Assert.Equal(0m, q.Total);
    }

    [Fact]
    public void EU_civil_aircraft_steel_owes_no_Section_232_steel_duty_from_September_2025()
    {
        // 7304.31.30.00, seamless hollow bars (MFN Free), a steel article (U.S. note 16) on the list of U.S. note
        // 2(v)(xxii): 9903.02.76 takes EU civil-aircraft articles out of the floor and the Section 232 metals duties.
        // 2025-08-20: steel 50% (Proclamation 10947), no metal share declared so on the full value: 5,000; the floor
        // yields to Section 232 on the value it covers (all of it): nothing. Total 5,000.
        // 2025-10-01: neither applies. Total 0. (The note's general note 6 condition is the importer's to meet.)
        var before = Q("7304.31.30.00", "DE", "2025-08-20");
        Assert.Equal(5_000m, Layer(before, "us-s232-steel-2025-06"));
        Assert.Equal(5_000m, before.Total);
        var after = Q("7304.31.30.00", "DE", "2025-10-01");
        Assert.True(Omits(after, "us-s232-steel-2025-06"));
        Assert.Equal(0m, after.Total);
        // the exception is the EU's: the same bars of Brazil pay the 50% (Brazil's 40% and reciprocal 10% yield to it)
        Assert.Equal(5_000m, Layer(Q("7304.31.30.00", "BR", "2025-10-01"), "us-s232-steel-2025-06"));
    }

    [Fact]
    public void A_Japanese_airliner_leaves_the_floor_on_16_September_2025()
    {
        // 9903.02.73 (EO 14345): 15% including MFN from 2025-08-07 -> 1,500 on 2025-09-10. 9903.96.02 (U.S. note 35(b))
        // takes civil aircraft of Japan out from 2025-09-16: 0.
        Assert.Equal(1_500m, Q(Airliner, "JP", "2025-09-10").Total);
        Assert.Equal(0m, Q(Airliner, "JP", "2025-09-16").Total);
    }

    [Fact]
    public void Korean_and_Swiss_airliners_are_outside_their_floors()
    {
        // 9903.02.81 (Korea) and 9903.02.85 (Switzerland), both from 2025-11-14 like the floors themselves: 0.
        var kr = Q(Airliner, "KR", "2025-12-01");
        Assert.True(Omits(kr, "us-ieepa-reciprocal-kr-floor"));
        Assert.Equal(0m, kr.Total);
        var ch = Q(Airliner, "CH", "2025-12-01");
        Assert.True(Omits(ch, "us-ieepa-reciprocal-ch-floor"));
        Assert.Equal(0m, ch.Total);
    }

    [Fact]
    public void A_UK_airliner_pays_10_percent_until_the_Economic_Prosperity_Deal_and_nothing_after()
    {
        // 2025-06-15: baseline 10% (9903.01.25) -> 1,000. From 2025-06-30, 9903.96.01 (U.S. note 35(a)): UK civil aircraft
        // owe no 9903.01.25 -> 0; from 2025-08-07 the UK's own 10% (9903.02.66) excepts them the same way -> 0.
        Assert.Equal(1_000m, Q(Airliner, "GB", "2025-06-15").Total);
        Assert.Equal(0m, Q(Airliner, "GB", "2025-07-15").Total);
        Assert.Equal(0m, Q(Airliner, "GB", "2025-09-01").Total);
        // the UK exception is for UK goods only: an Australian airliner on 2025-07-15 still pays the baseline 10%
        Assert.Equal(1_000m, Q(Airliner, "AU", "2025-07-15").Total);
    }

    // ---- 2. USMCA auto parts ----

    [Fact]
    public void A_Mexican_brake_rotor_claiming_USMCA_owes_no_Section_232_parts_duty()
    {
        // 2025-06-01, program S: base Free (special column "Free (… S …)"); Section 232 parts 25% (9903.94.05) does
        // not apply to USMCA-qualifying parts (9903.94.06, U.S. note 33(h)(i), Proclamation 10908); the IEEPA duty on
        // Mexico exempts USMCA goods from 2025-03-07 (EO 14232 as amended). Nothing is owed.
        var q = Q(Rotor, "MX", "2025-06-01", program: "S");
        var parts = Assert.Single(q.Omitted, o => o.MeasureId == "us-s232-auto-parts");
        Assert.Contains("S is claimed", parts.Reason);
        Assert.Equal("9903.94.06", parts.Source.Heading);
        Assert.Equal("9903.94.06", parts.Heading);   // reported under the heading of the claim
        Assert.Equal(0m, q.Total);
    }

    [Fact]
    public void A_Mexican_brake_rotor_without_the_claim_pays_the_parts_duty()
    {
        // 2025-06-01, no claim: MFN 2.5% = 250; Section 232 parts 25% = 2,500; the IEEPA duty on Mexico is not
        // charged on goods subject to the Section 232 auto duty (EO 14289). 250 + 2,500 = 2,750.
        var q = Q(Rotor, "MX", "2025-06-01");
        Assert.Equal(2_500m, Layer(q, "us-s232-auto-parts"));
        Assert.Equal(2_750m, q.Total);
        // before the parts duty (2025-05-03), with the claim: Free base, IEEPA exempt -> 0
        Assert.Equal(0m, Q(Rotor, "MX", "2025-04-15", program: "S").Total);
    }

    [Fact]
    public void A_USMCA_car_of_Mexico_pays_the_auto_duty_on_its_non_US_content_only()
    {
        // 8703.23.01 (MFN 2.5%, special Free for S) on 2025-06-01. Proclamation 10908 / U.S. note 33(d): a USMCA
        // vehicle pays the 25% on the value of its non-US content (heading 9903.94.03). Declared US content 40%:
        // 25% × 60% × 10,000 = 1,500; base Free under S; the IEEPA duty on Mexico exempts USMCA goods. Total 1,500.
        var q = Q("8703.23.01", "MX", "2025-06-01", program: "S", usContent: 0.4m);
        var autos = q.Layers.Single(l => l.MeasureId == "us-s232-autos");
        Assert.Equal(1_500m, autos.Amount);
        Assert.Equal(0.6m, autos.Share);
        Assert.Equal("9903.94.03", autos.Heading);
        Assert.Equal(1_500m, q.Total);
        // No US content declared: the full value, 2,500, with a note saying so.
        var full = Q("8703.23.01", "MX", "2025-06-01", program: "S");
        Assert.Equal(2_500m, full.Total);
        Assert.Contains(full.Layers.Single(l => l.MeasureId == "us-s232-autos").Notes, n => n.Contains("no US content share is declared"));
        // No claim: MFN 2.5% = 250 + 25% = 2,500; the IEEPA duty on Mexico yields to the auto duty (EO 14289). 2,750.
        Assert.Equal(2_750m, Q("8703.23.01", "MX", "2025-06-01").Total);
        // Before the auto duty (2025-04-03): 2025-03-20 with S, Free base and IEEPA exempt: 0.
        Assert.Equal(0m, Q("8703.23.01", "MX", "2025-03-20", program: "S", usContent: 0.4m).Total);
    }

    // ---- 3. Chapter 98 ----

    [Fact]
    public void US_goods_returned_from_Canada_owe_no_IEEPA_duty()
    {
        // 2025-06-01: the IEEPA duty on Canada is 25% (9903.01.10), but "shall not apply to goods for which entry is
        // properly claimed under a provision of chapter 98 ... except 9802.00.40, .50, .60 and .80" (U.S. note 2 to
        // subchapter III). 9801.00.10 is Free: nothing is owed.
        var q = Q(Returned, "CA", "2025-06-01");
        Assert.True(Omits(q, "us-ieepa-ca"));
        Assert.Equal(0m, q.Total);
        // the same goods in August 2025, when Canada's rate was 35%: still nothing
        Assert.Equal(0m, Q(Returned, "CA", "2025-08-15").Total);
        // before any IEEPA duty (2025-01-15): Free, nothing
        Assert.Equal(0m, Q(Returned, "CA", "2025-01-15").Total);
    }

    [Fact]
    public void US_goods_returned_from_China_owe_neither_IEEPA_duty()
    {
        // 2025-06-01: fentanyl 20% (9903.01.24) and reciprocal 10% (9903.01.25) on China, neither on Chapter 98
        // entries; 9801.00.10 carries no Section 301 footnote. Free: nothing is owed.
        var q = Q(Returned, "CN", "2025-06-01");
        Assert.DoesNotContain(q.Layers, l => l.Family is "ieepa-fentanyl" or "ieepa-reciprocal");
        Assert.Equal(0m, q.Total);
    }

    // ---- 4. Section 301 exclusions ----

    [Fact]
    public void A_line_an_exclusion_names_lists_the_exclusion_with_its_text_and_stays_charged()
    {
        // 2025-12-01, 3923.50.00.00 of China: MFN 5.3% = 530; Section 301 List 3 25% (9903.88.03) = 2,500; fentanyl
        // 10% (EO 14357 from 2025-11-10) = 1,000; reciprocal 10% (34% less 24 points, EO 14358) = 1,000. 5,030.
        // Exclusion 20(vvv)(iii) item 28 (9903.88.69) covers only PLA/PPL beverage-lid stoppers, not every closure:
        // the quote names it and keeps the layer.
        var q = Q(Stoppers, "CN", "2025-12-01");
        Assert.Equal(2_500m, Layer(q, "us-s301-list3"));
        Assert.Equal(5_030m, q.Total);
        var note = Assert.Single(q.Layers.Single(l => l.MeasureId == "us-s301-list3").Notes, n => n.Contains("claim 9903.88.69 or 9903.88.70"));
        Assert.Contains("One-piece stoppers, of polypropiolactone", note);
        Assert.Contains("through 2026-11-09", note);
    }

    [Fact]
    public void Claiming_the_exclusion_removes_the_Section_301_layer_while_it_is_in_force()
    {
        // Same entry claiming 9903.88.69: List 3 not charged. 530 + 1,000 + 1,000 = 2,530.
        var q = Q(Stoppers, "CN", "2025-12-01", program: "9903.88.69");
        Assert.True(Omits(q, "us-s301-list3"));
        Assert.Equal(2_530m, q.Total);
        Assert.DoesNotContain(q.Warnings, w => w.Contains("special programme"));
        // (Before it, 9903.88.69 from 2024-06-15, the built-in sample schedule has no revision: it starts 2025-01-01.)
        // After it (through 2026-11-09): on 2026-11-10 List 3 is charged again, claim or not.
        Assert.Equal(2_500m, Layer(Q(Stoppers, "CN", "2026-11-10", program: "9903.88.69"), "us-s301-list3"));
    }

    // ---- 5. Specific or compound base without a quantity ----

    [Fact]
    public void A_Swiss_watch_without_quantity_still_pays_the_39_percent_and_says_the_base_needs_one()
    {
        // 2025-09-01: Switzerland 39% (EO 14326, 9903.02.58) on 10,000 = 3,900. The base "40¢ each + 8.5% on the
        // case + 2.8% on the strap + 5.3% on the battery" needs the count and the parts' values: none of its parts can
        // be computed, so the base counts 0 and the total 3,900 is a lower bound.
        var q = Q(Watch, "CH", "2025-09-01");
        Assert.Equal(3_900m, Layer(q, "us-ieepa-reciprocal-ch"));
        Assert.True(q.BaseIncomplete);
        Assert.Equal(0m, q.Base.Amount);
        Assert.Contains(q.Base.Notes, n => n.StartsWith("needs a quantity", StringComparison.Ordinal));
        Assert.Equal(3_900m, q.Total);
        // before: 2025-07-01, 31% less 21 suspended points = 10% -> 1,000
        Assert.Equal(1_000m, Q(Watch, "CH", "2025-07-01").Total);
    }

    [Fact]
    public void A_Swiss_watch_under_the_floor_cannot_be_priced_without_its_base()
    {
        // 2025-12-01: 15% including MFN (9903.02.83): the top-up depends on the base, which needs the quantity.
        var e = Assert.Throws<RatingException>(() => Q(Watch, "CH", "2025-12-01"));
        Assert.Equal(RatingProblem.MissingQuantity, e.Problem);
    }

    // ---- 6. Section 201 solar ----

    [Fact]
    public void German_solar_modules_pay_the_safeguard_rate_of_their_year()
    {
        // U.S. note 18(h): 14.25% from 2024-02-07, 14% from 2025-02-07 through 2026-02-06 (9903.45.25).
        // 2025-01-15: 1,425 (no IEEPA duty yet). 2025-03-01: 1,400.
        Assert.Equal(1_425m, Layer(Q(Modules, "DE", "2025-01-15"), "us-s201-solar-modules"));
        Assert.Equal(1_425m, Q(Modules, "DE", "2025-01-15").Total);
        Assert.Equal(1_400m, Q(Modules, "DE", "2025-03-01").Total);
        // 2025-10-01: 1,400 plus the EU floor topping MFN Free up to 15% (1,500), which does not yield to Section 201:
        // 2,900.
        Assert.Equal(2_900m, Q(Modules, "DE", "2025-10-01").Total);
        // 2026-02-10: the safeguard has ended; only the floor: 1,500.
        var after = Q(Modules, "DE", "2026-02-10");
        Assert.DoesNotContain(after.Layers, l => l.Family == "s201");
        Assert.Equal(1_500m, after.Total);
    }

    [Fact]
    public void Solar_cells_pay_the_over_quota_rate_unless_entered_within_the_quota()
    {
        // 8541.42.00 (MFN Free) from Germany on 2025-03-01: above the quota, 9903.45.22 at 14% (note 18(f)) = 1,400;
        // claimed within the 12.5 GW quota (9903.45.21, "No change"): nothing.
        Assert.Equal(1_400m, Q("8541.42.00", "DE", "2025-03-01").Total);
        var inQuota = Q("8541.42.00", "DE", "2025-03-01", program: "9903.45.21");
        Assert.True(Omits(inQuota, "us-s201-solar-cells"));
        Assert.Equal(0m, inQuota.Total);
    }
}
