using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Questions.Feeds;

namespace Tariffscope.Questions.Watch;

/// <summary>A line watched: an HTS code or prefix, and what the buyer plans to import of it (customs value, USD),
/// from one origin or, when none is given, from each of the watchlist's origins.</summary>
public sealed record WatchLine(string Code, decimal? Value = null, string? Origin = null);

/// <summary>
/// A named set of lines and origins someone wants to hear about: the calendar feed can be cut to it, and each
/// coming event is priced on it (the duty before and after, at the plan's values).
/// </summary>
public sealed record Watchlist(string Name, IReadOnlyList<WatchLine> Lines, IReadOnlyList<string> Origins, string Importer = "US")
{
    /// <summary>Checks a watchlist as uploaded; the message names the field at fault.</summary>
    public static Watchlist Validate(Watchlist w)
    {
        if (string.IsNullOrWhiteSpace(w.Name) || w.Name.Length > 64 || !w.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new UploadRejectedException("name: expected 1 to 64 letters, digits, '-' or '_'");
        if (w.Lines is null || w.Lines.Count == 0) throw new UploadRejectedException("lines: expected at least one line");
        if (w.Lines.Count > 2000) throw new UploadRejectedException("lines: at most 2000 lines");
        for (int i = 0; i < w.Lines.Count; i++)
        {
            var l = w.Lines[i];
            if (HtsCode.TryParse(l?.Code) is null) throw new UploadRejectedException($"lines[{i}].code: '{l?.Code}' is not a tariff code (2 to 10 digits)");
            if (l!.Value is < 0 or > EntryLine.MaxAmount) throw new UploadRejectedException($"lines[{i}].value: expected 0 to {EntryLine.MaxAmount:0}");
            if (l.Origin is { } o && !IsCountry(o)) throw new UploadRejectedException($"lines[{i}].origin: '{o}' is not a two-letter country code");
        }
        var origins = w.Origins ?? [];
        for (int i = 0; i < origins.Count; i++)
            if (!IsCountry(origins[i])) throw new UploadRejectedException($"origins[{i}]: '{origins[i]}' is not a two-letter country code");
        if (origins.Count == 0 && w.Lines.Any(l => l.Origin is null))
            throw new UploadRejectedException("origins: give the origins watched (or an origin on every line)");
        if (w.Importer is not ("US" or "CN")) throw new UploadRejectedException("importer: expected US or CN");
        return w with
        {
            Origins = origins.Select(o => o.ToUpperInvariant()).Distinct().ToList(),
            Lines = w.Lines.Select(l => l with { Code = HtsCode.Parse(l.Code).Digits, Origin = l.Origin?.ToUpperInvariant() }).ToList(),
        };
    }

    private static bool IsCountry(string s) => s.Length == 2 && s.All(char.IsAsciiLetter);

    /// <summary>Every (line, origin) pair watched.</summary>
    public IEnumerable<(WatchLine Line, string Origin)> Pairs() =>
        Lines.SelectMany(l => l.Origin is { } o ? [(l, o)] : Origins.Select(o => (l, o)));

    /// <summary>Whether an event can touch the watchlist: its importer, an origin watched, a line under its products.</summary>
    public bool Touches(PolicySet policy, PolicyEvent e) =>
        e.Importer.Equals(Importer, StringComparison.OrdinalIgnoreCase)
        && Pairs().Select(p => p.Origin).Distinct().Any(o => PolicyEvents.Covers(policy, e.Origins, o, e.Date))
        && Lines.Any(l => EventFeed.Touches(policy, e, l.Code));
}
