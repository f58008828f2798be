using Tariffscope.Controls;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Controls;

/// <summary>
/// Reads the records of control data files and scenario files (schema: data/controls/README.md). Cross-file
/// references (suspension → control, control → party list, …) are collected with their positions and checked
/// once every file is read, so an unknown id is reported at the line that names it.
/// </summary>
internal sealed class ControlFileReader
{
    private readonly List<(string Kind, string Id, YamlNodes Y, YamlNode Node, string Field)> _references = [];
    private readonly Dictionary<string, (YamlNodes Y, YamlNode Node)> _defined = [];

    public List<Control> Controls { get; } = [];
    public List<ControlSuspension> Suspensions { get; } = [];
    public List<PartyList> PartyLists { get; } = [];
    public List<CountryGroup> Groups { get; } = [];
    public DateOnly? Horizon { get; private set; }

    private static readonly string[] FileFields = ["exporter", "description", "horizon", "groups", "partyLists", "controls", "suspensions"];

    public void ReadDataFile(string file, string text)
    {
        var y = new YamlNodes(file);
        var root = YamlNodes.LoadRoot(file, text) ?? throw new ControlDataException(file, 1, 1, "(document)", "the file is empty");
        y.OnlyFields(root, "file", FileFields);
        var exporter = Country(y, y.Need(root, "exporter", "file"), "exporter");
        if (y.OptDate(root, "horizon", "file") is { } h) Horizon = Horizon is { } old && old < h ? old : h;

        foreach (var n in y.Items(root, "groups", "file")) Groups.Add(Group(y, y.Map(n, "groups[]")));
        foreach (var n in y.Items(root, "partyLists", "file")) PartyLists.Add(PartyListOf(y, y.Map(n, "partyLists[]"), exporter));
        foreach (var n in y.Items(root, "controls", "file")) Controls.Add(ControlOf(y, y.Map(n, "controls[]"), exporter));
        foreach (var n in y.Items(root, "suspensions", "file")) Suspensions.Add(SuspensionOf(y, y.Map(n, "suspensions[]")));
    }

    /// <summary>Checks every id named somewhere against the ids defined (in these files and, for scenarios, the base data).</summary>
    public void CheckReferences(ControlSet? baseSet = null)
    {
        foreach (var (kind, id, y, node, field) in _references)
        {
            var known = _defined.ContainsKey(kind + ":" + id) || (baseSet is not null && kind switch
            {
                "control" => baseSet.FindControl(id) is not null,
                "party list" => baseSet.FindPartyList(id) is not null,
                "party entry" => baseSet.AllEntries.Any(e => e.Id == id),
                "country group" => baseSet.FindGroup(id) is not null,
                "suspension" => baseSet.FindSuspension(id) is not null,
                _ => false,
            });
            if (!known) throw y.Error(node, field, $"unknown {kind} '{id}'");
        }
    }

    private void Define(string kind, string id, YamlNodes y, YamlNode node, string field)
    {
        if (_defined.TryGetValue(kind + ":" + id, out var first))
            throw y.Error(node, field, $"{kind} id '{id}' is already defined at {first.Y.File}:{first.Node.Start.Line}");
        _defined[kind + ":" + id] = (y, node);
    }

    private void Refer(string kind, string id, YamlNodes y, YamlNode node, string field) => _references.Add((kind, id, y, node, field));

    internal static string Country(YamlNodes y, YamlNode node, string field) => CountryCode(y, node, y.Scalar(node, field), field);

    private static string CountryCode(YamlNodes y, YamlNode node, string text, string field)
    {
        var s = text.Trim().ToUpperInvariant();
        return s.Length == 2 && s.All(char.IsAsciiLetterUpper) ? s
            : throw y.Error(node, field, $"expected a two-letter country code (ISO 3166), 'all' or 'group:NAME', got '{text}'");
    }

