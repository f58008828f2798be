namespace Tariffscope.Server;

/// <summary>"Today" for the defaults that need one (a quote's date, the deadlines window), from an injectable clock.</summary>
public sealed class ServerClock(TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
