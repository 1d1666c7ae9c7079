using Cybercrime.Awareness.Activities;
using Cybercrime.Awareness.Campaigns;
using Cybercrime.Awareness.Observations;
using Cybercrime.Contracts.Awareness;
using Cybercrime.Platform.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Cybercrime.Awareness.Tests;

/// <summary>The awareness documents round-trip through their MongoDB class maps, offline, with their indexed fields named as queried.</summary>
public sealed class MongoMappingTests
{
    public MongoMappingTests() => MongoMapping.Register();

    [Fact]
    public void Campaigns_with_their_series_observations_and_activities_round_trip()
    {
        var now = new DateTimeOffset(2020, 5, 8, 12, 0, 0, TimeSpan.Zero);
        var campaign = Campaign.Launch("GUA", new CampaignDetails("Navega seguro", [CampaignAudience.GeneralPublic], ["GTM"], ["es"], [Channel.Tv],
            ["TV Azteca"], new DateOnly(2020, 4, 15), new DateOnly(2020, 12, 31)), now).Campaign.Next() with
        {
            Series = [new Series(Channel.Tv, ReachMetric.Views, "GTM", null, Granularity.Month, 28_500_000, 1)],
            LatestPeriodStart = new DateOnly(2020, 5, 1),
            EarliestPeriodEnd = new DateOnly(2020, 5, 31),
        };
        var observation = new Observation
        {
            Id = Guid.NewGuid().ToString(), Version = 2, Office = "GUA", CampaignId = campaign.Id, Channel = Channel.Tv, Metric = ReachMetric.Views,
            Period = "2020-05", Granularity = Granularity.Month, Country = "GTM", Value = 28_500_000, RecordedAt = now,
        };
        var activity = Activity.Hold("GUA", new ActivityDetails("Webinar", ActivityKind.OnlineCourse, new DateOnly(2020, 6, 18), ["es"], campaign.Key),
            [new ParticipantCount("GTM", 412)], now).Activity;

        var campaignBson = campaign.ToBsonDocument();
        var observationBson = observation.ToBsonDocument();

        Assert.Equal("GUA", campaignBson["office"].AsString);
        Assert.True(campaignBson["details"].AsBsonDocument.Contains("startDate"));
        Assert.Equal(campaign.Id, observationBson["campaignId"].AsString);
        Assert.Equal(28_500_000, observationBson["value"].ToInt64());
        Assert.Equivalent(campaign, BsonSerializer.Deserialize<Campaign>(campaignBson), strict: true);
        Assert.Equivalent(observation, BsonSerializer.Deserialize<Observation>(observationBson), strict: true);
        Assert.Equivalent(activity, BsonSerializer.Deserialize<Activity>(activity.ToBsonDocument()), strict: true);
    }
}