    private static string Id(YamlNodes y, YamlMappingNode map, string what)
    {
        var node = y.Need(map, "id", what);
        var id = y.Scalar(node, $"{what}.id");
        return id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? id : throw y.Error(node, $"{what}.id", $"expected letters, digits, '-', '_', '.' or ':', got '{id}'");
    }

    internal static Provenance Source(YamlNodes y, YamlMappingNode map, string what, Provenance? inherit = null)
    {
        if (y.Get(map, "source") is not { } node)
            return inherit ?? throw y.Error(map, $"{what}.source", "missing (required): instrument, link, confidence");
        var s = y.Map(node, $"{what}.source");
        y.OnlyFields(s, $"{what}.source", "instrument", "citation", "heading", "link", "confidence", "note");
        var confNode = y.Need(s, "confidence", $"{what}.source");
        var confidence = y.Scalar(confNode, $"{what}.source.confidence").ToLowerInvariant() switch
        {
            "high" => Confidence.High,
            "medium" => Confidence.Medium,
            "low" => Confidence.Low,
            "unconfirmed" => Confidence.Unconfirmed,
            var c => throw y.Error(confNode, $"{what}.source.confidence", $"expected high, medium, low or unconfirmed, got '{c}'"),
        };
        return new Provenance(y.Text(s, "instrument", $"{what}.source"), y.OptText(s, "citation", $"{what}.source"),
            y.OptText(s, "heading", $"{what}.source"), y.OptText(s, "link", $"{what}.source"), confidence, y.OptText(s, "note", $"{what}.source"));
    }

    private CountryGroup Group(YamlNodes y, YamlMappingNode m)
    {
        y.OnlyFields(m, "group", "id", "title", "members", "source");
        var id = Id(y, m, "group");
        Define("country group", id, y, m, "group.id");
        var members = y.Strings(m, "members", $"group {id}")
            .Select(x => Tagged.Parse(x.Value) is var t ? t with { Value = CountryCode(y, x.Node, t.Value, $"group {id}.members") } : default).ToList();
        return new CountryGroup(id, y.Text(m, "title", $"group {id}"), members, Source(y, m, $"group {id}"));
    }

    private PartyList PartyListOf(YamlNodes y, YamlMappingNode m, string exporter)
    {
        y.OnlyFields(m, "party list", "id", "title", "source", "entries");
        var id = Id(y, m, "party list");
        Define("party list", id, y, m, "partyList.id");
        var source = Source(y, m, $"party list {id}");
        var entries = new List<PartyEntry>();
        foreach (var n in y.Items(m, "entries", $"party list {id}"))
        {
            var e = y.Map(n, $"party list {id}.entries[]");
            var eid = Id(y, e, "entry");
            var what = $"entry {eid}";
            y.RefuseExclusiveTo(e, what);
            y.OnlyFields(e, "entry", "id", "name", "aliases", "country", "from", "through", "source");
            Define("party entry", eid, y, e, "entry.id");
            var from = y.Date(y.Need(e, "from", what), $"{what}.from");
            var through = y.Through(e, what, from);
            entries.Add(new PartyEntry(eid, y.Text(e, "name", what), y.Strings(e, "aliases", what).Select(a => a.Value).ToList(),
                y.Get(e, "country") is { } c ? Country(y, c, $"{what}.country") : null, new Validity(from, through), Source(y, e, what, source)));
        }
        return new PartyList(id, exporter, y.Text(m, "title", $"party list {id}"), source, entries);
    }

    private static readonly string[] ControlFields =
        ["id", "exporter", "title", "source", "from", "through", "items", "reach", "destinations", "except", "parties", "endUses", "outcome", "policy", "overrides"];

