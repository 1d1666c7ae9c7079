using Cybercrime.Contracts;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Reporting.ExpertGroup;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Reporting.Tests;

/// <summary>The expert-group summary's rules, computed by a real (SQLite) store from facts kept as the consumer keeps them.</summary>
public sealed class ExpertGroupSummaryTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-reporting-eg-").FullName;
    private readonly List<SqliteDocumentStore> _stores = [];

    internal static ExpertGroupSummaryResponse Expected2020 => new(
        2020, MeetingsHeld: 1, MeetingsPostponed: 3, MeetingsCancelled: 1, DocumentsPublished: 2,
        new Dictionary<DocumentType, int> { [DocumentType.PreliminaryRecommendations] = 1, [DocumentType.Agenda] = 1 },
        LanguageVersionsPublished: 5,
        new Dictionary<string, int> { ["ar"] = 0, ["zh"] = 0, ["en"] = 2, ["fr"] = 2, ["ru"] = 0, ["es"] = 1 },
        new RecommendationCounts(Proposed: 3, Adopted: 1, Withdrawn: 1),
        new Dictionary<StudyChapter, int> { [StudyChapter.InternationalCooperation] = 1, [StudyChapter.Prevention] = 2 },
        new Dictionary<StudyChapter, RecommendationCounts> { [StudyChapter.InternationalCooperation] = new(1, 0, 0), [StudyChapter.Prevention] = new(2, 1, 1) },
        [
            new("Meeting", 6, MeetingBody.ExpertGroup, MeetingFormat.Hybrid, MeetingStatus.Held, new(2020, 7, 27), new(2020, 7, 29), new(2020, 4, 6), new(2020, 4, 8)),
            new("Meeting", 6, MeetingBody.ExpertGroup, MeetingFormat.Hybrid, MeetingStatus.Cancelled, new(2020, 12, 1), new(2020, 12, 3), null, null),
        ],
        [
            new("UNODC/CCPCJ/EG.4/2020/1", "The Agenda", DocumentType.Agenda, ["en", "es", "fr"]),
            new("UNODC/CCPCJ/EG.4/2020/2", "The PreliminaryRecommendations", DocumentType.PreliminaryRecommendations, ["en", "fr"]),
        ]);

    internal static ExpertGroupSummaryResponse Expected2021 => new(
        2021, MeetingsHeld: 2, MeetingsPostponed: 0, MeetingsCancelled: 0, DocumentsPublished: 1,
        new Dictionary<DocumentType, int> { [DocumentType.Study] = 1 },
        LanguageVersionsPublished: 1,
        new Dictionary<string, int> { ["ar"] = 1, ["zh"] = 0, ["en"] = 0, ["fr"] = 0, ["ru"] = 0, ["es"] = 0 },
        new RecommendationCounts(Proposed: 1, Adopted: 1, Withdrawn: 0),
        new Dictionary<StudyChapter, int> { [StudyChapter.Criminalization] = 1 },
        new Dictionary<StudyChapter, RecommendationCounts> { [StudyChapter.Criminalization] = new(1, 0, 0), [StudyChapter.InternationalCooperation] = new(0, 1, 0) },
        [
            new("Meeting", 6, MeetingBody.ExpertGroup, MeetingFormat.Hybrid, MeetingStatus.Held, new(2021, 4, 6), new(2021, 4, 8), new(2020, 11, 2), new(2020, 11, 4)),
            new("Meeting", 6, MeetingBody.AdHocCommittee, MeetingFormat.Hybrid, MeetingStatus.Held, new(2021, 5, 10), new(2021, 5, 12), new(2020, 8, 3), new(2020, 8, 5)),
        ],
        [new("UNODC/CCPCJ/EG.4/2021/1", "The Study", DocumentType.Study, ["ar"])]);

    [Fact]
    public async Task Each_year_counts_meetings_documents_and_recommendations_by_the_rules()
    {
        var store = await KeptAsync(ExpertGroupYear.Events());

        Assert.Equivalent(Expected2020, await SummaryAsync(store, 2020), strict: true);
        Assert.Equivalent(Expected2021, await SummaryAsync(store, 2021), strict: true);
    }

    [Fact]
    public async Task Meetings_are_listed_by_start_date_and_documents_by_symbol()
    {
        var store = await KeptAsync(ExpertGroupYear.Events());

        var summary2020 = await SummaryAsync(store, 2020);
        var summary2021 = await SummaryAsync(store, 2021);

        Assert.Equal(Expected2020.Meetings, summary2020.Meetings);
        Assert.Equal(Expected2021.Meetings, summary2021.Meetings);
        Assert.Equal(["UNODC/CCPCJ/EG.4/2020/1", "UNODC/CCPCJ/EG.4/2020/2"], summary2020.Documents.Select(d => d.Symbol));
        Assert.Equal(summary2020.Recommendations.Proposed, summary2020.RecommendationsByChapterAndStatus.Values.Sum(c => c.Proposed));
    }

    [Fact]
    public async Task Every_event_delivered_twice_and_in_reverse_order_gives_the_same_figures()
    {
        var events = ExpertGroupYear.Events();
        var store = await KeptAsync([.. events.Reverse(), .. events, .. events.Reverse()]);

        Assert.Equivalent(Expected2020, await SummaryAsync(store, 2020), strict: true);
        Assert.Equivalent(Expected2021, await SummaryAsync(store, 2021), strict: true);
    }

    [Fact]
    public async Task A_year_with_nothing_lists_every_language_at_zero()
    {
        var summary = await SummaryAsync(await KeptAsync(ExpertGroupYear.Events()), 2019);

        Assert.Equal((0, 0, 0, 0), (summary.MeetingsHeld, summary.MeetingsPostponed, summary.MeetingsCancelled, summary.DocumentsPublished));
        Assert.Equal(UnLanguages.All, summary.ByLanguage.Keys);
        Assert.Empty(summary.DocumentsByType);
        Assert.Equal(new RecommendationCounts(0, 0, 0), summary.Recommendations);
        Assert.Empty(summary.RecommendationsByChapterAndStatus);
        Assert.Empty(summary.Meetings);
        Assert.Empty(summary.Documents);
    }

    [Fact]
    public void Expert_group_facts_round_trip_through_their_mongo_class_maps_with_their_indexed_fields_named_as_queried()
    {
        MongoMapping.Register();
        var events = ExpertGroupYear.Events();
        var meeting = MeetingFacts.From(events.OfType<IMeetingEvent>().First(e => e.MeetingId == ExpertGroupYear.Organizational && e is MeetingHeld));
        var document = DocumentFacts.From(events.OfType<IDocumentEvent>().First(e => e.Document.Type == DocumentType.Agenda && e.Version == 2));
        var recommendation = RecommendationFacts.From(events.OfType<RecommendationAdopted>().First());

        var meetingBson = meeting.ToBsonDocument();
        var documentBson = document.ToBsonDocument();
        var recommendationBson = recommendation.ToBsonDocument();

        Assert.Equal((2021, 2020, true, "Held"), (meetingBson["year"].AsInt32, meetingBson["originalYear"].AsInt32, meetingBson["postponed"].AsBoolean, meetingBson["status"].AsString));
        Assert.Equal((2020, false, "Agenda", 3), (documentBson["publishedYear"].AsInt32, documentBson["withdrawn"].AsBoolean, documentBson["type"].AsString, documentBson["languageCount"].AsInt32));
        Assert.Equal(["en", "es", "fr"], documentBson["languages"].AsBsonArray.Select(l => l.AsString));
        Assert.Equal(ExpertGroupYear.Seventh.ToString(), recommendationBson["adoptedAt"].AsString);
        Assert.Equivalent(meeting, BsonSerializer.Deserialize<MeetingFacts>(meetingBson), strict: true);
        Assert.Equivalent(document, BsonSerializer.Deserialize<DocumentFacts>(documentBson), strict: true);
        Assert.Equivalent(recommendation, BsonSerializer.Deserialize<RecommendationFacts>(recommendationBson), strict: true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A store holding the facts the consumer keeps from <paramref name="events"/>, delivered in that order.</summary>
    private async Task<DocumentStore> KeptAsync(IEnumerable<IIntegrationEvent> events)
    {
        var store = new SqliteDocumentStore("reporting", Path.Combine(_folder, $"{Guid.NewGuid():N}.db"),
        [
            new(typeof(MeetingFacts), MeetingFacts.CollectionName, MeetingFacts.Indexes),
            new(typeof(DocumentFacts), DocumentFacts.CollectionName, DocumentFacts.Indexes),
            new(typeof(RecommendationFacts), RecommendationFacts.CollectionName, RecommendationFacts.Indexes),
        ]);
        _stores.Add(store);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        foreach (var e in events)
        {
            await (e switch
            {
                IMeetingEvent m => store.Collection<MeetingFacts>().UpsertIfNewerAsync(MeetingFacts.From(m), TestContext.Current.CancellationToken),
                IDocumentEvent d => store.Collection<DocumentFacts>().UpsertIfNewerAsync(DocumentFacts.From(d), TestContext.Current.CancellationToken),
                IRecommendationEvent r => store.Collection<RecommendationFacts>().UpsertIfNewerAsync(RecommendationFacts.From(r), TestContext.Current.CancellationToken),
                _ => throw new ArgumentException(e.GetType().Name),
            });
        }

        return store;
    }

    private static Task<ExpertGroupSummaryResponse> SummaryAsync(DocumentStore store, int year) => ExpertGroupSummary.ComputeAsync(
        year, store.Collection<MeetingFacts>(), store.Collection<DocumentFacts>(), store.Collection<RecommendationFacts>(), TestContext.Current.CancellationToken);
}
