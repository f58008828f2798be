using System.Globalization;
using System.Text;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Feeds;

/// <summary>
/// Writes dated policy events as an iCalendar file (RFC 5545): one all-day VEVENT per event, with a stable UID,
/// the measure, its Chapter 99 headings and its legal source in the description. Lines end in CRLF and are folded
/// at 75 octets (section 3.1) without splitting a UTF-8 character; text values are escaped (section 3.3.11).
/// </summary>
public static class ICalendarWriter
{
    public const string MediaType = "text/calendar";
    private const int MaxOctets = 75;

    public static string Write(PolicySet policy, IEnumerable<PolicyEvent> events, DateTimeOffset stamp, string calendarName)
    {
        var sb = new StringBuilder();
        void Line(string content) => Fold(sb, content);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Tariffscope//Tariff deadlines//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{EventFeed.Id(e)}@tariffscope");
            Line("DTSTAMP:" + dtstamp);
            // All-day: a date value, and DTEND the next day (exclusive), as calendar clients expect.
            Line("DTSTART;VALUE=DATE:" + e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape(EventFeed.Summary(e)));
            Line("DESCRIPTION:" + Escape(Description(policy, e)));
            Line("CATEGORIES:" + Escape(EventFeed.KindPhrase(e.Kind)));
            if (Uri.TryCreate(e.Source.Link, UriKind.Absolute, out var link)) Line("URL:" + link.AbsoluteUri);
            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>What happens, on which measure, under which headings, from which source.</summary>
    public static string Description(PolicySet policy, PolicyEvent e)
    {
        var headings = EventFeed.Headings(policy, e);
        var measure = policy.Measures.FirstOrDefault(m => m.Id == e.MeasureId)?.Title ?? e.Title;
        var lines = new List<string>
        {
            e.What,
            $"Measure: {e.MeasureId} ({measure}), imposed by {e.Importer} on {e.Origins}",
        };
        if (e.SuspensionId is { } s) lines.Add("Suspension: " + s);
        lines.Add("Headings: " + (headings.Count == 0 ? "none given" : string.Join(", ", headings)));
        lines.Add("Source: " + e.Source + (e.Source.Link is { } l ? " " + l : ""));
        lines.Add($"Published: {e.Published:yyyy-MM-dd}");
        return string.Join("\n", lines);
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Appends a content line, folded so no line exceeds 75 octets (a continuation starts with one space).</summary>
    internal static void Fold(StringBuilder sb, string content)
    {
        int octets = 0, limit = MaxOctets;
        for (int i = 0; i < content.Length; i++)
        {
            int len = char.IsHighSurrogate(content[i]) && i + 1 < content.Length ? 2 : 1;
            int bytes = Encoding.UTF8.GetByteCount(content.AsSpan(i, len));
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(content, i, len);
            octets += bytes;
            i += len - 1;
        }
        sb.Append("\r\n");
    }
}
