using System.Collections.Immutable;
using System.Threading.Channels;
using Tariffscope.Engine.Batch;
using Tariffscope.Fees;

namespace Tariffscope.Engine.Replay;

/// <summary>Duty by authority over many lines: required by the rules, declared, and what may be claimed back.</summary>
public sealed record AuthorityTotal(string Family, string Title, decimal Required, decimal Declared, decimal Refundable, long Flags)
{
    public decimal Difference => Declared - Required;
}

/// <summary>One entry after replay: its lines' totals, its fees (computed on the entry as a whole) and the refund
/// route of its IEEPA duties on the day asked.</summary>
public sealed record EntrySummary(
    string EntryNumber,
    string? ImporterOfRecord,
    DateOnly EntryDate,
    TransportMode? Mode,
    int Lines,
    decimal Value,
    decimal Required,
    decimal Declared,
    decimal Refundable,
    long Flags,
    EntryFees Fees,
    RefundStatus? Refund)
{
    public decimal Difference => Declared - Required;
}

/// <summary>Totals of one importer of record over its entries.</summary>
public sealed record ImporterTotal(string Importer, int Entries, long Lines, decimal Value, decimal Required, decimal Declared, decimal Refundable, decimal Fees, long Flags);

/// <summary>
/// The account of a replay: every input line rated or rejected (counts that add up), totals by authority, and per
/// entry the sums its fees and refund need. Lines are added in input order by one writer; the memory it keeps grows
/// with the number of entries, not of lines.
/// </summary>
public sealed class ReplayAccount
{
    private sealed class Acc
    {
        public string? Importer; public DateOnly Date; public TransportMode? Mode; public DateOnly? Liquidation;
        public int Lines; public decimal Value, Required, Declared, Refundable; public long Flags;
        public readonly List<FeeLine> Fee = [];
    }

