using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;
using Cybercrime.Evidence.Requests;
using Cybercrime.Platform.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Evidence.Tests;

/// <summary>A request round-trips through its MongoDB class map, offline, with the fields the store filters on named as queried.</summary>
public sealed class MongoMappingTests
{
    public MongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void A_request_round_trips_with_its_indexed_fields_named_as_queried()
    {
        var now = new DateTimeOffset(2020, 12, 31, 9, 0, 0, TimeSpan.Zero);
        var draft = EvidenceRequest.Draft(Guid.NewGuid().ToString(), "GUA",
            new RequestDetails("SLV", AgencyType.Prosecution, null, "USA", EvidenceRequestType.Preservation, CrimeCategory.Fraud, EvidencePriority.Standard, "MLA treaty"),
            "0123abcd", now, "dev:GUA");
        var request = draft.Record(new StepCommand(StepKind.Submission, new DateOnly(2020, 3, 2)), DateOnly.FromDateTime(now.UtcDateTime), now, "dev:GUA", Deadlines.Default).Request!;

        var bson = request.ToBsonDocument();

        Assert.Equal(("USA", 2020, "0123abcd", "GUA", false), (bson["addressee"].AsString, bson["submittedYear"].AsInt32, bson["caseKey"].AsString, bson["office"].AsString, bson["deleted"].AsBoolean));
        Assert.True(bson.Contains("watchOn") && bson.Contains("overdueNow") && bson.Contains("createdAt"));
        Assert.False(bson.Contains("isOpen") || bson.Contains("key") || bson.Contains("lastStepOn"));
        Assert.Equal("Preservation", bson["details"]["requestType"].AsString);
        Assert.Equivalent(request, BsonSerializer.Deserialize<EvidenceRequest>(bson), strict: true);
    }
}
