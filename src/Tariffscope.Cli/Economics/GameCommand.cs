using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Economics;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Economics;

public sealed class GameSettings : DataSettings
{
    [CommandOption("--players <LIST>")]
    [Description("The two players (only US,CN is modelled)")]
    public string Players { get; init; } = "US,CN";

    [CommandOption("--date <DATE>")]
    [Description("The date whose rates are the base (the truce), YYYY-MM-DD")]
    public string? Date { get; init; }

    [CommandOption("--instrument <NAME>")]
    [Description("The additional tariff each side moves (default reciprocal: US IEEPA reciprocal on China, China's duty on all US goods)")]
    public string Instrument { get; init; } = "reciprocal";

    [CommandOption("--cn-imports <FILE-OR-FOLDER>")]
    [Description("China's imports from the US by HS code: CSV with hs-code (or hs6) and exports (or value) columns, e.g. the retaliation lists' files; repeat or give a folder (default: the trade store's flows into CN, if imported)")]
    public string[] ChinaImports { get; init; } = [];

    [CommandOption("--cn-other <USD>")]
    [Description("US exports to China not in the file(s), in US$, modelled as one market on the default elasticities")]
    public double ChinaOther { get; init; }

    [CommandOption("--form <FORM>")]
    [Description("GSIM form: ces (default: exact, needed for shocks of tens of points) or linear")]
    public string Form { get; init; } = "ces";

    [CommandOption("--producer-weight <W>")]
    [Description("Weight on exporters' producer surplus in each side's objective (1 = welfare; above 1 = politically weighted)")]
    public double ProducerWeight { get; init; } = 1;

    [CommandOption("--elasticities <FILE>")]
    [Description("Elasticities per HS prefix (CSV hs,import_demand,substitution,export_supply); built-in defaults otherwise")]
    public string? Elasticities { get; init; }

    [CommandOption("--chart <FILE>")]
    [Description("Also draw the best-response curves with the Nash, cooperative and truce points, as .png or .svg")]
    public string? Chart { get; init; }

