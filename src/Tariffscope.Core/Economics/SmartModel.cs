namespace Tariffscope.Economics;

/// <summary>One source of an importer's purchases of a product: base flow at world prices and the ad valorem rate before and after (0.25 = 25%).</summary>
public sealed record SmartSource(string Name, double Flow, double RateBefore, double RateAfter);

/// <summary>
/// One importing market of the SMART model: its sources, import demand elasticity (&lt; 0), substitution elasticity
/// (&gt; 0) and export supply elasticity (&gt; 0; +∞, the default, means world prices do not move).
/// </summary>
public sealed record SmartMarket(
    string Label,
    IReadOnlyList<SmartSource> Sources,
    double ImportDemand,
    double Substitution,
    double ExportSupply = double.PositiveInfinity);

/// <summary>SMART effects on one source. Flows and surplus in the flows' unit of value; the price change is a proportion.</summary>
public sealed record SmartSourceResult(
    string Name,
    double FlowBefore,
    double TradeCreation,
    double TradeDiversion,
    double PriceEffect,
    double FlowAfter,
    double WorldPriceChange,
    double RevenueBefore,
    double RevenueAfter,
    double ConsumerSurplus,
    bool OutOfRange = false)
{
    public double TotalEffect => TradeCreation + TradeDiversion + PriceEffect;
}

/// <summary>
/// SMART effects on one market: per source and summed. Diversion sums to zero over the sources.
/// <see cref="OutOfRange"/>: the shock is too large for the linear model (a source's world price would fall by 100% or
/// more, or trade creation alone would take more than the source sold); its results are not meaningful.
/// </summary>
public sealed record SmartResult(
    string Label,
    IReadOnlyList<SmartSourceResult> Sources,
    double TradeCreation,
    double TradeDiversion,
    double PriceEffect,
    double RevenueBefore,
    double RevenueAfter,
    double ConsumerSurplus)
{
    public bool OutOfRange => Sources.Any(s => s.OutOfRange);
    public double TotalEffect => TradeCreation + TradeDiversion + PriceEffect;
    public double RevenueChange => RevenueAfter - RevenueBefore;
    /// <summary>Consumer surplus change plus tariff revenue change (exporters' surplus is not the importer's).</summary>
    public double Welfare => ConsumerSurplus + RevenueChange;
}

/// <summary>
/// The SMART single-market model (World Bank WITS; Laird and Yeats), with Armington substitution between sources.
/// For source i with base flow M_i (world prices normalised to 1, so values are quantities), rates t0_i → t1_i:
/// <list type="bullet">
/// <item>tariff shock on the domestic price: tau_i = (t1_i - t0_i) / (1 + t0_i);</item>
/// <item>trade creation: TC_i = M_i * Em * tau_i / (1 - Em/Ex)  (with Ex = +∞ the last factor is 1);</item>
/// <item>world price change along the export supply curve: x_i = Em * tau_i / (Ex - Em)  (0 when Ex = +∞), so that
///   TC_i / M_i = Ex * x_i;</item>
/// <item>trade diversion: sources are reallocated by the change in their relative domestic prices
///   p_i = (1 + x_i)(1 + t1_i)/(1 + t0_i) with CES shares, holding the product's total imports fixed:
///   w_i = M_i * p_i^(-Es),  TD_i = M * w_i / sum_k w_k - M_i,  M = sum_k M_k.
///   Diversion sums to zero over the sources, no source loses more than it sold, and for small changes
///   TD_i ≈ Es * M_i * (sum_k s_k p̂_k - p̂_i) with s_k = M_k / M (the linear WITS form);</item>
/// <item>price effect (finite Ex only): the value change from the world price, PE_i = (M_i + TC_i + TD_i) * x_i;
///   flow after M1_i = M_i + TC_i + TD_i + PE_i;</item>
/// <item>revenue before R0 = sum t0_i*M_i, after R1 = sum t1_i*M1_i;</item>
/// <item>consumer surplus change: with Δp_i = (1 + x_i)(1 + t1_i) - (1 + t0_i) the change in the domestic price per unit,
///   dCS_i = -Δp_i * M_i - 0.5 * Δp_i * TC_i: the price change on the base quantity and the triangle of the quantity
///   response (trade creation); diversion only moves purchases between sources and adds nothing at first order.
///   For a single source with t0 = 0 and Ex = +∞, dCS + dRevenue = 0.5 * dt * TC, the familiar SMART welfare triangle.</item>
/// </list>
/// </summary>
public static class SmartModel
{
    public static SmartResult Solve(SmartMarket market)
    {
        Validate(market);
        var em = market.ImportDemand;
        var es = market.Substitution;
        var ex = market.ExportSupply;
        var supplyFactor = double.IsPositiveInfinity(ex) ? 1.0 : 1.0 - em / ex;
        var n = market.Sources.Count;
        var creation = new double[n];
        var worldPrice = new double[n];
        var weights = new double[n];
        double total = 0, weightSum = 0;
        var outOfRange = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var s = market.Sources[i];
            var tau = (s.RateAfter - s.RateBefore) / (1 + s.RateBefore);
            creation[i] = s.Flow * em * tau / supplyFactor;
            worldPrice[i] = double.IsPositiveInfinity(ex) ? 0 : em * tau / (ex - em);
            var relativePrice = (1 + worldPrice[i]) * (1 + s.RateAfter) / (1 + s.RateBefore);
            outOfRange[i] = s.Flow > 0 && (1 + worldPrice[i] <= 0 || s.Flow + creation[i] < 0);
            weights[i] = relativePrice > 0 ? Math.Pow(relativePrice, -es) : 0;
            total += s.Flow;
            weightSum += s.Flow * weights[i];
        }

