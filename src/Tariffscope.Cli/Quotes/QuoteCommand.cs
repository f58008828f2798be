using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;

namespace Tariffscope.Cli.Quotes;

public sealed class QuoteSettings : EngineSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("Tariff code of the line (8 or 10 digits, dots optional), e.g. 8471.30.01.00")]
    public string Code { get; set; } = "";

    [CommandOption("--origin <COUNTRY>")]
    [Description("Country of origin, ISO 3166 alpha-2 (CN, DE, JP, US, …)")]
    public string Origin { get; set; } = "";

    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing country whose duty is asked: US (default) or CN")]
    public string Importer { get; set; } = "US";

    [CommandOption("--value <USD>")]
    [Description("Customs value in US dollars (default 10000)")]
    public decimal Value { get; set; } = 10_000m;

    [CommandOption("--qty <AMOUNT>")]
    [Description("Quantity, for specific rates (with --unit); repeat --qty/--unit for a second quantity")]
    public decimal[] Quantities { get; set; } = [];

    [CommandOption("--unit <UNIT>")]
    [Description("Unit of each --qty: kg, liters, doz., No., m2, pf.liter, …")]
    public string[] Units { get; set; } = [];

    [CommandOption("--metal-share <FRACTION>")]
    [Description("Share of value that is steel, aluminium or copper content, 0 to 1 (Section 232 derivatives)")]
    public decimal? MetalShare { get; set; }

    [CommandOption("--program <CODE>")]
    [Description("Special programme claimed (S for USMCA, KR, AU, …) or a Chapter 99 exclusion heading (9903.88.69)")]
    public string? Program { get; set; }

    [CommandOption("--use <USE>")]
    [Description("An end use declared for the goods, for duties that charge some headings only for it (vehicle-part: a part of a passenger vehicle or light truck, U.S. note 33(g))")]
    public string[] Uses { get; set; } = [];

    [CommandOption("--us-content <FRACTION>")]
    [Description("Share of value that is US content, 0 to 1 (USMCA vehicles under Section 232, with --program S)")]
    public decimal? UsContent { get; set; }

    [CommandOption("--mode <MODE>")]
    [Description("Mode of transport (ocean, air, truck, rail, postal): shows the entry's fees (MPF, HMF, de minimis) for this line as a one-line entry")]
    public string? Mode { get; set; }

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        if (!v.Successful) return v;
        try { Tariffscope.Fees.FeeSchedule.ParseMode(Mode); }
        catch (FormatException e) { return ValidationResult.Error("--mode: " + e.Message); }
        if (HtsCode.TryParse(Code) is null) return ValidationResult.Error($"CODE: '{Code}' is not a tariff code; expected 2 to 10 digits such as 8471.30.01.00");
        if (string.IsNullOrWhiteSpace(Origin)) return ValidationResult.Error("--origin: name the country of origin, e.g. CN (or a group such as EU)");
        if (EntryChecks.Value(Value) is { } badValue) return ValidationResult.Error($"--value: {badValue}");
        if (Quantities.Length != Units.Length) return ValidationResult.Error("--qty and --unit come in pairs: give one --unit for each --qty");
        if (Quantities.Select(EntryChecks.Quantity).FirstOrDefault(e => e is not null) is { } badQuantity) return ValidationResult.Error($"--qty: {badQuantity}");
        if (EntryChecks.Share(MetalShare, "the metal share") is { } badMetal) return ValidationResult.Error($"--metal-share: {badMetal}");
        if (EntryChecks.Share(UsContent, "the US content share") is { } badContent) return ValidationResult.Error($"--us-content: {badContent}");
        return ValidationResult.Success();
    }

    public QuoteRequest ToRequest() => new()
    {
        Code = HtsCode.Parse(Code), Origin = Origin, Importer = Importer, Date = Date is null ? null : ResolveDate(), Value = Value,
        MetalShare = MetalShare, UsContent = UsContent, Program = Program, Uses = [.. Uses],
        Quantities = [.. Quantities.Zip(Units, (q, u) => new Quantity(q, u))], Scenario = Scenario, AsKnownOn = ResolveAsKnownOn(), Mode = Mode,
    };
}

/// <summary>`tariffscope quote`: the duty owed on one line, layer by layer, with the legal basis of each.</summary>
public sealed class QuoteCommand(IAnsiConsole console) : Command<QuoteSettings>
{
    public override int Execute(CommandContext context, QuoteSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        QuoteDocument quote;
        try { quote = new QuoteQuestion(s.Rules()).Ask(s.ToRequest()); }
        catch (RatingException e) { throw new UserInputException($"{e.Field}: {e.Message}"); }
        if (s.Json) { CommandOutput.WriteJson(console, quote); return 0; }
        Render(console, quote);
        if (quote.Claim is { } claim) console.MarkupLine($"[bold]Claim:[/] {Markup.Escape(claim.Text)}");
        if (quote.Fees is not null) Tariffscope.Cli.Replay.FeeText.Render(console, quote);
        return 0;
    });

    internal static void Render(IAnsiConsole console, QuoteDocument q)
    {
        console.MarkupLine($"[bold]{q.Code}[/] {Markup.Escape(q.Description)}");
        console.MarkupLine($"origin [bold]{q.Origin}[/] into {q.Importer} · entered [bold]{q.Date:yyyy-MM-dd}[/] · customs value [bold]{Money(q.CustomsValue)}[/]"
            + (q.Quantities is { Count: > 0 } qs ? " · " + string.Join(", ", qs) : "") + $" · scenario [bold]{Markup.Escape(q.Scenario)}[/]");
        console.MarkupLine($"[grey]schedule: {Markup.Escape(q.Schedule)}[/]");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn(new TableColumn("#").RightAligned()); t.AddColumn("Layer"); t.AddColumn("Chapter 99 / line");
        t.AddColumn(new TableColumn("Rate").RightAligned()); t.AddColumn(new TableColumn("Amount").RightAligned());
        for (int i = 0; i < q.Layers.Count; i++)
        {
            var l = q.Layers[i];
            var rate = l.Rate + (l.Share < 1m ? $" on {TariffEngine.Pct(l.Share)}" : "");
            t.AddRow((i + 1).ToString(), Markup.Escape(l.Title), Markup.Escape(l.Heading ?? ""), Markup.Escape(rate), Money(l.Amount));
        }
        t.AddRow("", "[bold]Total[/]", "", $"[bold]{TariffEngine.Pct(q.EffectiveRate)}[/]", $"[bold]{Money(q.TotalDuty)}[/]");
        console.Write(t);
        console.MarkupLine("[bold]Legal basis and notes[/]");
        for (int i = 0; i < q.Layers.Count; i++)
        {
            var l = q.Layers[i];
            var basis = l.IsBase ? l.Source.Note ?? l.Source.Instrument : l.Source.Instrument + (l.Source.Citation is null ? "" : $"; {l.Source.Citation}");
            console.MarkupLine($" {i + 1}. {Markup.Escape(basis)}");
            if (l.Source.Link is { } link) console.MarkupLine($"    [grey]{Markup.Escape(link)}[/]");
            foreach (var n in l.Notes) console.MarkupLine($"    [grey]{Markup.Escape(n)}[/]");
        }
        if (q.Omitted.Count > 0)
        {
            console.MarkupLine("[bold]Left out[/]");
            foreach (var o in q.Omitted)
                console.MarkupLine($"  · {Markup.Escape(o.Title)} [grey]({Markup.Escape(o.Heading ?? "")})[/]: {Markup.Escape(o.Reason)}");
        }
        foreach (var w in q.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
    }

    internal static string Money(decimal d) => "$" + d.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
