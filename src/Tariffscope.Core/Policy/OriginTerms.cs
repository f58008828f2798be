namespace Tariffscope.Policy;

/// <summary>
/// The one reading of an origin term in the data files: a country code, "all", or "group:NAME" naming a country
/// group of the policy (tariffs) or of the control data (destinations).
/// </summary>
public static class OriginTerms
{
    public const string GroupPrefix = "group:";

    /// <summary>True when <paramref name="term"/> names a group; <paramref name="name"/> is the group's name.</summary>
    public static bool IsGroup(string term, out string name)
    {
        var group = term.StartsWith(GroupPrefix, StringComparison.Ordinal);
        name = group ? term[GroupPrefix.Length..] : "";
        return group;
    }

    public static bool IsGroup(string term) => term.StartsWith(GroupPrefix, StringComparison.Ordinal);

    /// <summary>The countries a term stands for: a group's members, or the country itself; an unknown group is none.</summary>
    public static IEnumerable<string> Expand(PolicySet policy, string term) =>
        IsGroup(term, out var name) ? policy.Groups.TryGetValue(name, out var g) ? g.Members : [] : [term];

    /// <summary>True when <paramref name="term"/> covers the country <paramref name="origin"/>.</summary>
    public static bool Covers(PolicySet policy, string term, string origin) =>
        term == origin || IsGroup(term, out var name) && policy.Groups.TryGetValue(name, out var g) && g.Members.Contains(origin);
}
