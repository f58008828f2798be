using Tariffscope.Questions.Trade;

namespace Tariffscope.Server.Tests;

/// <summary>A long question stops when every client waiting for it has gone, and goes on while one still waits.</summary>
public class TradeResultsCancellationTests
{
    [Fact]
    public async Task The_work_is_cancelled_when_the_last_client_leaves()
    {
        var dir = TradeDataDir.Create();
        try
        {
            var results = new TradeData(dir);
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            string Work(CancellationToken token)
            {
                // stands for the indicators' loop over dates: it checks the token and would otherwise run a minute
                for (int i = 0; i < 600; i++)
                {
                    if (token.IsCancellationRequested) { stopped.TrySetResult(true); token.ThrowIfCancellationRequested(); }
                    Thread.Sleep(100);
                }
                stopped.TrySetResult(false);
                return "done";
            }
            using var a = new CancellationTokenSource();
            using var b = new CancellationTokenSource();
            var first = results.GetAsync("q", Work, a.Token);
            var second = results.GetAsync("q", Work, b.Token);   // the same question: shares the work
            a.CancelAfter(150);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            await Task.Delay(300);
            Assert.False(stopped.Task.IsCompleted);               // one client still waits: the work goes on
            b.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
            var finished = await Task.WhenAny(stopped.Task, Task.Delay(5000));
            Assert.Same(stopped.Task, finished);
            Assert.True(await stopped.Task);                      // it saw the cancellation, it did not run to the end
        }
        finally { TradeDataDir.Delete(dir); }
    }
}
