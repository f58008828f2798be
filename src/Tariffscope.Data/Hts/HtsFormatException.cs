namespace Tariffscope.Data.Hts;

/// <summary>
/// A schedule file (or a revisions list) that cannot be read: names the file, the 1-based row (or line), the
/// field and what was expected, so the message alone tells the user what to fix.
/// </summary>
public sealed class HtsFormatException : Exception
{
    public string File { get; }
    /// <summary>1-based row of the JSON array (or line of a CSV file); 0 when the problem is the file as a whole.</summary>
    public int Row { get; }
    public string Field { get; }
    public string Expected { get; }
    public string? Found { get; }

    /// <summary>"row" for a JSON export, "line" for a CSV file.</summary>
    public string RowKind { get; }

    public HtsFormatException(string file, int row, string field, string expected, string? found = null,
        Exception? inner = null, string rowKind = "row")
        : base(Format(file, row, field, expected, found, rowKind), inner)
    {
        RowKind = rowKind;
        File = file;
        Row = row;
        Field = field;
        Expected = expected;
        Found = found;
    }

    private static string Format(string file, int row, string field, string expected, string? found, string rowKind)
    {
        var where = row > 0 ? $"{file}, {rowKind} {row}" : file;
        var what = string.IsNullOrEmpty(field) ? "" : $", field '{field}'";
        var got = found is null ? "" : $", found {found}";
        return $"{where}{what}: expected {expected}{got}";
    }
}
