using System.Text;
using System.Xml;
using Tariffscope.Engine;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Feeds;

/// <summary>
/// Writes the changes that entered the rules as an Atom 1.0 feed (RFC 4287): one entry per dated event, dated by
/// the day its rule was published, with a stable id, a summary of what it does and a link to its legal source.
/// </summary>
public static class AtomWriter
{
    public const string MediaType = "application/atom+xml";
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static string Write(PolicySet policy, IReadOnlyList<PolicyEvent> events, Uri self, DateTimeOffset whenEmpty)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false };
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Ns);
            w.WriteElementString("id", Ns, "tag:tariffscope,2025:changes");
            w.WriteElementString("title", Ns, "Tariffscope: changes in the US and China tariff rules");
            w.WriteElementString("subtitle", Ns, $"Rules as they entered the data, by publication date · scenario {policy.Name}");
            var updated = events.Count == 0 ? whenEmpty : events.Max(e => Stamp(e.Published));
            w.WriteElementString("updated", Ns, Rfc3339(updated));
            Link(w, self.AbsoluteUri, "self", MediaType);
            w.WriteStartElement("author", Ns);
            w.WriteElementString("name", Ns, "Tariffscope");
            w.WriteEndElement();
            w.WriteElementString("generator", Ns, "Tariffscope");
            foreach (var e in events)
            {
                w.WriteStartElement("entry", Ns);
                w.WriteElementString("id", Ns, $"tag:tariffscope,2025:event/{EventFeed.Id(e)}");
                w.WriteElementString("title", Ns, $"{EventFeed.Summary(e)} on {e.Date:yyyy-MM-dd}");
                w.WriteElementString("updated", Ns, Rfc3339(Stamp(e.Published)));
                w.WriteElementString("published", Ns, Rfc3339(Stamp(e.Published)));
                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(ICalendarWriter.Description(policy, e));
                w.WriteEndElement();
                if (Uri.TryCreate(e.Source.Link, UriKind.Absolute, out var link)) Link(w, link.AbsoluteUri, "alternate", null);
                w.WriteStartElement("category", Ns);
                w.WriteAttributeString("term", e.Kind.ToString());
                w.WriteAttributeString("label", EventFeed.KindPhrase(e.Kind));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Link(XmlWriter w, string href, string rel, string? type)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        if (type is not null) w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>Rules are published on a day, not at an hour: midnight UTC of that day.</summary>
    private static DateTimeOffset Stamp(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
