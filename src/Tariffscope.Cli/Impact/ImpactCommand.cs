using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Data.Economics;
using Tariffscope.Economics;
using Tariffscope.Cli.Common;

namespace Tariffscope.Cli.Impact;

public sealed class ImpactSettings : Tariffscope.Cli.Common.DataSettings
{
    [CommandOption("--scenario <NAME>")]
    [Description("Run the model on the tariffs of this scenario against --baseline, with the imported trade flows as weights")]
    public string? Scenario { get; init; }

    [CommandOption("--baseline <NAME>")]
    [Description("The scenario the shock is measured from (default: actual)")]
    public string Baseline { get; init; } = "actual";

    [CommandOption("--date <DATE>")]
    [Description("The date whose tariffs are compared, YYYY-MM-DD (with --scenario)")]
    public string? Date { get; init; }

    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing market (default US)")]
    public string Importer { get; init; } = "US";

    [CommandOption("--level <LEVEL>")]
    [Description("Product groups the model is run for: hs6 (default), hs2 or total")]
    public string Level { get; init; } = "hs6";

    [CommandOption("--elasticities <FILE>")]
    [Description("Elasticities per HS prefix (CSV hs,import_demand,substitution,export_supply); defaults otherwise")]
    public string? Elasticities { get; init; }

    [CommandOption("--top <N>")]
    [Description("How many partners and products to show (default 10)")]
    public int Top { get; init; } = 10;

    [CommandOption("--claim <ASSUMPTION>")]
    [Description("Preference claims assumed in both scenarios' tariffs: expected (default: each flow's claimed USMCA share rated as claimed, the rest without), none, all, or PARTNER=PROGRAMME pairs claimed on every line")]
    public string Claim { get; init; } = "expected";

    [CommandOption("-m|--model <FILE>")]
    [Description("GSIM model file (JSON): regions, flows, powerOfTariffBefore/After, elasticities.")]
    public string? Model { get; init; }

    [CommandOption("--form <FORM>")]
    [Description("GSIM form with --scenario: linear (default, the linearised GSIM) or ces (exact CES demand and constant-elasticity supply, solved by Newton's method; stays in range on large shocks)")]
    public string Form { get; init; } = "linear";

    [CommandOption("--by <SECTORS>")]
    [Description("With --scenario, also sum the results by section (HS section, from the code) or gtap (GTAP sector, needs --crosswalk and --level hs6)")]
    public string? By { get; init; }

    [CommandOption("--crosswalk <FILE>")]
    [Description("HS6 -> GTAP sector crosswalk (CSV with hs6_code and gtap_code columns, e.g. the Yale Budget Lab HS10-GTAP file), for --by gtap")]
    public string? Crosswalk { get; init; }

    [CommandOption("--sector-chart <FILE>")]
    [Description("With --by, draw welfare and diversion by sector, as .png or .svg")]
    public string? SectorChart { get; init; }

