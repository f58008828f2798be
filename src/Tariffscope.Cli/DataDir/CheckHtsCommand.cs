using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Hts;

namespace Tariffscope.Cli.DataDir;

public sealed class CheckHtsSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A USITC HTS JSON export, plain or .gz")]
    public string File { get; set; } = "";

    [CommandOption("--json")]
    [Description("Machine-readable output (JSON, camelCase); lists every unread rate text")]
    public bool Json { get; set; }

    [CommandOption("--limit <N>")]
    [Description("Unread rate texts to list per column (default 15)")]
    [DefaultValue(15)]
    public int Limit { get; set; } = 15;
}

public sealed class CheckHtsCommand(IAnsiConsole console) : Command<CheckHtsSettings>
{
    public override int Execute(CommandContext context, CheckHtsSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            var report = HtsCheck.Run(settings.File);
            if (settings.Json) { CommandOutput.WriteJson(console, report); return 0; }

            console.MarkupLine($"[bold]{Markup.Escape(report.File)}[/]: {report.Rows:N0} rows = {report.NumberedLines:N0} numbered lines + {report.GroupHeadings:N0} group headings");
            console.MarkupLine("[grey]Lines by digits:[/] " + string.Join(", ", report.LinesByDigits.Select(kv => $"{kv.Key}: {kv.Value:N0}")));
            console.MarkupLine($"[grey]Lines with Chapter 99 references:[/] {report.LinesWithChapter99Refs:N0}");
            console.MarkupLine($"[bold]10-digit lines whose general rate (own or inherited) parses: {report.TenDigitLinesParsed:N0} of {report.TenDigitLines:N0} ({Percent(report.TenDigitLinesParsed, report.TenDigitLines)})[/]");
            foreach (var w in report.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w.ToString())}");

            var summary = new Table().AddColumns("Column", "Texts", "Parsed", "Not parsed", "By shape");
            foreach (var c in report.Columns)
                summary.AddRow(c.Column, $"{c.Texts:N0}", $"{c.Parsed:N0} ({Percent(c.Parsed, c.Texts)})", $"{c.Unparsed:N0}",
                    Markup.Escape(string.Join(", ", c.Shapes.Select(kv => $"{kv.Key} {kv.Value:N0}"))));
            console.Write(summary);

            foreach (var c in report.Columns.Where(c => c.Unread.Count > 0))
            {
                var table = new Table().Title($"{c.Column}: {c.Unread.Count:N0} distinct texts not parsed" + (c.Unread.Count > settings.Limit ? $" (first {settings.Limit})" : ""))
                    .AddColumns("Lines", "First at", "Text");
                foreach (var u in c.Unread.Take(settings.Limit)) table.AddRow($"{u.Count:N0}", u.FirstCode, Markup.Escape(u.Text));
                console.Write(table);
            }
            return 0;
        });

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.00}%";
}
