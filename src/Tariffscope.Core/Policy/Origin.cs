using Tariffscope.Engine.Batch;

namespace Tariffscope.Policy;

/// <summary>An origin asked for that is neither a country nor a country group of the policy.</summary>
public sealed class UnknownOriginException(string text)
    : ArgumentException($"'{text}' is not a country of origin: expected an ISO 3166 alpha-2 code (CN, DE, MX) or a country group of the policy (EU)")
{
    public string Text { get; } = text;
}

/// <summary>
/// The origin of goods as a user asks for it: a country, or a country group the policy names (the EU, which Census
/// reports as one partner), rated as one of its members since US measures treat the members alike. Every face
/// resolves origins here, so `quote`, `rate`, indicators, impact and the API accept and refuse the same ones.
/// </summary>
public sealed record Origin(string Asked, string RatedAs, CountryGroup? Group)
{
    /// <summary>The country to rate; the asked code itself for a country.</summary>
    public override string ToString() => Group is null ? RatedAs : $"{Asked} (rated as {RatedAs})";

    /// <summary>What the answer should say when a group is rated as one of its members; null for a country.</summary>
    public string? Note => Group is null ? null
        : $"origin {Asked} ({Group.Title}) is rated as goods of {RatedAs}: the measures treat every member alike";

    /// <summary>Reads <paramref name="text"/> (any case, trimmed); <see cref="UnknownOriginException"/> when it is neither.</summary>
    public static Origin Resolve(PolicySet policy, string text) =>
        TryResolve(policy, text) ?? throw new UnknownOriginException(text.Trim());

    public static Origin? TryResolve(PolicySet policy, string text)
    {
        var code = text.Trim().ToUpperInvariant();
        if (Countries.IsKnown(code)) return new Origin(code, code, null);
        var group = policy.Groups.Values.FirstOrDefault(g => g.Name.Equals(code, StringComparison.OrdinalIgnoreCase));
        return group is { Members.IsEmpty: false } ? new Origin(group.Name, group.Members[0], group) : null;
    }
}
