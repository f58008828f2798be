namespace Tariffscope.Economics;

/// <summary>
/// A model input that cannot be used: names the field (as the model file spells it, e.g. "flows") and the position in
/// it (e.g. [1, 2] for flows[1][2]) so that a reader can point at the line of the file it came from.
/// </summary>
public sealed class ModelInputException(string field, int[] index, string problem)
    : ArgumentException($"{field}{string.Concat(index.Select(i => $"[{i}]"))}: {problem}")
{
    public string Field { get; } = field;
    public IReadOnlyList<int> Index { get; } = index;
    public string Problem { get; } = problem;
}
