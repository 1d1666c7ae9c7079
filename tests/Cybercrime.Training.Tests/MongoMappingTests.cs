using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Training.Tests;

/// <summary>The training documents round-trip through their MongoDB class maps, offline.</summary>
public sealed class MongoMappingTests
{
    public MongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void Sessions_and_registrations_round_trip_with_camel_case_names()
    {
        var now = new DateTimeOffset(2020, 5, 8, 12, 0, 0, TimeSpan.Zero);
        var session = TrainingSession.Schedule(
            "BKK", new ValidSession("Crypto", [TrainingTopic.Cryptocurrency, TrainingTopic.DarknetInvestigations], TrainingFormat.Hybrid, ["en", "th"],
                new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), "THA"), now).Session;
        var registration = Registration.Register(session, new ValidParticipant("bkk-7", Gender.Male, "VNM", AgencyType.CentralBank), now)
            .Registration.Complete(now)!.Value.Registration;

        var sessionBson = session.ToBsonDocument();
        var registrationBson = registration.ToBsonDocument();

        Assert.Equal(new BsonArray { "Cryptocurrency", "DarknetInvestigations" }, sessionBson["topics"]);
        Assert.Equal("bkk-7", registrationBson["externalRef"].AsString);
        Assert.Equivalent(session, BsonSerializer.Deserialize<TrainingSession>(sessionBson), strict: true);
        Assert.Equivalent(registration, BsonSerializer.Deserialize<Registration>(registrationBson), strict: true);
    }
}
