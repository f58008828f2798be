using System.Globalization;

namespace Tariffscope.Cli.Trade;

/// <summary>How trade figures print: money in $ with a scale, rates as percentages.</summary>
internal static class TradeFormat
{
    public static string Money(decimal d) => Math.Abs(d) switch
    {
        >= 1_000_000_000m => (d / 1_000_000_000m).ToString("$#,##0.0", CultureInfo.InvariantCulture) + " bn",
        >= 1_000_000m => (d / 1_000_000m).ToString("$#,##0.0", CultureInfo.InvariantCulture) + " m",
        _ => d.ToString("$#,##0", CultureInfo.InvariantCulture),
    };

    public static string Pct(decimal fraction, int decimals = 2) =>
        (fraction * 100m).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";
}
