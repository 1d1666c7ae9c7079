using System.Text.Json.Nodes;
using Cybercrime.Platform.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Cybercrime.Reporting.Exports;

/// <summary>
/// Gives a route its exports by one line: JSON as before, CSV and XLSX of the same answer for
/// <c>Accept: text/csv</c>, <c>Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</c>
/// or <c>?format=csv|xlsx</c>, as an attachment named <c>&lt;name&gt;-&lt;year&gt;.csv</c>. A format the route
/// does not offer answers 406; an answer other than 200 (a 400 naming a field) is left as it is.
/// </summary>
internal static class Exported
{
    /// <param name="alsoOffered">Formats the route renders itself (it reads <see cref="Chosen"/>), offered after JSON.</param>
    /// <param name="asTable">What the exports hold when the answer itself is not shaped for a spreadsheet.</param>
    public static RouteHandlerBuilder WithExports(
        this RouteHandlerBuilder route, string name, ExportFormat[]? alsoOffered = null, Func<object, object>? asTable = null)
    {
        ExportFormat[] offered = [ExportFormat.Json, .. alsoOffered ?? [], ExportFormat.Csv, ExportFormat.Xlsx];
        route
            .AddEndpointFilterFactory((factory, next) =>
            {
                var routeOwnsFormat = factory.MethodInfo.GetParameters().Any(p => p.Name == "format");
                return context => ChooseAsync(context, next, name, offered, routeOwnsFormat, asTable);
            })
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .Add(endpoint =>
            {
                // The API reference lists every format of the 200, with the answer's own type (declared before) for each.
                var answer = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().LastOrDefault(m => m.StatusCode == StatusCodes.Status200OK && m.Type is not null);
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, answer?.Type, [.. offered.Select(Negotiation.MediaType)]));
            });
        return route;
    }

    private static async ValueTask<object?> ChooseAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, string name, ExportFormat[] offered, bool routeOwnsFormat, Func<object, object>? asTable)
    {
        var http = context.HttpContext;
        http.Response.Headers.Vary = "Accept";
        if (Negotiation.Choose(http.Request, offered, routeOwnsFormat, out var problem) is not { } format)
        {
            if (problem is not null)
            {
                var errors = new ValidationErrors();
                errors.Add("format", problem);
                return errors.ToResult();
            }

            return TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable,
                title: "The format asked for is not offered.",
                detail: $"This route answers {string.Join(", ", offered.Select(Negotiation.MediaType))}; or ask ?format={string.Join("|", offered.Select(Negotiation.QueryName))}.");
        }

        http.Items[typeof(ExportFormat)] = format;
        var result = await next(context);
        if (format is not (ExportFormat.Csv or ExportFormat.Xlsx) || result is not IValueHttpResult { Value: { } value } || result is IStatusCodeHttpResult { StatusCode: not 200 })
        {
            return result;
        }

        var answer = Flattened.Serialise(asTable is null ? value : asTable(value));
        var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(name, answer)}.{extension}\"";
        return format == ExportFormat.Csv
            ? TypedResults.Bytes(CsvExport.Write(answer), "text/csv; charset=utf-8")
            : TypedResults.Bytes(XlsxExport.Write(answer), Negotiation.XlsxType);
    }

    /// <summary>
    /// <c>awareness-summary-2020-GUA-webinar</c>: the year, then each filter the answer echoes, in the order
    /// it gives them, so that two exports of different questions never share a name. Values are the
    /// validated wire names (offices, regions, kinds, ISO codes), so they are safe in a file name.
    /// </summary>
    private static string FileName(string name, JsonNode? answer)
    {
        string[] filters = ["year", "office", "region", "topic", "format", "kind", "requestingCountry"];
        var parts = filters.Select(f => answer?[f]).Where(v => v is JsonValue).Select(v => Flattened.Text(v!.AsValue()));
        return string.Join("-", [name, .. parts.Where(p => p.Length > 0)]);
    }

    /// <summary>The format the request was answered in, as the filter chose it.</summary>
    public static ExportFormat Chosen(HttpContext http) => http.Items[typeof(ExportFormat)] as ExportFormat? ?? ExportFormat.Json;
}
