using System.Collections.Immutable;
using Tariffscope.Data.Policy;
using Tariffscope.Policy;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Record;

/// <summary>
/// One file read for a list: which column holds the codes, which rows count, which chapters. A text file read
/// between two markers (<see cref="Between"/>) gives the codes printed there (a U.S. note that lists provisions).
/// <see cref="NarrowTo"/> replaces an 8-digit code by the 10-digit codes under it that another term names, where a
/// third-party list cut the official statistical lines to eight digits.
/// </summary>
public sealed record ListFileTerm(string File, string? Column, ImmutableDictionary<string, string> Where, (int From, int Through)? Chapters,
    (string Start, string End)? Between = null, ListFileTerm? NarrowTo = null);

/// <summary>One version of a list as the recipe defines it: its days and the files its codes come from.</summary>
public sealed record ListVersionRecipe(DateOnly From, DateOnly? Through, ImmutableArray<ListFileTerm> Files, ImmutableArray<ListFileTerm> Except,
    string? Note, Confidence? Confidence);

/// <summary>A list with one version per HTS revision, read from files named after the revisions.</summary>
public sealed record PerRevisionRecipe(ListFileTerm File, DateOnly? FirstFrom);

/// <summary>Texts for some of a list's codes, read from a file whose rows name codes.</summary>
public sealed record CodeNotesRecipe(string File, string CodesColumn, string Separator, string Template);

public sealed record ListRecipe(string Name, string Title, Provenance Source, ImmutableArray<ListVersionRecipe> Versions,
    PerRevisionRecipe? PerRevision, CodeNotesRecipe? CodeNotes);

public sealed record ClaimRecipe(string Program, string Title, string Folder, string Annual, string Monthly,
    ImmutableDictionary<string, string> Partners, Provenance Source);

public sealed record ScheduleRecipe(string Revisions, string Exports, string? Later, ImmutableDictionary<string, string> Skipped);

/// <summary>
/// What the built-in record is compiled from (<c>data/compiled/recipe.yaml</c>): the HTS exports and their dates,
/// the claim shares and the official product lists, each with its source. Data, so that a new official list is a
/// new entry here and not new code.
/// </summary>
public sealed record RecordRecipe(ScheduleRecipe Schedule, ImmutableArray<ClaimRecipe> Claims, ImmutableArray<ListRecipe> Lists)
{
    public const string ResourceName = "compiled/recipe.yaml";

    /// <summary>The recipe shipped with the tool.</summary>
    public static RecordRecipe BuiltIn() => Parse(BuiltInData.ReadAllText(ResourceName), ResourceName);

