using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.ExpertGroup.Documents;
using Cybercrime.ExpertGroup.Meetings;
using Cybercrime.ExpertGroup.Recommendations;
using Cybercrime.Platform.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>The service's documents round-trip through their MongoDB class maps, offline, with the searched fields named as queried.</summary>
public sealed class MongoMappingTests
{
    public MongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void A_published_document_keeps_its_revisions_and_its_search_fields()
    {
        var meeting = Guid.NewGuid().ToString();
        var document = new ExpertDocument
        {
            Id = Guid.NewGuid().ToString(), Version = 0, Symbol = "A/AC.291/L.1/Rev.1", SymbolKey = "A/AC.291/L.1/REV.1", Title = "Draft resolution, revised",
            Type = DocumentType.Note, MeetingId = meeting, OriginalLanguage = "en", Status = DocumentStatus.Published, FirstPublishedOn = new DateOnly(2020, 7, 27),
            Revisions =
            [
                new Revision(1, new DateOnly(2020, 7, 27), [new FileVersion("en", "blob-1", new string('a', 64), 12, "application/pdf", new DateOnly(2020, 7, 27))]),
                new Revision(2, null, [new FileVersion("en", "blob-2", new string('b', 64), 14, "text/plain", null)]),
            ],
        }.Next(d => d);

        var bson = document.ToBsonDocument();

        Assert.Equal((true, "A/AC.291/L.1/REV.1", meeting, "Note"), (bson["listed"].AsBoolean, bson["symbolKey"].AsString, bson["meetingId"].AsString, bson["type"].AsString));
        Assert.Equal(["draft", "resolution", "revised"], bson["titleWords"].AsBsonArray.Select(w => w.AsString));
        Assert.Equal(["en"], bson["listedLanguages"].AsBsonArray.Select(l => l.AsString));
        Assert.False(bson.Contains("latest") || bson.Contains("current") || bson.Contains("key"));
        Assert.Equivalent(document, BsonSerializer.Deserialize<ExpertDocument>(bson), strict: true);
    }

    [Fact]
    public void A_meeting_keeps_its_earlier_dates_and_a_recommendation_where_it_was_adopted()
    {
        var (meeting, _) = Meeting.Schedule(new MeetingDetails(MeetingBody.AdHocCommittee, 1, "Organizational session", new DateOnly(2020, 8, 3), new DateOnly(2020, 8, 5),
            "New York", MeetingFormat.InPerson, []), DateTimeOffset.UnixEpoch);
        var (moved, _) = meeting.Postpone(new DateOnly(2021, 1, 11), new DateOnly(2021, 1, 13), MeetingFormat.Hybrid, null, "74/567", DateTimeOffset.UnixEpoch);
        var (proposed, _) = Recommendation.Propose(meeting.Key, StudyChapter.Prevention, "Text", DateTimeOffset.UnixEpoch);
        var (adopted, _) = proposed.Adopt(Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        var meetingBson = moved.ToBsonDocument();
        var recommendationBson = adopted.ToBsonDocument();

        Assert.Equal("74/567", meetingBson["history"][0]["decision"].AsString);
        Assert.Equal(("Adopted", "Prevention"), (recommendationBson["status"].AsString, recommendationBson["chapter"].AsString));
        Assert.Equivalent(moved, BsonSerializer.Deserialize<Meeting>(meetingBson), strict: true);
        Assert.Equivalent(adopted, BsonSerializer.Deserialize<Recommendation>(recommendationBson), strict: true);
    }
}
