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
        var scheduled = TrainingSession.Schedule(
            "BKK", new SessionDetails("Crypto", [TrainingTopic.Cryptocurrency, TrainingTopic.DarknetInvestigations], TrainingFormat.Hybrid, ["en", "th"],
                new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), "THA", [Audience.CentralBank], ["UNICEF"], 20, true), now).Session;
        var session = scheduled.RecordHeadcount([new Headcount("THA", Gender.Other, 3)], now).Session;
        var applied = (Enrolment.Applied)Enrolment.Register(
            session, null, new ValidParticipant("bkk-7", Gender.Male, "VNM", AgencyType.CentralBank, "analyst"), Guid.NewGuid(), now);
        var registration = applied.Registration.Become(EnrolmentStatus.Waitlisted, now, 4);

        var sessionBson = session.ToBsonDocument();
        var registrationBson = registration.ToBsonDocument();

        Assert.Equal(new BsonArray { "Cryptocurrency", "DarknetInvestigations" }, sessionBson["details"]["topics"]);
        Assert.Equal("bkk-7", registrationBson["externalRef"].AsString);
        Assert.Equivalent(session, BsonSerializer.Deserialize<TrainingSession>(sessionBson), strict: true);
        Assert.Equivalent(registration, BsonSerializer.Deserialize<Registration>(registrationBson), strict: true);
    }

    [Fact]
    public void Kept_counts_round_trip_and_a_session_stored_without_them_reads_as_keeping_none()
    {
        var now = new DateTimeOffset(2020, 5, 8, 12, 0, 0, TimeSpan.Zero);
        var session = TrainingSession.Schedule(
            "BKK", new SessionDetails("Crypto", [TrainingTopic.Cryptocurrency], TrainingFormat.Online, ["en"],
                new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), null, [], [], null, false), now).Session
            .Enrol(null, EnrolmentStatus.Registered).Enrol(EnrolmentStatus.Registered, EnrolmentStatus.NoShow);
        var office = new OfficeSessions { Id = "BKK", Version = 3, Scheduled = 3 };

        var sessionBson = session.ToBsonDocument();
        var earlier = sessionBson.DeepClone().AsBsonDocument;
        earlier.Remove("enrolments");

        Assert.Equal(1, sessionBson["enrolments"]["noShow"].AsInt32);
        Assert.Equivalent(session, BsonSerializer.Deserialize<TrainingSession>(sessionBson), strict: true);
        Assert.Null(BsonSerializer.Deserialize<TrainingSession>(earlier).Enrolments);
        Assert.Equivalent(office, BsonSerializer.Deserialize<OfficeSessions>(office.ToBsonDocument()), strict: true);
    }
}
