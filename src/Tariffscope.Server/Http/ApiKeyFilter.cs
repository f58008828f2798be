using System.Security.Cryptography;
using System.Text;

namespace Tariffscope.Server.Http;

/// <summary>
/// Guards writes: with no key configured, writes are off (403, saying how to turn them on); with one, the request
/// must carry it in <c>X-Api-Key</c> (401 otherwise). Compared in constant time.
/// </summary>
public sealed class ApiKeyFilter(string? key) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    private readonly byte[]? _key = key is null ? null : Encoding.UTF8.GetBytes(key);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_key is null)
            return ValueTask.FromResult<object?>(Problems.Of(StatusCodes.Status403Forbidden, "Writes are off",
                $"this server accepts no uploads because no API key is configured; start it with ${ServerOptions.ApiKeyVariable} set (or `tariffscope serve --api-key KEY`) and send the key in the {Header} header"));
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
            return ValueTask.FromResult<object?>(Problems.Of(StatusCodes.Status401Unauthorized, "API key needed",
                given.Length == 0 ? $"uploads need the server's API key in the {Header} header" : $"the key in {Header} is not this server's API key", Header));
        return next(context);
    }
}
