using System.Globalization;
using System.Text;
using Tariffscope.Data.Entries;
using Tariffscope.Duties;
using Tariffscope.Engine.Panel;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Panel;

/// <summary>What an export wrote.</summary>
public sealed record PanelExportResult(string Path, long Rows, int Lines, int Origins, int Classes, int Intervals, TimeSpan Elapsed);

/// <summary>
/// Writes a compiled <see cref="RatePanel"/> as a table a researcher joins to their own data: one row per line,
/// origin and interval over which the line's duty from that origin is one formula (docs/panel.md has the schema).
/// </summary>
public static class PanelExport
{
    public static readonly TableColumn[] Columns =
    [
        new("scenario", CellKind.Text),
        new("hts10", CellKind.Text),
        new("origin", CellKind.Text),
        new("origin_class", CellKind.Integer),
        new("valid_from", CellKind.Text),
        new("valid_through", CellKind.Text),
        new("ad_valorem", CellKind.Rate),
        new("additional_ad_valorem", CellKind.Rate),
        new("base_rate", CellKind.Text),
        new("specific_parts", CellKind.Text),
        new("layers", CellKind.Text),
        new("headings", CellKind.Text),
        new("needs_engine", CellKind.Text),
    ];

    /// <summary>Every line of <paramref name="codes"/> from every origin of <paramref name="origins"/> over the panel's span.</summary>
    public static PanelExportResult Write(RatePanel panel, string scenario, IReadOnlyList<HtsCode> codes, IReadOnlyList<string> origins, string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var writer = TableWriter.Create(path, Columns);
        var cells = new Cell[Columns.Length];
        // classes are found first, so each row can be written once per member origin
        foreach (var o in origins) panel.ClassOf(o);
        var members = origins.GroupBy(panel.ClassOf).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
        foreach (var row in panel.Compile(codes, origins))
        {
            string[] t;
            // described once per row, which is written once per member origin (formulas are not kept: a row is its own)
            if (row.Cell.Formula is { } f) t = Describe(f);
            else t = row.Cell.Refusal is { } r ? ["", "", "", "", $"refused: {r.Message}", "", "refused"] : ["", "", "", "", "", "", "always"];
            cells[0].Text = scenario;
            cells[1].Text = row.Code.Digits;
            cells[3].Integer = row.Class;
            cells[4].Text = row.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cells[5].Text = row.Through.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cells[6].Number = t[0].Length == 0 ? 0 : decimal.Parse(t[0], CultureInfo.InvariantCulture);
            cells[7].Number = t[1].Length == 0 ? 0 : decimal.Parse(t[1], CultureInfo.InvariantCulture);
            cells[8].Text = t[2];
            cells[9].Text = t[3];
            cells[10].Text = t[4];
            cells[11].Text = t[5];
            cells[12].Text = t[6];
            foreach (var origin in members[row.Class])
            {
                cells[2].Text = origin;
                writer.WriteRow(cells);
            }
        }
        writer.Commit();
        return new PanelExportResult(writer.Path, writer.Rows, codes.Count, origins.Count, members.Count, panel.IntervalCount, clock.Elapsed);
    }

    /// <summary>ad valorem, additional ad valorem, base rate, specific parts, layers, headings, needs-engine.</summary>
    private static string[] Describe(PanelFormula f)
    {
        decimal baseAv = f.Base is AdValoremDuty b ? b.Rate : 0m, additional = 0m;
        var specific = new List<string>();
        if (f.Base is not (AdValoremDuty or FreeDuty)) specific.Add($"base {f.Base}");
        var layers = new StringBuilder();
        var headings = new List<string>();
        var highest = new Dictionary<int, decimal>();
        for (int r = 0; r < f.Terms.Length; r++)
        {
            var t = f.TermAt(r);
            if (t.Rate is AdValoremDuty av)
            {
                var part = t.IsFloor ? (f.Base is AdValoremDuty or FreeDuty ? Math.Max(0m, av.Rate - baseAv) * t.Share : 0m) : av.Rate * t.Share;
                // of a family that charges only its highest member, the highest rate counts (all members share one share)
                if (t.HighestGroup < 0) additional += part;
                else highest[t.HighestGroup] = Math.Max(highest.GetValueOrDefault(t.HighestGroup), part);
            }
            if (t.IsFloor && f.Base is not (AdValoremDuty or FreeDuty) || t.Rate is not (AdValoremDuty or FreeDuty))
                specific.Add($"{t.MeasureId} {t.RateText}" + (t.Share == 1m ? "" : $" on {t.Share:0.####} of value"));
            if (layers.Length > 0) layers.Append("; ");
            layers.Append(t.MeasureId).Append(' ').Append(t.RateText);
            if (t.Share != 1m) layers.Append(" on ").Append(t.Share.ToString("0.####", CultureInfo.InvariantCulture)).Append(" of value");
            if (t.HighestGroup >= 0) layers.Append(" (highest of its family)");
            if (t.Heading is not null) { layers.Append(" [").Append(t.Heading).Append(']'); if (!headings.Contains(t.Heading)) headings.Add(t.Heading); }
        }
        additional += highest.Values.Sum();
        var inv = CultureInfo.InvariantCulture;
        return [(baseAv + additional).ToString(inv), additional.ToString(inv), $"{f.Base} ({f.BaseColumn})", string.Join("; ", specific),
            layers.ToString(), string.Join(";", headings), f.EntryDependent ? "entry_facts" : "no"];
    }
}