    [CommandOption("--chart <FILE>")]
    [Description("Also draw welfare by region and the flow changes into the most-shocked importer, as .png or .svg.")]
    public string? Chart { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model) == string.IsNullOrWhiteSpace(Scenario))
            return ValidationResult.Error("give either --model FILE (your own numbers) or --scenario NAME --date YYYY-MM-DD (tariffs from the engine, flows from the trade data)");
        if (Scenario is not null && (Date is null || !DataSettings.TryParseDate(Date, out _))) return ValidationResult.Error("--date: with --scenario, give the date whose tariffs are compared, YYYY-MM-DD");
        if (Model is "linear" or "ces") return ValidationResult.Error($"--model takes a model file; for the GSIM form give --form {Model}");
        if (By is not (null or "section" or "gtap")) return ValidationResult.Error("--by: expected section or gtap");
        if (By == "gtap" && (Crosswalk is null || Level != "hs6")) return ValidationResult.Error("--by gtap: give --crosswalk FILE (HS6 -> GTAP) and keep --level hs6");
        if (SectorChart is not null && (By is null || ImpactChart.FormatOf(SectorChart) is null)) return ValidationResult.Error("--sector-chart: needs --by, and a file ending in .png or .svg");
        if (Form is not ("linear" or "ces")) return ValidationResult.Error("--form: expected linear or ces");
        if (Level is not ("hs6" or "hs2" or "total")) return ValidationResult.Error("--level: expected hs6, hs2 or total");
        if (Tariffscope.Trade.ClaimBasis.Check(Claim) is { } claimError) return ValidationResult.Error(claimError);
        if (Chart is not null && ImpactChart.FormatOf(Chart) is null)
            return ValidationResult.Error($"--chart: '{Chart}' must end in .png or .svg");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope impact --model model.json`: reads the file, solves the GSIM market, prints tables or JSON.</summary>
public sealed class ImpactCommand(IAnsiConsole console) : Command<ImpactSettings>
{
    public override int Execute(CommandContext context, ImpactSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Scenario is not null) return Tariffscope.Cli.Common.CommandOutput.Guard(() =>
        {
            var rules = new Rulebook(Tariffscope.Data.Workspace.Load(settings.ResolveDataDirectory()));
            var level = settings.Level switch { "hs2" => ImpactLevel.Hs2, "total" => ImpactLevel.Total, _ => ImpactLevel.Hs6 };
            ScenarioImpactResult r;
            try
            {
                r = new ImpactQuestion(rules, new TradeData(rules.Workspace.Directory)).Ask(new ImpactRequest(settings.Scenario, DateOnly.Parse(settings.Date!))
                {
                    Baseline = settings.Baseline, Importer = settings.Importer, Level = level, Claim = settings.Claim, Form = settings.Form == "ces" ? GsimForm.Ces : GsimForm.Linear,
                    Elasticities = settings.Elasticities is null ? null : ElasticityFile.Read(settings.Elasticities),
                }, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or Tariffscope.Policy.ScenarioException or InputFileException or NoTradeDataException)
            { throw new Tariffscope.Cli.Common.UserInputException(e.Message); }
            IReadOnlyList<SectorImpact>? sectors;
            try { sectors = ImpactQuestion.Sectors(r, settings.By, settings.Crosswalk); }
            catch (InputFileException e) { throw new Tariffscope.Cli.Common.UserInputException(e.Message); }
            if (settings.Json) Tariffscope.Cli.Common.CommandOutput.WriteJson(console, sectors is null ? ScenarioImpactOutput.Json(r, settings.Top)
                : new { impact = ScenarioImpactOutput.Json(r, settings.Top), by = settings.By, sectors });
            else ScenarioImpactOutput.Write(console, r, settings.Top);
            if (sectors is not null && !settings.Json) SectorOutput.Write(console, sectors, settings.By!, r.Report.Importer, settings.Top);
            if (sectors is not null && settings.SectorChart is not null) SectorOutput.Chart(sectors, settings.By!, settings.SectorChart);
            if (settings.Chart is not null)
            {
                ImpactChart.Save(r.Report, settings.Chart);
                if (!settings.Json) console.MarkupLineInterpolated($"[grey]chart written to {settings.Chart}[/]");
            }
            return 0;
        });
        GsimResult result;
        try
        {
            result = CesModel.Solve(GsimModelFile.Read(settings.Model!), settings.Form == "ces" ? GsimForm.Ces : GsimForm.Linear);
        }
        catch (InputFileException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"{settings.Model}: {e.Message}");
            return 3;
        }

        if (settings.Json) Console.Out.WriteLine(JsonSerializer.Serialize(ImpactJson.From(result, settings.Model!), ImpactJson.Options));
        else ImpactTables.Write(AnsiConsole.Console, result, settings.Model!);

        if (settings.Chart is not null)
        {
            try
            {
                ImpactChart.Save(result, settings.Chart);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{settings.Chart}: cannot write the chart: {e.Message}");
                return 4;
            }
            if (!settings.Json) AnsiConsole.MarkupLineInterpolated($"[grey]chart written to {settings.Chart}[/]");
        }
        return 0;
    }
}
