using Tariffscope.Nomenclature;

namespace Tariffscope.Engine;

/// <summary>
/// Whether one measure reaches a line from an origin on one date (<see cref="TariffEngine.ReachOf"/>): its origin and
/// product scope, exclusions applied, before suspensions and stacking. The product test is made once per code and the
/// origin test once per origin; an origin is tested against a line again only where an exclusion names some origins.
/// Not thread-safe: one per caller.
/// </summary>
public sealed class MeasureReach
{
    private readonly TariffEngine _engine;
    private readonly CompiledMeasure? _measure;
    private readonly DateOnly _date;
    private readonly bool _perOrigin;
    // per code: the schedule line (null when the schedule lacks it) and whether the scope takes it in for every origin
    private readonly Dictionary<string, (ResolvedLine? Line, bool TakenIn)> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _byOrigin = new(StringComparer.Ordinal);

    internal MeasureReach(TariffEngine engine, CompiledMeasure? measure, DateOnly date)
    {
        (_engine, _measure, _date) = (engine, measure, date);
        _perOrigin = measure is not null && engine.ExcludesByOrigin(measure);
    }

    /// <summary>Whether the measure covers goods of the origin on the date, whatever the line.</summary>
    public bool Covers(string origin)
    {
        if (_measure is not { } cm) return false;
        if (!_byOrigin.TryGetValue(origin, out var covers)) _byOrigin[origin] = covers = cm.CoversOrigin(origin, _date);
        return covers;
    }

    /// <summary>Whether the product scope takes the line in for some origin (exclusions that hold for all applied).</summary>
    public bool TakesIn(HtsCode code) => _measure is not null && Line(code).TakenIn;

    public bool Reaches(HtsCode code, string origin)
    {
        if (!Covers(origin)) return false;
        var (line, takenIn) = Line(code);
        return takenIn && (!_perOrigin || _measure!.Scope.ExcludedBy(code, line, _date, origin) is null);
    }

    private (ResolvedLine? Line, bool TakenIn) Line(HtsCode code)
    {
        if (_byCode.TryGetValue(code.Digits, out var x)) return x;
        var cm = _measure!;
        // a code the schedule lacks can still fall in a listed scope
        var line = _engine.TryResolveLine(cm.Measure.Importer, code, _date);
        return _byCode[code.Digits] = (line, cm.Scope.Includes(code, line, _date) && cm.Scope.ExcludedBy(code, line, _date) is null);
    }
}
