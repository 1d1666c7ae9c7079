using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Reporting.Awareness;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Reporting.Tests;

/// <summary>The awareness facts round-trip through their MongoDB class maps, offline, with their indexed fields named as queried.</summary>
public sealed class AwarenessMongoMappingTests
{
    public AwarenessMongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void Awareness_facts_round_trip_with_their_indexed_fields_named_as_queried()
    {
        var now = DateTimeOffset.UtcNow;
        var observation = ObservationFacts.From(new ObservationRecorded(
            Guid.NewGuid(), now, "GUA", Guid.NewGuid(), 3, Guid.NewGuid(), Channel.Twitter, ReachMetric.Views, "2020-Q2", null, "es", 1_700_000, 1_500_000));
        var activity = new ActivityHeld(Guid.NewGuid(), now, "GUA", Guid.NewGuid(), 1,
            new ActivitySnapshot("Webinar", ActivityKind.SchoolSession, new DateOnly(2020, 6, 18), ["es"], null, [new ParticipantCount("GTM", 412)]));
        var row = ActivityCountryFacts.From(activity).Single();

        var observationBson = observation.ToBsonDocument();
        var rowBson = row.ToBsonDocument();

        Assert.Equal((2020, "2020-Q2", "unspecified", "es"), (observationBson["year"].AsInt32, observationBson["period"].AsString, observationBson["country"].AsString, observationBson["language"].AsString));
        Assert.Equal(("SchoolSession", "GUA"), (ActivityFacts.From(activity).ToBsonDocument()["kind"].AsString, ActivityFacts.From(activity).ToBsonDocument()["office"].AsString));
        Assert.Equal(1_700_000, observationBson["value"].ToInt64());
        Assert.Equal((2020, "GTM", 412L), (rowBson["year"].AsInt32, rowBson["countryCode"].AsString, rowBson["count"].ToInt64()));
        Assert.Equivalent(observation, BsonSerializer.Deserialize<ObservationFacts>(observationBson), strict: true);
        Assert.Equivalent(row, BsonSerializer.Deserialize<ActivityCountryFacts>(rowBson), strict: true);
        Assert.Equivalent(ActivityFacts.From(activity), BsonSerializer.Deserialize<ActivityFacts>(ActivityFacts.From(activity).ToBsonDocument()), strict: true);
    }
}
