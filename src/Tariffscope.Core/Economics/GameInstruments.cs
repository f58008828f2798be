using Tariffscope.Duties;
using Tariffscope.Policy;

namespace Tariffscope.Economics;

/// <summary>The measure a player moves in the game: its id in the policy record, and the measure family that marks the lines it covers.</summary>
public sealed record GameInstrument(string Player, string Rival, string Name, string MeasureId, string Family);

/// <summary>
/// The instruments the game knows, as data: for "reciprocal", the US IEEPA reciprocal duty on China
/// (us-ieepa-reciprocal-cn, EO 14257 as amended) and China's additional duty on all US goods (cn-tc-all-us, TC
/// Announcements 2025 Nos. 4–6). Their levels come from the policy record, never from here.
/// </summary>
public static class GameInstruments
{
    public static readonly IReadOnlyList<GameInstrument> All =
    [
        new("US", "CN", "reciprocal", "us-ieepa-reciprocal-cn", "ieepa-reciprocal"),
        new("CN", "US", "reciprocal", "cn-tc-all-us", "cn-tc-all-goods"),
    ];

    public static GameInstrument Find(string player, string name) =>
        All.FirstOrDefault(i => i.Player.Equals(player, StringComparison.OrdinalIgnoreCase) && i.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no instrument '{name}' for player {player}; known: {string.Join(", ", All.Select(i => $"{i.Player} {i.Name}"))}");

    /// <summary>
    /// The instrument's level in force on the date (its rate less the points suspended that day: the truce), and
    /// the record's discrete moves: keep it, snap back (the rate with no suspension), escalate (the highest rate the
    /// measure has carried). Throws when the measure is not in force on the date.
    /// </summary>
    public static (double Level, IReadOnlyList<GameMove> Moves) LevelsOn(PolicySet policy, GameInstrument instrument, DateOnly date)
    {
        var m = policy.FindMeasure(instrument.MeasureId)
            ?? throw new ArgumentException($"the policy record has no measure {instrument.MeasureId}");
        var period = m.RateOn(date)
            ?? throw new ArgumentException($"{instrument.MeasureId} ({m.Title}) is not in force on {date:yyyy-MM-dd} ({m.Validity}); pick a date inside it");
        var rate = AdValorem(period.Rate, m.Id);
        var suspended = policy.Suspensions.Where(s => s.MeasureId == m.Id && s.Validity.Contains(date)).Sum(s => s.Points ?? 0m);
        var level = (double)Math.Max(0, rate - suspended);
        var peak = m.Rates.Max(r => AdValorem(r.Rate, m.Id));
        var cite = m.Source.Instrument;
        IReadOnlyList<GameMove> moves =
        [
            new(GameMoves.KeepTruce, level, $"{m.Id} on {date:yyyy-MM-dd}: {rate * 100:0.#}% less {suspended * 100:0.#}% suspended ({cite})"),
            new(GameMoves.SnapBack, (double)rate, $"{m.Id} on {date:yyyy-MM-dd} with no points suspended ({cite})"),
            new(GameMoves.Escalate, (double)peak, $"the highest rate {m.Id} has carried ({cite})"),
        ];
        return (level, moves);
    }

    private static decimal AdValorem(DutyExpression e, string id) => e is AdValoremDuty a ? a.Rate
        : throw new ArgumentException($"{id}: the game needs an ad valorem rate, found {e.Shape}");
}
