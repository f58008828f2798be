using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Cli.Trade;

public sealed class IndicatorsSettings : DataSettings
{
    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing country (default US)")]
    public string Importer { get; set; } = "US";

    [CommandOption("--partner <LIST>")]
    [Description("Partners to weigh, comma-separated ISO codes (default: every partner held)")]
    public string? Partner { get; set; }

    [CommandOption("--from <DATE>")]
    [Description("First date, YYYY-MM-DD (default 2025-01-01)")]
    public string From { get; set; } = "2025-01-01";

    [CommandOption("--to <DATE>")]
    [Description("Last date, YYYY-MM-DD (default: the policy data's horizon)")]
    public string? To { get; set; }

    [CommandOption("--scenario <LIST>")]
    [Description("Scenarios, comma-separated (default: actual)")]
    public string Scenario { get; set; } = "actual";

    [CommandOption("--by <GROUPING>")]
    [Description("Rows beside the all-partner total: none (default), partner, hs2 or measure")]
    public string By { get; set; } = "none";

    [CommandOption("--year <YEAR>")]
    [Description("Base year of the weights (default: the latest year held)")]
    public int? Year { get; set; }

    [CommandOption("--on <DATES>")]
    [Description("Show only the values in force on these dates, comma-separated YYYY-MM-DD")]
    public string? On { get; set; }

    [CommandOption("--csv <FILE>")]
    [Description("Also write every point as CSV to FILE")]
    public string? Csv { get; set; }

    [CommandOption("--chart <FILE>")]
    [Description("Also draw a step chart (.png or .svg): one line per partner or scenario")]
    public string? Chart { get; set; }

    [CommandOption("--claim <ASSUMPTION>")]
    [Description("Preference claims assumed: expected (default: each line's share claimed in the month under USMCA, from the claim shares imported, rated as claimed, the rest without), none (no claim: the upper bound), all (every line that offers the programme claimed: the lower bound), or PARTNER=PROGRAMME pairs claimed on every line, e.g. CA=S,MX=S")]
    public string Claim { get; set; } = "expected";

    [CommandOption("--quantities <BASIS>")]
    [Description("Specific rates on lines whose flows report no quantity: estimate (default: the quantity from a sourced unit value, e.g. crude oil per barrel, listed in the answer) or none (counted as 0: the lower bound)")]
    public string Quantities { get; set; } = "estimate";

    [CommandOption("--rate <KIND>")]
    [Description("Which average the chart draws: total (default) or additional")]
    public string Rate { get; set; } = "total";

    public IndicatorGrouping Grouping => By.ToLowerInvariant() switch
    {
        "partner" => IndicatorGrouping.Partner,
        "hs2" or "chapter" => IndicatorGrouping.Chapter,
        "measure" => IndicatorGrouping.Measure,
        _ => IndicatorGrouping.None,
    };


