using System.Collections.Concurrent;
using System.Collections.Frozen;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine.Batch;

/// <summary>
/// Rates lines under one scenario into its result columns: the duty per measure family, the total and the ids of
/// the measures applied. With <see cref="Memoise"/>, lines whose every rate is ad valorem reuse the layers of an
/// earlier quote for the same code, origin, importer, rule segment (<see cref="RuleSegments"/>: the span of days
/// over which nothing the quote reads changes), metal share and programme, scaled to the line's value and rounded
/// to the cent per layer exactly as the engine rounds (the tests hold it to engine.Quote line by line).
/// </summary>
public sealed class ScenarioRater
{
    /// <summary>The value the memoised quote is computed at: large enough that a layer's rate per dollar
    /// (rate × share, up to 14 decimals) survives the engine's rounding to the cent.</summary>
    internal const decimal ReferenceValue = 100_000_000_000_000m;
    private const int MemoLimit = 250_000;

    private readonly TariffEngine _engine;
    private readonly ScenarioColumns _columns;
    private readonly FrozenSet<string> _adValoremMeasures;
    private readonly RuleSegments _segments;
    private readonly ConcurrentDictionary<MemoKey, Memo> _memo = new();
    private int _memoSize;
    private long _hits, _misses;

    public bool Memoise { get; }
    public ScenarioColumns Columns => _columns;
    public long MemoHits => Interlocked.Read(ref _hits);
    public long MemoMisses => Interlocked.Read(ref _misses);

    public ScenarioRater(ScenarioColumns columns, bool memoise = true)
    {
        _columns = columns;
        _engine = columns.Engine;
        _segments = columns.Segments;
        Memoise = memoise;
        // measures whose every rate period is ad valorem or free: their amount is proportional to the value
        _adValoremMeasures = _engine.Policy.Measures.Where(m => m.Rates.All(p => IsProportional(p.Rate))).Select(m => m.Id).ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool IsProportional(DutyExpression e) => e is AdValoremDuty or FreeDuty;

    /// <summary>
    /// Rates <paramref name="entry"/>: adds each family's duty into <paramref name="families"/> (one slot per
    /// family of <see cref="Columns"/>) and returns the total. Throws <see cref="RatingException"/> as the engine does.
    /// </summary>
    public decimal Rate(EntryLine entry, Span<decimal> families, out string measures)
    {
        if (!Memoise || entry.CustomsValue < 0) return FromQuote(_engine.Quote(entry, QuoteDetail.Amounts), families, out measures);
        var segment = _segments.SegmentOf(entry.Importer, entry.Origin, entry.Date);
        var key = new MemoKey(entry.Code, entry.Origin, entry.Importer, segment, entry.MetalShare, entry.Program);
        if (_memo.TryGetValue(key, out var memo) && !ReferenceEquals(memo, Memo.SeenOnce)) Interlocked.Increment(ref _hits);
        else
        {
            Interlocked.Increment(ref _misses);
            if (memo is null)
            {
                // first sighting: quote directly and only note the key. Building a memo costs a quote at the
                // reference value, which pays only for keys that come back; many keys of a file come once.
                Remember(key, Memo.SeenOnce);
                return FromQuote(_engine.Quote(entry, QuoteDetail.Amounts), families, out measures);
            }
            memo = Build(entry);
            _memo[key] = memo;
        }
        if (memo.Factors is null) return FromQuote(_engine.Quote(entry, QuoteDetail.Amounts), families, out measures);
        decimal total = 0;
        var value = entry.CustomsValue;
        for (int i = 0; i < memo.Factors.Length; i++)
        {
            var amount = Math.Round(memo.Factors[i] * value, 2, MidpointRounding.AwayFromZero);
            families[memo.Families[i]] += amount;
            total += amount;
        }
        measures = memo.Measures;
        return total;
    }

    private void Remember(MemoKey key, Memo memo)
    {
        if (Interlocked.Increment(ref _memoSize) > MemoLimit)
        {
            // bounded memory: start afresh rather than grow with the file
            _memo.Clear();
            Interlocked.Exchange(ref _memoSize, 1);
        }
        _memo.TryAdd(key, memo);
    }

    private decimal FromQuote(Quote q, Span<decimal> families, out string measures)
    {
        decimal total = 0;
        foreach (var l in q.Layers)
        {
            var f = _columns.FamilyIndex(l.Family);
            if (f < 0) throw new InvalidOperationException($"layer family '{l.Family}' has no column");
            families[f] += l.Amount;
            total += l.Amount;
        }
        measures = MeasureIds(q);
        return total;
    }

    private static string MeasureIds(Quote q)
    {
        int n = 0;
        foreach (var l in q.Layers) if (!l.IsBase) n++;
        if (n == 0) return "";
        return string.Join(';', q.Layers.Where(l => !l.IsBase).Select(l => l.MeasureId));
    }

    /// <summary>Quotes at the reference value; keeps the layers' rates per dollar when every rate involved is
    /// proportional to the value and the rates are exact at the reference value, else marks the key for direct quotes.</summary>
    private Memo Build(EntryLine entry)
    {
        if (!BaseIsProportional(entry)) return Memo.Direct;
        Quote q;
        try { q = _engine.Quote(entry with { CustomsValue = ReferenceValue }); }
        catch (RatingException) { return Memo.Direct; } // the direct quote will report it
        foreach (var l in q.Layers) if (!l.IsBase && !_adValoremMeasures.Contains(l.MeasureId)) return Memo.Direct;
        foreach (var o in q.Omitted) if (!_adValoremMeasures.Contains(o.MeasureId)) return Memo.Direct;
        var factors = new decimal[q.Layers.Length];
        var fams = new int[q.Layers.Length];
        for (int i = 0; i < factors.Length; i++)
        {
            var a = q.Layers[i].Amount;
            if (a != decimal.Truncate(a)) return Memo.Direct; // more decimals than the reference value keeps
            factors[i] = a / ReferenceValue;
            fams[i] = _columns.FamilyIndex(q.Layers[i].Family);
            if (fams[i] < 0) return Memo.Direct;
        }
        return new Memo(factors, fams, MeasureIds(q));
    }

    private bool BaseIsProportional(EntryLine entry)
    {
        ResolvedLine line;
        try { line = _engine.ResolveLine(entry.Importer, entry.Code, entry.Date); }
        catch (RatingException) { return false; }
        if (line.General is { } g && !IsProportional(g)) return false;
        if (line.Other is { } o && !IsProportional(o)) return false;
        foreach (var s in line.Special) if (!IsProportional(s.Rate)) return false;
        return true;
    }

    /// <summary>Segment numbers count per importer and origin, which the key carries too.</summary>
    private readonly record struct MemoKey(HtsCode Code, string Origin, string Importer, int Segment, decimal? Metal, string? Program);

    /// <summary>Rates per dollar of value for each layer, or null factors: quote every line directly.</summary>
    private sealed record Memo(decimal[]? Factors, int[] Families, string Measures)
    {
        public static readonly Memo Direct = new(null, [], "");
        /// <summary>A key met once so far: no memo built yet.</summary>
        public static readonly Memo SeenOnce = new(null, [], "");
    }
}
