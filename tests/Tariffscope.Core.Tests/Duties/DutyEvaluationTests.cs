using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

/// <summary>Golden cases: each expected amount is worked by hand from the rate text (arithmetic in the comment).</summary>
public class DutyEvaluationTests
{
    private static DutyExpression Rate(string text) => DutyExpression.Parse(text)!;

    [Fact]
    public void Compound_rate_adds_the_specific_and_the_ad_valorem_parts()
    {
        // 25¢/kg + 3.1% on $10,000 and 500 kg: 0.25 × 500 = $125; 0.031 × 10,000 = $310; 125 + 310 = $435.
        var outcome = Rate("25¢/kg + 3.1%").Evaluate(DutyBasis.Of(10_000m, new Quantity(500m, "kg")));
        Assert.True(outcome.IsComplete);
        Assert.Equal(435m, outcome.Amount);
    }

    [Fact]
    public void Per_dozen_rate_reads_dozens_or_pieces()
    {
        // $2.4/doz. on 30 doz.: 2.4 × 30 = $72.
        Assert.Equal(72m, Rate("$2.4/doz.").Evaluate(DutyBasis.Of(500m, new Quantity(30m, "doz."))).Amount);
        // 360 pieces are exactly 360 / 12 = 30 dozen: again $72.
        Assert.Equal(72m, Rate("$2.4/doz.").Evaluate(DutyBasis.Of(500m, new Quantity(360m, "No."))).Amount);
        // 100 pieces: 2.4 × 100 / 12 = 240 / 12 = $20 exactly (no 8.333… dozen rounded on the way).
        Assert.Equal(20m, Rate("$2.4/doz.").Evaluate(DutyBasis.Of(500m, new Quantity(100m, "pcs"))).Amount);
    }

    [Fact]
    public void Dollar_per_kilogram_rate_converts_grams_and_tonnes_exactly()
    {
        // $1.035/kg on 1,200 kg: 1.035 × 1,200 = $1,242.
        Assert.Equal(1242m, Rate("$1.035/kg").Evaluate(DutyBasis.Of(9_000m, new Quantity(1_200m, "kg"))).Amount);
        // 1.2 t is 1,200 kg: $1,242 again; 1,200,000 g likewise.
        Assert.Equal(1242m, Rate("$1.035/kg").Evaluate(DutyBasis.Of(9_000m, new Quantity(1.2m, "t"))).Amount);
        Assert.Equal(1242m, Rate("$1.035/kg").Evaluate(DutyBasis.Of(9_000m, new Quantity(1_200_000m, "g"))).Amount);
    }

    [Fact]
    public void Missing_quantity_leaves_the_outcome_incomplete_and_says_what_is_needed()
    {
        // 2.4¢/kg + 5% on $1,000 with only a piece count: the 5% part is $50, the kg part cannot be computed.
        var outcome = Rate("2.4¢/kg + 5%").Evaluate(DutyBasis.Of(1_000m, new Quantity(12m, "No.")));
        Assert.False(outcome.IsComplete);
        Assert.Equal(50m, outcome.Amount);
        Assert.Contains("needs quantity in kg", outcome.Problem);
    }

    [Fact]
    public void Proof_liters_do_not_come_from_liters()
    {
        // $1.32/pf. liter: 100 liters of unknown strength say nothing about proof liters.
        var liters = Rate("$1.32/pf. liter").Evaluate(DutyBasis.Of(800m, new Quantity(100m, "liters")));
        Assert.False(liters.IsComplete);
        Assert.Contains("pf.liters", liters.Problem);
        // 80 proof liters: 1.32 × 80 = $105.60.
        Assert.Equal(105.60m, Rate("$1.32/pf. liter").Evaluate(DutyBasis.Of(800m, new Quantity(80m, "pf.liters"))).Amount);
    }

