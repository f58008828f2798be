using System.Collections.Immutable;
using System.Diagnostics;
using Tariffscope.Data.Entries;
using Tariffscope.Data.Fees;
using Tariffscope.Engine.Batch;
using Tariffscope.Engine.Replay;
using Tariffscope.Fees;

namespace Tariffscope.Questions.Replay;

/// <summary>
/// Entry lines to replay, given inline as a table (<see cref="Columns"/> and <see cref="Rows"/>, as a file would hold
/// them) or as a file (<see cref="Input"/>, with <see cref="Output"/> for the line file).
/// </summary>
public sealed record EntryReplayRequest
{
    public IReadOnlyList<string>? Columns { get; init; }
    public IReadOnlyList<IReadOnlyList<string?>>? Rows { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? Rejects { get; init; }
    public string? Entries { get; init; }
    public IReadOnlyDictionary<string, string>? Map { get; init; }
    public char? Delimiter { get; init; }
    public string Scenario { get; init; } = "actual";
    /// <summary>The day the refund status is judged on (liquidated or not, days since); today when not given.</summary>
    public DateOnly? AsOf { get; init; }
    /// <summary>A layer is flagged when declared and required differ by more than this (USD).</summary>
    public decimal Threshold { get; init; } = 1m;
    public int Workers { get; init; }
}

public sealed record ReplayLayer(string Authority, string AuthorityTitle, string? Heading, string? Rate, decimal Required, decimal Declared,
    decimal Difference, string? DeclaredAs, bool Refundable, string? Flag, string? Reason, string? Source);

public sealed record ReplayedLine(long Row, string EntryNumber, int Line, string Code, string Origin, DateOnly EntryDate, decimal Value,
    string? Program, decimal Required, decimal Declared, decimal Difference, decimal Refundable, ImmutableArray<ReplayLayer> Layers,
    ImmutableArray<string> Warnings);

public sealed record ReplayFee(string Id, string Title, decimal Base, string Rate, decimal Amount, string Note, string Source);

public sealed record ReplayEntry(string EntryNumber, string? ImporterOfRecord, DateOnly EntryDate, string? Mode, int Lines, decimal Value,
    decimal Required, decimal Declared, decimal Difference, decimal Refundable, long Flags, ImmutableArray<ReplayFee> Fees, decimal FeesTotal,
    bool DeMinimis, string DeMinimisNote, ImmutableArray<string> FeeWarnings,
    string? Status, DateOnly? Liquidation, bool? LiquidationEstimated, DateOnly? ProtestDeadline, string? RefundRoute, string? RouteConfidence, bool? RouteUnsure);

public sealed record ReplayReject(string Field, long Count, long FirstLine, string Example);

/// <summary>What a replay found: the accounting (every line rated or rejected), the totals by authority, importer and
/// entry, and for an inline request each line's layers. For a file, the paths written.</summary>
public sealed record EntryReplayAnswer(
    string Scenario, DateOnly AsOf, long InputLines, long Rated, long Rejected, bool Balanced,
    decimal Required, decimal Declared, decimal Difference, decimal Refundable, decimal Fees, long FlaggedLines,
    ImmutableArray<AuthorityTotal> Authorities, ImmutableArray<ImporterTotal> Importers, ImmutableArray<ReplayEntry> Entries,
    int EntryCount, ImmutableArray<ReplayedLine> Lines, ImmutableArray<ReplayReject> Rejects,
    string? LinesFile, string? EntriesFile, string? RejectsFile, double Seconds, ImmutableArray<string> Sources);

/// <summary>
/// "What did each entry line pay under each authority, what should it have paid on its date, and what can be claimed
/// back": replays lines under the rules of their entry dates, compares with what was declared per HTS number, computes
/// each entry's fees and the refund route of its IEEPA duties.
/// </summary>
public sealed class EntryReplayQuestion(Rulebook rulebook)
{
    /// <summary>An answer lists at most this many entries (the file of entries holds them all).</summary>
    public const int MaxEntriesInAnswer = 1000;
    /// <summary>An inline request replays at most this many rows.</summary>
    public const int MaxInlineRows = 10_000;

    public Task<EntryReplayAnswer> AskAsync(EntryReplayRequest request, CancellationToken ct = default) =>
        request.Input is not null ? FileAsync(request, ct) : Task.FromResult(Inline(request));

