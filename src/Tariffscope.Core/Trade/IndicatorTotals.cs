using System.Collections.Immutable;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Trade;

/// <summary>
/// Running sums of one group: value, rate × value, unrated value by reason, family coverage. Lines are added and
/// taken out again when re-rated, so a date costs only the lines that changed. Rates are exact decimals (a quote
/// at $1,000,000 in cents gives eight decimals), so adding and removing leaves no drift.
/// </summary>
internal sealed class IndicatorTotals
{
    private decimal _value, _add, _tot, _ratedValue, _at8, _baseIncomplete, _addLow, _totLow, _excludable, _estimated;
    private readonly Dictionary<RatingProblem, (decimal Value, string Example)> _unrated = [];
    private readonly Dictionary<string, (decimal Covered, decimal Duty)> _families = new(StringComparer.Ordinal);

    // optimised from the first call: a slice of a horizon runs this a few million times in a short process, too
    // soon for tiered compilation to have promoted it
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(decimal value, LineRating r, int sign = 1)
    {
        var m = sign * value;
        _value += m;
        if (r.Problem is { } p)
        {
            var (v, ex) = _unrated.GetValueOrDefault(p, (0m, r.Why ?? ""));
            _unrated[p] = (v + m, ex.Length > 0 ? ex : r.Why ?? "");
            return;
        }
        _ratedValue += m;
        _add += r.Additional * m;
        _tot += r.Total * m;
        if (r.AtEightDigits) _at8 += m;
        if (r.BaseIncomplete) _baseIncomplete += m;
        if (r.QuantityEstimated) _estimated += m;
        _addLow += (r.AdditionalLow ?? r.Additional) * m;
        _totLow += (r.TotalLow ?? r.Total) * m;
        if (r.AdditionalLow is not null) _excludable += m;
        foreach (var f in r.Families)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_families, f.Family, out _);
            slot = (slot.Covered + f.Share * m, slot.Duty + f.Rate * m);
        }
    }

    public void Merge(IndicatorTotals other)
    {
        _value += other._value; _add += other._add; _tot += other._tot; _ratedValue += other._ratedValue; _at8 += other._at8; _baseIncomplete += other._baseIncomplete;
        _addLow += other._addLow; _totLow += other._totLow; _excludable += other._excludable; _estimated += other._estimated;
        foreach (var (p, (v, ex)) in other._unrated)
        {
            var (mine, myEx) = _unrated.GetValueOrDefault(p, (0m, ex));
            _unrated[p] = (mine + v, myEx.Length > 0 ? myEx : ex);
        }
        foreach (var (f, (c, d)) in other._families)
        {
            var (mc, md) = _families.GetValueOrDefault(f);
            _families[f] = (mc + c, md + d);
        }
    }

    public IndicatorTotals Clone()
    {
        var copy = new IndicatorTotals();
        copy.Merge(this);
        return copy;
    }

    public IndicatorPoint ToPoint(DateOnly date, string group, PolicySet policy)
    {
        decimal Of(decimal x, decimal of) => of == 0 ? 0 : x / of;
        var unrated = _unrated.Where(kv => kv.Value.Value != 0)
            .OrderByDescending(kv => kv.Value.Value)
            .Select(kv => new UnratedShare(kv.Key, Of(kv.Value.Value, _value), kv.Value.Value, kv.Value.Example)).ToImmutableArray();
        var families = _families.Where(kv => kv.Value.Covered != 0 || kv.Value.Duty != 0)
            .OrderBy(kv => policy.Families.TryGetValue(kv.Key, out var f) ? f.Order : int.MaxValue).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new FamilyCoverage(kv.Key, policy.Families.TryGetValue(kv.Key, out var f) ? f.Title : kv.Key,
                Of(kv.Value.Covered, _value), Of(kv.Value.Duty, _value), kv.Value.Duty)).ToImmutableArray();
        return new IndicatorPoint(date, group, _value, Of(_add, _value), Of(_tot, _value), Of(_ratedValue, _value),
            _ratedValue == 0 ? null : _add / _ratedValue, _ratedValue == 0 ? null : _tot / _ratedValue,
            _add, _tot, Of(_at8, _value), Of(_baseIncomplete, _value), unrated, families)
        {
            AdditionalRateLow = Of(_addLow, _value), TotalRateLow = Of(_totLow, _value), ExcludableShare = Of(_excludable, _value),
            EstimatedQuantityShare = Of(_estimated, _value),
        };
    }
}
