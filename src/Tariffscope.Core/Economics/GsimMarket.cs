namespace Tariffscope.Economics;

/// <summary>
/// One product market of the GSIM model: R regions, bilateral flows at world prices (row = exporter, column = importer),
/// the power of tariff (1 + rate) on each route before and after the shock, and elasticities: import demand and
/// substitution per importer, export supply per exporter (each given once for all regions or once per region).
/// Immutable; validated on construction (a <see cref="ModelInputException"/> names the field and position).
/// </summary>
public sealed class GsimMarket
{
    // Row-major R×R copies: the solver reads them directly, without bounds-checked 2-D indexing.
    internal readonly double[] FlowsFlat, BeforeFlat, AfterFlat;
    internal readonly double[] ImportDemandByRegion, SubstitutionByRegion, ExportSupplyByRegion;

    public string Label { get; }
    public IReadOnlyList<string> Regions { get; }
    public int Size => Regions.Count;

    public GsimMarket(
        IReadOnlyList<string> regions,
        double[,] flows,
        double[,] powerOfTariffBefore,
        double[,] powerOfTariffAfter,
        IReadOnlyList<double> importDemandElasticity,
        IReadOnlyList<double> substitutionElasticity,
        IReadOnlyList<double> exportSupplyElasticity,
        string label = "")
    {
        Regions = CheckRegions(regions);
        Label = label;
        var n = regions.Count;
        FlowsFlat = Flatten("flows", flows, n, FlowProblem);
        BeforeFlat = Flatten("powerOfTariffBefore", powerOfTariffBefore, n, PowerProblem);
        AfterFlat = Flatten("powerOfTariffAfter", powerOfTariffAfter, n, PowerProblem);
        ImportDemandByRegion = Spread("importDemandElasticity", importDemandElasticity, n, Elasticities.ImportDemandProblem);
        SubstitutionByRegion = Spread("substitutionElasticity", substitutionElasticity, n, Elasticities.SubstitutionProblem);
        ExportSupplyByRegion = Spread("exportSupplyElasticity", exportSupplyElasticity, n, Elasticities.ExportSupplyProblem);
    }

    /// <summary>The same elasticities for every region.</summary>
    public GsimMarket(IReadOnlyList<string> regions, double[,] flows, double[,] powerOfTariffBefore, double[,] powerOfTariffAfter,
        Elasticities elasticities, string label = "")
        : this(regions, flows, powerOfTariffBefore, powerOfTariffAfter,
            [elasticities.ImportDemand], [elasticities.Substitution], [elasticities.ExportSupply], label) { }

    public double Flow(int exporter, int importer) => FlowsFlat[exporter * Size + importer];
    public double PowerBefore(int exporter, int importer) => BeforeFlat[exporter * Size + importer];
    public double PowerAfter(int exporter, int importer) => AfterFlat[exporter * Size + importer];
    public double ImportDemand(int importer) => ImportDemandByRegion[importer];
    public double Substitution(int importer) => SubstitutionByRegion[importer];
    public double ExportSupply(int exporter) => ExportSupplyByRegion[exporter];

    /// <summary>A copy with every flow multiplied by <paramref name="factor"/> (the model is linear in the flows).</summary>
    public GsimMarket ScaleFlows(double factor)
    {
        var n = Size;
        var flows = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) flows[i, j] = Flow(i, j) * factor;
        return new GsimMarket(Regions, flows, ToMatrix(BeforeFlat, n), ToMatrix(AfterFlat, n),
            ImportDemandByRegion, SubstitutionByRegion, ExportSupplyByRegion, Label);
    }

    private static string? FlowProblem(double v) =>
        double.IsFinite(v) && v >= 0 ? null : $"flow is {Elasticities.Show(v)}; a flow must be a finite value >= 0 (at world prices)";

    private static string? PowerProblem(double v) =>
        !double.IsFinite(v) || v <= 0 ? $"power of tariff is {Elasticities.Show(v)}; it must be a positive number (1 + rate)"
        : v < 1 ? $"power of tariff is {Elasticities.Show(v)}; it must be >= 1 (it is 1 + rate, so 1.25 for a 25% duty)"
        : null;

    private static IReadOnlyList<string> CheckRegions(IReadOnlyList<string>? regions)
    {
        if (regions is null || regions.Count == 0) throw new ModelInputException("regions", [], "no regions; give at least one region name");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(regions[i])) throw new ModelInputException("regions", [i], "region name is empty");
            if (!seen.Add(regions[i])) throw new ModelInputException("regions", [i], $"region '{regions[i]}' is listed twice");
        }
        return regions.ToArray();
    }

    private static double[] Flatten(string field, double[,] m, int n, Func<double, string?> problem)
    {
        if (m is null) throw new ModelInputException(field, [], "missing");
        if (m.GetLength(0) != n) throw new ModelInputException(field, [], $"has {m.GetLength(0)} rows, expected {n} (one per region)");
        if (m.GetLength(1) != n) throw new ModelInputException(field, [0], $"has {m.GetLength(1)} entries, expected {n} (one per region)");
        var flat = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (problem(m[i, j]) is { } p) throw new ModelInputException(field, [i, j], p);
                flat[i * n + j] = m[i, j];
            }
        return flat;
    }

    private static double[] Spread(string field, IReadOnlyList<double> values, int n, Func<double, string?> problem)
    {
        if (values is null || (values.Count != 1 && values.Count != n))
            throw new ModelInputException(field, [], $"has {values?.Count ?? 0} values, expected 1 (for all regions) or {n} (one per region)");
        var spread = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = values.Count == 1 ? values[0] : values[i];
            if (problem(v) is { } p) throw new ModelInputException(field, values.Count == 1 ? [] : [i], p);
            spread[i] = v;
        }
        return spread;
    }

    internal static double[,] ToMatrix(double[] flat, int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) m[i, j] = flat[i * n + j];
        return m;
    }
}