    internal Control ControlOf(YamlNodes y, YamlMappingNode m, string? exporter)
    {
        var id = Id(y, m, "control");
        var what = $"control {id}";
        y.RefuseExclusiveTo(m, what);
        y.OnlyFields(m, "control", ControlFields);
        Define("control", id, y, m, "control.id");
        var exp = y.Get(m, "exporter") is { } en ? Country(y, en, $"{what}.exporter")
            : exporter ?? throw y.Error(m, $"{what}.exporter", "missing (required in a scenario)");
        var from = y.Date(y.Need(m, "from", what), $"{what}.from");
        var through = y.Through(m, what, from);
        var outcomeNode = y.Need(m, "outcome", what);
        var outcome = ControlOutcomeText.FromCode(y.Scalar(outcomeNode, $"{what}.outcome"))
            ?? throw y.Error(outcomeNode, $"{what}.outcome", "expected no-licence-required, licence-required, presumption-of-denial or prohibited");

        PartyCondition? parties = null;
        if (y.Get(m, "parties") is { } pn)
        {
            var p = y.Map(pn, $"{what}.parties");
            y.OnlyFields(p, $"{what}.parties", "list", "ownedByListed");
            var listNode = y.Need(p, "list", $"{what}.parties");
            var list = y.Scalar(listNode, $"{what}.parties.list");
            Refer("party list", list, y, listNode, $"{what}.parties.list");
            parties = new PartyCondition(list, y.Bool(p, "ownedByListed", $"{what}.parties", false));
        }
        foreach (var (o, node) in y.Strings(m, "overrides", what)) Refer("control", o, y, node, $"{what}.overrides");

        return new Control(id, exp, y.Text(m, "title", what), Source(y, m, what),
            Items(y, y.Map(y.Need(m, "items", what), $"{what}.items"), what),
            Reach(y, m, what),
            Destinations(y, m, "destinations", "except", what, required: true)!,
            outcome, y.Text(m, "policy", what), new Validity(from, through), parties,
            y.Strings(m, "endUses", what).Select(s => s.Value.ToLowerInvariant()).ToList(),
            y.Strings(m, "overrides", what).Select(s => s.Value).ToList());
    }

    private static ItemMatcher Items(YamlNodes y, YamlMappingNode m, string owner)
    {
        var what = $"{owner}.items";
        y.OnlyFields(m, what, "hs", "controlNumbers", "elements", "contains", "products", "parameters", "parametersIdentify", "any", "criteriaUnknown", "description", "oftenWith", "oftenNote");
        foreach (var (code, node) in y.Strings(m, "hs", what))
        {
            var digits = code.TrimEnd('?').Replace(".", "");
            if (digits.Length is < 2 or > 10 || !digits.All(char.IsAsciiDigit))
                throw y.Error(node, $"{what}.hs", $"expected an HS code of 2 to 10 digits (dots allowed, '?' if unconfirmed), got '{code}'");
        }
        foreach (var (el, node) in y.Strings(m, "elements", what).Concat(y.Strings(m, "contains", what)).Concat(y.Strings(m, "oftenWith", what)))
            if (Elements.Normalize(el.TrimEnd('?')) is null) throw y.Error(node, $"{what}.elements", $"expected a chemical element symbol, got '{el}'");

        var alternatives = new List<IReadOnlyList<ParameterCondition>>();
        foreach (var (text, node) in y.Strings(m, "parameters", what))
        {
            var conditions = new List<ParameterCondition>();
            foreach (var part in text.Split(" and ", StringSplitOptions.TrimEntries))
                conditions.Add(ParameterCondition.TryParse(part)
                    ?? throw y.Error(node, $"{what}.parameters", $"expected 'name op number' joined by 'and' (op: >=, >, <=, <, =), got '{part}'"));
            alternatives.Add(conditions);
        }
        var any = y.Bool(m, "any", what, false);
        var matcher = new ItemMatcher(y.Tags(m, "hs", what), y.Tags(m, "controlNumbers", what),
            y.Tags(m, "elements", what).Select(t => t with { Value = Elements.Normalize(t.Value)! }).ToList(),
            y.Tags(m, "products", what), new ParameterTest(alternatives),
            y.Tags(m, "contains", what).Select(t => t with { Value = Elements.Normalize(t.Value)! }).ToList(),
            y.Bool(m, "parametersIdentify", what, false), any, y.Bool(m, "criteriaUnknown", what, false), y.OptText(m, "description", what),
            y.Strings(m, "oftenWith", what).Select(s => Elements.Normalize(s.Value.TrimEnd('?'))!).ToList(), y.OptText(m, "oftenNote", what));
        if (!any && matcher.Hs.Count + matcher.ControlNumbers.Count + matcher.Elements.Count + matcher.Products.Count == 0 && !matcher.ParametersIdentify)
            throw y.Error(m, what, "names no item: give hs, controlNumbers, elements, products, parameters with parametersIdentify, or any: true");
        return matcher;
    }

