using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data;
using Tariffscope.Data.Trade;

namespace Tariffscope.Cli.Trade;

public sealed class TradeStatusSettings : DataSettings;

/// <summary>`tariffscope data trade-status`: the trade data held, per importer, year and partner.</summary>
public sealed class TradeStatusCommand(IAnsiConsole console) : Command<TradeStatusSettings>
{
    public override int Execute(CommandContext context, TradeStatusSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var dir = s.ResolveDataDirectory();
        var view = new TradeStatusQuestion(new TradeData(dir)).Ask();
        if (s.Json) { CommandOutput.WriteJson(console, view); return 0; }
        if (!view.Available)
        {
            console.MarkupLine($"No trade data: {Markup.Escape(view.Detail ?? "")}.");
            return 0;
        }
        console.MarkupLine($"[grey]Trade store:[/] {Markup.Escape(TradeStore.PathIn(dir))}");
        foreach (var g in view.Holdings.GroupBy(h => (h.Importer, h.Year)))
        {
            var t = new Table().Title($"{g.Key.Importer} imports, {g.Key.Year}: {g.Count()} partners, {g.Sum(h => h.Rows):N0} rows, {TradeFormat.Money(g.Sum(h => h.Value))}")
                .AddColumns("Partner", "Rows", "Imports", "Duty collected", "Source");
            foreach (var h in g)
                t.AddRow(h.Partner, $"{h.Rows:N0}", TradeFormat.Money(h.Value), h.DutyCollected is { } d ? TradeFormat.Money(d) : "-", Markup.Escape(Shorten(h.Sources)));
            console.Write(t);
        }
        return 0;
    });

    /// <summary>One line for `data status`: what trade data the directory holds.</summary>
    public static string Summary(DataDirectory dir)
    {
        if (!TradeStore.Exists(dir)) return "Trade data: none (import flows with `tariffscope data import-trade PATH-OR-URL`).";
        try
        {
            using var store = TradeStore.Open(dir);
            var held = store.Holdings();
            if (held.Count == 0) return "Trade data: the store is empty.";
            return "Trade data: " + string.Join("; ", held.GroupBy(h => (h.Importer, h.Year))
                .Select(g => $"{g.Key.Importer} {g.Key.Year}, {g.Count()} partners, {g.Sum(h => h.Rows):N0} rows, {TradeFormat.Money(g.Sum(h => h.Value))}"))
                + " (details: `tariffscope data trade-status`).";
        }
        catch (IOException e) { return $"Trade data: unreadable ({e.Message})."; }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "…";
}