    [Fact]
    public void Ad_valorem_equivalent_is_duty_over_value()
    {
        // 25¢/kg + 3.1% on $10,000 and 500 kg is $435 (above): 435 / 10,000 = 0.0435, i.e. 4.35%.
        Assert.Equal(0.0435m, Rate("25¢/kg + 3.1%").AdValoremEquivalent(DutyBasis.Of(10_000m, new Quantity(500m, "kg"))));
        // 2.2¢/kg on 2,000 kg worth $880: 0.022 × 2,000 = $44; 44 / 880 = 0.05.
        Assert.Equal(0.05m, Rate("2.2¢/kg").AdValoremEquivalent(DutyBasis.Of(880m, new Quantity(2_000m, "kg"))));
        // No equivalent without the quantity.
        Assert.Null(Rate("2.2¢/kg").AdValoremEquivalent(DutyBasis.Of(880m)));
    }

    [Fact]
    public void Cubic_meters_and_liters_convert_exactly()
    {
        // $1.27/m3 on 2,500 liters: 2,500 L = 2.5 m³; 1.27 × 2.5 = $3.175 (not rounded here).
        Assert.Equal(3.175m, Rate("$1.27/m3").Evaluate(DutyBasis.Of(100m, new Quantity(2_500m, "liters"))).Amount);
    }

    [Fact]
    public void Per_thousand_pins_and_percentage()
    {
        // $1/1,000 pins + 35% on 50,000 pins worth $200: 1 × 50,000 / 1,000 = $50; 0.35 × 200 = $70; total $120.
        var outcome = Rate("$1/1,000 pins + 35%").Evaluate(DutyBasis.Of(200m, new Quantity(50_000m, "No.")));
        Assert.Equal(120m, outcome.Amount);
    }

    [Fact]
    public void Watch_rate_charges_each_part_on_its_own_value()
    {
        // 40¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery,
        // 100 watches with cases worth $500, straps $200, batteries $20:
        // 0.40 × 100 = 40; 0.06 × 500 = 30; 0.14 × 200 = 28; 0.053 × 20 = 1.06; total $99.06.
        var basis = DutyBasis.Of(900m, new Quantity(100m, "No."))
            .WithPart("case", 500m).WithPart("strap, band or bracelet", 200m).WithPart("battery", 20m);
        var outcome = Rate("40¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery").Evaluate(basis);
        Assert.True(outcome.IsComplete);
        Assert.Equal(99.06m, outcome.Amount);
    }

    [Fact]
    public void Part_rate_without_the_part_value_is_incomplete()
    {
        var outcome = Rate("2.5% on the value of the lead content").Evaluate(DutyBasis.Of(1_000m));
        Assert.False(outcome.IsComplete);
        Assert.Equal("needs the value of the lead content", outcome.Problem);
    }

    [Fact]
    public void Rate_on_the_entire_set_is_on_the_customs_value()
    {
        // 6.5% on the entire set, set entered at $400: 0.065 × 400 = $26.
        Assert.Equal(26m, Rate("6.5% on the entire set").Evaluate(DutyBasis.Of(400m)).Amount);
    }

    [Fact]
    public void Jewels_over_seven_are_charged_only_beyond_the_seventh_of_each_movement()
    {
        // 43¢ each + 2.8¢/jewel over 7 + 3.7% on the case; 10 movements of 17 jewels, so 10 × (17 − 7) = 100 jewels
        // over 7; cases $300: 0.43 × 10 = 4.30; 0.028 × 100 = 2.80; 0.037 × 300 = 11.10; total $18.20.
        const string raw = "43¢ each + 2.8¢/jewel over 7 + 3.7% on the case";
        var basis = DutyBasis.Of(1_000m, new Quantity(10m, "No."), new Quantity(100m, "Jwls. over 7")).WithPart("case", 300m);
        Assert.Equal(18.20m, Rate(raw).Evaluate(basis).Amount);
        // The total of 170 jewels cannot say how many lie beyond the seventh of each movement.
        var totals = DutyBasis.Of(1_000m, new Quantity(10m, "No."), new Quantity(170m, "Jwls.")).WithPart("case", 300m);
        var outcome = Rate(raw).Evaluate(totals);
        Assert.False(outcome.IsComplete);
        Assert.Contains("Jwls. over 7", outcome.Problem);
    }

