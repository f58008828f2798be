namespace Tariffscope.Engine;

/// <summary>
/// What a preference claim changes on one line: the total duty with the claim and without it, and, where the record
/// has it, the share of the line's imports from the origin actually entered under the claim in the month and the
/// expected duty at that share (claimed part with the programme, the rest without).
/// </summary>
public sealed record ClaimValue(string Program, string Title, bool Offered, decimal TotalWithoutClaim, decimal TotalWithClaim,
    decimal? ClaimedShare, string? ShareMonth, decimal? ExpectedTotal, string Text)
{
    /// <summary>Duty the claim saves (without minus with).</summary>
    public decimal Saving => TotalWithoutClaim - TotalWithClaim;

    /// <summary>The programme a partner's goods are most often claimed under, for the quote to show (USMCA for Canada and Mexico).</summary>
    public static string? ProgramFor(string origin) => origin.ToUpperInvariant() is "CA" or "MX" ? "S" : null;

    private static string TitleOf(string program) => program.ToUpperInvariant() switch
    {
        "S" or "S+" => "USMCA",
        _ => $"programme {program}",
    };

    /// <summary>
    /// The line quoted without <paramref name="program"/> and with it (when its special column offers it).
    /// <paramref name="share"/>: the share claimed in the record for the line, origin and month, when known.
    /// </summary>
    public static ClaimValue Of(TariffEngine engine, EntryLine entry, string program, decimal? share = null, string? shareMonth = null)
    {
        var without = engine.Quote(entry with { Program = null }, QuoteDetail.Amounts);
        var title = TitleOf(program);
        var offered = Trade.ClaimBasis.Offers(engine, entry.Importer, entry.Code, entry.Date, program);
        if (!offered)
            return new(program, title, false, without.Total, without.Total, share, shareMonth, without.Total,
                $"{title} ({program}) is not offered on {entry.Code}: a claim changes nothing (duty {Money(without.Total)})");
        var with = engine.Quote(entry with { Program = program }, QuoteDetail.Amounts);
        decimal? expected = share is { } s ? Math.Round(s * with.Total + (1 - s) * without.Total, 2, MidpointRounding.AwayFromZero) : null;
        var text = $"{title} ({program}) claim: duty {Money(with.Total)} with it, {Money(without.Total)} without (the claim saves {Money(without.Total - with.Total)})"
            + (share is { } sh ? $"; {sh * 100m:0.#}% of {shareMonth} imports of this line from {entry.Origin} were entered claiming it: expected duty {Money(expected!.Value)}" : "");
        return new(program, title, true, without.Total, with.Total, share, shareMonth, expected, text);
    }

    private static string Money(decimal d) => "$" + d.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
