using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data;
using Tariffscope.Data.Entries;
using Tariffscope.Data.Reports;
using Tariffscope.Engine.Batch;

namespace Tariffscope.Cli.Batch;

public sealed class RateSettings : DataSettings
{
    [CommandArgument(0, "<ENTRIES>")]
    [Description("Entry file: .csv/.tsv/.txt (any of , ; tab | as delimiter), .xlsx or .parquet; one line per entry line, a header row first")]
    public string Input { get; set; } = "";

    [CommandOption("--out <RESULT>")]
    [Description("Result file; its extension picks the format: .csv, .tsv, .xlsx or .parquet")]
    public string Output { get; set; } = "";

    [CommandOption("--scenario <NAMES>")]
    [Description("Scenarios to rate under, comma-separated; the first is the baseline differences are taken from (default: actual)")]
    public string Scenario { get; set; } = "actual";

    [CommandOption("--date <DATE>")]
    [Description("Entry date for every line, YYYY-MM-DD, in place of the file's date column (needed when it has none)")]
    public string? Date { get; set; }

    [CommandOption("--as-known-on <DATE>")]
    [Description("Rate with the rules as published up to this date (no hindsight), YYYY-MM-DD")]
    public string? AsKnownOn { get; set; }

    [CommandOption("--map <PAIRS>")]
    [Description("Which column holds which field, e.g. \"Tariff No=code,Ctry=origin\". Fields: code, origin, date, value, quantity, unit, quantity2, unit2, metal_share, program, importer")]
    public string? Map { get; set; }

    [CommandOption("--rejects <FILE>")]
    [Description("Rejects file (default: beside the output with .rejects before the extension, e.g. out.rejects.csv)")]
    public string? Rejects { get; set; }

    [CommandOption("--report <FILE>")]
    [Description("Also write a self-contained HTML report with charts")]
    public string? Report { get; set; }

    [CommandOption("--delimiter <X>")]
    [Description("Delimiter of a CSV input: , ; | or tab (default: sniffed from the header line)")]
    public string? Delimiter { get; set; }

    [CommandOption("--expected-claims")]
    [Description("Rate lines without a program column value at the share of their imports claimed in the record (USMCA for Canada and Mexico, from the claim shares imported), for planning; lines with a program are always rated as claimed")]
    public bool ExpectedClaims { get; set; }

    [CommandOption("--workers <N>")]
    [Description("Rating threads (default: one per processor)")]
    public int Workers { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("--out: give the result file, e.g. --out rated.csv");
        if (EntryFiles.FormatOf(Output) == EntryFormat.Unknown) return ValidationResult.Error($"--out: '{Output}' must end in .csv, .tsv, .xlsx or .parquet");
        if (Rejects is not null && EntryFiles.FormatOf(Rejects) == EntryFormat.Unknown) return ValidationResult.Error($"--rejects: '{Rejects}' must end in .csv, .tsv, .xlsx or .parquet");
        if (Delimiter is not null && ParseDelimiter(Delimiter) is null) return ValidationResult.Error($"--delimiter: expected one of , ; | tab, found '{Delimiter}'");
        if (Workers < 0) return ValidationResult.Error("--workers: expected a positive number");
        var v = ValidateDate(Date, "--date");
        return v.Successful ? ValidateDate(AsKnownOn, "--as-known-on") : v;
    }

    public static char? ParseDelimiter(string d) => d switch
    {
        "," or ";" or "|" => d[0],
        "\t" or "tab" or "\\t" or "TAB" => '\t',
        _ => null,
    };

    public BatchOptions ToOptions() => new()
    {
        Input = Input, Output = Output, Rejects = Rejects,
        Scenarios = Scenario.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Date = Date is null ? null : DateOnly.ParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        AsKnownOn = AsKnownOn is null ? null : DateOnly.ParseExact(AsKnownOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Map = EntryColumns.ParseMap(Map), Delimiter = Delimiter is null ? null : ParseDelimiter(Delimiter),
        Workers = Workers, ExpectedClaims = ExpectedClaims,
    };
}

/// <summary>
/// `tariffscope rate`: rates every line of an entry file under one or more scenarios, streaming, in parallel,
/// and accounts for every line (rated, or rejected with its line number, field and reason).
/// </summary>
public sealed class RateCommand(IAnsiConsole console) : AsyncCommand<RateSettings>
{
    /// <summary>Exit code when the counts do not add up (input lines ≠ rated + rejected).</summary>
    public const int Unaccounted = 2;

    public override Task<int> ExecuteAsync(CommandContext context, RateSettings s, CancellationToken cancellationToken) =>
        CommandOutput.GuardAsync(async () =>
        {
            var options = s.ToOptions();
            try
            {
                RateFileQuestion.CheckPaths(s.Input, ("--out", s.Output), ("--rejects", s.Rejects ?? ResultFiles.DefaultRejectsPath(s.Output)), ("--report", s.Report));
            }
            catch (ArgumentException e) { throw new UserInputException(e.Message); }
            var workspace = new Rulebook(Workspace.Load(s.ResolveDataDirectory()));
            BatchResult result;
            try
            {
                result = !s.Json && !Console.IsOutputRedirected
                    ? await WithProgress(workspace, options, cancellationToken)
                    : await RateFileQuestion.RunAsync(workspace, options, ct: cancellationToken);
            }
            catch (EntryFileException e) { throw new UserInputException(e.Message); }
            catch (ArgumentException e) { throw new UserInputException(e.Message.StartsWith("--", StringComparison.Ordinal) ? e.Message : $"{s.Input}: {e.Message}"); }

            // a workbook carries its own summary, as a sheet beside the results
            if (EntryFiles.FormatOf(s.Output) == EntryFormat.Xlsx) XlsxSummarySheet.Append(s.Output, result);
            if (s.Report is not null) WriteReport(s.Report, BatchReport.Render(result, s.Input));
            if (s.Json) CommandOutput.WriteJson(console, BatchDocument.From(result, s.Report));
            else
            {
                var w = console.Profile.Out.Writer;
                w.Write(BatchMarkdown.Render(result, s.Input, s.Report));
                w.WriteLine($"Claims: {result.Claims.Assumption} — {result.Claims.Description}");
                w.Flush();
            }
            if (!result.IsAccounted)
            {
                Console.Error.WriteLine($"error: {s.Input}: lines not accounted for: {BatchTables.Accounting(result)}");
                return Unaccounted;
            }
            return 0;
        });

    private async Task<BatchResult> WithProgress(Rulebook workspace, BatchOptions options, CancellationToken ct)
    {
        BatchResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"rating {Path.GetFileName(options.Input)}", maxValue: 100);
                result = await RateFileQuestion.RunAsync(workspace, options, (lines, fraction) =>
                {
                    task.Description = $"rating {Path.GetFileName(options.Input)}: {lines:N0} lines";
                    if (fraction is { } f) task.Value = Math.Min(99.9, f * 100);
                    else task.IsIndeterminate = true;
                }, ct);
                task.Value = 100;
            });
        return result!;
    }

    /// <summary>Writes beside the target and moves into place, like the result files.</summary>
    private static void WriteReport(string path, string html)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        File.WriteAllText(temp, html);
        File.Move(temp, full, overwrite: true);
    }
}