    [Fact]
    public void Graded_sugar_rate_follows_polarity_down_to_its_floor()
    {
        const string raw = "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees " +
                           "(and fractions of a degree in proportion) but not less than 3.143854¢/kg";
        // 1,000 kg at 96°: 3.6606 − 0.020668 × 4 = 3.6606 − 0.082672 = 3.577928¢/kg → 0.03577928 × 1,000 = $35.77928.
        Assert.Equal(35.77928m, Rate(raw).Evaluate(DutyBasis.Of(500m, new Quantity(1_000m, "kg"), new Quantity(96m, "°"))).Amount);
        // At 70°: 3.6606 − 0.020668 × 30 = 3.04056 < 3.143854, so the floor: 0.03143854 × 1,000 = $31.43854.
        Assert.Equal(31.43854m, Rate(raw).Evaluate(DutyBasis.Of(500m, new Quantity(1_000m, "kg"), new Quantity(70m, "degrees"))).Amount);
        // At 95.5° (fractions in proportion): 3.6606 − 0.020668 × 4.5 = 3.6606 − 0.093006 = 3.567594¢ → $35.67594.
        Assert.Equal(35.67594m, Rate(raw).Evaluate(DutyBasis.Of(500m, new Quantity(1_000m, "kg"), new Quantity(95.5m, "°"))).Amount);
        // Without the polarity it cannot be computed.
        Assert.False(Rate(raw).Evaluate(DutyBasis.Of(500m, new Quantity(1_000m, "kg"))).IsComplete);
    }

    [Fact]
    public void Metal_content_rates_need_the_content_quantity()
    {
        // 0.7¢/kg on copper content + 0.7¢/kg on lead content, 2,000 kg of matte holding 300 kg Cu and 150 kg Pb:
        // 0.007 × 300 = 2.10; 0.007 × 150 = 1.05; total $3.15. The 2,000 kg gross weight plays no part.
        var basis = DutyBasis.Of(5_000m, new Quantity(2_000m, "kg"), new Quantity(300m, "Cu kg"), new Quantity(150m, "kg Pb"));
        Assert.Equal(3.15m, Rate("0.7¢/kg on copper content + 0.7¢/kg on lead content").Evaluate(basis).Amount);
        Assert.False(Rate("0.8¢/kg on lead content").Evaluate(DutyBasis.Of(5_000m, new Quantity(2_000m, "kg"))).IsComplete);
    }

    [Fact]
    public void One_third_percent_is_exact_to_the_cent_when_rounded_once()
    {
        // 33 1/3% on $300 is $100; the decimal third is 0.333…3 (28 places), so the unrounded amount is
        // 99.99…9 and the caller's single rounding to cents gives $100.00.
        var amount = Rate("33 1/3%").Evaluate(DutyBasis.Of(300m)).Amount;
        Assert.Equal(100.00m, Math.Round(amount, 2));
    }

    [Fact]
    public void Reference_rate_needs_resolving_and_resolves_by_adding()
    {
        var chapter99 = (ReferencedDuty)Rate("The duty provided in the applicable subheading + 25%");
        Assert.False(chapter99.Evaluate(DutyBasis.Of(1_000m)).IsComplete);
        // Resolved against 2.5%: 2.5% + 25% on $1,000 = 25 + 250 = $275.
        Assert.Equal(275m, chapter99.Resolve(Rate("2.5%")).Evaluate(DutyBasis.Of(1_000m)).Amount);
        // "minus 0.5%" takes percentage points off: 16% − 0.5% = 15.5% on $1,000 = $155.
        var reduced = (ReferencedDuty)Rate("The duty rate provided in such subheading minus 0.5%");
        Assert.Equal(155m, reduced.Resolve(Rate("16%")).Evaluate(DutyBasis.Of(1_000m)).Amount);
    }

    [Fact]
    public void Unparsed_text_is_never_zero_and_complete()
    {
        var outcome = Rate("4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a plate " +
                           "or a set of plates the total duty shall not exceed the duty for the complete movement")
            .Evaluate(DutyBasis.Of(1_000m));
        Assert.False(outcome.IsComplete);
        Assert.Contains("not understood", outcome.Problem);
    }
}
