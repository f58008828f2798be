using System.Buffers;

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
    /// <summary>Per line, per scenario: the total in cents, the effective rate in millionths, then each family's
    /// duty in cents. Rented: a chunk of two scenarios holds most of a megabyte, which allocated afresh per chunk
    /// would land on the large object heap and cost a full collection every few chunks.</summary>
    private long[] _amounts;
    internal string[] Measures { get; }
    public BatchSummary Summary { get; internal set; } = null!;

    /// <summary>What the sink prepared for this chunk on a worker's thread (<see cref="IRatedSink.Prepare"/>).</summary>
    public object? Prepared { get; set; }

    internal RatedChunk(BatchLayout layout, RawChunk raw)
    {
        _layout = layout;
        Sequence = raw.Sequence;
        Lines = raw.Lines;
        Entries = new EntryLine?[raw.Lines.Length];
        Faults = new LineFault?[raw.Lines.Length];
        PartlyRated = new bool[raw.Lines.Length];
        _offsets = new int[layout.Scenarios.Count];
        for (int s = 0; s < _offsets.Length; s++) { _offsets[s] = _stride; _stride += 2 + layout.Scenarios[s].FamilyCount; }
        _amounts = ArrayPool<long>.Shared.Rent(raw.Lines.Length * _stride);
        Array.Clear(_amounts, 0, raw.Lines.Length * _stride);
        Measures = new string[raw.Lines.Length * _offsets.Length];
    }

    public int Count => Lines.Length;
    public bool IsRated(int line) => Faults[line] is null;

    public long TotalCents(int line, int scenario) => _amounts[line * _stride + _offsets[scenario]];

    /// <summary>Total duty ÷ customs value to six decimals, in millionths (0 for a zero value).</summary>
    public long RateMillionths(int line, int scenario) => _amounts[line * _stride + _offsets[scenario] + 1];

    public long FamilyCents(int line, int scenario, int family) => _amounts[line * _stride + _offsets[scenario] + 2 + family];

    public string MeasuresApplied(int line, int scenario) => Measures[line * _offsets.Length + scenario];

    /// <summary>A scenario's cells of a line: the total, the rate, then the families.</summary>
    internal Span<long> Slot(int line, int scenario) =>
        _amounts.AsSpan(line * _stride + _offsets[scenario], 2 + _layout.Scenarios[scenario].FamilyCount);

    internal void Clear(int line) => _amounts.AsSpan(line * _stride, _stride).Clear();

    internal void SetMeasures(int line, int scenario, string ids) => Measures[line * _offsets.Length + scenario] = ids;

    /// <summary>Gives the amounts back to the pool once the chunk is written and counted; the chunk is not read after.</summary>
    public void Release()
    {
        var a = Interlocked.Exchange(ref _amounts, []);
        if (a.Length > 0) ArrayPool<long>.Shared.Return(a);
    }
}
