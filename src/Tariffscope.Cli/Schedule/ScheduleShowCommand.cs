using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Cli.Schedule;

public sealed class ScheduleShowSettings : DatedDataSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("HTS code, 4 to 10 digits (8471.30.01.00, 847130, 9403.60.80)")]
    public string Code { get; set; } = "";
}

public sealed class ScheduleShowCommand(IAnsiConsole console) : Command<ScheduleShowSettings>
{
    public override int Execute(CommandContext context, ScheduleShowSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var code = ScheduleCommands.ParseCode(settings.Code);
            LineView view;
            try { view = ScheduleCommands.Question(settings).Show(code, settings.ResolveDate()); }
            catch (Tariffscope.Engine.RatingException e) { throw new UserInputException(e.Message); }
            if (settings.Json) CommandOutput.WriteJson(console, view);
            else Print(view);
            return 0;
        });

    private void Print(LineView v)
    {
        var path = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var p in v.Path)
            path.AddRow(p.Code == v.Code ? $"[bold]{p.Code}[/]" : $"[grey]{p.Code ?? ""}[/]",
                p.Code == v.Code ? $"[bold]{Markup.Escape(p.Description)}[/]" : Markup.Escape(p.Description));
        console.Write(path);
        console.MarkupLine($"[grey]Schedule:[/] {Markup.Escape(v.Schedule)}");
        if (v.RatesFrom != v.Code) console.MarkupLine($"[grey]Rates printed on:[/] {v.RatesFrom}");

        var rates = new Table().AddColumns("Column", "As printed", "Read as", "Shape");
        AddRate(rates, "General", v.General);
        if (v.Special.Count == 0) rates.AddRow("Special", "", "(none printed)", "");
        for (int i = 0; i < v.Special.Count; i++)
        {
            var s = v.Special[i];
            var printed = s.Programs.Count > 0 ? $"{s.ReadAs} ({string.Join(",", s.Programs)})" : s.ReadAs;
            rates.AddRow(i == 0 ? "Special" : "", Markup.Escape(printed), Markup.Escape(s.ReadAs), Shape(s.Shape, s.IsParsed));
        }
        AddRate(rates, "Column 2", v.Other);
        console.Write(rates);

        if (v.Units.Count > 0) console.MarkupLine($"[grey]Units:[/] {Markup.Escape(string.Join(", ", v.Units))}");
        foreach (var f in v.Footnotes)
            console.MarkupLine($"[grey]Note ({Markup.Escape(string.Join(", ", f.Columns))}, on {f.On}):[/] {Markup.Escape(f.Text)}");
        console.MarkupLine($"[grey]Chapter 99:[/] {(v.Chapter99Refs.Count > 0 ? string.Join(", ", v.Chapter99Refs) : "none")}");
        if (v.QuotaQuantity is not null) console.MarkupLine($"[grey]Quota quantity:[/] {Markup.Escape(v.QuotaQuantity)}");
        if (v.AdditionalDuties is not null) console.MarkupLine($"[grey]Additional duties:[/] {Markup.Escape(v.AdditionalDuties)}");
    }

    private static void AddRate(Table t, string column, RateView? r) =>
        t.AddRow(column, Markup.Escape(r?.Printed ?? ""), Markup.Escape(r?.ReadAs ?? "(none printed)"), r is null ? "" : Shape(r.Shape, r.IsParsed));

    private static string Shape(string shape, bool parsed) => parsed ? Markup.Escape(shape) : $"[yellow]{Markup.Escape(shape)}[/]";
}
