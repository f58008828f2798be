using Tariffscope.Data.Record;
using Tariffscope.Policy;

namespace Tariffscope.Data.Policy;

/// <summary>
/// Assembles the actual policy (the shipped files, then the user's own files and imported lists from the data
/// directory) and the scenarios, checking every cross-reference with the file and line that made it.
/// </summary>
public static class PolicyLoader
{
    /// <summary>One file to read: a name for messages, its text, and a way to open files named relative to it.</summary>
    public sealed record SourceFile(string Name, string Text, Func<string, Stream?> OpenRelative);

    /// <summary>The shipped policy files and scenarios, plus those in <paramref name="dataDirectory"/> when given.
    /// Lists come in three layers, each replacing the one before by name: those the policy files write out (some of
    /// them samples), the official lists of the shipped record (or <paramref name="officialLists"/>, those of a record
    /// dropped into the data directory), and the user's imports.</summary>
    public static ScenarioCatalog Load(string? dataDirectory = null, IEnumerable<ProductList>? officialLists = null)
    {
        var policyFiles = BuiltIn("policy/").ToList();
        var scenarioFiles = BuiltIn("scenarios/").ToList();
        var lists = new List<ProductList>(officialLists ?? []);
        if (dataDirectory is not null)
        {
            policyFiles.AddRange(FromFolder(Path.Combine(dataDirectory, "policy")));
            scenarioFiles.AddRange(FromFolder(Path.Combine(dataDirectory, "scenarios")));
            lists.AddRange(ImportedLists.Load(dataDirectory));
        }
        return Build(policyFiles, scenarioFiles, lists);
    }

    /// <summary>Builds a catalog from explicit files (tests, the API's uploads), over the official lists of the
    /// shipped record; <paramref name="importedLists"/> replace lists of the same name.</summary>
    public static ScenarioCatalog Build(IEnumerable<SourceFile> policyFiles, IEnumerable<SourceFile> scenarioFiles, IEnumerable<ProductList>? importedLists = null)
    {
        importedLists = BuiltInRecord.BuiltIn().Lists.Concat(importedLists ?? []);
        PolicySet? actual = null;
        var seenMeasures = new Dictionary<string, string>();
        var seenSuspensions = new Dictionary<string, string>();
        foreach (var f in policyFiles)
        {
            var set = new PolicyFileReader(f.Name, f.OpenRelative).ReadPolicy(f.Text);
            foreach (var m in set.Measures)
                if (!seenMeasures.TryAdd(m.Id, m.Origin!)) throw new PolicyFileException(f.Name, LineOf(m.Origin), "id", $"measure '{m.Id}' is defined twice (also at {seenMeasures[m.Id]})");
            foreach (var s in set.Suspensions)
                if (!seenSuspensions.TryAdd(s.Id, s.Origin!)) throw new PolicyFileException(f.Name, LineOf(s.Origin), "id", $"suspension '{s.Id}' is defined twice (also at {seenSuspensions[s.Id]})");
            actual = actual is null ? set : actual.Merge(set);
        }
        if (actual is null) throw new InvalidOperationException("no policy files were found");
        foreach (var l in importedLists)
            actual = actual with { Lists = actual.Lists.SetItem(l.Name, l) }; // in order: a later layer replaces an earlier
        CheckReferences(actual);
        var scenarios = scenarioFiles.Select(f => new PolicyFileReader(f.Name, f.OpenRelative).ReadScenario(f.Text)).ToList();
        foreach (var s in scenarios) foreach (var m in s.AddMeasures) CheckMeasure(actual, m);
        var catalog = new ScenarioCatalog(actual with { Name = ScenarioCatalog.Actual }, scenarios);
        foreach (var name in catalog.Scenarios.Keys) catalog.Resolve(name); // refuse a broken scenario at load, not at first use
        return catalog;
    }

    private static void CheckReferences(PolicySet p)
    {
        foreach (var m in p.Measures) CheckMeasure(p, m);
        var ids = p.Measures.Select(m => m.Id).ToHashSet();
        foreach (var s in p.Suspensions)
            if (!ids.Contains(s.MeasureId))
                throw Located(s.Origin, "measure", $"suspension '{s.Id}' suspends measure '{s.MeasureId}', which does not exist");
        foreach (var f in p.Families.Values)
            foreach (var t in f.ExceptProducts)
                if (t.ListName is not null && !p.Lists.ContainsKey(t.ListName))
                    throw new PolicyFileException("(policy)", 0, "exceptProducts", $"family '{f.Id}' refers to product list '{t.ListName}', which is not defined");
        foreach (var f in p.Families.Values)
            foreach (var y in f.YieldsTo)
                if (!y.EndsWith('*') && !p.Families.ContainsKey(y))
                    throw new PolicyFileException("(policy)", 0, "yieldsTo", $"family '{f.Id}' yields to '{y}', which is not a family");
    }

    private static void CheckMeasure(PolicySet p, Measure m)
    {
        if (!p.Families.ContainsKey(m.Family))
            throw Located(m.Origin, "family", $"measure '{m.Id}' names family '{m.Family}', which is not defined (known: {string.Join(", ", p.Families.Keys.Order())})");
        foreach (var t in m.Products.Include.Concat(m.Products.Exclude))
            if (t.ListName is not null && !p.Lists.ContainsKey(t.ListName))
                throw Located(m.Origin, "products", $"measure '{m.Id}' refers to product list '{t.ListName}', which is not defined");
        foreach (var c in m.Claims)
            if (c.List is not null && !p.Lists.ContainsKey(c.List))
                throw Located(m.Origin, "claims", $"measure '{m.Id}' has a claim on product list '{c.List}', which is not defined");
        foreach (var o in m.Origins.Include.Concat(m.Origins.Except.Select(e => e.Origin)).Concat(m.Products.Exclude.SelectMany(t => t.Origins)))
            if (OriginTerms.IsGroup(o, out var group) && !p.Groups.ContainsKey(group))
                throw Located(m.Origin, "origins", $"measure '{m.Id}' refers to country group '{group}', which is not defined");
    }

    private static int LineOf(string? origin) =>
        origin is not null && origin.LastIndexOf(':') is var i and > 0 && int.TryParse(origin[(i + 1)..], out var n) ? n : 0;

    private static PolicyFileException Located(string? origin, string field, string message)
    {
        var file = origin is not null && origin.LastIndexOf(':') is var i and > 0 ? origin[..i] : "(policy)";
        return new PolicyFileException(file, LineOf(origin), field, message);
    }

    /// <summary>The shipped files under a folder of the built-in data, in name order.</summary>
    public static IEnumerable<SourceFile> BuiltIn(string folder) =>
        BuiltInData.List(folder)
            .Where(n => n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n =>
            {
                var dir = n[..(n.LastIndexOf('/') + 1)];
                return new SourceFile(n, BuiltInData.ReadAllText(n), rel => BuiltInData.Exists(dir + rel) ? BuiltInData.Open(dir + rel) : null);
            });

    private static IEnumerable<SourceFile> FromFolder(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var dir = Path.GetDirectoryName(path)!;
            yield return new SourceFile(path, File.ReadAllText(path), rel =>
            {
                var full = Path.GetFullPath(Path.Combine(dir, rel));
                return File.Exists(full) ? File.OpenRead(full) : null;
            });
        }
    }
}
