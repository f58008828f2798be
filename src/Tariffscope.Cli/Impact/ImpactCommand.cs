using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Data.Economics;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Impact;

public sealed class ImpactSettings : CommandSettings
{
    [CommandOption("-m|--model <FILE>")]
    [Description("GSIM model file (JSON): regions, flows, powerOfTariffBefore/After, elasticities.")]
    public string? Model { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON (camelCase) instead of tables.")]
    public bool Json { get; init; }

    [CommandOption("--chart <FILE>")]
    [Description("Also draw welfare by region and the flow changes into the most-shocked importer, as .png or .svg.")]
    public string? Chart { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model: give the model file to solve, e.g. --model model.json");
        if (Chart is not null && ImpactChart.FormatOf(Chart) is null)
            return ValidationResult.Error($"--chart: '{Chart}' must end in .png or .svg");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope impact --model model.json`: reads the file, solves the GSIM market, prints tables or JSON.</summary>
public sealed class ImpactCommand : Command<ImpactSettings>
{
    public override int Execute(CommandContext context, ImpactSettings settings, CancellationToken cancellationToken)
    {
        GsimResult result;
        try
        {
            result = GsimModel.Solve(GsimModelFile.Read(settings.Model!));
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
