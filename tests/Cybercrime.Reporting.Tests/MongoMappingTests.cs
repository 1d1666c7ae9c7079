using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Reporting.Training;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Reporting.Tests;

/// <summary>The reporting facts round-trip through their MongoDB class maps, offline.</summary>
public sealed class MongoMappingTests
{
    public MongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void Training_facts_round_trip_with_their_indexed_fields_named_as_queried()
    {
        var session = TrainingFacts.Session(new DateOnly(2020, 7, 29), [TrainingTopic.InternationalCooperation]);
        var sessionFacts = SessionFacts.From(TrainingFacts.Headcount(session, 3, new Headcount("KEN", Gender.Female, 12)));
        var participation = ParticipationFacts.From(TrainingFacts.In(session, Guid.NewGuid()).Completion);

        var sessionBson = sessionFacts.ToBsonDocument();
        var participationBson = participation.ToBsonDocument();

        Assert.Equal(2020, sessionBson["endYear"].AsInt32);
        Assert.Equal(participation.SessionId, participationBson["sessionId"].AsString);
        Assert.Equal("Completed", participationBson["status"].AsString);
        Assert.False(participationBson.Contains("takesPart"));
        Assert.Equivalent(sessionFacts, BsonSerializer.Deserialize<SessionFacts>(sessionBson), strict: true);
        Assert.Equivalent(participation, BsonSerializer.Deserialize<ParticipationFacts>(participationBson), strict: true);
    }
}
