namespace Tariffscope.Economics;

/// <summary>
/// One of a player's import markets in the tariff game: a GSIM market at the base (the rates in force on the date),
/// the importer's and the rival's region in it, and the share of the rival's flow the player's instrument covers
/// (lines exempt from it keep their rate). At instrument level a the rival's route carries
/// T1 = T0 + coverage·(a − a0), a0 being the instrument's level at the base.
/// </summary>
public sealed record GameMarket(GsimMarket Market, int Importer, int Rival, double Coverage);

/// <summary>
/// A player: a name, the instrument it moves (its additional tariff on the rival's goods) with its level at the
/// base and the record's discrete moves, and its import markets from the rival.
/// </summary>
public sealed record GamePlayer(string Name, string Instrument, double BaseLevel, IReadOnlyList<GameMove> Moves, IReadOnlyList<GameMarket> Imports);

/// <summary>A discrete move the record offers (keep the truce, snap back, escalate) as a level of the instrument.</summary>
public sealed record GameMove(string Name, double Level, string Source);

/// <summary>A point of the game: both levels and each player's welfare change against the base (both at a0).</summary>
public sealed record GamePoint(double LevelA, double LevelB, double WelfareA, double WelfareB)
{
    public double Joint => WelfareA + WelfareB;
}

/// <summary>A player's best response to each of the rival's levels on the grid.</summary>
public sealed record BestResponseCurve(string Player, IReadOnlyList<double> RivalLevels, IReadOnlyList<double> Responses);

/// <summary>
/// What the truce is worth to one player: the gain from defecting to its best response while the rival holds, the
/// loss when the rival does that (and when the rival snaps back), the truce against the Nash outcome, and the
/// smallest discount factor at which keeping the truce beats a one-off defection answered by Nash for ever
/// (δ* = gain / (gain + truce-over-Nash)); 0 when defecting gains nothing, null when no discount factor sustains it
/// (the truce is no better than Nash). <see cref="LossIfRivalSnapsBack"/> is null when the rival has no snap-back move.
/// </summary>
public sealed record TruceValue(string Player, double GainFromDefecting, double LossIfRivalDefects, double? LossIfRivalSnapsBack,
    double TruceOverNash, double? CriticalDiscountFactor);

/// <summary>The discrete game over the record's moves: each cell's welfare pair, and which cells are pure Nash equilibria.</summary>
public sealed record DiscreteGame(IReadOnlyList<GameMove> MovesA, IReadOnlyList<GameMove> MovesB, GamePoint[,] Cells, IReadOnlyList<(int A, int B)> Equilibria);

/// <summary>The solved game.</summary>
public sealed record GameSolution(
    GamePlayer A, GamePlayer B, GsimForm Form, double ProducerWeight,
    BestResponseCurve BestResponseA, BestResponseCurve BestResponseB,
    GamePoint Truce, GamePoint Nash, int NashIterations, GamePoint Cooperative,
    TruceValue TruceA, TruceValue TruceB, DiscreteGame Discrete);

/// <summary>
/// The two-player tariff game on the GSIM model. Each player's objective is its national welfare change against the
/// base: consumer surplus plus tariff revenue in its import markets, plus its exporters' producer surplus in the
/// rival's import markets times a weight (1 = plain welfare; above 1 = a politically weighted objective). Best
/// responses maximise it over the level (a grid, then golden-section search); the Nash equilibrium iterates best
/// responses to a fixed point; the cooperative point maximises the sum of both objectives.
/// </summary>
public sealed class TariffGame
{
    private readonly GamePlayer a, b;
    private readonly GsimForm form;
    private readonly double weight;
    private readonly Dictionary<double, (double Own, double RivalProducer)> cacheA = [], cacheB = [];

    public TariffGame(GamePlayer a, GamePlayer b, GsimForm form = GsimForm.Ces, double producerWeight = 1)
    {
        if (a.Imports.Count == 0) throw new ArgumentException($"player {a.Name} has no import markets from {b.Name}");
        if (b.Imports.Count == 0) throw new ArgumentException($"player {b.Name} has no import markets from {a.Name}");
        if (!(producerWeight >= 0) || double.IsInfinity(producerWeight)) throw new ArgumentException($"producer weight {producerWeight} must be a finite number >= 0");
        this.a = a; this.b = b; this.form = form; weight = producerWeight;
    }

