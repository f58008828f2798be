using System.Collections.Immutable;
using System.Text;
using Tariffscope.Duties;

namespace Tariffscope.Engine.Panel;

/// <summary>
/// The cells a <see cref="RatePanel"/> has planned, as bytes: written after a batch and read before the next, so a
/// scenario's rules are planned once per release of the data, not once per run. The file is derived (safe to delete);
/// the caller names it by a key of everything the cells rest on. A file that does not read back exactly (another
/// version, another span, a torn write) is refused as a whole and the panel plans afresh.
/// </summary>
public static class PanelFile
{
    private const string Magic = "tariffscope panel cells";
    private const int Version = 1;

    /// <summary>One stored cell: a line, an interval, the rules in force it was planned under (as the engine words
    /// them), and the cell.</summary>
    public readonly record struct StoredCell(string Code, int Interval, string Rules, PanelCell Cell);

    public static void Write(Stream stream, IReadOnlyList<DateOnly> starts, DateOnly to, IEnumerable<StoredCell> cells)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(starts.Count);
        foreach (var d in starts) w.Write(d.DayNumber);
        w.Write(to.DayNumber);
        // strings and formulas once each (formulas by content: a line's cells over many intervals and rules are
        // mostly the same few), cells as small indexes into them
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var byReference = new Dictionary<PanelFormula, int>(ReferenceEqualityComparer.Instance);
        var byContent = new Dictionary<string, int>(StringComparer.Ordinal);
        var formulaBytes = new MemoryStream();
        var one = new MemoryStream();
        using var fw = new BinaryWriter(one, Encoding.UTF8, leaveOpen: true);
        int Str(string? s) { if (s is null) return 0; if (!strings.TryGetValue(s, out var i)) strings[s] = i = strings.Count + 1; return i; }
        int FormulaOf(PanelFormula f)
        {
            if (byReference.TryGetValue(f, out var i)) return i;
            one.SetLength(0);
            WriteFormula(fw, f, Str);
            fw.Flush();
            var content = Convert.ToBase64String(one.GetBuffer(), 0, (int)one.Length);
            if (!byContent.TryGetValue(content, out i))
            {
                byContent[content] = i = byContent.Count;
                formulaBytes.Write(one.GetBuffer(), 0, (int)one.Length);
            }
            return byReference[f] = i;
        }
        var body = new MemoryStream();
        using (var b = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            var list = cells as IReadOnlyCollection<StoredCell> ?? cells.ToList();
            b.Write7BitEncodedInt(list.Count);
            foreach (var c in list)
            {
                b.Write7BitEncodedInt(Str(c.Code));
                b.Write7BitEncodedInt(c.Interval);
                b.Write7BitEncodedInt(Str(c.Rules));
                if (c.Cell.Formula is { } f) { b.Write((byte)1); b.Write7BitEncodedInt(FormulaOf(f)); }
                else if (c.Cell.Refusal is { } r) { b.Write((byte)2); b.Write((int)r.Problem); b.Write7BitEncodedInt(Str(r.Field)); b.Write7BitEncodedInt(Str(r.Message)); }
                else b.Write((byte)0);
            }
        }
        w.Write7BitEncodedInt(strings.Count);
        foreach (var s in strings.OrderBy(kv => kv.Value)) w.Write(s.Key);
        w.Write7BitEncodedInt(byContent.Count);
        w.Write(formulaBytes.GetBuffer(), 0, (int)formulaBytes.Length);
        w.Write(body.GetBuffer(), 0, (int)body.Length);
        w.Write(Magic); // a torn write lacks the closing mark
    }

    /// <summary>The cells of a file written for the same intervals; null when it is not one (the caller plans afresh).</summary>
    public static List<StoredCell>? Read(Stream stream, IReadOnlyList<DateOnly> starts, DateOnly to)
    {
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != Magic || r.ReadInt32() != Version) return null;
            int n = r.ReadInt32();
            if (n != starts.Count) return null;
            for (int i = 0; i < n; i++) if (r.ReadInt32() != starts[i].DayNumber) return null;
            if (r.ReadInt32() != to.DayNumber) return null;
            var strings = new string?[r.Read7BitEncodedInt() + 1];
            for (int i = 1; i < strings.Length; i++) strings[i] = r.ReadString();
            string? Str(int i) => strings[i];
            var formulas = new PanelFormula[r.Read7BitEncodedInt()];
            for (int i = 0; i < formulas.Length; i++) formulas[i] = ReadFormula(r, Str);
            var cells = new List<StoredCell>(r.Read7BitEncodedInt());
            for (int i = cells.Capacity; i > 0; i--)
            {
                var code = strings[r.Read7BitEncodedInt()]!;
                int interval = r.Read7BitEncodedInt();
                var rules = strings[r.Read7BitEncodedInt()]!;
                if ((uint)interval >= (uint)starts.Count) return null;
                var cell = r.ReadByte() switch
                {
                    1 => new PanelCell(formulas[r.Read7BitEncodedInt()], null),
                    2 => new PanelCell(null, new RatingException((RatingProblem)r.ReadInt32(), Str(r.Read7BitEncodedInt())!, Str(r.Read7BitEncodedInt())!)),
                    0 => default,
                    _ => throw new InvalidDataException("unknown cell kind"),
                };
                cells.Add(new(code, interval, rules, cell));
            }
            return r.ReadString() == Magic ? cells : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IndexOutOfRangeException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static void WriteFormula(BinaryWriter w, PanelFormula f, Func<string?, int> str)
    {
        WriteDuty(w, f.Base, str);
        w.Write7BitEncodedInt(str(f.BaseColumn));
        w.Write7BitEncodedInt(str(f.BaseHeading));
        w.Write(f.EntryDependent);
        w.Write7BitEncodedInt(f.Terms.Length);
        foreach (var t in f.Terms)
        {
            w.Write7BitEncodedInt(str(t.MeasureId));
            w.Write7BitEncodedInt(str(t.Family));
            w.Write(t.Order);
            w.Write7BitEncodedInt(str(t.Heading));
            WriteDuty(w, t.Rate, str);
            w.Write(t.Share);
            w.Write(t.IsFloor);
            w.Write(t.HighestGroup);
        }
    }

    private static PanelFormula ReadFormula(BinaryReader r, Func<int, string?> str)
    {
        var baseRate = ReadDuty(r, str);
        var column = str(r.Read7BitEncodedInt())!;
        var heading = str(r.Read7BitEncodedInt());
        var dependent = r.ReadBoolean();
        var terms = ImmutableArray.CreateBuilder<PanelTerm>(r.Read7BitEncodedInt());
        for (int i = terms.Capacity; i > 0; i--)
            terms.Add(new PanelTerm(str(r.Read7BitEncodedInt())!, str(r.Read7BitEncodedInt())!, r.ReadInt32(), str(r.Read7BitEncodedInt()), ReadDuty(r, str),
                r.ReadDecimal(), r.ReadBoolean(), r.ReadInt32()));
        return new PanelFormula(baseRate, column, heading, terms.MoveToImmutable(), dependent);
    }

    // every form of duty the parser makes, field by field (the text form is for people, not for reading back)
    private static void WriteDuty(BinaryWriter w, DutyExpression e, Func<string?, int> str)
    {
        switch (e)
        {
            case FreeDuty: w.Write((byte)0); break;
            case AdValoremDuty av: w.Write((byte)1); w.Write(av.Rate); break;
            case SpecificDuty s: w.Write((byte)2); w.Write(s.Amount); w.Write7BitEncodedInt(str(s.Unit.Symbol)); w.Write(s.Over); break;
            case GradedSpecificDuty g: w.Write((byte)3); w.Write(g.Amount); w.Write(g.Step); w.Write(g.ReferenceDegrees); w.Write(g.Floor); w.Write7BitEncodedInt(str(g.Unit.Symbol)); break;
            case CompoundDuty c: w.Write((byte)4); w.Write(c.Parts.Length); foreach (var p in c.Parts) WriteDuty(w, p, str); break;
            case AdValoremOnPartDuty p: w.Write((byte)5); w.Write(p.Rate); w.Write7BitEncodedInt(str(p.Part)); break;
            case ReferencedDuty x:
                w.Write((byte)6); w.Write7BitEncodedInt(str(x.Reference)); w.Write(x.Subtract); w.Write(x.Additional is not null);
                if (x.Additional is not null) WriteDuty(w, x.Additional, str);
                break;
            case ConditionalDuty k: w.Write((byte)7); WriteDuty(w, k.Rate, str); w.Write7BitEncodedInt(str(k.Condition)); break;
            case UnparsedDuty u: w.Write((byte)8); w.Write7BitEncodedInt(str(u.Text)); w.Write7BitEncodedInt(str(u.Reason)); break;
            default: throw new NotSupportedException($"a duty of form {e.GetType().Name} cannot be stored in a panel file");
        }
    }

    private static DutyExpression ReadDuty(BinaryReader r, Func<int, string?> str)
    {
        DutyUnit Unit(int i) => DutyUnits.Find(str(i)) ?? throw new InvalidDataException($"unknown unit '{str(i)}'");
        switch (r.ReadByte())
        {
            case 0: return FreeDuty.Instance;
            case 1: return new AdValoremDuty(r.ReadDecimal());
            case 2: { var a = r.ReadDecimal(); var u = Unit(r.Read7BitEncodedInt()); return new SpecificDuty(a, u, r.ReadDecimal()); }
            case 3: { var a = r.ReadDecimal(); var s = r.ReadDecimal(); var d = r.ReadDecimal(); var f = r.ReadDecimal(); return new GradedSpecificDuty(a, s, d, f, Unit(r.Read7BitEncodedInt())); }
            case 4:
            {
                var parts = ImmutableArray.CreateBuilder<DutyExpression>(r.ReadInt32());
                for (int i = parts.Capacity; i > 0; i--) parts.Add(ReadDuty(r, str));
                return new CompoundDuty(parts.MoveToImmutable());
            }
            case 5: { var rate = r.ReadDecimal(); return new AdValoremOnPartDuty(rate, str(r.Read7BitEncodedInt())!); }
            case 6:
            {
                var reference = str(r.Read7BitEncodedInt())!;
                var subtract = r.ReadBoolean();
                return new ReferencedDuty(reference, r.ReadBoolean() ? ReadDuty(r, str) : null, subtract);
            }
            case 7: { var rate = ReadDuty(r, str); return new ConditionalDuty(rate, str(r.Read7BitEncodedInt())!); }
            case 8: { var text = str(r.Read7BitEncodedInt())!; return new UnparsedDuty(text, str(r.Read7BitEncodedInt())!); }
            default: throw new InvalidDataException("unknown duty form");
        }
    }
}