    private (LineReplayer Replayer, FeeFile Fees, DateOnly AsOf) Setup(EntryReplayRequest r)
    {
        if (r.Threshold < 0) throw new ArgumentException("--threshold: must not be negative");
        var fees = FeeFile.BuiltIn();
        return (new LineReplayer(rulebook.Engine(r.Scenario), fees.Refunds, r.Threshold), fees, r.AsOf ?? rulebook.Today.Date);
    }

    public EntryReplayAnswer Inline(EntryReplayRequest r)
    {
        var watch = Stopwatch.StartNew();
        if (r.Columns is null || r.Rows is null) throw new ArgumentException("give the lines as columns and rows (or a file)");
        if (r.Rows.Count > MaxInlineRows) throw new ArgumentException($"at most {MaxInlineRows} rows per request (got {r.Rows.Count}); replay a file for more");
        if (r.Columns.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("columns: every column needs a name");
        if (r.Map is not null && r.Map.Any(kv => string.IsNullOrWhiteSpace(kv.Key) || string.IsNullOrWhiteSpace(kv.Value)))
            throw new ArgumentException("map: expected COLUMN → FIELD pairs, both named");
        var (replayer, fees, asOf) = Setup(r);
        var columns = ReplayColumns.Match(r.Columns, r.Map);
        var parser = new ReplayLineParser(columns);
        var account = new ReplayAccount();
        var lines = ImmutableArray.CreateBuilder<ReplayedLine>();
        long n = 0;
        foreach (var row in r.Rows)
        {
            n++;
            var raw = new RawLine(n, (row ?? []).Select(x => x ?? "").ToArray());
            if (raw.Fields.Length != r.Columns.Count) raw = raw with { Fault = new LineFault("(line)", $"{raw.Fields.Length} fields where the columns are {r.Columns.Count}") };
            var (replay, fault) = One(replayer, parser, raw);
            if (replay is null) { account.Reject(n, fault!); continue; }
            account.Add(replay);
            lines.Add(Describe(n, replay));
        }
        return Answer(r, account, fees, asOf, lines.ToImmutable(), null, null, null, watch.Elapsed);
    }

    private static (LineReplay?, LineFault?) One(LineReplayer replayer, ReplayLineParser parser, in RawLine raw)
    {
        if (raw.Fault is not null) return (null, raw.Fault);
        var line = parser.Parse(raw, out var fault);
        if (line is null) return (null, fault);
        try { return (replayer.Replay(line), null); }
        catch (Tariffscope.Engine.RatingException e)
        {
            var field = e.Field switch
            {
                "code" => parser.Columns.Entry.NameOf(EntryField.Code),
                "date" => parser.Columns.Entry.NameOf(EntryField.Date),
                "value" => parser.Columns.Entry.NameOf(EntryField.Value),
                "quantity" => parser.Columns.Entry.NameOf(EntryField.Quantity),
                "origin" => parser.Columns.Entry.NameOf(EntryField.Origin),
                _ => e.Field,
            };
            return (null, new LineFault(field, e.Message));
        }
    }

    private async Task<EntryReplayAnswer> FileAsync(EntryReplayRequest r, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (r.Output is null) throw new ArgumentException("--out: name the line file to write (.csv, .xlsx or .parquet)");
        var (replayer, fees, asOf) = Setup(r);
        var rejects = r.Rejects ?? ResultFiles.DefaultRejectsPath(r.Output);
        var entriesPath = r.Entries ?? ReplayFiles.DefaultEntriesPath(r.Output);
        Batch.RateFileQuestion.CheckPaths(r.Input!, ("--out", r.Output), ("--rejects", rejects), ("--entries", entriesPath));
        using var source = EntryFiles.Open(r.Input!, r.Delimiter);
        var columns = ReplayColumns.Match(source.Columns, r.Map);
        var parser = new ReplayLineParser(columns);
        using var files = new ReplayFiles(source.Columns, r.Output, rejects, entriesPath);
        var account = new ReplayAccount();
        var refund = fees.Refunds.Authorities.FirstOrDefault();
        await OrderedParallel.RunAsync(BatchPipeline.Chunk(source.Lines()),
            chunk => chunk.Lines.Select(l => (l, One(replayer, parser, l))).ToArray(),
            done =>
            {
                foreach (var (raw, (replay, fault)) in done)
                {
                    if (replay is null) { account.Reject(raw.Number, fault!); files.Reject(raw, fault!); continue; }
                    account.Add(replay);
                    var status = refund is null || replay.Refundable == 0 ? null
                        : fees.Refunds.Status(refund, replay.Line.Entry.Date, replay.Line.LiquidationDate, asOf);
                    files.Write(raw, replay, status);
                }
            }, r.Workers, ct);
        var entries = account.Entries(fees.Fees, fees.Refunds, asOf);
        files.Commit(entries);
        if (source.LinesRead != account.InputLines || files.LinesWritten != account.Rated || files.RejectsWritten != account.Rejected)
            throw new InvalidOperationException($"replay accounting does not add up: {source.LinesRead} read, {files.LinesWritten} written, {files.RejectsWritten} rejected");
        return Answer(r, account, fees, asOf, [], files.LinesPath, files.EntriesPath, files.RejectsPath, watch.Elapsed, entries);
    }

    private static ReplayedLine Describe(long row, LineReplay r) => new(row, r.Line.EntryNumber, r.Line.LineNumber, r.Line.Entry.Code.ToString(),
        r.Line.Entry.Origin, r.Line.Entry.Date, r.Line.Entry.CustomsValue, r.Line.Entry.Program, r.Required, r.Declared, r.Difference, r.Refundable,
        r.Rows.Select(x => new ReplayLayer(x.Family, x.FamilyTitle, x.Heading, x.Rate, x.Required, x.Declared, x.Difference, x.DeclaredAs,
            x.Refundable, x.Flag?.ToString(), x.Reason, x.Source?.ToString())).ToImmutableArray(), r.Quote.Warnings);

    private static EntryReplayAnswer Answer(EntryReplayRequest r, ReplayAccount a, FeeFile fees, DateOnly asOf, ImmutableArray<ReplayedLine> lines,
        string? linesFile, string? entriesFile, string? rejectsFile, TimeSpan elapsed, IReadOnlyList<EntrySummary>? entries = null)
    {
        entries ??= a.Entries(fees.Fees, fees.Refunds, asOf);
        var shown = entries.OrderByDescending(e => e.Refundable).ThenBy(e => e.EntryNumber, StringComparer.Ordinal).Take(MaxEntriesInAnswer)
            .Select(e => new ReplayEntry(e.EntryNumber, e.ImporterOfRecord, e.EntryDate, e.Mode?.ToString().ToLowerInvariant(), e.Lines, e.Value,
                e.Required, e.Declared, e.Difference, e.Refundable, e.Flags,
                e.Fees.Charges.Select(c => new ReplayFee(c.Id, c.Title, c.Base, c.Rate, c.Amount, c.Note, c.Source.ToString())).ToImmutableArray(),
                e.Fees.Total, e.Fees.DeMinimis, e.Fees.DeMinimisNote, e.Fees.Warnings,
                e.Refund?.Status.ToString().ToLowerInvariant(), e.Refund?.Liquidation, e.Refund?.LiquidationEstimated, e.Refund?.ProtestDeadline,
                e.Refund?.Route, e.Refund?.RouteSource.Confidence.ToString().ToLowerInvariant(), e.Refund?.Unsure))
            .ToImmutableArray();
        var feeTotal = entries.Sum(e => e.Fees.Total);
        var sources = ImmutableArray.Create(
            $"merchandise processing fee: {fees.Fees.MpfLaw}; years: " + string.Join("; ", fees.Fees.MpfYears.Select(y => $"{y.From:yyyy-MM-dd}–{y.Through:yyyy-MM-dd} {y.Min}/{y.Max} ({y.Source})")),
            $"harbor maintenance fee: {fees.Fees.HmfSource}",
            $"de minimis: {fees.Fees.DeMinimisSource}; suspended " + string.Join("; ", fees.Fees.DeMinimisSuspensions.Select(s => $"from {s.From:yyyy-MM-dd} ({s.Source})")),
            $"liquidation when not given: entry + {fees.Refunds.LiquidationDays} days ({fees.Refunds.LiquidationSource}); protest: {fees.Refunds.ProtestDays} days ({fees.Refunds.ProtestSource})");
        return new EntryReplayAnswer(r.Scenario, asOf, a.InputLines, a.Rated, a.Rejected, a.IsBalanced, a.Required, a.Declared, a.Declared - a.Required,
            a.Refundable, feeTotal, a.FlaggedLines, [.. a.Authorities], [.. ReplayAccount.ByImporter(entries)], shown, entries.Count, lines,
            a.RejectCounts.Select(x => new ReplayReject(x.Field, x.Count, x.FirstLine, x.Example)).ToImmutableArray(),
            linesFile, entriesFile, rejectsFile, Math.Round(elapsed.TotalSeconds, 3), sources);
    }
}
