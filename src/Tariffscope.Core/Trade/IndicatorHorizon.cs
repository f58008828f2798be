using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;

namespace Tariffscope.Trade;

/// <summary>
/// Every partner's lines walked once through every change date of a long span (<see cref="TradeIndicators.ComputeHorizon"/>),
/// keeping each rating a line takes: a series for any shorter span, partner subset or grouping is then replayed from
/// it (<see cref="TradeIndicators.Slice"/>) in milliseconds, with no quote made. It is derived data: it can be written
/// to a file (<see cref="Write"/>) and read back (<see cref="TryRead"/>), which refuses a damaged or foreign file.
/// </summary>
public sealed class IndicatorHorizon
{
    /// <summary>The first date a horizon starts on: a request starting earlier is computed on its own.</summary>
    public static readonly DateOnly DefaultStart = new(2025, 1, 1);

    /// <summary>The last date a horizon reaches at least (beyond the policy data's horizon, nothing changes): requests
    /// to any end up to it, or to the policy horizon if later, share one horizon.</summary>
    public static readonly DateOnly DefaultEnd = new(2026, 12, 31);

    /// <summary>The end of the horizon that answers a request ending on <paramref name="to"/> under a policy known to
    /// <paramref name="policyHorizon"/>.</summary>
    public static DateOnly EndFor(DateOnly to, DateOnly policyHorizon) =>
        new[] { to, policyHorizon, DefaultEnd }.Max();

    /// <summary>A partner's run of lines (its <see cref="Chunk"/>-th run of the walk) and the ratings its lines took:
    /// event i gives line <c>Line[i]</c> of the run rating <c>Rating[i]</c> on date number <c>Date[i]</c>, in the
    /// order the walk applied them.</summary>
    internal sealed record Run(string Partner, int Chunk, int Lines, ushort[] Line, ushort[] Date, int[] Rating);

    internal IndicatorHorizon(string scenario, string importer, int year, DateOnly from, DateOnly to, ImmutableArray<DateOnly> dates,
        ImmutableArray<DateOnly> calendarDates, Dictionary<string, DateOnly[]> shareDates, IReadOnlyList<TradeIndicators.WeightedLine> lines,
        IReadOnlyList<Run> runs, ImmutableArray<LineRating> ratings, IndicatorStats stats)
    {
        (Scenario, Importer, BaseYear, From, To, Dates, CalendarDates, ShareDates, Lines, Runs, Ratings, Stats) =
            (scenario, importer, year, from, to, dates, calendarDates, shareDates, lines, runs, ratings, stats);
    }

    public string Scenario { get; }
    public string Importer { get; }
    public int BaseYear { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }
    /// <summary>Every date of the walk: the start, the change dates and every partner's claim-share month starts.</summary>
    public ImmutableArray<DateOnly> Dates { get; }
    /// <summary>The start and the dates some rule or schedule revision changes on.</summary>
    internal ImmutableArray<DateOnly> CalendarDates { get; }
    internal Dictionary<string, DateOnly[]> ShareDates { get; }
    /// <summary>The weighed lines, before quantities were estimated, in the order the walk took them.</summary>
    internal IReadOnlyList<TradeIndicators.WeightedLine> Lines { get; }
    internal IReadOnlyList<Run> Runs { get; }
    internal ImmutableArray<LineRating> Ratings { get; }
    /// <summary>What the walk cost (quotes, ratings shared and reused, time).</summary>
    public IndicatorStats Stats { get; }

    public int LineCount => Lines.Count;
    public int RatingCount => Ratings.Length;
    public long EventCount => Runs.Sum(r => (long)r.Line.Length);

    /// <summary>True when a request of the same importer lies within the horizon's span.</summary>
    public bool Covers(IndicatorRequest request) =>
        request.Importer.Equals(Importer, StringComparison.OrdinalIgnoreCase) && request.From >= From && request.To <= To && request.To >= request.From;

    private static ReadOnlySpan<byte> Magic => "TSIH"u8;
    private const int Version = 3;

    /// <summary>
    /// Writes the horizon under <paramref name="key"/> (what it was computed from): a header, the content, and a
    /// SHA-256 of both, so that a truncated or altered file is refused when read.
    /// </summary>
    public void Write(Stream stream, string key)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(key);
            w.Write(Scenario); w.Write(Importer); w.Write(BaseYear); w.Write(From.DayNumber); w.Write(To.DayNumber);
            WriteDates(w, Dates); WriteDates(w, CalendarDates);
            w.Write(ShareDates.Count);
            foreach (var (p, ds) in ShareDates.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(p); WriteDates(w, ds); }
            WriteStats(w, Stats);

