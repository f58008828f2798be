using System.Globalization;

namespace Tariffscope.Engine;

/// <summary>
/// The checks of an entry line's numbers, in one place: the engine, the batch reader, the command line and the API
/// refuse the same values with the same words. Each returns null when the value is acceptable, else what is wrong.
/// </summary>
public static class EntryChecks
{
    public static string? Value(decimal value) =>
        value < 0 ? $"a customs value cannot be negative (found {Show(value)})"
        : value > EntryLine.MaxAmount ? $"a customs value of at most {EntryLine.MaxAmount:N0} US dollars (found {Show(value)})"
        : null;

    public static string? Quantity(decimal amount) =>
        amount < 0 ? $"a quantity cannot be negative (found {Show(amount)})"
        : amount > EntryLine.MaxAmount ? $"a quantity of at most {EntryLine.MaxAmount:N0} (found {Show(amount)})"
        : null;

    /// <summary>A share of the value (metal content, US content): a fraction from 0 to 1.</summary>
    public static string? Share(decimal? share, string what) =>
        share is < 0 or > 1 ? $"{what} is a fraction from 0 to 1, e.g. 0.6 (found {Show(share.Value)})" : null;

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
