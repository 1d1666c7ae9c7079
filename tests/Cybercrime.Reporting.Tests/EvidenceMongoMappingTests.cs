using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Reporting.Evidence;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Reporting.Tests;

/// <summary>The evidence facts round-trip through their MongoDB class map, offline.</summary>
public sealed class EvidenceMongoMappingTests
{
    public EvidenceMongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void Evidence_facts_round_trip_with_their_indexed_fields_named_as_queried()
    {
        var snapshot = new EvidenceRequestSnapshot("THA", AgencyType.LawEnforcement, EvidenceProvider.Tiktok, null, EvidenceRequestType.TrafficData,
            CrimeCategory.Ransomware, EvidencePriority.Emergency, "c0ffee", EvidenceRequestStatus.Completed, new DateOnly(2020, 5, 1), null,
            new DateOnly(2020, 5, 3), null, EvidenceOutcome.PartiallyFulfilled, null, new DateOnly(2020, 5, 9), false);
        var facts = EvidenceFacts.From(new EvidenceRequestCompleted(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "BKK", Guid.NewGuid(), 3, snapshot));

        var bson = facts.ToBsonDocument();

        Assert.Equal(("tiktok", 2020, 8, "PartiallyFulfilled", false), (bson["addressee"].AsString, bson["submittedYear"].AsInt32, bson["turnaroundDays"].AsInt32,
            bson["closure"].AsString, bson["open"].AsBoolean));
        Assert.Equivalent(facts, BsonSerializer.Deserialize<EvidenceFacts>(bson), strict: true);
    }
}
