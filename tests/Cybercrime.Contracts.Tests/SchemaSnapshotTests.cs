using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Cybercrime.Contracts.Tests;

/// <summary>
/// Every integration event's JSON schema is kept in <c>schemas/</c>. A change to a contract fails here
/// until the snapshot is updated on purpose (<c>UPDATE_SCHEMAS=1 ./test.sh</c> rewrites it and still
/// fails, so the variable can never turn a change green), and review then sees the schema diff:
/// additive changes only; a breaking change is a new event type. Snapshots are named after the
/// events' stable names, so renaming a class needs none renamed.
/// </summary>
public sealed class SchemaSnapshotTests
{
    public static TheoryData<string> Events() =>
        [.. EventNames.Events.Select(EventNames.Of).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Events))]
    public void The_schema_of_each_event_matches_its_snapshot(string eventName)
    {
        var type = EventNames.Resolve(eventName)!;
        var schema = Schema(type).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var file = Path.Combine(SchemasFolder(), $"{eventName}.json");

        MatchesSnapshot(file, schema, update: Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1");
    }

    [Fact]
    public void Updating_a_changed_snapshot_rewrites_it_and_still_fails()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "{}\n");

        Assert.ThrowsAny<Exception>(() => MatchesSnapshot(file, "{\"changed\":true}\n", update: true));
        Assert.Equal("{\"changed\":true}\n", File.ReadAllText(file));
        MatchesSnapshot(file, "{\"changed\":true}\n", update: true);
        File.Delete(file);
    }

    /// <summary>
    /// Fails unless <paramref name="schema"/> is the snapshot in <paramref name="file"/>. With
    /// <paramref name="update"/>, a changed schema is written for review and the test still fails, so
    /// the variable can never turn a change green.
    /// </summary>
    private static void MatchesSnapshot(string file, string schema, bool update)
    {
        var snapshot = File.Exists(file) ? File.ReadAllText(file) : null;
        if (snapshot != schema && update)
        {
            File.WriteAllText(file, schema);
            Assert.Fail($"Rewrote {file}: review its diff, commit it, and run the tests again without UPDATE_SCHEMAS.");
        }

        Assert.True(snapshot is not null, $"No snapshot {file}: run UPDATE_SCHEMAS=1 ./test.sh, review and commit it.");
        Assert.Equal(snapshot, schema);
    }

    [Fact]
    public void Every_snapshot_belongs_to_an_event_that_still_exists()
    {
        var events = Events().Select(row => (string)row.Data).ToHashSet();

        Assert.All(Directory.GetFiles(SchemasFolder(), "*.json"), file =>
            Assert.Contains(Path.GetFileNameWithoutExtension(file), events));
    }

    /// <summary>The schema System.Text.Json derives from the contract options, with enums spelled out.</summary>
    internal static JsonNode Schema(Type type) =>
        JsonSchemaExporter.GetJsonSchemaAsNode(ContractJson.Options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var enumType = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                // Our enum converter is opaque to the exporter, which would otherwise allow anything.
                return enumType.IsEnum
                    ? new JsonObject
                    {
                        ["type"] = "string",
                        ["enum"] = new JsonArray([.. Enum.GetNames(enumType).Select(n => (JsonNode)JsonNamingPolicy.KebabCaseLower.ConvertName(n))]),
                    }
                    : node;
            },
        });

    private static string SchemasFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "schemas");
}
