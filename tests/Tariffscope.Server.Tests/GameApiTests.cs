using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

public class GameApiTests(TradeDataFixture server) : IClassFixture<TradeDataFixture>
{
    /// <summary>
    /// Over the hand-made store (US imports of valves and laptops from China, valves from Vietnam) with China's
    /// imports from the US given as one aggregate market of $1 million: that market has one source and constant
    /// elasticities (defaults: export supply 1.5), so China's Nash tariff is 1/1.5. On 2025-12-01 both instruments
    /// stand at 10% (34% with 24 points suspended: EO 14358; TC announcement of 5 November 2025); the laptops are
    /// outside the US reciprocal duty (electronics memorandum), so the instrument covers the valves only.
    /// </summary>
    [Fact]
    public async Task The_game_answers_with_the_truce_levels_and_the_closed_form_Nash_tariff_for_China()
    {
        var d = await server.GetJson("/api/v1/game?date=2025-12-01&cnOther=1000000");
        var players = d["players"]!.AsArray();
        Assert.Equal("US", (string?)players[0]!["player"]);
        Assert.Equal(0.10, (double)players[0]!["truceLevel"]!, 9);
        Assert.Equal(0.10, (double)players[1]!["truceLevel"]!, 9);
        Assert.Equal(1 / 1.5, (double)players[1]!["nashLevel"]!, 4);
        Assert.Equal(1_000_000, (double)players[0]!["imports"]!["coveredValue"]!, 3);
        Assert.Equal(1_500_000, (double)players[0]!["imports"]!["value"]!, 3);
        Assert.Equal(9, d["discrete"]!.AsArray().Count);
        Assert.Equal("ces", (string?)d["form"]);
    }

    [Fact]
    public async Task A_missing_date_is_a_bad_request_and_a_date_outside_the_instrument_is_refused()
    {
        var p = await ServerFixture.AssertProblem(await server.Http.GetAsync("/api/v1/game"), 400);
        Assert.Contains("date", ServerFixture.Detail(p));
        var q = await ServerFixture.AssertProblem(await server.Http.GetAsync("/api/v1/game?date=2026-06-01&cnOther=1000000"), 422);
        Assert.Contains("not in force on 2026-06-01", ServerFixture.Detail(q));
        var w = await ServerFixture.AssertProblem(await server.Http.GetAsync("/api/v1/game?date=2025-12-01&producerWeight=-1"), 400);
        Assert.Contains("producerWeight", ServerFixture.Detail(w));
    }
}