        var anyCollapsed = Enumerable.Range(0, n).Any(i => market.Sources[i].Flow > 0 && 1 + worldPrice[i] <= 0);
        var results = new SmartSourceResult[n];
        double tc = 0, td = 0, pe = 0, r0 = 0, r1 = 0, cs = 0;
        for (var i = 0; i < n; i++)
        {
            var s = market.Sources[i];
            // Written as M_i * (p_i^-Es * M / sum_k w_k - 1) so that unchanged prices give exactly zero.
            // A collapsed world price (1 + x <= 0) leaves no relative price to divert on: no diversion, flagged.
            var diversion = weightSum > 0 && !anyCollapsed ? s.Flow * (weights[i] * (total / weightSum) - 1) : 0;
            var quantityAfter = s.Flow + creation[i] + diversion;
            var priceEffect = quantityAfter * worldPrice[i];
            var after = quantityAfter + priceEffect;
            var dp = (1 + worldPrice[i]) * (1 + s.RateAfter) - (1 + s.RateBefore);
            var consumer = -dp * s.Flow - 0.5 * dp * creation[i];
            results[i] = new SmartSourceResult(s.Name, s.Flow, creation[i] + 0.0, diversion + 0.0, priceEffect + 0.0, after,
                worldPrice[i] + 0.0, s.RateBefore * s.Flow, s.RateAfter * after, consumer + 0.0, outOfRange[i]);
            tc += creation[i]; td += diversion; pe += priceEffect; r0 += s.RateBefore * s.Flow; r1 += s.RateAfter * after; cs += consumer;
        }
        return new SmartResult(market.Label, results, tc + 0.0, td + 0.0, pe + 0.0, r0, r1, cs + 0.0);
    }

    /// <summary>Solves many markets in parallel; results keep the input order.</summary>
    public static IReadOnlyList<SmartResult> SolveMany(IEnumerable<SmartMarket> markets)
    {
        var list = markets as IReadOnlyList<SmartMarket> ?? markets.ToArray();
        var results = new SmartResult[list.Count];
        Parallel.For(0, list.Count, k => results[k] = Solve(list[k]));
        return results;
    }

    private static void Validate(SmartMarket market)
    {
        if (Elasticities.ImportDemandProblem(market.ImportDemand) is { } d) throw new ModelInputException("importDemandElasticity", [], d);
        if (Elasticities.SubstitutionProblem(market.Substitution) is { } s) throw new ModelInputException("substitutionElasticity", [], s);
        if (Elasticities.ExportSupplyProblem(market.ExportSupply) is { } x) throw new ModelInputException("exportSupplyElasticity", [], x);
        for (var i = 0; i < market.Sources.Count; i++)
        {
            var src = market.Sources[i];
            if (!double.IsFinite(src.Flow) || src.Flow < 0)
                throw new ModelInputException("sources", [i], $"flow from {src.Name} is {Elasticities.Show(src.Flow)}; it must be >= 0");
            if (!double.IsFinite(src.RateBefore) || src.RateBefore < 0 || !double.IsFinite(src.RateAfter) || src.RateAfter < 0)
                throw new ModelInputException("sources", [i], $"rates for {src.Name} must be finite and >= 0 (0.25 = 25%)");
        }
    }
}
