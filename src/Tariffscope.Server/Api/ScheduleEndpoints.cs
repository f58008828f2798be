using System.ComponentModel;
using Tariffscope.Nomenclature;
using Tariffscope.Server.Http;

namespace Tariffscope.Server.Api;

public sealed record SearchHitDoc(string Code, string Description, string Under, string? General, double Score);
public sealed record SearchDoc(string Query, DateOnly Date, string Schedule, int Shown, IReadOnlyList<SearchHitDoc> Lines);
public sealed record PathDoc(string? Code, string Description);
public sealed record RateDoc(string Printed, string ReadAs, string Shape, bool IsParsed);
public sealed record SpecialRateDoc(string ReadAs, string Shape, bool IsParsed, IReadOnlyList<string> Programs);
public sealed record FootnoteDoc(string On, string Text, IReadOnlyList<string> Columns, string Type);

/// <summary>One line of the schedule with its rates as printed and as read.</summary>
public sealed record LineDoc(
    string Code, string Description, DateOnly Date, IReadOnlyList<PathDoc> Path, string Revision, DateOnly RevisionEffective,
    string Schedule, string RatesFrom, RateDoc? General, string SpecialText, IReadOnlyList<SpecialRateDoc> Special, RateDoc? Other,
    IReadOnlyList<string> Units, IReadOnlyList<FootnoteDoc> Footnotes, IReadOnlyList<string> Chapter99Refs);

/// <summary><c>/api/v1/schedule/search</c> and <c>/api/v1/schedule/lines/{code}</c>: find and read lines of the US schedule.</summary>
public static class ScheduleEndpoints
{
    public static void Map(RouteGroupBuilder api, ApiFeatures features)
    {
        api.MapGet("/schedule/search", Search)
            .WithName("SearchSchedule").WithTags("Schedule")
            .WithSummary("Lines whose description path holds all the words given (or lines under a code prefix), best first")
            .Produces<SearchDoc>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/schedule/lines/{code}", Show)
            .WithName("ShowLine").WithTags("Schedule")
            .WithSummary("A line of the schedule: description path, rates as printed and as read, units, notes, Chapter 99 references")
            .Produces<LineDoc>().ProducesProblem(400).ProducesProblem(404);
        features.Add("schedule");
    }

    private static IResult Search(Rulebook store, Today clock,
        [Description("Words to find (all must occur), or a code prefix such as 8471.30")] string? q,
        [Description("Schedule date, YYYY-MM-DD (default: today)")] string? date,
        [Description("At most this many lines, 1 to 100 (default 20)")] string? limit)
    {
        var args = new QueryArgs();
        var text = args.Required("q", q, "lithium batteries");
        var day = args.Date("date", date, clock.Date);
        var max = args.Int("limit", limit, 20, 1, 100);
        if (text is { Length: > 200 }) args.Check(false, "q", "at most 200 characters");
        if (args.Failed(out var invalid)) return invalid;
        if (Revision(store, day) is not { } revision) return NoRevision(store, day);
        var hits = ScheduleSearch.Search(revision, text!, max).Select(h => Hit(revision, h)).ToList();
        return TypedResults.Ok(new SearchDoc(text!, day, store.Workspace.UsSchedule.DescribeOn(day), hits.Count, hits));
    }

    private static IResult Show(Rulebook store, Today clock,
        [Description("HTS code, 4 to 10 digits, dots optional")] string code,
        [Description("Schedule date, YYYY-MM-DD (default: today)")] string? date)
    {
        var args = new QueryArgs();
        var c = args.Code("code", code);
        var day = args.Date("date", date, clock.Date);
        if (args.Failed(out var invalid)) return invalid;
        if (Revision(store, day) is not { } revision) return NoRevision(store, day);
        if (revision.Resolve(c) is not { } line) return Problems.NotFound("Unknown tariff code", NotALine(revision, c), "code");
        return TypedResults.Ok(Line(line, day, store.Workspace.UsSchedule.DescribeOn(day)));
    }

    internal static ScheduleRevision? Revision(Rulebook store, DateOnly date) => store.Workspace.UsSchedule.Schedule.On(date);

    internal static IResult NoRevision(Rulebook store, DateOnly date) =>
        Problems.NotFound("No schedule on this date",
            $"no revision of the {store.Workspace.UsSchedule.Description} is in force on {date:yyyy-MM-dd}; the first takes effect on {store.Workspace.UsSchedule.Schedule.Revisions[0].EffectiveDate:yyyy-MM-dd}", "date");

    /// <summary>Why a code is not a line, pointing at the lines that exist under, near or in place of it.</summary>
    internal static string NotALine(ScheduleRevision revision, HtsCode code) => MissingCode.Explain(revision, code).Message();

    private static SearchHitDoc Hit(ScheduleRevision revision, SearchHit hit)
    {
        var line = hit.Line;
        var heading = line.Ancestors().LastOrDefault();
        return new SearchHitDoc(line.Code.ToString(), string.Join(" ", line.GroupHeadings.Append(line.Description)),
            heading is null ? "" : $"{heading.Code} {heading.Description}",
            revision.Resolve(line.Code)?.RateLine.GeneralText.Trim(), Math.Round(hit.Score, 2));
    }

    private static LineDoc Line(ResolvedLine r, DateOnly date, string schedule)
    {
        var chain = r.Line.Ancestors().Reverse().Append(r.Line).ToList();
        var rl = r.RateLine;
        static RateDoc? Rate(string text, Duties.DutyExpression? d) => d is null ? null : new(text.Trim(), d.ToString() ?? "", d.Shape, d.IsParsed);
        return new LineDoc(
            r.Line.Code.ToString(), r.Line.Description, date,
            chain.SelectMany(l => l.GroupHeadings.Select(g => new PathDoc(null, g)).Append(new PathDoc(l.Code.ToString(), l.Description))).ToList(),
            r.Revision.Name, r.Revision.EffectiveDate, schedule, rl.Code.ToString(),
            Rate(rl.GeneralText, r.General), rl.SpecialText.Trim(),
            r.Special.Select(s => new SpecialRateDoc(s.Rate.ToString() ?? "", s.Rate.Shape, s.Rate.IsParsed, s.Programs)).ToList(),
            Rate(rl.OtherText, r.Other), r.Units,
            chain.SelectMany(l => l.Footnotes.Select(f => new FootnoteDoc(l.Code.ToString(), f.Text, f.Columns, f.Type))).ToList(),
            r.Chapter99Refs.Select(c => c.ToString()).ToList());
    }
}
