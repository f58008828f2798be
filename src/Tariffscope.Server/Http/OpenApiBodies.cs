using Microsoft.OpenApi;

namespace Tariffscope.Server.Http;

/// <summary>
/// Describes request bodies in the OpenAPI document without <c>Accepts</c> metadata: that would make routing refuse
/// a wrong content type with a bare 415, where <see cref="RequestBody"/> says what was expected.
/// </summary>
public static class OpenApiBodies
{
    public static RouteHandlerBuilder DocumentJsonBody<T>(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer(async (op, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            op.RequestBody = new OpenApiRequestBody
            {
                Required = true, Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [RequestBody.Json[0]] = new() { Schema = schema } },
            };
        });

    public static RouteHandlerBuilder DocumentTextBody(this RouteHandlerBuilder builder, string[] mediaTypes, string description) =>
        builder.AddOpenApiOperationTransformer((op, _, _) =>
        {
            op.RequestBody = new OpenApiRequestBody
            {
                Required = true, Description = description,
                Content = mediaTypes.ToDictionary(m => m, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
            return Task.CompletedTask;
        });
}
