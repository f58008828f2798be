using Tariffscope.Data.Trade;

namespace Tariffscope.Questions.Trade;

/// <summary>What trade data is held, per importer, year and partner, with every import made; when none, how to get some.</summary>
public sealed record TradeStatusAnswer(bool Available, string? Detail, IReadOnlyList<PartnerHoldings> Holdings, IReadOnlyList<TradeImportRecord> Imports);

/// <summary>`tariffscope data trade-status` and <c>GET /api/v1/trade</c>.</summary>
public sealed class TradeStatusQuestion(TradeData trade)
{
    public TradeStatusAnswer Ask()
    {
        if (trade.Stamp() is null) return new(false, $"the data directory holds no trade data; {TradeData.ImportHint}", [], []);
        var (held, log) = trade.Read(s => (s.Holdings(), s.ImportLog()));
        return held.Count == 0 ? new(false, $"the trade store is empty; {TradeData.ImportHint}", [], log) : new(true, null, held, log);
    }
}
