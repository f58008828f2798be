using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Engine.Batch;

/// <summary>Turns the text fields of a line into an <see cref="EntryLine"/>, or says which field is wrong and why.
/// With the <paramref name="policy"/>, an origin may be a country group it names (EU), rated as one of its members,
/// as `quote` and the API rate it.</summary>
public sealed class EntryLineParser(EntryColumns columns, DateOnly? defaultDate, Policy.PolicySet? policy = null)
{
    // a file spells its units a handful of ways: look each spelling up once
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DutyUnit?> _units = new(StringComparer.Ordinal);
    private System.Collections.Concurrent.ConcurrentDictionary<string, DutyUnit?>.AlternateLookup<ReadOnlySpan<char>> _unitSpellings =>
        _units.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly (EntryField Quantity, EntryField Unit)[] QuantityFields =
        [(EntryField.Quantity, EntryField.Unit), (EntryField.Quantity2, EntryField.Unit2)];

    public EntryColumns Columns => columns;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EntryLine? Parse(in RawLine line, out LineFault? fault)
    {
        fault = null;
        var f = line.Fields;
        ReadOnlySpan<char> Get(EntryField field) { var i = columns[field]; return i >= 0 && i < f.Length ? f[i].AsSpan() : default; }
        LineFault Fail(EntryField field, string reason) => new(columns.NameOf(field), reason);

        var codeText = Get(EntryField.Code);
        var code = HtsCode.TryParse(codeText);
        if (code is null) { fault = Fail(EntryField.Code, codeText.Trim().IsEmpty ? "empty: expected a tariff code such as 8471.30.01.00" : $"\"{FieldParsers.Clip(codeText)}\" is not a tariff code (2 to 10 digits, dots optional)"); return null; }

        if (!FieldParsers.TryParseCountry(Get(EntryField.Origin), out var origin, out var why))
        {
            var text = Get(EntryField.Origin).Trim();
            if (text.IsEmpty || policy is null || Policy.Origin.TryResolve(policy, text.ToString()) is not { } group)
            {
                fault = Fail(EntryField.Origin, text.IsEmpty ? why! : new Policy.UnknownOriginException(FieldParsers.Clip(text)).Message);
                return null;
            }
            origin = group.RatedAs;
        }

        DateOnly date;
        if (defaultDate is { } d) date = d;
        else if (!FieldParsers.TryParseDate(Get(EntryField.Date), out date, out why)) { fault = Fail(EntryField.Date, why!); return null; }

        if (!FieldParsers.TryParseDecimal(Get(EntryField.Value), out var value, out why)) { fault = Fail(EntryField.Value, why!); return null; }
        if (EntryChecks.Value(value) is { } badValue) { fault = Fail(EntryField.Value, badValue); return null; }

        var quantities = ImmutableArray<Quantity>.Empty;
        foreach (var (qf, uf) in QuantityFields)
        {
            var q = Get(qf).Trim();
            if (q.IsEmpty) continue;
            if (!FieldParsers.TryParseDecimal(q, out var amount, out why)) { fault = Fail(qf, why!); return null; }
            if (EntryChecks.Quantity(amount) is { } badAmount) { fault = Fail(qf, badAmount); return null; }
            var unit = Get(uf).Trim();
            if (unit.IsEmpty) { fault = Fail(uf, $"a quantity ({amount}) needs its unit (kg, No., liters, doz., …)"); return null; }
            DutyUnit? u;
            if (!_unitSpellings.TryGetValue(unit, out u))
            {
                var spelling = unit.ToString();
                u = _units.Count < 1000 ? _units.GetOrAdd(spelling, DutyUnits.Find) : DutyUnits.Find(spelling);
            }
            if (u is null) { fault = Fail(uf, $"unknown unit \"{FieldParsers.Clip(unit)}\" (kg, No., liters, doz., m2, pf.liters, …)"); return null; }
            quantities = quantities.Add(new Quantity(amount, u.Symbol));
        }

        decimal? metal = null;
        var m = Get(EntryField.MetalShare);
        if (!m.Trim().IsEmpty)
        {
            if (!FieldParsers.TryParseShare(m, out var share, out why)) { fault = Fail(EntryField.MetalShare, why!); return null; }
            metal = share;
        }

        decimal? usContent = null;
        var uc = Get(EntryField.UsContentShare);
        if (!uc.Trim().IsEmpty)
        {
            if (!FieldParsers.TryParseShare(uc, out var share, out why)) { fault = Fail(EntryField.UsContentShare, why!); return null; }
            usContent = share;
        }

        var program = Get(EntryField.Program).Trim();
        var importer = Get(EntryField.Importer).Trim();
        string imp = "US";
        if (!importer.IsEmpty)
        {
            Span<char> up = stackalloc char[2];
            if (importer.Length != 2 || importer.ToUpperInvariant(up) != 2 || !Countries.TryGet(up, out imp!))
            { fault = Fail(EntryField.Importer, $"\"{FieldParsers.Clip(importer)}\" is not a two-letter importing country (US, CN)"); return null; }
        }
        return new EntryLine
        {
            Code = code.Value, Origin = origin, Date = date, CustomsValue = value, Quantities = quantities,
            MetalShare = metal, UsContentShare = usContent, Program = program.IsEmpty ? null : string.Intern(program.ToString().ToUpperInvariant()), Importer = imp,
        };
    }
}
