namespace Tariffscope.Engine.Batch;

/// <summary>Why a line was not rated: the field at fault, the reason, and the scenario it failed under (if any).</summary>
public sealed record LineFault(string Field, string Reason, string? Scenario = null)
{
    public override string ToString() => (Scenario is null ? "" : $"[{Scenario}] ") + $"{Field}: {Reason}";
}

/// <summary>
/// One data line of an entry file as text: its 1-based number among the data lines (the header is not counted),
/// its fields in header order, and a fault the reader already found (a ragged row, bytes that are not UTF-8).
/// </summary>
public readonly record struct RawLine(long Number, string[] Fields, LineFault? Fault = null);

/// <summary>A run of consecutive lines; <see cref="Sequence"/> keeps the output in input order.</summary>
public sealed record RawChunk(long Sequence, RawLine[] Lines);
