namespace Tariffscope.Data.Controls;

/// <summary>Bad control data or a bad scenario: names the file, line, column and field, and what was expected.</summary>
public sealed class ControlDataException(string file, int line, int column, string field, string problem)
    : Exception(line > 0 ? $"{file}:{line}:{column}: {field}: {problem}" : $"{file}: {field}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
