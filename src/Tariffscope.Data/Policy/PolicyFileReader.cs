using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Policy;

/// <summary>
/// Reads policy files (YAML; schema in data/policy/README.md and policy.schema.json) and scenario files into the
/// core model. Every mistake is reported with file, line and field.
/// </summary>
public sealed class PolicyFileReader
{
    private readonly YamlNodes _y;
    private readonly Func<string, Stream?> _openRelative;
    // The file's horizon: the last day a measure or suspension of the file is confirmed for unless it says otherwise.
    private DateOnly? _horizon;

    /// <param name="file">The file's name, for messages.</param>
    /// <param name="openRelative">Opens a file named relative to this one (product list CSVs), or null when absent.</param>
    public PolicyFileReader(string file, Func<string, Stream?> openRelative)
    {
        _y = new YamlNodes(file);
        _openRelative = openRelative;
    }

    private YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e) { throw new PolicyFileException(_y.File, (int)e.Start.Line, "(syntax)", e.InnerException?.Message ?? e.Message); }
        if (stream.Documents.Count == 0) throw new PolicyFileException(_y.File, 1, "(file)", "the file is empty");
        return _y.Map(stream.Documents[0].RootNode, "(top level)");
    }

    public PolicySet ReadPolicy(string text)
    {
        var root = Root(text);
        _y.CheckKeys(root, "a policy file", "name", "description", "horizon", "importer", "families", "groups", "column2", "lists", "measures", "suspensions");
        var importer = _y.Str(root, "importer") ?? "US";
        var set = new PolicySet
        {
            Name = _y.Str(root, "name") ?? Path.GetFileNameWithoutExtension(_y.File),
            Description = _y.Str(root, "description"),
            Horizon = _y.ReqDate(root, "horizon"),
        };
        set = set with { FileHorizons = ImmutableDictionary<string, DateOnly>.Empty.Add(_y.File, set.Horizon) };
        _horizon = set.Horizon;
        var families = ImmutableDictionary.CreateBuilder<string, MeasureFamily>();
        foreach (var f in Items(root, "families"))
        {
            _y.CheckKeys(f, "a family", "id", "title", "order", "combine", "yieldsTo", "exceptProducts", "note");
            var id = _y.Req(f, "id");
            var combine = _y.Str(f, "combine") switch
            {
                null or "sum" => CombineRule.Sum,
                "highest" => CombineRule.Highest,
                var other => throw _y.Error(f, "combine", $"'{other}' is not a combine rule; expected sum or highest"),
            };
            if (!families.TryAdd(id, new MeasureFamily(id, _y.Req(f, "title"), _y.Int(f, "order") ?? throw _y.Error(f, "order", "is required (CBP reporting order)"),
                    combine, [.. _y.StrList(f, "yieldsTo")], _y.Str(f, "note")) { ExceptProducts = Terms(f, "exceptProducts") }))
                throw _y.Error(f, "id", $"family '{id}' is defined twice");
        }
        var groups = ImmutableDictionary.CreateBuilder<string, CountryGroup>();
        foreach (var g in Items(root, "groups"))
        {
            _y.CheckKeys(g, "a country group", "name", "title", "members", "source");
            var name = _y.Req(g, "name");
            var members = _y.StrList(g, "members");
            foreach (var m in members) CheckCountry(g, "members", m);
            groups[name] = new CountryGroup(name, _y.Str(g, "title") ?? name, [.. members], Source(g, required: true));
        }
        var lists = ImmutableDictionary.CreateBuilder<string, ProductList>();
        foreach (var l in Items(root, "lists"))
        {
            var list = ReadList(l);
            if (!lists.TryAdd(list.Name, list)) throw _y.Error(l, "name", $"list '{list.Name}' is defined twice");
        }
        var column2 = _y.StrList(root, "column2");
        var measures = Items(root, "measures").Select(m => ReadMeasure(m, importer)).ToImmutableArray();
        var suspensions = Items(root, "suspensions").Select(ReadSuspension).ToImmutableArray();
        return set with
        {
            Families = families.ToImmutable(),
            Groups = groups.ToImmutable(),
            Lists = lists.ToImmutable(),
            Measures = measures,
            Suspensions = suspensions,
            Column2Origins = column2.Count == 0 ? ImmutableDictionary<string, ImmutableArray<string>>.Empty
                : ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add(importer, [.. column2]),
        };
    }

    public Scenario ReadScenario(string text)
    {
        var root = Root(text);
        _y.CheckKeys(root, "a scenario file", "name", "description", "inherits", "measures", "suspensions", "controls", "controlSuspensions");
        var s = new Scenario
        {
            Name = _y.Req(root, "name"),
            Description = _y.Str(root, "description"),
            Inherits = _y.Str(root, "inherits") ?? ScenarioCatalog.Actual,
            Origin = _y.File,
        };
        if (_y.Get(root, "measures") is { } mNode)
        {
            var m = _y.Map(mNode, "measures");
            _y.CheckKeys(m, "measures overrides", "remove", "add", "change");
            s = s with
            {
                RemoveMeasures = [.. _y.StrList(m, "remove")],
                AddMeasures = Items(m, "add").Select(x => ReadMeasure(x, "US")).ToImmutableArray(),
                ChangeMeasures = Items(m, "change").Select(ReadMeasureChange).ToImmutableArray(),
            };
        }
        if (_y.Get(root, "suspensions") is { } sNode)
        {
            var m = _y.Map(sNode, "suspensions");
            _y.CheckKeys(m, "suspension overrides", "remove", "add", "change");
            s = s with
            {
                RemoveSuspensions = [.. _y.StrList(m, "remove")],
                AddSuspensions = Items(m, "add").Select(ReadSuspension).ToImmutableArray(),
                ChangeSuspensions = Items(m, "change").Select(ReadSuspensionChange).ToImmutableArray(),
            };
        }
        return s;
    }

    private IEnumerable<YamlMappingNode> Items(YamlMappingNode map, string key)
    {
        var n = _y.Get(map, key);
        if (n is null) yield break;
        foreach (var c in _y.Seq(n, key).Children) yield return _y.Map(c, key);
    }

    private Provenance Source(YamlMappingNode owner, bool required)
    {
        var n = _y.Get(owner, "source");
        if (n is null)
        {
            if (required) throw _y.Error(owner, "source", "is required: every measure, list and group cites its legal source");
            return Provenance.None;
        }
        var s = _y.Map(n, "source");
        _y.CheckKeys(s, "a source", "instrument", "citation", "heading", "link", "confidence", "note");
        var conf = _y.Str(s, "confidence") switch
        {
            null or "high" => Confidence.High,
            "medium" => Confidence.Medium,
            "low" => Confidence.Low,
            "unconfirmed" => Confidence.Unconfirmed,
            var other => throw _y.Error(s, "confidence", $"'{other}' is not a confidence; expected high, medium, low or unconfirmed"),
        };
        return new Provenance(_y.Req(s, "instrument"), _y.Str(s, "citation"), _y.Str(s, "heading"), _y.Str(s, "link"), conf, _y.Str(s, "note"));
    }

    private void CheckCountry(YamlNode at, string field, string code)
    {
        if (code == OriginScope.AllOrigins || OriginTerms.IsGroup(code)) return;
        if (code.Length != 2 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
            throw _y.Error(at, field, $"'{code}' is not a country; expected an ISO 3166 alpha-2 code (CN), group:NAME or all");
    }

    private ProductList ReadList(YamlMappingNode l)
    {
        _y.CheckKeys(l, "a product list", "name", "title", "codes", "footnotes", "file", "sample", "notes", "source");
        var name = _y.Req(l, "name");
        var prefixes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var c in _y.StrList(l, "codes"))
            prefixes.Add(ProductList.PrefixOf(HtsCode.TryParse(c) ?? throw _y.Error(l, "codes", $"'{c}' is not a tariff code")));
        var headings = _y.StrList(l, "footnotes")
            .Select(h => HtsCode.TryParse(h) ?? throw _y.Error(l, "footnotes", $"'{h}' is not a Chapter 99 heading")).ToImmutableArray();
        if (_y.Str(l, "file") is { } file)
        {
            using var stream = _openRelative(file) ?? throw _y.Error(l, "file", $"list file '{file}' was not found beside {_y.File}");
            foreach (var code in ProductListFile.Read(stream, file)) prefixes.Add(code);
        }
        var notes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (_y.Get(l, "notes") is { } nn)
        {
            foreach (var (k, v) in _y.Map(nn, "notes").Children)
            {
                var text = (k as YamlScalarNode)?.Value ?? "";
                var code = HtsCode.TryParse(text) ?? throw _y.Error(l, "notes", $"'{text}' is not a tariff code");
                var key = ProductList.PrefixOf(code);
                if (!prefixes.Contains(key)) throw _y.Error(l, "notes", $"note on {text}, which the list's codes do not name");
                notes[key] = (v as YamlScalarNode)?.Value?.Trim() ?? throw _y.Error(l, "notes", $"the note on {text} must be a text");
            }
        }
        return new ProductList(name, _y.Str(l, "title") ?? name, Source(l, required: true), prefixes.ToImmutable(), headings)
        { IsSample = _y.Str(l, "sample") == "true", Notes = notes.ToImmutable() };
    }

    private ImmutableArray<OriginException> OriginExceptions(YamlMappingNode m)
    {
        var n = _y.Get(m, "exceptOrigins");
        if (n is null) return [];
        var list = ImmutableArray.CreateBuilder<OriginException>();
        foreach (var c in _y.Seq(n, "exceptOrigins").Children)
        {
            if (c is YamlScalarNode s) { CheckCountry(c, "exceptOrigins", s.Value ?? ""); list.Add(new OriginException(s.Value!.Trim())); continue; }
            var t = _y.Map(c, "exceptOrigins");
            _y.CheckKeys(t, "an origin exception", "origin", "from", "through");
            var o = _y.Req(t, "origin");
            CheckCountry(t, "exceptOrigins", o);
            list.Add(new OriginException(o, new Validity(_y.Date(t, "from") ?? DateOnly.MinValue, _y.Date(t, "through"))));
        }
        return list.ToImmutable();
    }

    private ImmutableArray<ProductTerm> Terms(YamlMappingNode m, string key)
    {
        var n = _y.Get(m, key);
        if (n is null) return [];
        var terms = ImmutableArray.CreateBuilder<ProductTerm>();
        foreach (var c in _y.Seq(n, key).Children)
        {
            if (c is YamlScalarNode s) terms.Add(Term(c, key, s.Value ?? "", null));
            else
            {
                var t = _y.Map(c, key);
                _y.CheckKeys(t, "a product term", "list", "code", "from", "through", "origins", "use");
                Validity? v = _y.Get(t, "from") is null && _y.Get(t, "through") is null ? null
                    : new Validity(_y.Date(t, "from") ?? DateOnly.MinValue, _y.Date(t, "through"));
                var origins = _y.StrList(t, "origins");
                foreach (var o in origins) CheckCountry(t, "origins", o);
                if (origins.Count > 0 && key != "exceptProducts") throw _y.Error(t, "origins", "only an exception (exceptProducts) can be for some origins");
                terms.Add(Term(c, key, _y.Str(t, "list") is { } ln ? "list:" + ln : _y.Req(t, "code"), v) with { Origins = [.. origins], Use = _y.Str(t, "use") });
            }
        }
        return terms.ToImmutable();
    }

    private ProductTerm Term(YamlNode at, string key, string text, Validity? when)
    {
        text = text.Trim();
        if (text == "all") return ProductTerm.All with { When = when };
        if (text.StartsWith("list:", StringComparison.Ordinal)) return new ProductTerm(null, text[5..], when);
        var code = HtsCode.TryParse(text) ?? throw _y.Error(at, key, $"'{text}' is not a product; expected a code prefix (8471.30), list:NAME or all");
        return new ProductTerm(code.Digits, null, when);
    }

    private ImmutableArray<RatePeriod> Rates(YamlMappingNode m, string owner)
    {
        var list = ImmutableArray.CreateBuilder<RatePeriod>();
        if (_y.Get(m, "rates") is { } rn)
        {
            foreach (var c in _y.Seq(rn, "rates").Children)
            {
                var r = _y.Map(c, "rates");
                _y.CheckKeys(r, "a rate period", "from", "rate", "heading", "note", "published");
                list.Add(new RatePeriod(_y.ReqDate(r, "from"), Rate(r, owner), _y.Str(r, "heading"), _y.Str(r, "note"), _y.Date(r, "published")));
            }
        }
        else if (_y.Str(m, "rate") is not null)
            list.Add(new RatePeriod(_y.ReqDate(m, "from"), Rate(m, owner), _y.Str(m, "heading")));
        for (int i = 1; i < list.Count; i++)
            if (list[i].From <= list[i - 1].From)
                throw _y.Error(m, "rates", $"rate periods of {owner} must be in date order ({list[i].From:yyyy-MM-dd} follows {list[i - 1].From:yyyy-MM-dd})");
        return list.ToImmutable();
    }

    private DutyExpression Rate(YamlMappingNode r, string owner)
    {
        var text = _y.Req(r, "rate");
        var e = DutyExpression.Parse(text);
        if (e is null || !e.IsParsed) throw _y.Error(r, "rate", $"'{text}' is not a rate the engine can compute (e.g. 25%, 2.4¢/kg + 5%) in {owner}");
        return e;
    }

    private Measure ReadMeasure(YamlMappingNode m, string defaultImporter)
    {
        _y.CheckKeys(m, "a measure", "id", "title", "family", "importer", "origins", "exceptOrigins", "products", "exceptProducts",
            "rate", "from", "heading", "rates", "through", "kind", "share", "exemptPrograms", "claims", "yieldsTo", "source", "published", "confirmedThrough");

        var id = _y.Req(m, "id");
        var rates = Rates(m, $"measure '{id}'");
        if (rates.IsEmpty) throw _y.Error(m, "rates", $"measure '{id}' has no rate: give rate + from, or rates: [{{from, rate}}]");
        var origins = _y.StrList(m, "origins");
        if (origins.Count == 0) throw _y.Error(m, "origins", $"measure '{id}' must say which origins it covers (a list of countries, group:NAME, or all)");
        foreach (var o in origins) CheckCountry(m, "origins", o);
        var except = OriginExceptions(m);
        var include = Terms(m, "products");
        if (include.IsEmpty) throw _y.Error(m, "products", $"measure '{id}' must say which products it covers (code prefixes, list:NAME, or all)");
        var kind = _y.Str(m, "kind") switch
        {
            null or "adds" => MeasureKind.Adds,
            "floor" => MeasureKind.Floor,
            var other => throw _y.Error(m, "kind", $"'{other}' is not a measure kind; expected adds or floor"),
        };
        if (kind == MeasureKind.Floor && rates.Any(r => r.Rate is not AdValoremDuty))
            throw _y.Error(m, "rate", $"a floor must be a percentage (measure '{id}')");
        var share = _y.Str(m, "share") switch
        {
            null or "full" => ValueShare.Full,
            "metal" => ValueShare.Metal,
            var other => throw _y.Error(m, "share", $"'{other}' is not a value share; expected full or metal"),
        };
        var through = _y.Date(m, "through");
        if (through is { } t && t < rates[0].From) throw _y.Error(m, "through", $"measure '{id}' ends ({t:yyyy-MM-dd}) before it starts ({rates[0].From:yyyy-MM-dd})");
        return new Measure
        {
            Id = id,
            Title = _y.Req(m, "title"),
            Family = _y.Req(m, "family"),
            Importer = _y.Str(m, "importer") ?? defaultImporter,
            Origins = new OriginScope([.. origins], except),
            Products = new ProductScope(include, Terms(m, "exceptProducts")),
            Rates = rates,
            Through = through,
            Kind = kind,
            Share = share,
            ExemptPrograms = [.. _y.StrList(m, "exemptPrograms")],
            Claims = [.. Items(m, "claims").Select(c => ReadClaim(c, id))],
            YieldsTo = [.. _y.StrList(m, "yieldsTo")],
            Source = Source(m, required: true),
            Published = _y.Date(m, "published"),
            ConfirmedThrough = _y.Date(m, "confirmedThrough") ?? _horizon,
            Origin = $"{_y.File}:{YamlNodes.Line(m)}",
        };
    }

    private ProgramClaim ReadClaim(YamlMappingNode c, string measureId)
    {
        _y.CheckKeys(c, "a claim", "programs", "effect", "list", "from", "through", "heading", "note", "source");
        var programs = _y.StrList(c, "programs");
        if (programs.Count == 0) throw _y.Error(c, "programs", $"a claim on measure '{measureId}' must name the programmes or Chapter 99 headings that make it");
        var effect = _y.Str(c, "effect") switch
        {
            null or "exempt" => ClaimEffect.Exempt,
            "non-us-content" => ClaimEffect.NonUsContent,
            var other => throw _y.Error(c, "effect", $"'{other}' is not a claim effect; expected exempt or non-us-content"),
        };
        var v = new Validity(_y.Date(c, "from") ?? DateOnly.MinValue, _y.Date(c, "through"));
        if (v.Through is { } t && t < v.From) throw _y.Error(c, "through", $"a claim on measure '{measureId}' ends ({t:yyyy-MM-dd}) before it starts ({v.From:yyyy-MM-dd})");
        return new ProgramClaim([.. programs], effect, _y.Str(c, "list"), v, Source(c, required: true), _y.Str(c, "note"), _y.Str(c, "heading"));
    }

    private Suspension ReadSuspension(YamlMappingNode s)
    {
        _y.CheckKeys(s, "a suspension", "id", "title", "measure", "points", "from", "through", "source", "published", "confirmedThrough");
        var id = _y.Req(s, "id");
        var points = _y.Str(s, "points") is null or "all" ? (decimal?)null : _y.Fraction(s, "points");
        if (points is <= 0 or > 1) throw _y.Error(s, "points", $"suspended points must be between 0 and 100% (suspension '{id}')");
        var v = new Validity(_y.ReqDate(s, "from"), _y.Date(s, "through"));
        if (v.Through is { } t && t < v.From) throw _y.Error(s, "through", $"suspension '{id}' ends ({t:yyyy-MM-dd}) before it starts ({v.From:yyyy-MM-dd})");
        return new Suspension
        {
            Id = id,
            Title = _y.Str(s, "title"),
            MeasureId = _y.Req(s, "measure"),
            Points = points,
            Validity = v,
            Source = Source(s, required: true),
            Published = _y.Date(s, "published"),
            ConfirmedThrough = _y.Date(s, "confirmedThrough") ?? _horizon,
            Origin = $"{_y.File}:{YamlNodes.Line(s)}",
        };
    }

    private MeasureChange ReadMeasureChange(YamlMappingNode m)
    {
        _y.CheckKeys(m, "a measure change", "id", "through", "rates");
        var id = _y.Req(m, "id");
        bool clear = _y.Str(m, "through") == "open";
        return new MeasureChange(id, clear ? null : _y.Date(m, "through"), clear, Rates(m, $"change of '{id}'"), $"{_y.File}:{YamlNodes.Line(m)}");
    }

    private SuspensionChange ReadSuspensionChange(YamlMappingNode s)
    {
        _y.CheckKeys(s, "a suspension change", "id", "from", "through", "points");
        bool clear = _y.Str(s, "through") == "open";
        return new SuspensionChange(_y.Req(s, "id"), _y.Date(s, "from"), clear ? null : _y.Date(s, "through"), clear,
            _y.Fraction(s, "points"), $"{_y.File}:{YamlNodes.Line(s)}");
    }
}
