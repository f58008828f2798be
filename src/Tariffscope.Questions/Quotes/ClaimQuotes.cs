using Tariffscope.Engine;

using Tariffscope.Data;

namespace Tariffscope.Questions.Quotes;

/// <summary>What a preference claim changes on a quoted line, with the share claimed in the record (for the quote
/// of the command line and of the server alike).</summary>
public static class ClaimQuotes
{
    /// <summary>For goods of a partner with a claim programme (USMCA for Canada and Mexico, or the programme the entry
    /// names): both totals, and the share of the line claimed in the record's month when the claim shares hold it.
    /// Null for other partners and importers.</summary>
    public static ClaimValue? Effect(Workspace w, TariffEngine engine, EntryLine entry)
    {
        if (entry.Importer != "US") return null;
        var program = entry.Program ?? w.ClaimShares.ProgramsOf(entry.Origin).FirstOrDefault() ?? ClaimValue.ProgramFor(entry.Origin);
        if (program is null) return null;
        var table = entry.Code.Length == 10 ? w.ClaimShares.TableOn(program, entry.Origin, entry.Date) : null;
        decimal? share = table is not null && table.ByHts10.TryGetValue(entry.Code.Digits, out var sh) ? sh : null;
        var month = table is null ? null : table.Annual ? $"{table.From.Year}" : $"{table.From:yyyy-MM}";
        try { return ClaimValue.Of(engine, entry, program, share, month); }
        catch (RatingException) { return null; }
    }
}