    public double MaxLevel { get; init; } = 2.0;
    public double GridStep { get; init; } = 0.01;

    /// <summary>Player A's import markets at A's level: (A's consumer surplus + revenue, B's producer surplus).</summary>
    private (double Own, double RivalProducer) Side(GamePlayer p, Dictionary<double, (double, double)> cache, double level)
    {
        if (cache.TryGetValue(level, out var hit)) return hit;
        double own = 0, rival = 0;
        foreach (var g in p.Imports)
        {
            var r = CesModel.Solve(AtLevel(g, p.BaseLevel, level), form);
            own += r.ConsumerSurplus(g.Importer) + r.TariffRevenue(g.Importer);
            rival += r.ProducerSurplus(g.Rival);
        }
        lock (cache) cache[level] = (own, rival);
        return (own, rival);
    }

    /// <summary>The market with the rival's route at instrument level <paramref name="level"/>.</summary>
    public static GsimMarket AtLevel(GameMarket g, double baseLevel, double level)
    {
        var m = g.Market;
        var n = m.Size;
        var before = new double[n, n];
        var after = new double[n, n];
        var flows = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                flows[i, j] = m.Flow(i, j);
                before[i, j] = m.PowerBefore(i, j);
                after[i, j] = m.PowerBefore(i, j);
            }
        after[g.Rival, g.Importer] = Math.Max(1, before[g.Rival, g.Importer] + g.Coverage * (level - baseLevel));
        var em = Enumerable.Range(0, n).Select(m.ImportDemand).ToArray();
        var es = Enumerable.Range(0, n).Select(m.Substitution).ToArray();
        var ex = Enumerable.Range(0, n).Select(m.ExportSupply).ToArray();
        return new GsimMarket(m.Regions, flows, before, after, em, es, ex, m.Label);
    }

    /// <summary>Both players' welfare changes at levels (la, lb).</summary>
    public GamePoint At(double la, double lb)
    {
        var sa = Side(a, cacheA, la);
        var sb = Side(b, cacheB, lb);
        return new GamePoint(la, lb, sa.Own + weight * sb.RivalProducer, sb.Own + weight * sa.RivalProducer);
    }

    /// <summary>A's best response to B's level (or B's to A's when <paramref name="forA"/> is false).</summary>
    public double BestResponse(bool forA, double rivalLevel)
    {
        double Objective(double l) => forA ? At(l, rivalLevel).WelfareA : At(rivalLevel, l).WelfareB;
        return Maximise(Objective);
    }

    /// <summary>Maximises a function of the level on [0, MaxLevel]: the best grid point, then golden-section search around it.</summary>
    private double Maximise(Func<double, double> f)
    {
        var steps = (int)Math.Round(MaxLevel / GridStep);
        var best = 0; var bestValue = double.NegativeInfinity;
        for (var k = 0; k <= steps; k++)
        {
            var v = f(Math.Round(k * GridStep, 10));
            if (v > bestValue) { bestValue = v; best = k; }
        }
        double lo = Math.Max(0, (best - 1) * GridStep), hi = Math.Min(MaxLevel, (best + 1) * GridStep);
        var g = (Math.Sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo), f1 = f(x1), f2 = f(x2);
        while (hi - lo > 1e-9)
        {
            if (f1 < f2) { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = f(x2); }
            else { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = f(x1); }
        }
        var x = (lo + hi) / 2;
        // the ends of the range are candidates too (a corner solution: no tariff, or the cap)
        foreach (var end in new[] { 0.0, MaxLevel }) if (f(end) > f(x)) x = end;
        return x;
    }

    public GameSolution Solve(int curvePoints = 21)
    {
        // Best-response curves on an even grid of the rival's level.
        var rivalLevels = Enumerable.Range(0, curvePoints).Select(k => Math.Round(MaxLevel * k / (curvePoints - 1), 10)).ToArray();
        var brA = rivalLevels.Select(l => BestResponse(true, l)).ToArray();
        var brB = rivalLevels.Select(l => BestResponse(false, l)).ToArray();

        // Nash: iterate best responses from the truce until neither moves.
        double la = a.BaseLevel, lb = b.BaseLevel;
        var iterations = 0;
        while (iterations < 100)
        {
            iterations++;
            var na = BestResponse(true, lb);
            var nb = BestResponse(false, na);
            var moved = Math.Abs(na - la) + Math.Abs(nb - lb);
            la = na; lb = nb;
            if (moved < 1e-8) break;
        }
        var nash = At(la, lb);

        // Cooperative: maximise joint welfare, coordinate by coordinate until it settles.
        double ca = a.BaseLevel, cb = b.BaseLevel;
        for (var k = 0; k < 50; k++)
        {
            var na = Maximise(l => At(l, cb).Joint);
            var nb = Maximise(l => At(na, l).Joint);
            var moved = Math.Abs(na - ca) + Math.Abs(nb - cb);
            ca = na; cb = nb;
            if (moved < 1e-8) break;
        }
        var cooperative = At(ca, cb);

        var truce = At(a.BaseLevel, b.BaseLevel);
        var truceA = Value(true, truce, nash);
        var truceB = Value(false, truce, nash);
        return new GameSolution(a, b, form, weight,
            new BestResponseCurve(a.Name, rivalLevels, brA), new BestResponseCurve(b.Name, rivalLevels, brB),
            truce, nash, iterations, cooperative, truceA, truceB, Discrete());
    }

    private TruceValue Value(bool forA, GamePoint truce, GamePoint nash)
    {
        double Mine(GamePoint p) => forA ? p.WelfareA : p.WelfareB;
        var me = forA ? a : b;
        var rival = forA ? b : a;
        var myBest = BestResponse(forA, rival.BaseLevel);
        var rivalBest = BestResponse(!forA, me.BaseLevel);
        var defect = forA ? At(myBest, rival.BaseLevel) : At(rival.BaseLevel, myBest);
        var hit = forA ? At(me.BaseLevel, rivalBest) : At(rivalBest, me.BaseLevel);
        var snap = rival.Moves.FirstOrDefault(m => m.Name == GameMoves.SnapBack) is { } s
            ? Mine(forA ? At(me.BaseLevel, s.Level) : At(s.Level, me.BaseLevel)) - Mine(truce) : (double?)null;
        var gain = Mine(defect) - Mine(truce);
        var overNash = Mine(truce) - Mine(nash);
        double? delta = gain <= 0 ? 0 : overNash <= 0 ? null : gain / (gain + overNash);
        return new TruceValue(me.Name, gain, Mine(hit) - Mine(truce), snap, overNash, delta);
    }

    private DiscreteGame Discrete()
    {
        var ma = a.Moves; var mb = b.Moves;
        var cells = new GamePoint[ma.Count, mb.Count];
        for (var i = 0; i < ma.Count; i++)
            for (var j = 0; j < mb.Count; j++) cells[i, j] = At(ma[i].Level, mb[j].Level);
        var eq = new List<(int, int)>();
        for (var i = 0; i < ma.Count; i++)
            for (var j = 0; j < mb.Count; j++)
            {
                var aBest = Enumerable.Range(0, ma.Count).All(k => cells[k, j].WelfareA <= cells[i, j].WelfareA + 1e-9);
                var bBest = Enumerable.Range(0, mb.Count).All(k => cells[i, k].WelfareB <= cells[i, j].WelfareB + 1e-9);
                if (aBest && bBest) eq.Add((i, j));
            }
        return new DiscreteGame(ma, mb, cells, eq);
    }
}

/// <summary>The names of the record's discrete moves.</summary>
public static class GameMoves
{
    public const string KeepTruce = "keep truce", SnapBack = "snap back", Escalate = "escalate";
}
