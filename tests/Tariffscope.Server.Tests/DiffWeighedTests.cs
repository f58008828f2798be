using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

/// <summary>
/// <c>/api/v1/diff</c> with trade data held: the lines actually imported from the origin, each weighed by its value,
/// so "largest first" is in dollars (as `tariffscope scenario diff` does), not every leaf line in code order.
/// </summary>
public class DiffWeighedTests(TradeDataFixture server) : IClassFixture<TradeDataFixture>
{
    [Fact]
    public async Task The_diff_compares_the_traded_lines_and_says_the_duty_at_stake()
    {
        // China: valves 8481.80.50.90 ($1,000,000) and laptops 8471.30.01.00 ($500,000). If the truce lapses on
        // 2025-08-12 the reciprocal duty goes from 10% to 34% on the valves; laptops are excepted (electronics).
        // Duty at stake: 24% × 1,000,000 = 240,000 a year.
        var d = await server.GetJson("/api/v1/diff?a=actual&b=truce-lapses-aug-2025&date=2025-08-20&origin=CN");
        Assert.Equal(2, (int)d["linesCompared"]!);
        var line = Assert.Single(d["lines"]!.AsArray())!;
        Assert.StartsWith("8481.80.50", (string)line["code"]!);
        Assert.Equal(1_000_000m, line["tradeValue"]!.GetValue<decimal>());
        Assert.Equal(240_000m, line["dutyAtStake"]!.GetValue<decimal>());
        Assert.Equal(240_000m, d["byMeasure"]![0]!["dutyAtStake"]!.GetValue<decimal>());
    }
}
