using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Batch;
using Tariffscope.Cli.Common;
using Tariffscope.Data;
using Tariffscope.Data.Entries;
using Tariffscope.Engine.Batch;
using Tariffscope.Questions;
using Tariffscope.Questions.Replay;

namespace Tariffscope.Cli.Replay;

/// <summary>Registers `tariffscope entries replay`.</summary>
public static class ReplayCommands
{
    public static void Configure(IConfigurator config) =>
        config.AddBranch("entries", b =>
        {
            b.SetDescription("Entries already made: replay them under the rules of their dates");
            b.AddCommand<ReplayCommand>("replay")
                .WithDescription("Replay entry lines under the rules of their entry dates: duty by authority required vs declared per HTS number, flags, fees per entry, and the IEEPA duties refundable with their route and dates")
                .WithExample("entries", "replay", "entries.csv", "--out", "replayed.csv", "--report", "replay.html")
                .WithExample("entries", "replay", "ace-lines.xlsx", "--out", "replayed.parquet", "--as-of", "2026-05-01", "--map", "Entry No=entry_number,Tariff No=code");
        });
}

public sealed class ReplaySettings : DataSettings
{
    [CommandArgument(0, "<ENTRIES>")]
    [Description("Entry-line file (.csv/.tsv/.txt, .xlsx, .parquet); columns in docs/replay.md")]
    public string Input { get; set; } = "";

    [CommandOption("--out <LINES>")]
    [Description("Line file to write; its extension picks the format (.csv, .xlsx, .parquet). The entries file and the rejects go beside it (NAME.entries.EXT, NAME.rejects.EXT)")]
    public string Output { get; set; } = "";

    [CommandOption("--entries <FILE>")]
    [Description("Entries file (default: beside the line file, NAME.entries.EXT)")]
    public string? Entries { get; set; }

    [CommandOption("--rejects <FILE>")]
    [Description("Rejects file (default: beside the line file, NAME.rejects.EXT)")]
    public string? Rejects { get; set; }

    [CommandOption("--report <FILE>")]
    [Description("Also write the summary as a self-contained HTML page")]
    public string? Report { get; set; }

    [CommandOption("--as-of <DATE>")]
    [Description("The day refund status is judged on (liquidated or not, days since liquidation), YYYY-MM-DD (default: today, US Eastern)")]
    public string? AsOf { get; set; }

    [CommandOption("--threshold <USD>")]
    [Description("Flag a layer when declared and required differ by more than this many US dollars (default 1)")]
    public decimal Threshold { get; set; } = 1m;

    [CommandOption("--scenario <NAME>")]
    [Description("The rules to replay under (default: actual)")]
    public string Scenario { get; set; } = "actual";

    [CommandOption("--map <PAIRS>")]
    [Description("Which column holds which field, e.g. \"Entry No=entry_number,Tariff No=code,Ch99 1=heading_1,Duty 1=duty_1\"")]
    public string? Map { get; set; }

    [CommandOption("--delimiter <X>")]
    [Description("Delimiter of a CSV input: , ; | or tab (default: sniffed)")]
    public string? Delimiter { get; set; }

    [CommandOption("--workers <N>")]
    [Description("Threads (default: one per processor)")]
    public int Workers { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("--out: give the line file, e.g. --out replayed.csv");
        foreach (var (flag, path) in new[] { ("--out", (string?)Output), ("--entries", Entries), ("--rejects", Rejects) })
            if (path is not null && EntryFiles.FormatOf(path) == EntryFormat.Unknown) return ValidationResult.Error($"{flag}: '{path}' must end in .csv, .tsv, .xlsx or .parquet");
        if (Delimiter is not null && RateSettings.ParseDelimiter(Delimiter) is null) return ValidationResult.Error($"--delimiter: expected one of , ; | tab, found '{Delimiter}'");
        if (Threshold < 0) return ValidationResult.Error("--threshold: must not be negative");
        if (Workers < 0) return ValidationResult.Error("--workers: expected a positive number");
        return ValidateDate(AsOf, "--as-of");
    }
}

