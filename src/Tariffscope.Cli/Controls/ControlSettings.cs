using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Cli.Controls;

/// <summary>Flags shared by the control commands that take a scenario and machine output.</summary>
public class ControlDataSettings : CommandSettings
{
    [CommandOption("--scenario <NAME>"), Description("Scenario: a built-in name (e.g. controls-suspension-not-renewed) or a path to a .yaml file. Default: actual.")]
    public string Scenario { get; init; } = ControlScenarios.Actual;

    [CommandOption("--json"), Description("Machine output (JSON, camelCase).")]
    public bool Json { get; init; }

    internal ControlScreener Screener() => ControlsQuestion.Shipped.Screener(Scenario, allowFiles: true);
}

/// <summary>The item and parties of one shipment.</summary>
public class ControlItemSettings : ControlDataSettings
{
    [CommandOption("--from <COUNTRY>"), Description("Exporting country (ISO alpha-2), e.g. CN.")]
    public string? From { get; init; }

    [CommandOption("--to <COUNTRY>"), Description("Destination country (ISO alpha-2), e.g. US.")]
    public string? To { get; init; }

    [CommandOption("--hs <CODE>"), Description("HS code (China's 10-digit reference codes, or a shorter prefix), e.g. 8505.11.")]
    public string? Hs { get; init; }

    [CommandOption("--element <SYMBOL>"), Description("Chemical element the item is or contains, e.g. Dy or dysprosium.")]
    public string? Element { get; init; }

    [CommandOption("--eccn <NUMBER>"), Description("Control number / ECCN, e.g. 3A090.a or 1C902.")]
    public string? Eccn { get; init; }

    [CommandOption("--product <NAME>"), Description("Product name a rule names, e.g. H20.")]
    public string? Product { get; init; }

    [CommandOption("--param <NAME=VALUE>"), Description("Technical parameter, repeatable: tpp=4800, pd=5.92, purity=99.99, density=1.8, wh_per_kg=300, membw=4000.")]
    public string[] Param { get; init; } = [];

    [CommandOption("--content <KEY=SHARE>"), Description("Content share, repeatable: CN-REE=0.5% (China-origin rare earths), US-CONTROLLED=30%.")]
    public string[] Content { get; init; } = [];

    [CommandOption("--end-user <NAME>"), Description("End user's name (screened against party lists).")]
    public string? EndUser { get; init; }

    [CommandOption("--owner <NAME>"), Description("Name of the end user's owner (50 % or more), for affiliate rules.")]
    public string? Owner { get; init; }

    [CommandOption("--end-use <USE>"), Description("End use: military, military-user, wmd, terrorism, supercomputer, advanced-ic.")]
    public string? EndUse { get; init; }

    [CommandOption("--origin <COUNTRY>"), Description("Country of origin of the item, when it differs from --from (re-export, foreign-made).")]
    public string? Origin { get; init; }

    internal (ControlQuery? Query, string? Error) BuildQuery(DateOnly date)
    {
        var (from, e1) = ControlFields.Country(From);
        if (e1 is not null) return (null, "--from: " + e1);
        var (to, e2) = ControlFields.Country(To);
        if (e2 is not null) return (null, "--to: " + e2);
        var (hs, e3) = ControlFields.Hs(Hs);
        if (e3 is not null) return (null, "--hs: " + e3);
        var (element, e4) = ControlFields.Element(Element);
        if (e4 is not null) return (null, "--element: " + e4);
        var (parameters, e5) = ControlFields.Parameters(Param);
        if (e5 is not null) return (null, "--param: " + e5);
        var (content, e6) = ControlFields.Content(Content);
        if (e6 is not null) return (null, "--content: " + e6);
        var (origin, e7) = ControlFields.Country(Origin, required: false);
        if (e7 is not null) return (null, "--origin: " + e7);
        return (new ControlQuery(from!, to!, date, hs, element, Eccn?.Trim(), Product?.Trim(), parameters, content,
            EndUser?.Trim(), Owner?.Trim(), EndUse?.Trim().ToLowerInvariant(), origin), null);
    }
}

internal static class DateOption
{
    /// <summary>Parses an optional date flag; absent means today (the date used is always printed).</summary>
    public static (DateOnly Date, string? Error) Parse(string? text, string flag, DateOnly? fallback = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return (fallback ?? Questions.Today.System.Date, null);
        var (d, e) = ControlFields.Date(text);
        return e is null ? (d!.Value, null) : (default, $"{flag}: {e}");
    }
}
