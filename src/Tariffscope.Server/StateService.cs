using Tariffscope.Questions.Store;
using Tariffscope.Questions.Webhooks;

namespace Tariffscope.Server;

/// <summary>
/// The server's housekeeping on its store, every <see cref="ServerOptions.HousekeepingInterval"/>: batch results past
/// their retention are deleted (files and rows), and webhooks are planned and delivered.
/// </summary>
internal sealed class StateService(BatchStore batches, WebhookDispatcher webhooks, ServerOptions options, ILogger<StateService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.HousekeepingInterval);
        do
        {
            try
            {
                batches.Sweep();
                webhooks.Plan();
                await webhooks.DeliverDueAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "housekeeping failed; trying again in {Seconds} s", options.HousekeepingInterval.TotalSeconds);
            }
        } while (await timer.WaitForNextTickAsync(stop));
    }
}
