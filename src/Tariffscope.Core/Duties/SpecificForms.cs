namespace Tariffscope.Duties;

/// <summary>
/// An amount per unit of quantity: "2.4¢/kg", "$1.035/kg", "1.1¢ each", "$2/1000", "15¢/jewel over 7".
/// <see cref="Amount"/> is in dollars (2.4¢ is 0.024). <see cref="Over"/> is the allowance of "per jewel over 7":
/// only the units beyond it in each article are charged, which totals cannot tell, so such a rate needs the
/// count of units over the allowance declared as such (a quantity in "Jwls. over 7").
/// </summary>
public sealed record SpecificDuty(decimal Amount, DutyUnit Unit, decimal Over = 0m) : DutyExpression
{
    public override bool IsParsed => true;
    public override string Shape => "specific";

    public override DutyOutcome Evaluate(DutyBasis basis)
    {
        decimal declared;
        DutyUnit declaredUnit;
        if (Over == 0m)
        {
            if (!basis.TryFindQuantity(Unit, out declared, out declaredUnit))
                return new(0m, false, $"needs quantity in {Unit.Describe()}");
        }
        else if (!TryFindOverAllowance(basis, out declared, out declaredUnit))
            return new(0m, false, $"needs the count of {Unit.RateSpelling}s over {DutyFormat.Number(Over)} in each article, " +
                                  $"as a quantity in \"{Unit.Symbol} over {DutyFormat.Number(Over)}\"");
        // Multiply before dividing: 100 No. at $2.4/doz. is 2.4 × 100 × 1 / 12 = 20 exactly.
        var amount = declaredUnit == Unit ? Amount * declared : Amount * declared * declaredUnit.Factor / Unit.Factor;
        return new(Math.Max(0m, amount), true);
    }

    private bool TryFindOverAllowance(DutyBasis basis, out decimal declared, out DutyUnit declaredUnit)
    {
        var suffix = " over " + DutyFormat.Number(Over);
        foreach (var q in basis.Quantities)
        {
            var spelling = DutyUnits.Normalize(q.Unit);
            if (!spelling.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            if (DutyUnits.Find(spelling[..^suffix.Length]) is { } u && u.Dimension == Unit.Dimension)
            {
                (declared, declaredUnit) = (q.Amount, u);
                return true;
            }
        }
        (declared, declaredUnit) = (0m, Unit);
        return false;
    }

    public override string ToString()
    {
        var money = DutyFormat.Money(Amount);
        var per = Unit.RateSpelling == "each" ? money + " each" : money + "/" + Unit.RateSpelling;
        return Over == 0m ? per : $"{per} over {DutyFormat.Number(Over)}";
    }
}

/// <summary>
/// A sugar rate graded by polarity: "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and
/// fractions of a degree in proportion) but not less than 3.143854¢/kg". Needs the mass and the polarity
/// (a quantity in degrees, unit "°").
/// </summary>
public sealed record GradedSpecificDuty(decimal Amount, decimal Step, decimal ReferenceDegrees, decimal Floor, DutyUnit Unit)
    : DutyExpression
{
    public static DutyUnit Degrees => DutyUnits.Find("°")!;

    public override bool IsParsed => true;
    public override string Shape => "graded specific";

    /// <summary>The rate per unit at a polarity: the step is taken off in proportion below the reference, down to the floor.</summary>
    public decimal RateAt(decimal degrees) =>
        Math.Max(Floor, Amount - Step * Math.Max(0m, ReferenceDegrees - degrees));

    public override DutyOutcome Evaluate(DutyBasis basis)
    {
        var degrees = basis.QuantityIn(Degrees);
        if (degrees is null) return new(0m, false, $"needs the polarity in {Degrees.Describe()}");
        var quantity = new SpecificDuty(RateAt(degrees.Value), Unit);
        return quantity.Evaluate(basis);
    }

    public override string ToString()
    {
        var u = "/" + Unit.RateSpelling;
        return $"{DutyFormat.Money(Amount)}{u} less {DutyFormat.Money(Step)}{u} for each degree under " +
               $"{DutyFormat.Number(ReferenceDegrees)} degrees (and fractions of a degree in proportion) " +
               $"but not less than {DutyFormat.Money(Floor)}{u}";
    }
}
