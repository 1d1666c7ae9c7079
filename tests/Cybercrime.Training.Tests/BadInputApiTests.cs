using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Cybercrime.Training.Tests;

/// <summary>What a caller sending the wrong thing is told, and that nothing is stored.</summary>
public sealed class BadInputApiTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    private const string Valid = """{"title":"Evidence","topics":["osint"],"format":"online","languages":["en"],"startDate":"2020-05-04","endDate":"2020-05-08"}""";

    [Fact]
    public async Task Every_wrongly_typed_field_is_named_with_the_type_it_expects()
    {
        const string body = """
            {"title":7,"topics":"osint","format":3,"languages":[1,"en"],"startDate":"tomorrow","endDate":20200508,
             "hostCountry":false,"audiences":{"a":1},"partners":[true],"capacity":"thirty","trainTheTrainer":"yes"}
            """;

        var errors = await RefusedAsync("/training/sessions", body);

        Assert.Equal(
            ["audiences", "capacity", "endDate", "format", "hostCountry", "languages[0]", "partners[0]", "startDate", "title", "topics", "trainTheTrainer"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Expected a whole number.", Message(errors, "capacity"));
        Assert.Equal("Expected true or false.", Message(errors, "trainTheTrainer"));
        Assert.Equal("Expected a string.", Message(errors, "title"));
        Assert.StartsWith("Expected a list, each item one of: ", Message(errors, "topics"), StringComparison.Ordinal);
        Assert.Equal("Expected a date (ISO 8601, e.g. 2020-05-04).", Message(errors, "startDate"));
        Assert.DoesNotContain(errors, e => e.Key != "startDate" && e.Key != "endDate" && Message(errors, e.Key).Contains("ISO 8601", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_nested_wrongly_typed_field_is_named_by_its_path()
    {
        var id = await ScheduleAsync();

        var errors = await RefusedAsync($"/training/sessions/{id}/registrations",
            """{"participant":{"externalRef":12,"gender":"robot","countryCode":"GTM","agencyType":"judiciary"}}""");

        Assert.Equal(["participant.externalRef", "participant.gender"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("not one of: female, male, other, undisclosed", Message(errors, "participant.gender"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_told_plainly_that_a_json_body_is_required(string body)
    {
        var errors = await RefusedAsync("/training/sessions", body);

        Assert.Equal("A JSON body is required.", Message(errors, "body"));
    }

    [Fact]
    public async Task A_post_without_any_body_is_told_a_json_body_is_required()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");

        var response = await gua.PostAsync("/training/sessions", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A JSON body is required.", Message(await ErrorsAsync(response), "body"));
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("\"session\"", "body")]
    [InlineData("12", "body")]
    [InlineData("{\"topics\":[[1]]}", "topics[0]")]
    [InlineData("{\"capacity\":1e400}", "capacity")]
    [InlineData("{\"capacity\":3.5}", "capacity")]
    [InlineData("{\"startDate\":\"2020-02-30\"}", "startDate")]
    [InlineData("{\"startDate\":\"2020-05-04T10:00:00Z\"}", "startDate")]
    [InlineData("{\"format\":{\"online\":true}}", "format")]
    [InlineData("{\"title\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", "body")]
    public async Task Odd_bodies_are_refused_naming_the_field_never_with_a_server_error(string body, string field)
    {
        var errors = await RefusedAsync("/training/sessions", body);

        Assert.Contains(field, errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_refused()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var content = new ByteArrayContent([.. "{\"title\":\""u8, 0xff, 0xfe, .. "\"}"u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await gua.PostAsync("/training/sessions", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_named_as_such()
    {
        var errors = await RefusedAsync("/training/sessions", """{"title":"x",""");

        Assert.StartsWith("The body is not valid JSON", Message(errors, "body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_given_twice_is_refused_not_taken_from_its_last_copy()
    {
        var errors = await RefusedAsync("/training/sessions", Valid.Replace("{\"title\":\"Evidence\"", "{\"title\":\"Evidence\",\"title\":\"Other\"", StringComparison.Ordinal));

        Assert.Equal(["title"], errors.Select(e => e.Key));
        Assert.Equal("Given more than once; send each field once.", Message(errors, "title"));
    }

    [Theory]
    [InlineData("year=abc", "year", "Expected a whole number, not 'abc'.")]
    [InlineData("year=99999999999", "year", "Expected a whole number, not '99999999999'.")]
    [InlineData("page=first", "page", "Expected a whole number, not 'first'.")]
    public async Task A_query_value_of_the_wrong_type_is_named_with_the_type_it_expects(string query, string field, string message)
    {
        var gua = await api.ClientAsync("GUA", "office-editor");

        var response = await gua.GetAsync($"/training/sessions?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Equal(message, Message(errors, field));
    }

    [Fact]
    public async Task A_json_body_sent_as_another_type_is_told_to_send_json()
    {
        var gua = await api.ClientAsync("GUA", "office-editor");

        var response = await gua.PostAsync("/training/sessions", new StringContent(Valid, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(text.Contains("application/json", StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u200b")]
    [InlineData("\\u202e")]
    [InlineData(" \\u200b\\t ")]
    public async Task A_title_of_control_or_invisible_characters_is_refused(string title)
    {
        var errors = await RefusedAsync("/training/sessions", Valid.Replace("\"Evidence\"", $"\"{title}\"", StringComparison.Ordinal));

        Assert.Equal(["title"], errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData("0001-01-01", "2020-05-08", "startDate")]
    [InlineData("1900-05-04", "1900-05-08", "endDate")]
    [InlineData("2101-05-04", "2101-05-08", "startDate")]
    [InlineData("0001-01-01", "9999-12-31", "endDate")]
    public async Task A_session_outside_the_reporting_years_is_refused(string start, string end, string field)
    {
        var errors = await RefusedAsync("/training/sessions", Valid.Replace("2020-05-04", start, StringComparison.Ordinal).Replace("2020-05-08", end, StringComparison.Ordinal));

        Assert.Contains(field, errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_hundred_thousand_bad_headcount_lines_get_a_short_answer()
    {
        var id = await ScheduleAsync(format: "webinar");
        var gua = await api.ClientAsync("GUA", "office-editor");
        var body = new { counts = Enumerable.Range(0, 100_000).Select(_ => new { countryCode = "XX", gender = "female", count = 1 }) };
        var before = api.Stored();

        var response = await gua.PutAsJsonAsync($"/training/sessions/{id}/headcount", body, TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Length < 20_000, $"{text.Length} characters");
        // Each line's country is wrong, and every line after the first counts the same country and gender again.
        Assert.Equal((100, 2 * 100_000 - 1 - 100), (JsonNode.Parse(text)!["errors"]!.AsObject().Count, JsonNode.Parse(text)!["unlistedFields"]!.GetValue<int>()));
        Assert.Equal(before, api.Stored());
    }

    private async Task<string> ScheduleAsync(string format = "online")
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var response = await gua.PostAsync("/training/sessions",
            new StringContent(Valid.Replace("\"online\"", $"\"{format}\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
    }

    /// <summary>Posts <paramref name="json"/>, expects a 400 problem, checks nothing was stored, and returns its errors.</summary>
    private async Task<JsonObject> RefusedAsync(string path, string json)
    {
        var gua = await api.ClientAsync("GUA", "office-editor");
        var before = api.Stored();

        var response = await gua.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, api.Stored());
        return await ErrorsAsync(response);
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!["errors"]?.AsObject() ?? throw new InvalidOperationException($"No errors in {text}");
    }

    private static string Message(JsonObject errors, string field) => errors[field]![0]!.GetValue<string>();
}