    public override ValidationResult Validate()
    {
        var players = Players.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToUpperInvariant()).ToArray();
        if (!players.SequenceEqual(["US", "CN"])) return ValidationResult.Error($"--players: only US,CN is modelled, found '{Players}'");
        if (Date is null || !TryParseDate(Date, out _)) return ValidationResult.Error("--date: give the base date, YYYY-MM-DD");
        if (Form is not ("ces" or "linear")) return ValidationResult.Error("--form: expected ces or linear");
        if (!(ProducerWeight >= 0) || double.IsInfinity(ProducerWeight)) return ValidationResult.Error("--producer-weight: expected a number >= 0");
        if (!(ChinaOther >= 0) || double.IsInfinity(ChinaOther)) return ValidationResult.Error("--cn-other: expected a value in US$ >= 0");
        if (Chart is not null && GameChart.FormatOf(Chart) is null) return ValidationResult.Error($"--chart: '{Chart}' must end in .png or .svg");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope game`: builds the US–China game from the data, solves it, prints tables or JSON.</summary>
public sealed class GameCommand(IAnsiConsole console) : Command<GameSettings>
{
    public override int Execute(CommandContext context, GameSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var w = Tariffscope.Data.Workspace.Load(s.ResolveDataDirectory());
        TariffGameAnswer answer;
        GameSolution solution;
        try
        {
            var setup = GameQuestion.Build(new Rulebook(w), DateOnly.ParseExact(s.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture), s.Instrument, s.ChinaImports,
                s.ChinaOther, s.Form == "linear" ? GsimForm.Linear : GsimForm.Ces, s.ProducerWeight,
                s.Elasticities is null ? null : ElasticityFile.Read(s.Elasticities), cancellationToken);
            solution = setup.Game.Solve();
            answer = TariffGameAnswer.From(setup, solution);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InputFileException)
        { throw new UserInputException(e.Message); }
        if (s.Json) CommandOutput.WriteJson(console, answer);
        else GameTables.Write(console, answer);
        if (s.Chart is not null)
        {
            GameChart.Save(solution, s.Chart);
            if (!s.Json) console.MarkupLineInterpolated($"[grey]chart written to {s.Chart}[/]");
        }
        return 0;
    });
}

/// <summary>Tables for `tariffscope game`.</summary>
internal static class GameTables
{
    private static string Pct(double x) => $"{x * 100:0.0}%";
    private static string Bn(double x) => $"{Math.Round(x / 1e9, 2):+0.00;-0.00;0.00}";

    public static void Write(IAnsiConsole console, TariffGameAnswer a)
    {
        console.MarkupLine($"[bold]US–China tariff game[/] on {a.Date:yyyy-MM-dd}: GSIM ({a.Form} form), producer-surplus weight {a.ProducerWeight}");
        console.MarkupLine($"[grey]objective: {Markup.Escape(a.Objective)}[/]");
        console.MarkupLine($"[grey]elasticities: import demand {a.Elasticities.ImportDemand}, substitution {a.Elasticities.Substitution}, export supply {a.Elasticities.ExportSupply} ({Markup.Escape(Trim(a.ElasticitySource))})[/]");
        foreach (var p in a.Players)
            console.MarkupLine($"[grey]{p.Player} imports from {p.Imports.Exporter}: {p.Imports.Lines:N0} lines, ${p.Imports.Value / 1e9:N1} bn, instrument covers ${p.Imports.CoveredValue / 1e9:N1} bn, {p.Imports.Markets} markets ({Markup.Escape(p.Imports.Source)})[/]");

        var t = new Table().Border(TableBorder.Rounded).Title("Levels of the additional tariff and welfare change against the truce, $ bn");
        foreach (var c in new[] { "Point", "US level", "CN level", "US welfare", "CN welfare", "Joint" }) t.AddColumn(new TableColumn(c).RightAligned());
        void Row(string name, GamePointAnswer x) => t.AddRow(name, Pct(x.UsLevel), Pct(x.CnLevel), Bn(x.UsWelfare), Bn(x.CnWelfare), Bn(x.JointWelfare));
        Row("truce", a.Truce); Row("Nash", a.Nash); Row("cooperative", a.Cooperative);
        console.Write(t);

        var v = new Table().Border(TableBorder.Rounded).Title("Value of the truce to each side, $ bn");
        foreach (var c in new[] { "Player", "Best response", "Gain from defecting", "Loss if other defects", "Loss if other snaps back", "Truce over Nash", "δ*" }) v.AddColumn(new TableColumn(c).RightAligned());
        foreach (var p in a.Players)
            v.AddRow(p.Player, Pct(p.NashLevel), Bn(p.Truce.GainFromDefecting), Bn(p.Truce.LossIfRivalDefects), p.Truce.LossIfRivalSnapsBack is { } snap ? Bn(snap) : "-", Bn(p.Truce.TruceOverNash), p.Truce.CriticalDiscountFactor is { } delta ? $"{delta:0.000}" : "none");
        console.Write(v);

        var d = new Table().Border(TableBorder.Rounded).Title("The record's moves: (US welfare, CN welfare), $ bn; * = Nash equilibrium of the discrete game");
        var cnMoves = a.Players[1].Moves;
        d.AddColumn("US \\ CN");
        foreach (var m in cnMoves) d.AddColumn(new TableColumn($"{m.Name} {Pct(m.Level)}").RightAligned());
        foreach (var m in a.Players[0].Moves)
            d.AddRow([$"{m.Name} {Pct(m.Level)}", .. cnMoves.Select(n => a.Discrete.First(c => c.UsMove == m.Name && c.CnMove == n.Name))
                .Select(c => $"{Bn(c.UsWelfare)}, {Bn(c.CnWelfare)}{(c.Equilibrium ? " *" : "")}")]);
        console.Write(d);

        var br = a.Players[0].BestResponse;
        console.MarkupLine($"Best responses: US to CN at {string.Join(", ", br.RivalLevels.Where((_, k) => k % 5 == 0).Select(Pct))}: " +
            $"{string.Join(", ", br.Responses.Where((_, k) => k % 5 == 0).Select(Pct))}; CN to US at the same: " +
            $"{string.Join(", ", a.Players[1].BestResponse.Responses.Where((_, k) => k % 5 == 0).Select(Pct))}");
        foreach (var n in a.Notes) console.MarkupLine($"[grey]note: {Markup.Escape(n)}[/]");
    }

    private static string Trim(string s) => s.Length > 90 ? s[..90] + "…" : s;
}
