using System.Text;
using MiniExcelLibs;

namespace Tariffscope.Data.Controls;

/// <summary>One record of a shipment file: its line number (1 = the header) and its cells as text.</summary>
public sealed record ShipmentRecord(int Line, IReadOnlyList<string> Cells, string Raw);

/// <summary>
/// Reads a shipment file (CSV or XLSX) as its header and records, keeping every record's line number, so that
/// no line can be lost between reading and screening. CSV follows RFC 4180 (quotes, doubled quotes, quoted
/// line breaks); a record's line is the line it starts on.
/// </summary>
public static class ShipmentFile
{
    public static (IReadOnlyList<string>? Header, IReadOnlyList<ShipmentRecord> Records) Read(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(path) : ReadCsv(File.ReadAllText(path, Encoding.UTF8));

    public static (IReadOnlyList<string>? Header, IReadOnlyList<ShipmentRecord> Records) ReadCsv(string text)
    {
        var records = ParseCsv(text.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0) return (null, []);
        return (records[0].Cells, records.Skip(1).ToList());
    }

    private static IEnumerable<ShipmentRecord> ParseCsv(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var startIndex = i;
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var atCellStart = true;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else { if (c == '\n') line++; cell.Append(c); }
                    continue;
                }
                if (c == '"' && atCellStart) { quoted = true; atCellStart = false; continue; }
                if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); atCellStart = true; continue; }
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
                if (c == '\n') { i++; line++; break; }
                cell.Append(c);
                atCellStart = false;
            }
            cells.Add(cell.ToString());
            var raw = text[startIndex..i].TrimEnd('\r', '\n');
            yield return new ShipmentRecord(start, cells, raw);
        }
    }

    private static (IReadOnlyList<string>? Header, IReadOnlyList<ShipmentRecord> Records) ReadXlsx(string path)
    {
        var rows = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0) return (null, []);
        static List<string> Cells(IDictionary<string, object?> row)
        {
            var cells = row.Values.Select(v => v switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd"),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }).ToList();
            while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
            return cells;
        }
        var header = Cells(rows[0]);
        // An empty trailing cell in a spreadsheet is an empty field, not a short row: pad to the header's width.
        var records = rows.Skip(1).Select((r, k) =>
        {
            var c = Cells(r);
            var raw = string.Join(",", c);
            while (c.Count < header.Count) c.Add("");
            return new ShipmentRecord(k + 2, c, raw);
        }).ToList();
        return (header, records);
    }
}
