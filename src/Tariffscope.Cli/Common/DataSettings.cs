using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Data;

namespace Tariffscope.Cli.Common;

/// <summary>
/// Options every command that reads data shares: where the data directory is, and machine output. Inherit it
/// (<c>class MySettings : DataSettings</c>) to get <c>--data-dir</c> and <c>--json</c>.
/// </summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory (default: $TARIFFSCOPE_DATA_DIR, else $XDG_DATA_HOME/tariffscope, else ~/.local/share/tariffscope)")]
    public string? DataDir { get; set; }

    [CommandOption("--json")]
    [Description("Machine-readable output (JSON, camelCase)")]
    public bool Json { get; set; }

    public DataDirectory ResolveDataDirectory() => DataDirectory.Resolve(DataDir);

    /// <summary>Reads an optional YYYY-MM-DD option; a clear validation error names the option otherwise.</summary>
    protected static ValidationResult ValidateDate(string? text, string option) =>
        text is null || TryParseDate(text, out _) ? ValidationResult.Success()
            : ValidationResult.Error($"{option}: expected a date written YYYY-MM-DD, found \"{text}\"");

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>Data settings with the date a query is asked for (<c>--date</c>, default today).</summary>
public class DatedDataSettings : DataSettings
{
    [CommandOption("--date <DATE>")]
    [Description("The date the question is asked for, YYYY-MM-DD (default: today)")]
    public string? Date { get; set; }

    /// <summary>The date asked, or today in US Eastern (where entry dates live), as the server reckons it too.</summary>
    public DateOnly ResolveDate() => Date is null ? Questions.Today.System.Date : DateOnly.ParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override ValidationResult Validate() => ValidateDate(Date, "--date");
}
