using System.Collections.Immutable;
using System.Globalization;
using Tariffscope.Data.Policy;
using Tariffscope.Fees;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Fees;

/// <summary>The fees and refund windows of one file (<c>data/fees/us-fees.yaml</c>).</summary>
public sealed record FeeFile(string Name, DateOnly Horizon, FeeSchedule Fees, RefundRules Refunds)
{
    public const string BuiltInPath = "fees/us-fees.yaml";
    private static readonly Lazy<FeeFile> Shipped = new(() => FeeFileReader.Read(BuiltInPath, BuiltInData.ReadAllText(BuiltInPath)));

    /// <summary>The file shipped with the tool, read once.</summary>
    public static FeeFile BuiltIn() => Shipped.Value;
}

/// <summary>Reads a fee file; every failure names the file, line and field (<see cref="PolicyFileException"/>).</summary>
public static class FeeFileReader
{
    public static FeeFile Read(string file, string text)
    {
        var y = new YamlNodes(file);
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e) { throw new PolicyFileException(file, (int)e.Start.Line, "(syntax)", e.InnerException?.Message ?? e.Message); }
        if (stream.Documents.Count == 0) throw new PolicyFileException(file, 1, "(file)", "the file is empty");
        var root = y.Map(stream.Documents[0].RootNode, "(top level)");
        y.CheckKeys(root, "a fee file", "name", "importer", "horizon", "mpf", "hmf", "deMinimis", "liquidation", "protest", "refunds");

        var mpf = y.Map(Need(y, root, "mpf"), "mpf");
        y.CheckKeys(mpf, "mpf", "law", "exemptPrograms", "exemptSource", "years");
        var years = Items(y, mpf, "years").Select(m =>
        {
            y.CheckKeys(m, "an MPF year", "from", "through", "rate", "min", "max", "source");
            var from = y.ReqDate(m, "from");
            var through = y.ReqDate(m, "through");
            if (through < from) throw y.Error(m, "through", $"{through:yyyy-MM-dd} is before from ({from:yyyy-MM-dd})");
            var min = Money(y, m, "min");
            var max = Money(y, m, "max");
            if (max < min) throw y.Error(m, "max", $"the maximum ({max}) is below the minimum ({min})");
            return new MpfYear(from, through, Rate(y, m, "rate"), min, max, Source(y, m, true));
        }).OrderBy(x => x.From).ToImmutableArray();
        if (years.IsEmpty) throw y.Error(mpf, "years", "at least one fiscal year is required");
        for (int i = 1; i < years.Length; i++)
            if (years[i].From <= years[i - 1].Through)
                throw new PolicyFileException(file, 1, "mpf.years", $"the years from {years[i - 1].From:yyyy-MM-dd} and {years[i].From:yyyy-MM-dd} overlap");

        var hmf = y.Map(Need(y, root, "hmf"), "hmf");
        y.CheckKeys(hmf, "hmf", "rate", "modes", "source");
        var modes = y.StrList(hmf, "modes").Select(s =>
        {
            try { return FeeSchedule.ParseMode(s)!.Value; }
            catch (FormatException e) { throw y.Error(hmf, "modes", e.Message); }
        }).ToImmutableArray();

        var dm = y.Map(Need(y, root, "deMinimis"), "deMinimis");
        y.CheckKeys(dm, "deMinimis", "threshold", "source", "suspensions");
        var suspensions = Items(y, dm, "suspensions").Select(s =>
        {
            y.CheckKeys(s, "a de minimis suspension", "from", "origins", "source");
            return new DeMinimisSuspension(y.ReqDate(s, "from"), y.StrList(s, "origins").Select(o => o.ToUpperInvariant()).ToImmutableArray(), Source(y, s, true));
        }).ToImmutableArray();

