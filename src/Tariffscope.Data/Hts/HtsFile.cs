using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>Something the reader accepted but the user should know about (e.g. a duplicate code it skipped).</summary>
public sealed record HtsWarning(int Row, string Message)
{
    public override string ToString() => $"row {Row}: {Message}";
}

/// <summary>
/// One USITC export as read: its numbered lines (a tree through <see cref="TariffLine.Parent"/>), how many rows
/// the file had, and the warnings the reader raised. <see cref="ToRevision"/> dates it.
/// </summary>
public sealed class HtsFile
{
    public required string FileName { get; init; }
    /// <summary>Every row of the JSON array, numbered or not.</summary>
    public required int RowCount { get; init; }
    /// <summary>Unnumbered rows (group headings such as "Horses:"), kept as descriptions of the lines below them.</summary>
    public required int GroupHeadingCount { get; init; }
    public required IReadOnlyList<TariffLine> Lines { get; init; }
    public required IReadOnlyList<HtsWarning> Warnings { get; init; }

    public ScheduleRevision ToRevision(string name, DateOnly effectiveDate, string? source = null, string importer = "US") =>
        new(name, effectiveDate, source ?? $"USITC HTS export {FileName}", Lines, importer);
}