    public static RecordRecipe Parse(string text, string fileName)
    {
        var y = new YamlNodes(fileName);
        var stream = new YamlStream();
        using (var reader = new StringReader(text)) stream.Load(reader);
        var root = y.Map(stream.Documents[0].RootNode, "(file)");
        y.CheckKeys(root, "a record recipe", "schedule", "claims", "lists");

        var s = y.Map(y.Get(root, "schedule") ?? throw y.Error(root, "schedule", "is required"), "schedule");
        y.CheckKeys(s, "the schedule", "revisions", "exports", "later", "skipped");
        var skipped = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (y.Get(s, "skipped") is { } sk)
            foreach (var (k, v) in y.Map(sk, "skipped").Children)
                skipped[((YamlScalarNode)k).Value!] = ((YamlScalarNode)v).Value ?? "";
        var schedule = new ScheduleRecipe(y.Req(s, "revisions"), y.Req(s, "exports"), y.Str(s, "later"), skipped.ToImmutable());

        var claims = ImmutableArray.CreateBuilder<ClaimRecipe>();
        if (y.Get(root, "claims") is { } cl)
            foreach (var n in y.Seq(cl, "claims").Children)
            {
                var c = y.Map(n, "claims");
                y.CheckKeys(c, "a claim-share source", "program", "title", "folder", "annual", "monthly", "partners", "source");
                claims.Add(new ClaimRecipe(y.Req(c, "program"), y.Req(c, "title"), y.Req(c, "folder"), y.Req(c, "annual"), y.Req(c, "monthly"),
                    Pairs(y, c, "partners"), Source(y, c)));
            }

        var lists = ImmutableArray.CreateBuilder<ListRecipe>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in y.Seq(y.Get(root, "lists") ?? throw y.Error(root, "lists", "is required"), "lists").Children)
        {
            var l = y.Map(n, "lists");
            y.CheckKeys(l, "a list", "name", "title", "source", "versions", "perRevision", "codeNotes");
            var name = y.Req(l, "name");
            if (!names.Add(name)) throw y.Error(l, "name", $"list '{name}' is defined twice");
            var versions = ImmutableArray.CreateBuilder<ListVersionRecipe>();
            if (y.Get(l, "versions") is { } vs)
                foreach (var vn in y.Seq(vs, "versions").Children)
                {
                    var v = y.Map(vn, "versions");
                    y.CheckKeys(v, "a list version", "from", "through", "files", "except", "note", "confidence");
                    var from = y.ReqDate(v, "from");
                    var through = y.Date(v, "through");
                    if (through < from) throw y.Error(v, "through", $"ends ({through:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
                    if (versions.Count > 0 && (versions[^1].Through is not { } prev || prev >= from))
                        throw y.Error(v, "from", "versions must follow each other: the one before must end before this one starts");
                    versions.Add(new ListVersionRecipe(from, through, Terms(y, v, "files"), Terms(y, v, "except"), y.Str(v, "note"),
                        y.Str(v, "confidence") is { } conf ? Enum.Parse<Confidence>(conf, ignoreCase: true) : null));
                }
            PerRevisionRecipe? perRevision = null;
            if (y.Get(l, "perRevision") is { } pr)
            {
                var p = y.Map(pr, "perRevision");
                perRevision = new PerRevisionRecipe(Term(y, p), y.Date(p, "firstFrom"));
            }
            if ((versions.Count == 0) == (perRevision is null))
                throw y.Error(l, "versions", $"list '{name}' needs either versions or perRevision");
            CodeNotesRecipe? notes = null;
            if (y.Get(l, "codeNotes") is { } cn)
            {
                var c = y.Map(cn, "codeNotes");
                notes = new CodeNotesRecipe(y.Req(c, "file"), y.Req(c, "codes"), y.Str(c, "separator") ?? ";", y.Req(c, "text"));
            }
            lists.Add(new ListRecipe(name, y.Req(l, "title"), Source(y, l), versions.ToImmutable(), perRevision, notes));
        }
        return new RecordRecipe(schedule, claims.ToImmutable(), lists.ToImmutable());
    }

    private static ImmutableArray<ListFileTerm> Terms(YamlNodes y, YamlMappingNode map, string key)
    {
        if (y.Get(map, key) is not { } n) return [];
        return [.. y.Seq(n, key).Children.Select(c => c is YamlScalarNode s ? new ListFileTerm(s.Value!, null, ImmutableDictionary<string, string>.Empty, null) : Term(y, y.Map(c, key)))];
    }

    private static ListFileTerm Term(YamlNodes y, YamlMappingNode t)
    {
        y.CheckKeys(t, "a list file", "file", "column", "where", "chapters", "firstFrom", "start", "end", "narrowTo");
        (int, int)? chapters = null;
        if (y.Str(t, "chapters") is { } ch)
        {
            var parts = ch.Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var b) || a > b)
                throw y.Error(t, "chapters", $"'{ch}' is not a span of chapters such as 01-24");
            chapters = (a, b);
        }
        (string, string)? between = y.Str(t, "start") is { } start ? (start, y.Req(t, "end")) : null;
        var narrow = y.Get(t, "narrowTo") is { } n ? Term(y, y.Map(n, "narrowTo")) : null;
        return new ListFileTerm(y.Req(t, "file"), y.Str(t, "column"), Pairs(y, t, "where"), chapters, between, narrow);
    }

    private static ImmutableDictionary<string, string> Pairs(YamlNodes y, YamlMappingNode map, string key)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (y.Get(map, key) is { } n)
            foreach (var (k, v) in y.Map(n, key).Children)
                b[((YamlScalarNode)k).Value!] = (v as YamlScalarNode)?.Value ?? throw y.Error(map, key, "expected plain values");
        return b.ToImmutable();
    }

    private static Provenance Source(YamlNodes y, YamlMappingNode map)
    {
        var s = y.Map(y.Get(map, "source") ?? throw y.Error(map, "source", "is required: every shipped list cites its source"), "source");
        y.CheckKeys(s, "a source", "instrument", "citation", "heading", "link", "confidence", "note");
        var conf = y.Str(s, "confidence") is { } c ? Enum.Parse<Confidence>(c, ignoreCase: true) : Confidence.High;
        return new Provenance(y.Req(s, "instrument"), y.Str(s, "citation"), y.Str(s, "heading"), y.Str(s, "link"), conf, y.Str(s, "note"));
    }
}
