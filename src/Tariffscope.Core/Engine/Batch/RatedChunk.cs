namespace Tariffscope.Engine.Batch;

/// <summary>
/// A chunk of lines after rating: for each line either a fault (rejected) or, per scenario, its total, effective
/// rate, duty per family and measures applied, stored flat so that a chunk costs a few arrays, not one per line.
/// </summary>
public sealed class RatedChunk
{
    private readonly BatchLayout _layout;
    private readonly int _stride;
    private readonly int[] _offsets;

    public long Sequence { get; }
    public RawLine[] Lines { get; }
    public EntryLine?[] Entries { get; }
    public LineFault?[] Faults { get; }
    /// <summary>Per line: true when some scenario's base rate needed a quantity the line lacks (a specific or compound
    /// rate): the line is rated, its ad valorem layers in full, its base only in the parts that could be computed.</summary>
    public bool[] PartlyRated { get; }
    /// <summary>Per line, per scenario: the total then one amount per family.</summary>
    internal decimal[] Amounts { get; }
    internal string[] Measures { get; }
    public BatchSummary Summary { get; internal set; } = null!;

    internal RatedChunk(BatchLayout layout, RawChunk raw)
    {
        _layout = layout;
        Sequence = raw.Sequence;
        Lines = raw.Lines;
        Entries = new EntryLine?[raw.Lines.Length];
        Faults = new LineFault?[raw.Lines.Length];
        PartlyRated = new bool[raw.Lines.Length];
        _offsets = new int[layout.Scenarios.Count];
        for (int s = 0; s < _offsets.Length; s++) { _offsets[s] = _stride; _stride += 1 + layout.Scenarios[s].FamilyCount; }
        Amounts = new decimal[raw.Lines.Length * _stride];
        Measures = new string[raw.Lines.Length * _offsets.Length];
    }

    public int Count => Lines.Length;
    public bool IsRated(int line) => Faults[line] is null;

    public decimal Total(int line, int scenario) => Amounts[line * _stride + _offsets[scenario]];

    /// <summary>Total duty ÷ customs value, to six decimals (0 for a zero value).</summary>
    public decimal EffectiveRate(int line, int scenario)
    {
        var v = Entries[line]!.CustomsValue;
        return v == 0 ? 0m : Math.Round(Total(line, scenario) / v, 6, MidpointRounding.AwayFromZero);
    }

    public decimal FamilyAmount(int line, int scenario, int family) => Amounts[line * _stride + _offsets[scenario] + 1 + family];

    public string MeasuresApplied(int line, int scenario) => Measures[line * _offsets.Length + scenario];

    internal Span<decimal> Slot(int line, int scenario) =>
        Amounts.AsSpan(line * _stride + _offsets[scenario], 1 + _layout.Scenarios[scenario].FamilyCount);

    internal void Clear(int line) => Amounts.AsSpan(line * _stride, _stride).Clear();

    internal void SetMeasures(int line, int scenario, string ids) => Measures[line * _offsets.Length + scenario] = ids;
}
