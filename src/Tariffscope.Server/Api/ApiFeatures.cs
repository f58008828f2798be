namespace Tariffscope.Server.Api;

/// <summary>
/// Which capabilities this build of the API serves. Each endpoint group adds its name when it maps its routes;
/// <c>GET /api/v1</c> lists them, and the dashboard shows a placeholder for a page whose capability is absent.
/// </summary>
public sealed class ApiFeatures
{
    /// <summary>Every capability the dashboard knows a page for; those not mapped are reported as false.</summary>
    public static readonly string[] Known = ["quote", "schedule", "timeline", "deadlines", "changes", "scenarios", "diff", "lists", "batch", "indicators", "impact", "controls"];

    private readonly HashSet<string> _on = new(StringComparer.Ordinal);

    public void Add(string name) => _on.Add(name);
    public bool Has(string name) => _on.Contains(name);

    public IReadOnlyDictionary<string, bool> Snapshot() =>
        Known.Concat(_on).Distinct().ToDictionary(n => n, _on.Contains);
}
