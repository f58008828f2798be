using Tariffscope.Data.Hts;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;

namespace Tariffscope.Questions.Schedules;

public sealed record SearchHitView(string Code, string Description, string Under, IReadOnlyList<string> Path, string? General, double Score);

public sealed record SearchView(string Query, DateOnly Date, string Schedule, int Shown, IReadOnlyList<SearchHitView> Lines);

public sealed record RateView(string Printed, string ReadAs, string Shape, bool IsParsed)
{
    public static RateView? Of(string text, DutyExpression? d) =>
        d is null ? null : new(text.Trim(), d.ToString() ?? "", d.Shape, d.IsParsed);
}

public sealed record SpecialRateView(string ReadAs, string Shape, bool IsParsed, IReadOnlyList<string> Programs);

public sealed record PathEntry(string? Code, string Description);

public sealed record FootnoteView(string On, string Text, IReadOnlyList<string> Columns, string Type, string? Marker);

/// <summary>One line as <c>schedule show</c> prints it.</summary>
public sealed record LineView(
    string Code,
    string Description,
    DateOnly Date,
    IReadOnlyList<PathEntry> Path,
    string Revision,
    DateOnly RevisionEffective,
    string RevisionSource,
    string Schedule,
    string RatesFrom,
    RateView? General,
    string SpecialText,
    IReadOnlyList<SpecialRateView> Special,
    RateView? Other,
    IReadOnlyList<string> Units,
    IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<string> Chapter99Refs,
    string? QuotaQuantity,
    string? AdditionalDuties)
{
    public static LineView Of(ResolvedLine r, DateOnly date, string schedule)
    {
        var chain = r.Line.Ancestors().Reverse().Append(r.Line).ToList();
        var path = chain.SelectMany(l => l.GroupHeadings.Select(g => new PathEntry(null, g)).Append(new PathEntry(l.Code.ToString(), l.Description))).ToList();
        var notes = chain.SelectMany(l => l.Footnotes.Select(f => new FootnoteView(l.Code.ToString(), f.Text, f.Columns, f.Type, f.Marker))).ToList();
        var rl = r.RateLine;
        return new LineView(
            r.Line.Code.ToString(), r.Line.Description, date, path,
            r.Revision.Name, r.Revision.EffectiveDate, r.Revision.Source, schedule,
            rl.Code.ToString(),
            RateView.Of(rl.GeneralText, r.General),
            rl.SpecialText.Trim(),
            r.Special.Select(s => new SpecialRateView(s.Rate.ToString() ?? "", s.Rate.Shape, s.Rate.IsParsed, s.Programs)).ToList(),
            RateView.Of(rl.OtherText, r.Other),
            r.Units, notes, r.Chapter99Refs.Select(c => c.ToString()).ToList(),
            r.Line.QuotaQuantity, r.Line.AdditionalDuties);
    }
}

public sealed record ChangeView(string From, DateOnly FromEffective, string To, DateOnly ToEffective, string What, string? Before, string? After);

public sealed record HistoryView(string Code, string Schedule, int Revisions, IReadOnlyList<string> PresentIn, IReadOnlyList<ChangeView> Changes, string? Now = null);

/// <summary>Finding and reading lines of the US schedule in force on a date (the built-in record with any imports).</summary>
public sealed class ScheduleQuestion(ScheduleSource source)
{
    /// <exception cref="RatingException">No revision is in force on the date.</exception>
    public SearchView Search(string text, DateOnly date, int limit)
    {
        var revision = RevisionOn(date);
        var hits = ScheduleSearch.Search(revision, text, limit).Select(h => View(revision, h)).ToList();
        return new SearchView(text, date, source.DescribeOn(date), hits.Count, hits);
    }

    /// <exception cref="RatingException">No revision on the date, or the code is not a line of it (the answer
    /// points at the lines under it, near it or in place of it).</exception>
    public LineView Show(HtsCode code, DateOnly date)
    {
        var revision = RevisionOn(date);
        var line = revision.Resolve(code)
            ?? throw new RatingException(RatingProblem.UnknownCode, "code", MissingCode.Explain(revision, code).Message(source.Description));
        return LineView.Of(line, date, source.DescribeOn(date));
    }

    /// <summary>Every change of one code's line across the revisions held: text, rates, units, Chapter 99 references,
    /// and what replaced it when the latest revision no longer has it.</summary>
    /// <exception cref="RatingException">No revision holds the code (the answer names what exists near it).</exception>
    public HistoryView History(HtsCode code)
    {
        // Imported revisions are read one by one keeping only this code's lines; the record's share their lines.
        var schedule = source.AllFromFiles ? ScheduleLoader.Slice(source.Files, [code]) : source.Schedule;
        var present = schedule.Revisions.Where(r => r.Resolve(code) is not null).Select(r => r.Name).ToList();
        // The slice holds only this code's lines: what lies under its heading, or replaced it, is read from the
        // whole latest revision, with the slice as the history of where the code was.
        var latest = source.Schedule.Revisions[^1];
        if (present.Count == 0)
            throw new RatingException(RatingProblem.UnknownCode, "code", MissingCode.Explain(latest, code, schedule.Revisions).Message(source.Description));
        var successor = present[^1] == latest.Name ? null : MissingCode.Explain(latest, code, schedule.Revisions).Message(source.Description);
        var changes = schedule.History(code).Select(c => new ChangeView(c.From.Name, c.From.EffectiveDate, c.To.Name, c.To.EffectiveDate, c.What, c.Before, c.After)).ToList();
        return new HistoryView(code.ToString(), source.Description, schedule.Revisions.Count, present, changes, successor);
    }

    public ScheduleRevision RevisionOn(DateOnly date) => source.Schedule.On(date) ?? throw new RatingException(RatingProblem.NoSchedule, "date",
        $"no revision of the {source.Description} is in force on {date:yyyy-MM-dd}: the first takes effect on {source.Schedule.Revisions[0].EffectiveDate:yyyy-MM-dd}");

    private static SearchHitView View(ScheduleRevision revision, SearchHit hit)
    {
        var line = hit.Line;
        var own = string.Join(" ", line.GroupHeadings.Append(line.Description));
        var heading = line.Ancestors().LastOrDefault();
        var under = heading is null ? "" : $"{heading.Code} {Shorten(heading.Description, 70)}";
        // the headings above the line, broadest first, so "Other" says what it is the other of
        var path = line.Ancestors().Reverse().Select(a => $"{a.Code} {Shorten(a.Description, 50)}").ToList();
        return new SearchHitView(line.Code.ToString(), own, under, path, revision.Resolve(line.Code)?.RateLine.GeneralText.Trim(), Math.Round(hit.Score, 2));
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
