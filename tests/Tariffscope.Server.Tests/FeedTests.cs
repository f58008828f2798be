using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Ical.Net;

namespace Tariffscope.Server.Tests;

/// <summary>The calendar and changes feeds, read back by real parsers: Ical.Net for RFC 5545, the .NET syndication
/// library's Atom 1.0 formatter for RFC 4287.</summary>
[Collection(ServerCollection.Name)]
public sealed class FeedTests(ServerFixture server)
{
    private async Task<(string Text, string? Type)> Get(string path)
    {
        using var r = await server.Http.GetAsync(path);
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"GET {path}: {(int)r.StatusCode} {text}");
        return (text, r.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Every coming event of the deadlines answer is in the calendar, on its date, with its description; the file is
    /// CRLF with lines of at most 75 octets. Hand-worked anchor: EO 14298 suspended 24 of the 34 reciprocal points on
    /// China for 90 days from 14 May 2025, so the Geneva suspension ends on 12 August 2025; EO 14334 (11 August 2025)
    /// extended it from that day to 10 November 2025.
    /// </summary>
    [Fact]
    public async Task The_calendar_holds_every_deadline_with_its_date_and_description()
    {
        const string q = "from=2025-07-01&days=160&importer=US&origin=CN";
        var (ics, type) = await Get("/api/v1/calendar.ics?" + q);
        Assert.Equal("text/calendar", type);
        var deadlines = (await server.GetJson("/api/v1/deadlines?" + q))["events"]!.AsArray();

        foreach (var line in ics.Split("\r\n"))
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        Assert.DoesNotContain('\n', ics.Replace("\r\n", ""));

        var calendar = Calendar.Load(ics)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.Date).ThenBy(e => e.Summary).ToList();
        Assert.Equal(deadlines.Count, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());
        foreach (var d in deadlines)
        {
            var date = DateOnly.Parse((string)d!["date"]!);
            var what = (string)d["what"]!;
            var measure = $"Measure: {(string)d["measure"]!} (";
            var match = events.Where(e => e.DtStart!.Date == date && e.Description!.StartsWith(what + "\n", StringComparison.Ordinal)
                && e.Description.Contains(measure) && e.Summary!.Contains((string)d["title"]!)).ToList();
            Assert.True(match.Count == 1, $"no single event on {date} for '{what}'");
            Assert.False(match[0].DtStart!.HasTime); // all-day
            Assert.Contains("Source: ", match[0].Description);
        }
        var genevaEnd = events.Single(e => e.Summary!.StartsWith("US: Geneva truce") && e.DtStart!.Date == new DateOnly(2025, 8, 12));
        Assert.Contains("EO 14298", genevaEnd.Description);
        Assert.Contains("Headings: ", genevaEnd.Description);
        Assert.Contains(events, e => e.Summary!.Contains("EO 14334") && e.DtStart!.Date == new DateOnly(2025, 8, 12));
    }

    /// <summary>An HS prefix keeps the measures that can reach it: upholstered wooden furniture (9401.61, Proclamation
    /// 10976) and the China truce (all products) are kept for 9401, copper (chapter 74, Proclamation 10962) is not.</summary>
    [Fact]
    public async Task The_calendar_can_be_cut_to_an_hs_prefix()
    {
        var (ics, _) = await Get("/api/v1/calendar.ics?from=2025-07-01&days=160&importer=US&hs=9401");
        var summaries = Calendar.Load(ics)!.Events.Select(e => e.Summary!).ToList();
        Assert.Contains(summaries, s => s.Contains("upholstered wooden furniture"));
        Assert.Contains(summaries, s => s.Contains("Geneva truce"));
        Assert.DoesNotContain(summaries, s => s.Contains("copper"));
        using var bad = await server.Http.GetAsync("/api/v1/calendar.ics?hs=abc");
        await ServerFixture.AssertProblem(bad, 400);
        using var unknown = await server.Http.GetAsync("/api/v1/calendar.ics?watchlist=nobody-has-this");
        await ServerFixture.AssertProblem(unknown, 400);
    }

    /// <summary>The Atom feed parses as Atom 1.0; each entry has a unique id, a title, a summary, a publication date
    /// in the window and, where the rule has one, a link to its source. EO 14334 was signed on 11 August 2025.</summary>
    [Fact]
    public async Task The_changes_feed_is_atom_that_a_feed_library_reads()
    {
        var (atom, type) = await Get("/api/v1/changes.atom?until=2025-08-31&days=31&importer=US");
        Assert.Equal("application/atom+xml", type);
        var formatter = new Atom10FeedFormatter();
        using (var reader = XmlReader.Create(new StringReader(atom))) Assert.True(formatter.CanRead(reader));
        using (var reader = XmlReader.Create(new StringReader(atom))) formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        Assert.Equal("tag:tariffscope,2025:changes", feed.Id);
        var items = feed.Items.ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        foreach (var i in items)
        {
            Assert.InRange(i.PublishDate.UtcDateTime, new DateTime(2025, 8, 1), new DateTime(2025, 8, 31, 23, 59, 59));
            Assert.False(string.IsNullOrWhiteSpace(i.Title.Text));
            Assert.Contains("Source: ", ((TextSyndicationContent)i.Summary).Text);
        }
        var eo14334 = items.Where(i => i.Title.Text.Contains("EO 14334")).ToList();
        Assert.NotEmpty(eo14334);
        Assert.All(eo14334, i => Assert.Equal(new DateTime(2025, 8, 11), i.PublishDate.UtcDateTime));
        Assert.All(items, i => Assert.All(i.Links, l => Assert.True(l.Uri.IsAbsoluteUri)));
        Assert.Contains(feed.Links, l => l.RelationshipType == "self");
    }
}
