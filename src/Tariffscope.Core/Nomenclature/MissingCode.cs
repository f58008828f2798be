namespace Tariffscope.Nomenclature;

/// <summary>
/// Why a code is not a line of a revision, and what to use instead: the lines under it (it is a heading), or,
/// for a code that is retired (8542.39.00.01, still in 2024's trade data), the lines that replaced it under its
/// nearest surviving parent in the revision in force. Every face words its refusal from this one answer.
/// </summary>
public sealed record MissingCode(
    HtsCode Code,
    ScheduleRevision Revision,
    IReadOnlyList<TariffLine> Under,
    TariffLine? Parent,
    IReadOnlyList<TariffLine> ReplacedBy,
    ScheduleRevision? LastIn,
    bool HistorySearched = false)
{
    private const int Listed = 8;

    /// <summary>
    /// Explains <paramref name="code"/>'s absence from <paramref name="revision"/>. <paramref name="earlier"/> are
    /// other revisions the caller holds (the schedule history): the last that has the code says when it left, and the
    /// lines new since then under its parent are its successors. Without them, the successors are the parent's lines
    /// at the code's own level in the revision in force.
    /// </summary>
    public static MissingCode Explain(ScheduleRevision revision, HtsCode code, IEnumerable<ScheduleRevision>? earlier = null)
    {
        var under = revision.StartingWith(code).Where(l => l.Code.Length > code.Length).ToList();
        if (under.Count > 0) return new(code, revision, under, null, [], null);

        TariffLine? parent = null;
        for (int digits = code.Length - 2; digits >= 2 && parent is null; digits -= 2)
            parent = revision.Find(code.Truncate(digits));
        var heading = code.Truncate(4);
        parent ??= revision.StartingWith(heading).FirstOrDefault(); // a heading's first line, unnumbered 4-digit row absent

        var lastIn = earlier?.Where(r => r.EffectiveDate < revision.EffectiveDate && r.Find(code) is not null)
            .OrderBy(r => r.EffectiveDate).LastOrDefault();
        var replacedBy = new List<TariffLine>();
        if (parent is not null && parent.Code.Length < code.Length)
        {
            // the parent's lines at the code's own level (10 digits for a statistical suffix)
            var siblings = revision.StartingWith(parent.Code).Where(l => l.Code.Length == code.Length).ToList();
            var fresh = lastIn is null ? siblings : siblings.Where(l => lastIn.Find(l.Code) is null).ToList();
            replacedBy = fresh.Count > 0 ? fresh : siblings;
        }
        return new(code, revision, [], parent, replacedBy, lastIn, earlier is not null);
    }

    /// <summary>One sentence; <paramref name="scheduleName"/> ("built-in sample schedule") when the reader needs it.</summary>
    public string Message(string? scheduleName = null)
    {
        var of = scheduleName is null ? Revision.Name : $"the {scheduleName}, revision {Revision.Name}";
        var where = $"{Code} is not a line of {of} (in force from {Revision.EffectiveDate:yyyy-MM-dd})";
        if (Under.Count > 0) return $"{where}; lines under it: {List(Under, withText: false)}";
        if (Parent is null) return $"{where}, nor anything under its heading {Code.Truncate(4)}";
        if (ReplacedBy.Count == 0) return $"{where}; the nearest is {Parent.Code} \"{Parent.Description}\"";
        var parent = $"{Parent.Code} \"{Parent.Description}\"";
        if (LastIn is not null)
            return $"{where}: retired after revision {LastIn.Name}; under {parent} it is replaced by {List(ReplacedBy, withText: true)}";
        var history = HistorySearched ? ", nor of any earlier revision loaded (retired before them, or never a line)" : " (retired, or never a line)";
        return $"{where}{history}; under {parent} the lines in force are {List(ReplacedBy, withText: true)}";
    }

    private static string List(IReadOnlyList<TariffLine> lines, bool withText)
    {
        var shown = lines.Take(Listed).Select(l => withText ? $"{l.Code} ({l.Description})" : l.Code.ToString());
        var more = lines.Count > Listed ? $" and {lines.Count - Listed} more" : "";
        return string.Join(", ", shown) + more;
    }
}