            // the texts of ratings once each (family names, reasons): a few hundred among some 100,000 ratings
            var texts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in Ratings)
            {
                if (r.Why is not null) texts.TryAdd(r.Why, texts.Count);
                foreach (var f in r.Families) texts.TryAdd(f.Family, texts.Count);
            }
            w.Write(texts.Count);
            foreach (var t in texts.Keys) w.Write(t);
            w.Write(Ratings.Length);
            foreach (var r in Ratings) WriteRating(w, r, texts);

            var partners = Lines.Select(l => l.Partner).Distinct().ToList();
            var partnerIds = partners.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
            w.Write(partners.Count);
            foreach (var p in partners) w.Write(p);
            // codes once each: partners trade many of the same
            var codeIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var l in Lines) codeIds.TryAdd(l.Code.Digits, codeIds.Count);
            w.Write(codeIds.Count);
            foreach (var c in codeIds.Keys) w.Write(c);
            w.Write(Lines.Count);
            foreach (var l in Lines)
            {
                w.Write(partnerIds[l.Partner]);
                w.Write(codeIds[l.Code.Digits]);
                w.Write(l.Value);
                WriteOptional(w, l.DutyCollected);
                w.Write(l.QuantityPerValue is not null);
                if (l.QuantityPerValue is { } q) { w.Write(q.Amount); w.Write(q.Unit); }
            }
            w.Write(Runs.Count);
            foreach (var r in Runs)
            {
                w.Write(r.Partner); w.Write(r.Chunk); w.Write(r.Lines); w.Write(r.Line.Length);
                w.Write(MemoryMarshal.AsBytes(r.Line.AsSpan()));
                w.Write(MemoryMarshal.AsBytes(r.Date.AsSpan()));
                w.Write(MemoryMarshal.AsBytes(r.Rating.AsSpan()));
            }
        }
        var content = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        stream.Write(content);
        stream.Write(SHA256.HashData(content));
    }

    /// <summary>
    /// The horizon a file holds, or null when it is not one written under <paramref name="key"/> by this version, or
    /// is damaged (its checksum fails, it ends early, a field does not read): the caller then computes it again.
    /// </summary>
    public static IndicatorHorizon? TryRead(byte[] data, string key) =>
        TryRead(data, out var written) is { } h && written == key ? h : null;

    /// <summary>The horizon a file holds whole and the key it was written under (to be compared by the caller), or
    /// null when the file is damaged or of another version.</summary>
    public static IndicatorHorizon? TryRead(byte[] data, out string? key)
    {
        key = null;
        if (data.Length < Magic.Length + 32) return null;
        // the checksum is computed beside the reading: both take a while on a horizon of every partner
        var sound = Task.Run(() => SHA256.HashData(data.AsSpan(0, data.Length - 32)).AsSpan().SequenceEqual(data.AsSpan(data.Length - 32)));
        var horizon = Parse(data, out key);
        return sound.Result ? horizon : null;
    }

    private static IndicatorHorizon? Parse(byte[] data, out string? key)
    {
        key = null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(data, 0, data.Length - 32, writable: false), Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != Version) return null;
            key = r.ReadString();
            var (scenario, importer, year) = (r.ReadString(), r.ReadString(), r.ReadInt32());
            var (from, to) = (DateOnly.FromDayNumber(r.ReadInt32()), DateOnly.FromDayNumber(r.ReadInt32()));
            var dates = ReadDates(r);
            var calendar = ReadDates(r);
            var shares = new Dictionary<string, DateOnly[]>(StringComparer.Ordinal);
            for (int n = r.ReadInt32(), i = 0; i < n; i++) shares[r.ReadString()] = ReadDates(r);
            var stats = ReadStats(r);

            var texts = new string[Count(r)];
            for (int i = 0; i < texts.Length; i++) texts[i] = r.ReadString();
            var ratings = new LineRating[Count(r)];
            for (int i = 0; i < ratings.Length; i++) ratings[i] = ReadRating(r, texts);

            var partners = new string[Count(r)];
            for (int i = 0; i < partners.Length; i++) partners[i] = r.ReadString();
            var codes = new HtsCode[Count(r)];
            for (int i = 0; i < codes.Length; i++) codes[i] = HtsCode.Parse(r.ReadString());
            var lines = new TradeIndicators.WeightedLine[Count(r)];
            for (int i = 0; i < lines.Length; i++)
            {
                var partner = partners[r.ReadInt32()];
                var code = codes[r.ReadInt32()];
                var value = r.ReadDecimal();
                var duty = ReadOptional(r);
                Quantity? q = r.ReadBoolean() ? new Quantity(r.ReadDecimal(), r.ReadString()) : null;
                lines[i] = new TradeIndicators.WeightedLine(partner, code, value, duty, q);
            }
            var runs = new Run[Count(r)];
            for (int i = 0; i < runs.Length; i++)
            {
                var (partner, chunk, count, events) = (r.ReadString(), r.ReadInt32(), r.ReadInt32(), Count(r));
                var (line, date, rating) = (new ushort[events], new ushort[events], new int[events]);
                ReadExactly(r, MemoryMarshal.AsBytes(line.AsSpan()));
                ReadExactly(r, MemoryMarshal.AsBytes(date.AsSpan()));
                ReadExactly(r, MemoryMarshal.AsBytes(rating.AsSpan()));
                foreach (var k in line) if (k >= count) return null;
                foreach (var d in date) if (d >= dates.Length) return null;
                foreach (var x in rating) if ((uint)x >= (uint)ratings.Length) return null;
                runs[i] = new Run(partner, chunk, count, line, date, rating);
            }
            if (r.BaseStream.Position != r.BaseStream.Length) return null;
            return new IndicatorHorizon(scenario, importer, year, from, to, [.. dates], [.. calendar], shares, lines, runs, [.. ratings], stats);
        }
        // read before its checksum is known: whatever damage makes it throw, the answer is "not a horizon"
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        // a count larger than what is left cannot be right: refuse it before allocating
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException($"count {n} out of range");
        return n;
    }

    private static void ReadExactly(BinaryReader r, Span<byte> into)
    {
        if (r.Read(into) != into.Length) throw new EndOfStreamException();
    }

    private static void WriteDates(BinaryWriter w, IReadOnlyCollection<DateOnly> dates)
    {
        w.Write(dates.Count);
        foreach (var d in dates) w.Write(d.DayNumber);
    }

    private static DateOnly[] ReadDates(BinaryReader r)
    {
        var dates = new DateOnly[Count(r)];
        for (int i = 0; i < dates.Length; i++) dates[i] = DateOnly.FromDayNumber(r.ReadInt32());
        return dates;
    }

    private static void WriteOptional(BinaryWriter w, decimal? x)
    {
        w.Write(x.HasValue);
        if (x is { } v) w.Write(v);
    }

    private static decimal? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadDecimal() : null;

    private static void WriteOptional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static void WriteStats(BinaryWriter w, IndicatorStats s)
    {
        w.Write(s.Lines); w.Write(s.Partners); w.Write(s.Dates); w.Write(s.Quotes); w.Write(s.Shared); w.Write(s.Reused);
        w.Write(s.Calendar.Ticks); w.Write(s.Elapsed.Ticks);
    }

    private static IndicatorStats ReadStats(BinaryReader r) =>
        new(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), TimeSpan.FromTicks(r.ReadInt64()), TimeSpan.FromTicks(r.ReadInt64()));

    private static void WriteRating(BinaryWriter w, LineRating x, Dictionary<string, int> texts)
    {
        w.Write(x.Additional); w.Write(x.Total);
        w.Write(x.Problem is { } p ? (int)p : -1);
        w.Write(x.Why is null ? -1 : texts[x.Why]);
        w.Write((byte)((x.AtEightDigits ? 1 : 0) | (x.BaseIncomplete ? 2 : 0) | (x.QuantityEstimated ? 4 : 0)));
        WriteOptional(w, x.AdditionalLow); WriteOptional(w, x.TotalLow);
        w.Write(x.Families.Length);
        foreach (var f in x.Families) { w.Write(texts[f.Family]); w.Write(f.Rate); w.Write(f.Share); }
    }

    private static LineRating ReadRating(BinaryReader r, string[] texts)
    {
        var (additional, total, problem, why) = (r.ReadDecimal(), r.ReadDecimal(), r.ReadInt32(), r.ReadInt32());
        var flags = r.ReadByte();
        var (low, totalLow) = (ReadOptional(r), ReadOptional(r));
        var families = ImmutableArray.CreateBuilder<FamilyRate>(Count(r));
        for (int i = 0; i < families.Capacity; i++) families.Add(new FamilyRate(texts[r.ReadInt32()], r.ReadDecimal(), r.ReadDecimal()));
        if (problem != -1 && !Enum.IsDefined((RatingProblem)problem)) throw new InvalidDataException($"rating problem {problem} unknown");
        return new LineRating(additional, total, families.MoveToImmutable(), problem == -1 ? null : (RatingProblem)problem, why == -1 ? null : texts[why], (flags & 1) != 0)
        {
            BaseIncomplete = (flags & 2) != 0, QuantityEstimated = (flags & 4) != 0, AdditionalLow = low, TotalLow = totalLow,
        };
    }
}
