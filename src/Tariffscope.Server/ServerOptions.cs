using Tariffscope.Data;

namespace Tariffscope.Server;

/// <summary>How a Tariffscope server is set up. Every field has a default that serves the built-in data on loopback.</summary>
public sealed record ServerOptions
{
    public const string ApiKeyVariable = "TARIFFSCOPE_API_KEY";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where Kestrel listens (";"-separated); port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;
    /// <summary>The data directory option (<c>--data-dir</c>); resolved the same way the command line resolves it.</summary>
    public string? DataDir { get; init; }
    /// <summary>A workspace already loaded (tests, embedding hosts); when set, <see cref="DataDir"/> is not read.</summary>
    public Workspace? Workspace { get; init; }
    /// <summary>The key that writes need in <c>X-Api-Key</c>; null means writes are off. The host decides where it comes
    /// from (<c>tariffscope serve</c>: <c>--api-key</c>, else $TARIFFSCOPE_API_KEY).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest upload (scenario file, product list, later batch files).</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;
    /// <summary>Largest JSON request body.</summary>
    public long MaxJsonBytes { get; init; } = 64 * 1024;
    /// <summary>Requests that run longer are cancelled with 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// How long a request for an answer computed over the trade data (indicators) waits for it; past that the answer
    /// is 202 Accepted with a <c>Location</c> to ask again, and the computation goes on. Kept below
    /// <see cref="RequestTimeout"/> so a cold first question never ends in 504.
    /// </summary>
    public TimeSpan AnswerWait { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Compute the default indicators (every partner, actual) when the server starts, if trade data is held.</summary>
    public bool WarmIndicators { get; init; } = true;
    /// <summary>Requests per client per window on the expensive endpoints (timeline, diff, uploads).</summary>
    public int ExpensivePermitsPerWindow { get; init; } = 60;
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>At most this many scenarios can be uploaded into one running server.</summary>
    public int MaxUploadedScenarios { get; init; } = 50;

    /// <summary>Where batch results are kept (default: <c>batch/</c> in the data directory).</summary>
    public string? BatchFolder { get; init; }
    /// <summary>How long a batch's results can be downloaded.</summary>
    public TimeSpan BatchRetention { get; init; } = TimeSpan.FromHours(24);
    /// <summary>Most disk the kept batch results may take; the oldest are deleted first.</summary>
    public long BatchQuotaBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Where the server's state lives (<c>--store</c>): <c>postgres://user:pass@host:port/db</c>, or a SQLite file
    /// path; default <c>state/tariffscope.db</c> in the data directory (a fresh temporary file when the server runs on
    /// the built-in data alone).</summary>
    public string? Store { get; init; }
    /// <summary>How often expired batch results are deleted and webhooks planned and delivered.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The first webhook retry's delay after a failed POST; each later one doubles it.</summary>
    public TimeSpan WebhookFirstRetry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Minimum level of the JSON console log.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The clock behind "today" defaults (deadlines from today); tests pin it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The key, or null when writes are off (an empty key counts as none).</summary>
    public string? ResolveApiKey() => string.IsNullOrWhiteSpace(ApiKey) ? null : ApiKey;
}
