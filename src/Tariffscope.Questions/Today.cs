namespace Tariffscope.Questions;

/// <summary>
/// "Today" for every default that needs one (a quote's date, the deadlines window), read from an injected clock in
/// one declared zone: US Eastern, where entry dates live (CBP dates an entry by the port's local day, and the
/// proclamations' "12:01 a.m. eastern" times). The command line and the server agree at any hour.
/// </summary>
public sealed class Today(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = FindEastern();

    public static Today System { get; } = new(TimeProvider.System);

    /// <summary>The clock itself, for instants (feed stamps, delivery times).</summary>
    public TimeProvider Clock => time;

    public DateOnly Date => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    private static TimeZoneInfo FindEastern()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("America/New_York"); }
        catch (TimeZoneNotFoundException)
        {
            // a machine without the time-zone database: standard time all year, off by an hour at most in summer nights
            return TimeZoneInfo.CreateCustomTimeZone("US Eastern (standard time)", TimeSpan.FromHours(-5), "US Eastern", "EST");
        }
    }
}
