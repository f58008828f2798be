namespace Tariffscope.Data.Economics;

/// <summary>
/// An economics input file that cannot be used. The message reads "file:line:column: field: what was expected", one
/// line, ready for stderr.
/// </summary>
public sealed class InputFileException(string file, int line, int column, string field, string problem)
    : Exception(Format(file, line, column, field, problem))
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Field { get; } = field;
    public string Problem { get; } = problem;

    private static string Format(string file, int line, int column, string field, string problem)
    {
        var where = column > 0 ? $"{file}:{line}:{column}" : line > 0 ? $"{file}:{line}" : file;
        return string.IsNullOrEmpty(field) ? $"{where}: {problem}" : $"{where}: {field}: {problem}";
    }
}
