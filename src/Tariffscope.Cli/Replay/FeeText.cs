using Spectre.Console;
using Tariffscope.Data.Fees;
using Tariffscope.Engine;
using Tariffscope.Fees;

namespace Tariffscope.Cli.Replay;

/// <summary>The "Fees" block of a quote: the line taken as a one-line entry (MPF is charged per entry).</summary>
public static class FeeText
{
    public static void Render(IAnsiConsole console, QuoteDocument quote)
    {
        if (quote.Fees is not { } fees) return;
        console.MarkupLine("[bold]Fees[/] (this line as a one-line entry; the MPF minimum and maximum apply per entry)");
        foreach (var c in fees.Charges)
            console.MarkupLine($"  · {Markup.Escape(c.Title)}: {Markup.Escape(FeeSchedule.Money(c.Amount))} — {Markup.Escape(c.Note)} ({Markup.Escape(c.Source.ToString())})");
        console.MarkupLine($"  · de minimis: {Markup.Escape(fees.DeMinimis ? "applies — " : "does not apply — ")}{Markup.Escape(fees.DeMinimisNote)}");
        foreach (var w in fees.Warnings) console.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(w)}");
        console.MarkupLine($"  duty + fees: {Markup.Escape(FeeSchedule.Money(quote.TotalDuty + fees.Total))}");
    }
}
