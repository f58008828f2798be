using Tariffscope.Economics;

namespace Tariffscope.Questions.Economics;

/// <summary>One side of the game as the CLI (--json) and the API give it. Levels are fractions (0.34 = 34%), welfare in US$.</summary>
public sealed record GamePlayerAnswer(string Player, string Instrument, double TruceLevel, IReadOnlyList<GameMove> Moves, GameSideInput Imports,
    double NashLevel, double CooperativeLevel, TruceValue Truce, BestResponseCurve BestResponse);

/// <summary>A point with named levels and welfare.</summary>
public sealed record GamePointAnswer(double UsLevel, double CnLevel, double UsWelfare, double CnWelfare, double JointWelfare)
{
    public static GamePointAnswer From(GamePoint p) => new(p.LevelA, p.LevelB, p.WelfareA, p.WelfareB, p.Joint);
}

/// <summary>One cell of the discrete game.</summary>
public sealed record GameCellAnswer(string UsMove, string CnMove, double UsLevel, double CnLevel, double UsWelfare, double CnWelfare, bool Equilibrium);

/// <summary>The game's answer: the objective, the elasticities, both players, the Nash, cooperative and truce points, the discrete game.</summary>
public sealed record TariffGameAnswer(
    DateOnly Date, string Form, double ProducerWeight, string Objective, Elasticities Elasticities, string ElasticitySource,
    IReadOnlyList<GamePlayerAnswer> Players, GamePointAnswer Truce, GamePointAnswer Nash, GamePointAnswer Cooperative,
    IReadOnlyList<GameCellAnswer> Discrete, IReadOnlyList<string> Notes)
{
    public static TariffGameAnswer From(GameSetup setup, GameSolution s)
    {
        var cells = new List<GameCellAnswer>();
        for (var i = 0; i < s.Discrete.MovesA.Count; i++)
            for (var j = 0; j < s.Discrete.MovesB.Count; j++)
            {
                var c = s.Discrete.Cells[i, j];
                cells.Add(new(s.Discrete.MovesA[i].Name, s.Discrete.MovesB[j].Name, c.LevelA, c.LevelB, c.WelfareA, c.WelfareB, s.Discrete.Equilibria.Contains((i, j))));
            }
        var notes = new List<string>
        {
            "Welfare changes are against the truce on the date (both instruments at their level then), in US$.",
            "In this partial-equilibrium model each side's tariff moves only its own import markets, so a best response does not depend on the other side's level: the curves are flat and the Nash equilibrium is each side's optimal tariff.",
            $"China's import markets have the US as their only source (the flow file holds no third-country imports), so China's consumers cannot switch suppliers in the model.",
        };
        if (setup.Elasticities.Entries.Count == 0) notes.Add("Every market used the default elasticities.");
        return new TariffGameAnswer(setup.Date, s.Form.ToString().ToLowerInvariant(), s.ProducerWeight,
            "welfare = consumer surplus + tariff revenue in the player's import markets + weight × its exporters' producer surplus in the rival's",
            setup.Elasticities.Defaults, setup.Elasticities.DefaultsSource ?? "",
            [
                new("US", s.A.Instrument, s.A.BaseLevel, s.A.Moves, setup.UsImports, s.Nash.LevelA, s.Cooperative.LevelA, s.TruceA, s.BestResponseA),
                new("CN", s.B.Instrument, s.B.BaseLevel, s.B.Moves, setup.ChinaImports, s.Nash.LevelB, s.Cooperative.LevelB, s.TruceB, s.BestResponseB),
            ],
            GamePointAnswer.From(s.Truce), GamePointAnswer.From(s.Nash), GamePointAnswer.From(s.Cooperative), cells, notes);
    }
}
