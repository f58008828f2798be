using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Trade;

namespace Tariffscope.Cli.Trade;

public sealed class ImportClaimsSettings : DataSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A claim-share CSV in the USITC DataWeb style: hts10,cty_code,usmca_share,total_value,usmca_value (Census codes 1220 Canada, 2010 Mexico)")]
    public string File { get; set; } = "";

    [CommandOption("--program <CODE>")]
    [Description("The HTS special-programme code the shares are of (S: USMCA)")]
    public string Program { get; set; } = "S";

    [CommandOption("--month <YYYY-MM>")]
    [Description("The month the file covers, or a year (2024) for an annual file (default: from the file name, …_2026_03.csv or …_2024.csv)")]
    public string? Month { get; set; }

    public (DateOnly From, bool Annual)? Period => Month switch
    {
        null => null,
        { Length: 4 } y => (new DateOnly(int.Parse(y, CultureInfo.InvariantCulture), 1, 1), true),
        var m => (DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), false),
    };

    public override ValidationResult Validate()
    {
        if (Month is not null && !(Month.Length == 4 && int.TryParse(Month, out _))
            && !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error($"--month: expected a month written YYYY-MM (or a year YYYY for an annual file); found \"{Month}\"");
        if (Program.Trim().Length == 0 || !Program.Trim().All(char.IsAsciiLetterOrDigit))
            return ValidationResult.Error($"--program: expected an HTS special-programme code such as S (USMCA); found \"{Program}\"");
        return ValidationResult.Success();
    }
}

/// <summary>`tariffscope data import-claims`: the shares of imports claimed under a programme, by line and month.</summary>
public sealed class ImportClaimsCommand(IAnsiConsole console) : Command<ImportClaimsSettings>
{
    public override int Execute(CommandContext context, ImportClaimsSettings s, CancellationToken cancellationToken) => CommandOutput.Guard(() =>
    {
        var result = ClaimShareFile.Import(s.ResolveDataDirectory(), s.File, s.Program, s.Period);
        if (s.Json) { CommandOutput.WriteJson(console, result); return 0; }
        console.MarkupLine($"Imported claim shares of programme [bold]{Markup.Escape(result.Program)}[/] for {Markup.Escape(result.Period)}: " +
                           string.Join(", ", result.Partners.Select(p => $"{p.Partner} {p.Lines:N0} lines (mean share {TradeFormat.Pct(p.MeanShare, 1)})")));
        console.MarkupLine($"[grey]Stored:[/] {Markup.Escape(result.StoredAt)}");
        console.MarkupLine("[grey]Indicators, impact and scenario diff now weigh each line of these partners by its claimed share (--claim expected).[/]");
        return 0;
    });
}
