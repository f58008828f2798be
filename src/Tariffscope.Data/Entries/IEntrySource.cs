using Tariffscope.Engine.Batch;

namespace Tariffscope.Data.Entries;

/// <summary>An entry file opened for streaming: its header and its data lines as text, read once, in order.</summary>
public interface IEntrySource : IDisposable
{
    /// <summary>"CSV (';'-separated)", "Excel workbook", "Parquet".</summary>
    string Format { get; }
    IReadOnlyList<string> Columns { get; }
    /// <summary>Data lines handed out so far (counted by the reader, independently of the rating).</summary>
    long LinesRead { get; }
    /// <summary>How far through the file the reader is, 0–1, when it can tell.</summary>
    double? Fraction { get; }
    IEnumerable<RawLine> Lines();
    /// <summary>After the last line: the lines of the file that no data line covered, counted apart from the
    /// parser ("lines 4–50"); null when none were lost or the format has no physical lines.</summary>
    string? Uncovered => null;
}

/// <summary>A file that cannot be read as an entry file at all (no header, unknown format, unreadable structure).</summary>
public sealed class EntryFileException(string message) : Exception(message);

/// <summary>Opens an entry file by its extension: .csv/.tsv/.txt, .xlsx, .parquet.</summary>
public static class EntryFiles
{
    public static IEntrySource Open(string path, char? delimiter = null)
    {
        if (!File.Exists(path)) throw new EntryFileException($"{path}: no such file");
        return FormatOf(path) switch
        {
            EntryFormat.Csv => CsvEntrySource.Open(path, delimiter),
            EntryFormat.Xlsx => XlsxEntrySource.Open(path),
            EntryFormat.Parquet => ParquetEntrySource.Open(path),
            _ => throw new EntryFileException($"{path}: unknown file type '{Path.GetExtension(path)}' (expected .csv, .tsv, .txt, .xlsx or .parquet)"),
        };
    }

    public static EntryFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" or ".txt" => EntryFormat.Csv,
        ".xlsx" => EntryFormat.Xlsx,
        ".parquet" => EntryFormat.Parquet,
        _ => EntryFormat.Unknown,
    };

    /// <summary>Names empty header cells "column_N" and refuses duplicates, which no output format could hold.</summary>
    internal static string[] CleanHeader(IReadOnlyList<string?> names, string path)
    {
        var cols = names.Select((n, i) => string.IsNullOrWhiteSpace(n) ? $"column_{i + 1}" : n.Trim()).ToArray();
        var dup = cols.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new EntryFileException($"{path}: header row: column '{dup.Key}' appears {dup.Count()} times; each column needs its own name");
        return cols;
    }

    /// <summary>Checks a line's fields against the header: missing fields or non-empty surplus ones make it ragged;
    /// text that was not valid UTF-8 (decoded as U+FFFD) is refused rather than passed on garbled.</summary>
    internal static RawLine Check(long number, string[] fields, IReadOnlyList<string> columns)
    {
        int n = columns.Count;
        if (fields.Length == 1 && n > 1 && fields[0].Length == 0)
            return new RawLine(number, Pad([], n), new LineFault("(line)", "blank line: no fields"));
        if (fields.Length != n)
        {
            if (fields.Length < n)
                return new RawLine(number, Pad(fields, n), new LineFault("(line)", $"ragged row: {fields.Length} fields where the header has {n}"));
            if (fields.AsSpan(n).ContainsAnyExcept(""))
                return new RawLine(number, fields[..n], new LineFault("(line)",
                    $"ragged row: {fields.Length} fields where the header has {n} (surplus: {Clip(string.Join(" | ", fields[n..]))})"));
            fields = fields[..n];
        }
        for (int i = 0; i < fields.Length; i++)
            if (fields[i].Contains('\uFFFD'))
                return new RawLine(number, fields, new LineFault(columns[i], "bytes that are not valid UTF-8 (save the file as UTF-8)"));
        return new RawLine(number, fields);
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private static string[] Pad(string[] f, int n)
    {
        var r = new string[n];
        for (int i = 0; i < n; i++) r[i] = i < f.Length ? f[i] : "";
        return r;
    }
}

public enum EntryFormat { Unknown, Csv, Xlsx, Parquet }