/// <summary>`tariffscope entries replay`: parse, ask <see cref="EntryReplayQuestion"/>, render.</summary>
public sealed class ReplayCommand(IAnsiConsole console) : AsyncCommand<ReplaySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ReplaySettings s, CancellationToken cancellationToken) =>
        CommandOutput.GuardAsync(async () =>
        {
            var rulebook = new Rulebook(Workspace.Load(s.ResolveDataDirectory()));
            EntryReplayAnswer a;
            if (s.Report is not null)
                try { RateFileQuestion.CheckPaths(s.Input, ("--out", s.Output), ("--report", s.Report)); }
                catch (ArgumentException e) { throw new UserInputException(e.Message); }
            try
            {
                a = await new EntryReplayQuestion(rulebook).AskAsync(new EntryReplayRequest
                {
                    Input = s.Input, Output = s.Output, Entries = s.Entries, Rejects = s.Rejects, Scenario = s.Scenario, Threshold = s.Threshold,
                    AsOf = s.AsOf is null ? null : DateOnly.ParseExact(s.AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Map = EntryColumns.ParseMap(s.Map), Delimiter = s.Delimiter is null ? null : RateSettings.ParseDelimiter(s.Delimiter), Workers = s.Workers,
                }, cancellationToken);
            }
            catch (EntryFileException e) { throw new UserInputException(e.Message); }
            catch (ArgumentException e) { throw new UserInputException(e.Message.StartsWith("--", StringComparison.Ordinal) ? e.Message : $"{s.Input}: {e.Message}"); }
            if (s.Report is not null)
            {
                try { File.WriteAllText(s.Report, ReplayHtml.Render(a, s.Input)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserInputException($"--report: {s.Report}: {e.Message}"); }
            }
            if (s.Json) { CommandOutput.WriteJson(console, a with { Entries = [.. a.Entries.Take(50)] }); return a.Balanced ? 0 : RateCommand.Unaccounted; }
            var w = console.Profile.Out.Writer;
            w.Write(ReplayText.Render(a, s.Input));
            w.Flush();
            return a.Balanced ? 0 : RateCommand.Unaccounted;
        });
}

/// <summary>The replay's summary as Markdown-style text.</summary>
public static class ReplayText
{
    private static string M(decimal d) => d.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Render(EntryReplayAnswer a, string input)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"# Replay of {Path.GetFileName(input)} (rules: {a.Scenario}; refund status as of {a.AsOf:yyyy-MM-dd})");
        sb.AppendLine();
        sb.AppendLine($"Lines: {a.InputLines:N0} read = {a.Rated:N0} replayed + {a.Rejected:N0} rejected{(a.Balanced ? "" : "  (DOES NOT ADD UP)")}; {a.EntryCount:N0} entries; {a.FlaggedLines:N0} lines flagged; {a.Seconds:0.###} s");
        sb.AppendLine($"Duty required ${M(a.Required)} · declared ${M(a.Declared)} · difference ${M(a.Difference)} · IEEPA refundable ${M(a.Refundable)} · fees ${M(a.Fees)}");
        sb.AppendLine();
        sb.AppendLine("| authority | required | declared | difference | refundable | flags |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var x in a.Authorities) sb.AppendLine($"| {x.Title} ({x.Family}) | {M(x.Required)} | {M(x.Declared)} | {M(x.Difference)} | {M(x.Refundable)} | {x.Flags} |");
        sb.AppendLine();
        sb.AppendLine("| importer of record | entries | lines | value | required | declared | refundable | fees | flags |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var x in a.Importers.Take(20)) sb.AppendLine($"| {x.Importer} | {x.Entries} | {x.Lines} | {M(x.Value)} | {M(x.Required)} | {M(x.Declared)} | {M(x.Refundable)} | {M(x.Fees)} | {x.Flags} |");
        sb.AppendLine();
        sb.AppendLine("| entry | date | required | declared | refundable | MPF | HMF | liquidation | protest by | route |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|---|");
        foreach (var e in a.Entries.Take(15))
            sb.AppendLine($"| {e.EntryNumber} | {e.EntryDate:yyyy-MM-dd} | {M(e.Required)} | {M(e.Declared)} | {M(e.Refundable)} | {M(e.Fees.FirstOrDefault(f => f.Id == "mpf")?.Amount ?? 0)} | {M(e.Fees.FirstOrDefault(f => f.Id == "hmf")?.Amount ?? 0)} | " +
                          $"{(e.Liquidation is { } l ? l.ToString("yyyy-MM-dd") + (e.LiquidationEstimated == true ? " (est.)" : "") : "")} | {e.ProtestDeadline:yyyy-MM-dd} | {e.RefundRoute}{(e.RouteUnsure == true ? " (unsure)" : "")} |");
        if (a.EntryCount > 15) sb.AppendLine($"({a.EntryCount - 15:N0} more entries in the entries file)");
        if (a.Rejects.Length > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Rejected:");
            foreach (var r in a.Rejects) sb.AppendLine($"  {r.Field}: {r.Count:N0} line(s), first at line {r.FirstLine}: {r.Example}");
        }
        sb.AppendLine();
        if (a.LinesFile is not null) sb.AppendLine($"Lines: {a.LinesFile}\nEntries: {a.EntriesFile}\nRejects: {a.RejectsFile}");
        sb.AppendLine("Sources:");
        foreach (var x in a.Sources) sb.AppendLine("  · " + x);
        return sb.ToString();
    }
}
