namespace Tariffscope.Economics;

/// <summary>The outcome for one region of a GSIM market: as exporter (world price, producer surplus) and as importer.</summary>
public readonly record struct GsimRegionResult(
    string Region,
    double WorldPriceChange,
    double DomesticPriceChange,
    double ConsumerSurplus,
    double ProducerSurplus,
    double TariffRevenue,
    double Welfare,
    double ExportsBefore,
    double ExportsAfter,
    double ImportsBefore,
    double ImportsAfter);

/// <summary>Sums over the regions of a market (or over markets): surplus changes, revenue change, welfare, world trade.</summary>
public readonly record struct GsimTotals(
    double ConsumerSurplus,
    double ProducerSurplus,
    double TariffRevenue,
    double Welfare,
    double TradeBefore,
    double TradeAfter);

/// <summary>A route (exporter → importer) whose linearised demand response falls below -100%: outside the model's range.</summary>
public readonly record struct RouteWarning(int Exporter, int Importer, double DemandChange);

/// <summary>
/// The solution of one GSIM market: per region world price change x_i, domestic price change dP_j, consumer and
/// producer surplus, tariff revenue change and welfare; the flows after the shock at world prices. All changes are
/// in the flows' unit of value (e.g. US$ million) except the price changes, which are proportions (0.05 = +5%).
/// </summary>
public sealed class GsimResult
{
    private readonly double[] worldPrice, domesticPrice, consumer, producer, revenue, welfare, flowsAfter;

    internal GsimResult(GsimMarket market, double[] worldPrice, double[] domesticPrice, double[] consumer, double[] producer,
        double[] revenue, double[] welfare, double[] flowsAfter, RouteWarning[] outOfRange)
    {
        Market = market;
        this.worldPrice = worldPrice;
        this.domesticPrice = domesticPrice;
        this.consumer = consumer;
        this.producer = producer;
        this.revenue = revenue;
        this.welfare = welfare;
        this.flowsAfter = flowsAfter;
        OutOfRange = outOfRange;
        double cs = 0, ps = 0, rev = 0, w = 0, before = 0, after = 0;
        for (var r = 0; r < market.Size; r++) { cs += consumer[r]; ps += producer[r]; rev += revenue[r]; w += welfare[r]; }
        for (var k = 0; k < flowsAfter.Length; k++) { before += market.FlowsFlat[k]; after += flowsAfter[k]; }
        Totals = new GsimTotals(cs, ps, rev, w, before, after);
    }

    public GsimMarket Market { get; }
    public int Size => Market.Size;

    /// <summary>The form of the model that produced this result.</summary>
    public GsimForm Form { get; init; } = GsimForm.Linear;

    /// <summary>CES form: the largest market-clearing gap left, |demand − supply| / base exports (0 for the linear form, solved directly).</summary>
    public double ClearingResidual { get; init; }

    /// <summary>CES form: Newton iterations taken.</summary>
    public int Iterations { get; init; }
    public GsimTotals Totals { get; }

    /// <summary>Routes where the linear approximation breaks down (demand change below -100%); empty when all is well.</summary>
    public IReadOnlyList<RouteWarning> OutOfRange { get; }

    public double WorldPriceChange(int region) => worldPrice[region];
    public double DomesticPriceChange(int region) => domesticPrice[region];
    public double ConsumerSurplus(int region) => consumer[region];
    public double ProducerSurplus(int region) => producer[region];
    public double TariffRevenue(int region) => revenue[region];
    public double Welfare(int region) => welfare[region];
    public double FlowAfter(int exporter, int importer) => flowsAfter[exporter * Size + importer];
    public double FlowChange(int exporter, int importer) => FlowAfter(exporter, importer) - Market.Flow(exporter, importer);

    public GsimRegionResult this[int region]
    {
        get
        {
            double exBefore = 0, exAfter = 0, imBefore = 0, imAfter = 0;
            for (var k = 0; k < Size; k++)
            {
                exBefore += Market.Flow(region, k); exAfter += FlowAfter(region, k);
                imBefore += Market.Flow(k, region); imAfter += FlowAfter(k, region);
            }
            return new GsimRegionResult(Market.Regions[region], worldPrice[region], domesticPrice[region], consumer[region],
                producer[region], revenue[region], welfare[region], exBefore, exAfter, imBefore, imAfter);
        }
    }

    public IReadOnlyList<GsimRegionResult> Regions => Enumerable.Range(0, Size).Select(r => this[r]).ToArray();

    /// <summary>The flows after the shock as a matrix (row = exporter, column = importer).</summary>
    public double[,] FlowsAfterMatrix() => GsimMarket.ToMatrix(flowsAfter, Size);
}