        var fees = new FeeSchedule(years, Source(y, mpf, true, "law"),
            y.StrList(mpf, "exemptPrograms").ToImmutableArray(), Source(y, mpf, false, "exemptSource"),
            Rate(y, hmf, "rate"), modes, Source(y, hmf, true),
            Money(y, dm, "threshold"), Source(y, dm, true), suspensions);

        var liq = y.Map(Need(y, root, "liquidation"), "liquidation");
        y.CheckKeys(liq, "liquidation", "days", "source");
        var protest = y.Map(Need(y, root, "protest"), "protest");
        y.CheckKeys(protest, "protest", "days", "source");
        var authorities = Items(y, root, "refunds").Select(a =>
        {
            y.CheckKeys(a, "a refund authority", "id", "title", "families", "source", "routes");
            var routes = Items(y, a, "routes").Select(r =>
            {
                y.CheckKeys(r, "a refund route", "status", "withinDays", "route", "from", "source");
                var status = y.Req(r, "status") switch
                {
                    "unliquidated" => EntryStatus.Unliquidated,
                    "liquidated" => EntryStatus.Liquidated,
                    var other => throw y.Error(r, "status", $"'{other}' is not a status; expected unliquidated or liquidated"),
                };
                return new RefundRoute(status, y.Int(r, "withinDays"), y.Req(r, "route"), y.Date(r, "from"), Source(y, r, true));
            }).ToImmutableArray();
            var families = y.StrList(a, "families").ToImmutableArray();
            if (families.IsEmpty) throw y.Error(a, "families", "name the measure families whose duties are refundable");
            return new RefundAuthority(y.Req(a, "id"), y.Req(a, "title"), families, routes, Source(y, a, true));
        }).ToImmutableArray();
        var refunds = new RefundRules(y.Int(liq, "days") ?? throw y.Error(liq, "days", "is required"), Source(y, liq, true),
            y.Int(protest, "days") ?? throw y.Error(protest, "days", "is required"), Source(y, protest, true), authorities);
        return new FeeFile(y.Str(root, "name") ?? file, y.ReqDate(root, "horizon"), fees, refunds);
    }

    private static YamlNode Need(YamlNodes y, YamlMappingNode map, string key) => y.Get(map, key) ?? throw y.Error(map, key, "is required");

    private static IEnumerable<YamlMappingNode> Items(YamlNodes y, YamlMappingNode map, string key)
    {
        var n = y.Get(map, key);
        if (n is null) yield break;
        foreach (var c in y.Seq(n, key).Children) yield return y.Map(c, key);
    }

    private static decimal Rate(YamlNodes y, YamlMappingNode m, string key) =>
        y.Fraction(m, key) is { } r and >= 0 and <= 1 ? r : throw y.Error(m, key, "expected a rate from 0% to 100% (e.g. 0.3464%)");

    private static decimal Money(YamlNodes y, YamlMappingNode m, string key)
    {
        var t = y.Str(m, key) ?? throw y.Error(m, key, "is required (US dollars)");
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
            : throw y.Error(m, key, $"'{t}' is not an amount in US dollars");
    }

    private static Provenance Source(YamlNodes y, YamlMappingNode owner, bool required, string key = "source")
    {
        var n = y.Get(owner, key);
        if (n is null) return required ? throw y.Error(owner, key, "is required: every fee and window cites its legal source") : Provenance.None;
        var s = y.Map(n, key);
        y.CheckKeys(s, "a source", "instrument", "citation", "heading", "link", "confidence", "note");
        var conf = y.Str(s, "confidence") switch
        {
            null or "high" => Confidence.High,
            "medium" => Confidence.Medium,
            "low" => Confidence.Low,
            "unconfirmed" => Confidence.Unconfirmed,
            var other => throw y.Error(s, "confidence", $"'{other}' is not a confidence; expected high, medium, low or unconfirmed"),
        };
        return new Provenance(y.Req(s, "instrument"), y.Str(s, "citation"), y.Str(s, "heading"), y.Str(s, "link"), conf, y.Str(s, "note"));
    }
}
