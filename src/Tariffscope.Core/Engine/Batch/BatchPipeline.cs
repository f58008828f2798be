using System.Threading.Channels;

namespace Tariffscope.Engine.Batch;

/// <summary>Where rated chunks go, in input order (the result and rejects files).</summary>
public interface IRatedSink
{
    /// <summary>Called by a worker, on its own thread, once the chunk is rated: work that needs no order (formatting
    /// rows) done here leaves the one writer thread only to put them out.</summary>
    void Prepare(RatedChunk chunk) { }

    void Write(RatedChunk chunk);
}

/// <summary>
/// Streams a batch: one reader hands chunks of lines into a bounded channel, N workers rate them, one writer puts
/// them out in input order. At most <c>4 × workers</c> chunks are in flight at any time, so memory stays flat
/// however long the file is.
/// </summary>
public static class BatchPipeline
{
    public const int DefaultChunkLines = 2048;

    /// <summary>
    /// Runs the batch and returns its summary. <paramref name="progress"/> receives the count of lines written so
    /// far. An exception in any stage stops the others and is rethrown.
    /// </summary>
    public static async Task<BatchSummary> RunAsync(IEnumerable<RawChunk> chunks, BatchRater rater, IRatedSink sink,
        int workers = 0, Action<long>? progress = null, CancellationToken ct = default)
    {
        if (workers <= 0) workers = Environment.ProcessorCount;
        int inFlight = workers * 4;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = cts.Token;
        using var gate = new SemaphoreSlim(inFlight, inFlight);
        var input = Channel.CreateBounded<RawChunk>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var output = Channel.CreateUnbounded<RatedChunk>(new UnboundedChannelOptions { SingleReader = true });

        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var c in chunks)
                {
                    await gate.WaitAsync(token);
                    await input.Writer.WriteAsync(c, token);
                }
                input.Writer.Complete();
            }
            catch (Exception e) { input.Writer.Complete(e); throw; }
        }, token);

        var rating = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var c in input.Reader.ReadAllAsync(token))
            {
                var rated = rater.Rate(c);
                sink.Prepare(rated);
                await output.Writer.WriteAsync(rated, token);
            }
        }, token)).ToArray();
        var ratingDone = Task.WhenAll(rating).ContinueWith(t =>
        {
            if (t.Exception is { } ex) output.Writer.TryComplete(ex.InnerException);
            else output.Writer.TryComplete(t.IsCanceled ? new OperationCanceledException(token) : null);
        }, TaskScheduler.Default);

        var summary = new BatchSummary(rater.Layout, rater.TopLines);
        try
        {
            var pending = new Dictionary<long, RatedChunk>();
            long next = 0, lines = 0;
            await foreach (var c in output.Reader.ReadAllAsync(token))
            {
                pending[c.Sequence] = c;
                while (pending.Remove(next, out var ready))
                {
                    sink.Write(ready);
                    summary.Merge(ready.Summary);
                    lines += ready.Count;
                    ready.Release();
                    progress?.Invoke(lines);
                    next++;
                    gate.Release();
                }
            }
            await reader; // surfaces a reader failure
            if (pending.Count > 0) throw new InvalidOperationException($"{pending.Count} chunk(s) arrived out of sequence and were not written");
        }
        catch
        {
            cts.Cancel();
            try { await Task.WhenAll(rating.Append(reader)); } catch { /* the first failure is the one to report */ }
            throw;
        }
        await ratingDone;
        return summary;
    }

    /// <summary>Cuts a stream of lines into numbered chunks.</summary>
    public static IEnumerable<RawChunk> Chunk(IEnumerable<RawLine> lines, int size = DefaultChunkLines)
    {
        long seq = 0;
        var buf = new List<RawLine>(size);
        foreach (var l in lines)
        {
            buf.Add(l);
            if (buf.Count == size) { yield return new RawChunk(seq++, buf.ToArray()); buf.Clear(); }
        }
        if (buf.Count > 0) yield return new RawChunk(seq, buf.ToArray());
    }
}
