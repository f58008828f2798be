using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Tariffscope.Data.Entries;

namespace Tariffscope.Data.Reports;

/// <summary>
/// Adds a "summary" sheet to a batch's XLSX result: the accounting line and the same tables as the terminal and HTML
/// summaries, so the workbook carries its own totals. The results sheet is streamed by its writer and never held
/// whole; the summary is small and is added to the finished file as one more part of the package.
/// </summary>
public static partial class XlsxSummarySheet
{
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static void Append(string xlsxPath, BatchResult result)
    {
        var s = result.Summary;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Tariffscope batch summary" },
            new[] { "lines", BatchTables.Accounting(result) },
            new[] { "scenarios", string.Join(", ", s.Scenarios) },
        };
        if (BatchTables.HasDifference(s)) rows.Add(["difference", BatchTables.Difference(s)]);
        foreach (var t in BatchTables.All(s))
        {
            rows.Add([]);
            rows.Add([t.Title]);
            rows.Add(t.Header);
            rows.AddRange(t.Rows);
        }
        Append(xlsxPath, "summary", rows);
    }

    /// <summary>Adds a sheet of <paramref name="rows"/> (figures such as "$1,234.50" or "12.5%" as numbers) to the workbook.</summary>
    public static void Append(string xlsxPath, string sheetName, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var zip = ZipFile.Open(xlsxPath, ZipArchiveMode.Update);
        var workbook = Read(zip, "xl/workbook.xml");
        var rels = Read(zip, "xl/_rels/workbook.xml.rels");
        var types = Read(zip, "[Content_Types].xml");
        int n = 1;
        while (zip.GetEntry($"xl/worksheets/sheet{n}.xml") is not null) n++;
        var part = $"xl/worksheets/sheet{n}.xml";
        var relId = $"rIdSummary{n}";
        var sheetId = Regex.Matches(workbook, "sheetId=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;

        Write(zip, part, Sheet(rows));
        // writers differ in prefixes (MiniExcel writes <x:sheets>): the new sheet takes the prefix of the list it joins
        var close = Regex.Match(workbook, @"</(?<p>\w+:)?sheets>");
        if (!close.Success) throw new InvalidDataException($"{xlsxPath}: the workbook lists no sheets");
        var prefix = close.Groups["p"].Value;
        Write(zip, "xl/workbook.xml", workbook.Insert(close.Index,
            $"<{prefix}sheet name=\"{SecurityElement.Escape(sheetName)}\" sheetId=\"{sheetId}\" r:id=\"{relId}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>"));
        Write(zip, "xl/_rels/workbook.xml.rels", rels.Replace("</Relationships>",
            $"<Relationship Id=\"{relId}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet{n}.xml\"/></Relationships>"));
        if (!types.Contains($"/{part}", StringComparison.Ordinal))
            Write(zip, "[Content_Types].xml", types.Replace("</Types>",
                $"<Override PartName=\"/{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"));
    }

    private static string Sheet(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{SheetNs}\"><sheetData>");
        for (int r = 0; r < rows.Count; r++)
        {
            sb.Append("<row r=\"").Append(r + 1).Append("\">");
            for (int c = 0; c < rows[r].Count; c++)
            {
                var text = rows[r][c] ?? "";
                var cell = $"{Column(c)}{r + 1}";
                if (Figure(text) is { } v) sb.Append("<c r=\"").Append(cell).Append("\"><v>").Append(v.ToString(CultureInfo.InvariantCulture)).Append("</v></c>");
                else sb.Append("<c r=\"").Append(cell).Append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">").Append(SecurityElement.Escape(text)).Append("</t></is></c>");
            }
            sb.Append("</row>");
        }
        return sb.Append("</sheetData></worksheet>").ToString();
    }

    /// <summary>"$1,234.50", "-$3.00", "+12.5%", "1,024" as the number they show; anything else is text.</summary>
    internal static decimal? Figure(string text)
    {
        var m = FigurePattern().Match(text.Trim());
        if (!m.Success) return null;
        var v = decimal.Parse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture);
        if (m.Groups["sign"].Value == "-") v = -v;
        return m.Groups["pct"].Success && m.Groups["pct"].Value == "%" ? v / 100m : v;
    }

    [GeneratedRegex(@"^(?<sign>[-+]?)\$?(?<n>\d{1,3}(,\d{3})*(\.\d+)?|\d+(\.\d+)?)(?<pct>%?)$")]
    private static partial Regex FigurePattern();

    private static string Column(int i)
    {
        var s = "";
        for (i++; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var r = new StreamReader((zip.GetEntry(name) ?? throw new InvalidDataException($"the workbook has no {name}")).Open());
        return r.ReadToEnd();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)?.Delete();
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(text);
    }
}