    private ControlReach Reach(YamlNodes y, YamlMappingNode control, string owner)
    {
        if (y.Get(control, "reach") is not { } node) return ControlReach.ExportOnly;
        var what = $"{owner}.reach";
        var m = y.Map(node, what);
        y.OnlyFields(m, what, "export", "reexport", "content");
        var content = new List<ContentRule>();
        foreach (var n in y.Items(m, "content", what))
        {
            var c = y.Map(n, $"{what}.content[]");
            y.OnlyFields(c, $"{what}.content", "key", "atLeast", "destinations", "except");
            var at = y.Need(c, "atLeast", $"{what}.content");
            content.Add(new ContentRule(y.Text(c, "key", $"{what}.content"), y.Share(at, $"{what}.content.atLeast"),
                Destinations(y, c, "destinations", "except", $"{what}.content", required: false),
                y.Scalar(at, $"{what}.content.atLeast").EndsWith('?')));
        }
        return new ControlReach(y.Bool(m, "export", what, true), y.Bool(m, "reexport", what, false), content);
    }

    private DestinationScope? Destinations(YamlNodes y, YamlMappingNode m, string key, string exceptKey, string what, bool required)
    {
        if (!y.Has(m, key) && !required) return null;
        if (required) y.Need(m, key, what);
        var include = new List<Tagged>();
        var exclude = new List<Tagged>();
        foreach (var (list, k) in new[] { (include, key), (exclude, exceptKey) })
            foreach (var (text, node) in y.Strings(m, k, what))
            {
                var t = Tagged.Parse(text);
                if (Tariffscope.Policy.OriginTerms.IsGroup(t.Value, out var group)) Refer("country group", group, y, node, $"{what}.{k}");
                else if (t.Value.Equals("all", StringComparison.OrdinalIgnoreCase)) t = t with { Value = "all" };
                else t = t with { Value = CountryCode(y, node, t.Value, $"{what}.{k}") };
                list.Add(t);
            }
        return new DestinationScope(include, exclude);
    }

    internal ControlSuspension SuspensionOf(YamlNodes y, YamlMappingNode m)
    {
        var id = Id(y, m, "suspension");
        var what = $"suspension {id}";
        y.RefuseExclusiveTo(m, what);
        y.OnlyFields(m, "suspension", "id", "title", "controls", "entries", "from", "through", "source");
        Define("suspension", id, y, m, "suspension.id");
        var controls = y.Strings(m, "controls", what);
        var entries = y.Strings(m, "entries", what);
        if (controls.Count + entries.Count == 0) throw y.Error(m, what, "pauses nothing: give controls and/or entries");
        foreach (var (c, node) in controls) Refer("control", c, y, node, $"{what}.controls");
        foreach (var (e, node) in entries) Refer("party entry", e, y, node, $"{what}.entries");
        var from = y.Date(y.Need(m, "from", what), $"{what}.from");
        var through = y.Through(m, what, from);
        return new ControlSuspension(id, controls.Select(c => c.Value).ToList(), entries.Select(e => e.Value).ToList(), new Validity(from, through),
            Source(y, m, what), y.OptText(m, "title", what));
    }

    /// <summary>Notes an id that a scenario names (change/remove) so that an unknown one is reported with its position.</summary>
    internal void ReferTo(string kind, string id, YamlNodes y, YamlNode node, string field) => Refer(kind, id, y, node, field);
}
