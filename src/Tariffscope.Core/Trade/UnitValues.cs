using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Trade;

/// <summary>
/// A sourced price of one unit of the goods under a tariff code (or code prefix) in a base year, e.g. heavy crude
/// oil (2709.00.10) at US$60.99 a barrel in 2024. It stands in for the quantity a base-year flow does not report:
/// the flow is rated as if it held value ÷ price units, so a specific rate (5.25¢/bbl) counts at its ad valorem
/// equivalent (5.25¢ ÷ $60.99 = 0.0861%). An estimate, never a fact of the entry: every answer that uses one says so.
/// </summary>
public sealed record UnitValue(HtsCode Code, int Year, decimal Price, string Unit, Provenance Source)
{
    /// <summary>The quantity per dollar of value the estimate rates with (1 ÷ price).</summary>
    public Quantity QuantityPerValue => new(1m / Price, Unit);

    /// <summary>"2709.00.10 at US$60.99/bbl (2024; source)".</summary>
    public string Describe() => $"{Code} at US${Price:0.##}/{Unit} ({Year}; {Source})";
}

/// <summary>The lines of a trade-weighted answer whose quantity was estimated from one unit value.</summary>
public sealed record QuantityEstimate(string Code, decimal Price, string Unit, int Year, string Source, int Lines, decimal Value, ImmutableArray<string> Partners)
{
    public string Describe() =>
        $"{Code} at US${Price:0.##}/{Unit} ({Source}): {Lines} line(s), ${Value / 1e9m:0.0##} bn of {Year} imports ({string.Join(", ", Partners)})";
}

/// <summary>
/// Unit values by code and base year: the estimate of quantity for flows that report none (the Census HS10 files
/// carry values and duty only). Without it — <see cref="None"/>, the lower bound — a specific base counts as 0.
/// The most specific code that covers a line answers; a line with a quantity of its own keeps it.
/// </summary>
public sealed class UnitValues
{
    private readonly ImmutableArray<UnitValue> _values;

    public UnitValues(IEnumerable<UnitValue> values)
    {
        _values = [.. values.OrderByDescending(v => v.Code.Length)];
        foreach (var v in _values)
            if (v.Price <= 0) throw new ArgumentException($"unit value of {v.Code} ({v.Year}) must be positive, found {v.Price}");
        var twice = _values.GroupBy(v => (v.Code.Digits, v.Year)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"unit value of {twice.First().Code} for {twice.Key.Year} is given twice");
    }

    /// <summary>No estimate: specific bases without a quantity stay at 0 (the lower bound).</summary>
    public static readonly UnitValues None = new([]);

    public ImmutableArray<UnitValue> Values => _values;
    public bool IsEmpty => _values.IsEmpty;

    /// <summary>The unit value for a code in a base year: the longest code that covers it, or null.</summary>
    public UnitValue? For(HtsCode code, int year)
    {
        foreach (var v in _values)
            if (v.Year == year && code.StartsWith(v.Code)) return v;
        return null;
    }

    /// <summary>
    /// The lines with an estimated quantity where they report none and a unit value of their year covers them;
    /// the estimates used, one per unit value, for the answer to state (and a note in <paramref name="notes"/>).
    /// </summary>
    public (List<TradeIndicators.WeightedLine> Lines, ImmutableArray<QuantityEstimate> Estimates) Fill(List<TradeIndicators.WeightedLine> lines, int year, List<string>? notes = null)
    {
        if (IsEmpty) return (lines, []);
        var used = new Dictionary<UnitValue, List<TradeIndicators.WeightedLine>>();
        var filled = new List<TradeIndicators.WeightedLine>(lines.Count);
        foreach (var l in lines)
        {
            if (l.QuantityPerValue is null && For(l.Code, year) is { } uv)
            {
                if (!used.TryGetValue(uv, out var list)) used[uv] = list = [];
                list.Add(l);
                filled.Add(l with { QuantityPerValue = uv.QuantityPerValue, EstimatedFrom = uv });
            }
            else filled.Add(l);
        }
        var estimates = used.OrderBy(kv => kv.Key.Code.Digits, StringComparer.Ordinal)
            .Select(kv => new QuantityEstimate(kv.Key.Code.ToString(), kv.Key.Price, kv.Key.Unit, kv.Key.Year, kv.Key.Source.ToString(), kv.Value.Count,
                kv.Value.Sum(l => l.Value), [.. kv.Value.Select(l => l.Partner).Distinct().Order(StringComparer.Ordinal)]))
            .ToImmutableArray();
        foreach (var e in estimates)
            notes?.Add($"quantity estimated (no quantity in the flows): {e.Describe()}; the specific rate counts at its ad valorem equivalent");
        return (filled, estimates);
    }
}
