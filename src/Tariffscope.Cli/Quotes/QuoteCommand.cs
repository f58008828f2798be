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
        if (Origin.Length != 2 || !Origin.All(char.IsAsciiLetter)) return ValidationResult.Error($"--origin: expected a two-letter country code such as CN, found '{Origin}'");
        if (Value < 0) return ValidationResult.Error("--value: a customs value cannot be negative");
        if (Quantities.Length != Units.Length) return ValidationResult.Error("--qty and --unit come in pairs: give one --unit for each --qty");
        if (MetalShare is < 0 or > 1) return ValidationResult.Error("--metal-share: expected a fraction between 0 and 1, e.g. 0.6");
        if (UsContent is < 0 or > 1) return ValidationResult.Error("--us-content: expected a fraction between 0 and 1, e.g. 0.4");
        return ValidationResult.Success();
    }

    public EntryLine ToEntry(DateOnly date) => new()
    {
        Code = HtsCode.Parse(Code), Origin = Origin.ToUpperInvariant(), Importer = Importer.ToUpperInvariant(), Date = date,
        CustomsValue = Value, MetalShare = MetalShare, UsContentShare = UsContent, Program = Program, Uses = [.. Uses.Select(u => u.Trim().ToLowerInvariant())],
        Quantities = [.. Quantities.Zip(Units, (q, u) => new Quantity(q, u))],
    };
}

/// <summary>`tariffscope quote`: the duty owed on one line, layer by layer, with the legal basis of each.</summary>
public sealed class QuoteCommand(IAnsiConsole console) : Command<QuoteSettings>
{
    public override int Execute(CommandContext context, QuoteSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var w = s.LoadWorkspace();
        var engine = s.Engine(w);
        var quote = Rate(engine, s.ToEntry(s.ResolveDate()));
        var claim = Tariffscope.Data.Trade.ClaimQuotes.Effect(w, engine, quote.Entry);
        if (s.Json) { CommandOutput.WriteJson(console, QuoteDocument.From(quote) with { Claim = claim }); return 0; }
        Render(console, quote);
        if (claim is not null) console.MarkupLine($"[bold]Claim:[/] {Markup.Escape(claim.Text)}");
        if (s.Mode is not null && quote.Entry.Importer == "US") Tariffscope.Cli.Replay.FeeText.Render(console, quote, Tariffscope.Fees.FeeSchedule.ParseMode(s.Mode));
        return 0;
    });

    internal static Quote Rate(TariffEngine engine, EntryLine entry)
    {
        try { return engine.Quote(entry); }
        catch (RatingException e) { throw new UserInputException($"{e.Field}: {e.Message}"); }
    }

    internal static void Render(IAnsiConsole console, Quote q)
    {
        var e = q.Entry;
        console.MarkupLine($"[bold]{e.Code}[/] {Markup.Escape(q.Description)}");
        console.MarkupLine($"origin [bold]{e.Origin}[/] into {e.Importer} · entered [bold]{e.Date:yyyy-MM-dd}[/] · customs value [bold]{Money(e.CustomsValue)}[/]"
            + (e.Quantities.IsEmpty ? "" : " · " + string.Join(", ", e.Quantities)) + $" · scenario [bold]{Markup.Escape(q.Scenario)}[/]");
        console.MarkupLine($"[grey]schedule: {Markup.Escape(q.Schedule)}[/]");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn(new TableColumn("#").RightAligned()); t.AddColumn("Layer"); t.AddColumn("Chapter 99 / line");
        t.AddColumn(new TableColumn("Rate").RightAligned()); t.AddColumn(new TableColumn("Amount").RightAligned());
        for (int i = 0; i < q.Layers.Length; i++)
        {
            var l = q.Layers[i];
            var rate = l.Rate + (l.Share < 1m ? $" on {TariffEngine.Pct(l.Share)}" : "");
            t.AddRow((i + 1).ToString(), Markup.Escape(l.Title), Markup.Escape(l.Heading ?? ""), Markup.Escape(rate), Money(l.Amount));
        }
        t.AddRow("", "[bold]Total[/]", "", $"[bold]{TariffEngine.Pct(Math.Round(q.EffectiveRate, 6))}[/]", $"[bold]{Money(q.Total)}[/]");
        console.Write(t);
        console.MarkupLine("[bold]Legal basis and notes[/]");
        for (int i = 0; i < q.Layers.Length; i++)
        {
            var l = q.Layers[i];
            var basis = l.IsBase ? l.Source.Note ?? l.Source.Instrument : l.Source.Instrument + (l.Source.Citation is null ? "" : $"; {l.Source.Citation}");
            console.MarkupLine($" {i + 1}. {Markup.Escape(basis)}");
            if (l.Source.Link is { } link) console.MarkupLine($"    [grey]{Markup.Escape(link)}[/]");
            foreach (var n in l.Notes) console.MarkupLine($"    [grey]{Markup.Escape(n)}[/]");
        }
        if (!q.Omitted.IsEmpty)
        {
            console.MarkupLine("[bold]Left out[/]");
            foreach (var o in q.Omitted)
                console.MarkupLine($"  · {Markup.Escape(o.Title)} [grey]({Markup.Escape(o.Heading ?? "")})[/]: {Markup.Escape(o.Reason)}");
        }
        foreach (var w in q.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
    }

    internal static string Money(decimal d) => "$" + d.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