    private readonly Dictionary<string, Acc> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (string Title, decimal Req, decimal Decl, decimal Refund, long Flags)> _authorities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, string? Scenario), RejectCount> _rejects = new();

    public long InputLines { get; private set; }
    public long Rated { get; private set; }
    public long Rejected { get; private set; }
    public long FlaggedLines { get; private set; }
    public decimal Required { get; private set; }
    public decimal Declared { get; private set; }
    public decimal Refundable { get; private set; }
    public bool IsBalanced => InputLines == Rated + Rejected;
    public IEnumerable<RejectCount> RejectCounts => _rejects.Values.OrderByDescending(r => r.Count).ThenBy(r => r.FirstLine);

    public void Reject(long line, LineFault fault)
    {
        InputLines++; Rejected++;
        var key = (fault.Field, fault.Scenario);
        _rejects[key] = _rejects.TryGetValue(key, out var had) ? had with { Count = had.Count + 1 } : new RejectCount(fault.Field, fault.Scenario, 1, line, fault.Reason);
    }

    public void Add(LineReplay r)
    {
        InputLines++; Rated++;
        var l = r.Line;
        if (!_entries.TryGetValue(l.EntryNumber, out var a))
        {
            _entries[l.EntryNumber] = a = new Acc { Importer = l.ImporterOfRecord, Date = l.Entry.Date, Mode = l.Mode, Liquidation = l.LiquidationDate };
            _order.Add(l.EntryNumber);
        }
        // an entry has one date: the earliest line's (a file that disagrees is still summed, not refused)
        if (l.Entry.Date < a.Date) a.Date = l.Entry.Date;
        a.Mode ??= l.Mode; a.Liquidation ??= l.LiquidationDate; a.Importer ??= l.ImporterOfRecord;
        decimal req = 0, decl = 0, refund = 0; long flags = 0;
        foreach (var row in r.Rows)
        {
            req += row.Required; decl += row.Declared;
            if (row.Refundable) refund += row.Declared;
            if (row.Flag is not null) flags++;
            var t = _authorities.TryGetValue(row.Family, out var had) ? had : (row.FamilyTitle, 0m, 0m, 0m, 0L);
            _authorities[row.Family] = (t.Item1, t.Item2 + row.Required, t.Item3 + row.Declared, t.Item4 + (row.Refundable ? row.Declared : 0m), t.Item5 + (row.Flag is null ? 0 : 1));
        }
        a.Lines++; a.Value += l.Entry.CustomsValue; a.Required += req; a.Declared += decl; a.Refundable += refund; a.Flags += flags;
        a.Fee.Add(new FeeLine(l.Entry.CustomsValue, l.Entry.Origin, l.Entry.Program));
        Required += req; Declared += decl; Refundable += refund;
        if (flags > 0) FlaggedLines++;
    }

    public IReadOnlyList<AuthorityTotal> Authorities =>
        _authorities.Select(kv => new AuthorityTotal(kv.Key, kv.Value.Title, kv.Value.Req, kv.Value.Decl, kv.Value.Refund, kv.Value.Flags))
            .OrderByDescending(a => a.Required + a.Declared).ToList();

    /// <summary>Every entry in order of first appearance, with its fees and refund route on <paramref name="asOf"/>.</summary>
    public IReadOnlyList<EntrySummary> Entries(FeeSchedule fees, RefundRules refunds, DateOnly asOf)
    {
        var ieepa = refunds.Authorities.FirstOrDefault();
        return _order.Select(n =>
        {
            var a = _entries[n];
            var f = fees.Compute(a.Date, a.Mode, a.Fee);
            var status = ieepa is null || a.Refundable == 0 ? null : refunds.Status(ieepa, a.Date, a.Liquidation, asOf);
            return new EntrySummary(n, a.Importer, a.Date, a.Mode, a.Lines, a.Value, a.Required, a.Declared, a.Refundable, a.Flags, f, status);
        }).ToList();
    }

    public static IReadOnlyList<ImporterTotal> ByImporter(IEnumerable<EntrySummary> entries) =>
        entries.GroupBy(e => e.ImporterOfRecord ?? "(not given)")
            .Select(g => new ImporterTotal(g.Key, g.Count(), g.Sum(e => (long)e.Lines), g.Sum(e => e.Value), g.Sum(e => e.Required),
                g.Sum(e => e.Declared), g.Sum(e => e.Refundable), g.Sum(e => e.Fees.Total), g.Sum(e => e.Flags)))
            .OrderByDescending(i => i.Refundable).ThenBy(i => i.Importer, StringComparer.Ordinal).ToList();
}

/// <summary>Maps items on N workers and hands the results to one consumer in input order, with a bounded number in
/// flight, so memory stays flat however long the input is.</summary>
public static class OrderedParallel
{
    public static async Task RunAsync<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> map, Action<TOut> sink, int workers = 0, CancellationToken ct = default)
    {
        if (workers <= 0) workers = Environment.ProcessorCount;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = cts.Token;
        var input = Channel.CreateBounded<(long, TIn)>(workers * 2);
        var output = Channel.CreateBounded<(long, TOut)>(workers * 4);
        var reader = Task.Run(async () =>
        {
            try { long i = 0; foreach (var x in items) await input.Writer.WriteAsync((i++, x), token); input.Writer.Complete(); }
            catch (Exception e) { input.Writer.Complete(e); throw; }
        }, token);
        var mappers = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (i, x) in input.Reader.ReadAllAsync(token)) await output.Writer.WriteAsync((i, map(x)), token);
        }, token)).ToArray();
        var done = Task.WhenAll(mappers).ContinueWith(t => output.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            var pending = new Dictionary<long, TOut>();
            long next = 0;
            await foreach (var (i, y) in output.Reader.ReadAllAsync(token))
            {
                pending[i] = y;
                while (pending.Remove(next, out var ready)) { sink(ready); next++; }
            }
            await reader;
        }
        catch
        {
            cts.Cancel();
            try { await Task.WhenAll(mappers.Append(reader)); } catch { /* the first failure is the one to report */ }
            throw;
        }
        await done;
    }
}