    public IReadOnlyList<string> Scenarios => Scenario.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public IReadOnlyList<string> Partners => (Partner ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant()).ToList();
    public IReadOnlyList<DateOnly> OnDates => (On ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd")).ToList();

    public override ValidationResult Validate()
    {
        foreach (var (text, option) in new[] { (From, "--from"), (To, "--to") })
            if (ValidateDate(text, option) is { Successful: false } bad) return bad;
        foreach (var d in (On ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!TryParseDate(d, out _)) return ValidationResult.Error($"--on: expected dates written YYYY-MM-DD, comma-separated; found \"{d}\"");
        if (By.ToLowerInvariant() is not ("none" or "partner" or "hs2" or "chapter" or "measure"))
            return ValidationResult.Error($"--by: expected none, partner, hs2 or measure; found \"{By}\"");
        if (Rate.ToLowerInvariant() is not ("total" or "additional")) return ValidationResult.Error($"--rate: expected total or additional; found \"{Rate}\"");
        if (Chart is not null && !(Chart.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || Chart.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)))
            return ValidationResult.Error($"--chart: expected a file name ending in .png or .svg; found \"{Chart}\"");
        if (Scenarios.Count == 0) return ValidationResult.Error("--scenario: name at least one scenario");
        if (ClaimBasis.Check(Claim) is { } claimError) return ValidationResult.Error(claimError);
        if (UnitValueFile.Check(Quantities) is { } badQuantities) return ValidationResult.Error(badQuantities);
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope indicators`: import-weighted average tariffs over time, per scenario.</summary>
public sealed class IndicatorsCommand(IAnsiConsole console) : Command<IndicatorsSettings>
{
    public override int Execute(CommandContext context, IndicatorsSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var rules = new Rulebook(Workspace.Load(s.ResolveDataDirectory()));
        IndicatorsAnswer view;
        try
        {
            view = new IndicatorsQuestion(rules, new TradeData(rules.Workspace.Directory)).Ask(new IndicatorsRequest
            {
                Importer = s.Importer, Partners = s.Partners, From = DateOnly.ParseExact(s.From, "yyyy-MM-dd"),
                To = s.To is null ? null : DateOnly.ParseExact(s.To, "yyyy-MM-dd"), Scenarios = s.Scenarios, By = s.Grouping, Year = s.Year, Claim = s.Claim,
                On = s.OnDates, Quantities = s.Quantities,
            }, cancellationToken);
        }
        catch (NoTradeDataException e) { throw new UserInputException(e.Message); }
        var series = view.Series;
        if (s.Csv is not null) IndicatorCsv.Write(s.Csv, series);
        if (s.Chart is not null) IndicatorChart.Save(s.Chart, series, s.Rate.Equals("additional", StringComparison.OrdinalIgnoreCase), 1200, 600);
        if (s.Json) { CommandOutput.WriteJson(console, view); return 0; }
        Render(console, view, s.Grouping, s.OnDates.Count > 0);
        if (s.Csv is not null) console.MarkupLine($"[grey]CSV written to {Markup.Escape(s.Csv)}[/]");
        if (s.Chart is not null) console.MarkupLine($"[grey]Chart written to {Markup.Escape(s.Chart)}[/]");
        return 0;
    });

    private static void Render(IAnsiConsole console, IndicatorsAnswer view, IndicatorGrouping by, bool onDates)
    {
        console.MarkupLine($"[grey]schedule: {Markup.Escape(view.Schedule)}[/]");
        foreach (var x in view.Series)
        {
            console.MarkupLine($"[bold]{Markup.Escape(x.Importer)} import-weighted average tariff[/], scenario [bold]{Markup.Escape(x.Scenario)}[/], {x.BaseYear} weights, {x.From:yyyy-MM-dd} to {x.To:yyyy-MM-dd}, claims [bold]{x.Claims.Assumption}[/]");
            var rows = by is IndicatorGrouping.Partner or IndicatorGrouping.Chapter ? x.Groups.Concat(x.Totals).OrderBy(p => p.Date).ThenBy(p => p.Group == IndicatorPoint.AllGroup).ToList() : x.Totals.ToList();
            var t = new Table().Border(TableBorder.Rounded);
            t.AddColumn(onDates ? "On" : "From");
            if (by is IndicatorGrouping.Partner or IndicatorGrouping.Chapter) t.AddColumn(by == IndicatorGrouping.Partner ? "Partner" : "HS2");
            foreach (var c in new[] { "Imports", "Additional", "Total", "Not rated", "Revenue/yr" }) t.AddColumn(new TableColumn(c).RightAligned());
            t.AddColumn(by == IndicatorGrouping.Measure ? "By measure family: covered share, part of the additional rate" : "Largest families (covered share)");
            foreach (var p in rows)
            {
                var fams = by == IndicatorGrouping.Measure
                    ? string.Join("\n", p.Families.Select(f => $"{f.Title}: {TradeFormat.Pct(f.CoveredShare, 1)} covered, {TradeFormat.Pct(f.Rate)}"))
                    : string.Join(", ", p.Families.OrderByDescending(f => f.Rate).Take(3).Select(f => $"{f.Family} {TradeFormat.Pct(f.CoveredShare, 0)}"));
                var cells = new List<string> { $"{p.Date:yyyy-MM-dd}" };
                if (by is IndicatorGrouping.Partner or IndicatorGrouping.Chapter) cells.Add(p.Group == IndicatorPoint.AllGroup ? "[bold]all[/]" : p.Group);
                cells.AddRange([TradeFormat.Money(p.TradeValue), TradeFormat.Pct(p.AdditionalRate), TradeFormat.Pct(p.TotalRate), TradeFormat.Pct(1 - p.RatedShare, 1),
                    TradeFormat.Money(p.TotalRevenue), Markup.Escape(fams)]);
                t.AddRow(cells.ToArray());
            }
            console.Write(t);
            var last = x.Totals.LastOrDefault();
            if (last is not null && last.Unrated.Length > 0)
            {
                console.MarkupLine($"[bold]Not rated[/] on {last.Date:yyyy-MM-dd} (counted as 0% additional):");
                foreach (var u in last.Unrated)
                    console.MarkupLine($"  · {u.Problem}: {TradeFormat.Pct(u.Share)} of value ({TradeFormat.Money(u.Value)}), e.g. {Markup.Escape(u.Example)}");
            }
            if (last is { BaseNeedsQuantityShare: > 0 })
                console.MarkupLine($"[grey]{TradeFormat.Pct(last.BaseNeedsQuantityShare)} of value has a specific base rate and no quantity: its additional duty is counted, its base only by its ad valorem part (the total is a lower bound)[/]");
            if (last is { EstimatedQuantityShare: > 0 })
                console.MarkupLine($"[grey]{TradeFormat.Pct(last.EstimatedQuantityShare)} of value is rated with a quantity estimated from a unit value (see the notes; --quantities none for the lower bound)[/]");
            if (last is { ExcludableShare: > 0 })
                console.MarkupLine($"[grey]{TradeFormat.Pct(last.ExcludableShare)} of value is on lines a product exclusion names (Section 301, 9903.88.69/.70): with every such exclusion claimed the additional rate would be {TradeFormat.Pct(last.AdditionalRateLow)} (low) rather than {TradeFormat.Pct(last.AdditionalRate)} (high)[/]");
            if (last is { EightDigitShare: > 0 })
                console.MarkupLine($"[grey]{TradeFormat.Pct(last.EightDigitShare)} of value rated at the 8-digit line (its 2024 10-digit code is not in the revision)[/]");
            foreach (var n in x.Notes) console.MarkupLine($"[grey]note: {Markup.Escape(n)}[/]");
        }
        foreach (var n in view.Notes) console.MarkupLine($"[grey]{Markup.Escape(n)}[/]");
    }
}
