namespace Tariffscope.Economics;

/// <summary>
/// The three behavioural parameters of a partial-equilibrium trade model for one product:
/// import demand (composite, &lt; 0), substitution between sources (&gt; 0) and export supply (&gt; 0, may be +∞).
/// </summary>
public sealed record Elasticities(double ImportDemand, double Substitution, double ExportSupply)
{
    /// <summary>
    /// The values GSIM work uses when no estimate is at hand: import demand -1.25, substitution 5, export supply 1.5.
    /// A convention, not an estimate for any product.
    /// </summary>
    public static readonly Elasticities GsimDefaults = new(-1.25, 5.0, 1.5);

    /// <summary>The first thing wrong with these values, or null. Names the parameter and what it must be.</summary>
    public string? Problem() =>
        ImportDemandProblem(ImportDemand) ?? SubstitutionProblem(Substitution) ?? ExportSupplyProblem(ExportSupply);

    /// <summary>Null when <paramref name="v"/> is a usable import demand elasticity; otherwise what is wrong.</summary>
    public static string? ImportDemandProblem(double v) =>
        double.IsNaN(v) || double.IsInfinity(v) || v >= 0 ? $"import demand elasticity is {Show(v)}; it must be a finite number < 0" : null;

    /// <summary>Null when <paramref name="v"/> is a usable substitution elasticity; otherwise what is wrong.</summary>
    public static string? SubstitutionProblem(double v) =>
        double.IsNaN(v) || double.IsInfinity(v) || v <= 0 ? $"substitution elasticity is {Show(v)}; it must be a finite number > 0" : null;

    /// <summary>Null when <paramref name="v"/> is a usable export supply elasticity (+∞ allowed: fixed world price, the SMART default).</summary>
    public static string? ExportSupplyProblem(double v) =>
        double.IsNaN(v) || v <= 0 ? $"export supply elasticity is {Show(v)}; it must be > 0 (or +infinity)" : null;

    internal static string Show(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
