using System.Text;

namespace Tariffscope.Data.Hts;

/// <summary>
/// A small CSV file read whole (RFC 4180: commas, double-quoted fields that may hold commas, doubled quotes and
/// line breaks), with the header and each record's starting line number kept for error messages.
/// </summary>
public sealed class CsvTable
{
    public string FileName { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRecord> Records { get; }

    private CsvTable(string fileName, IReadOnlyList<string> header, IReadOnlyList<CsvRecord> records)
    {
        FileName = fileName;
        Header = header;
        Records = records;
    }

    public static CsvTable Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static CsvTable Parse(string text, string fileName)
    {
        var rows = Split(text, fileName);
        if (rows.Count == 0) throw new HtsFormatException(fileName, 1, "", "a header line", "an empty file", rowKind: "line");
        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        var records = rows.Skip(1).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0))
            .Select(r => new CsvRecord(fileName, r.Line, header, r.Fields)).ToList();
        return new CsvTable(fileName, header, records);
    }

    /// <summary>The column's index, or an error naming the file and the columns it has.</summary>
    public int Require(string column)
    {
        for (int i = 0; i < Header.Count; i++)
            if (Header[i].Equals(column, StringComparison.OrdinalIgnoreCase)) return i;
        throw new HtsFormatException(FileName, 1, column, $"a column named '{column}' in the header", $"columns {string.Join(", ", Header)}", rowKind: "line");
    }

    private static List<(int Line, List<string> Fields)> Split(string text, string fileName)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, atFieldStart = true;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart: quoted = true; atFieldStart = false; break;
                case ',': fields.Add(field.ToString()); field.Clear(); atFieldStart = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    rows.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    atFieldStart = true;
                    break;
                default: field.Append(c); atFieldStart = false; break;
            }
        }
        if (quoted) throw new HtsFormatException(fileName, recordLine, "", "a closing double quote", "the end of the file inside a quoted field", rowKind: "line");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add((recordLine, fields));
        }
        return rows;
    }
}

/// <summary>One record of a <see cref="CsvTable"/>: its fields by position or column name, and its line.</summary>
public sealed class CsvRecord(string fileName, int line, IReadOnlyList<string> header, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The field in column <paramref name="index"/>, trimmed; empty when the record is short.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index].Trim() : "";

    public HtsFormatException Error(int column, string expected) =>
        new(fileName, Line, column < header.Count ? header[column] : $"column {column + 1}", expected,
            $"\"{this[column]}\"", rowKind: "line");
}
