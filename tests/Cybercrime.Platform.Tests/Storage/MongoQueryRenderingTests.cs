using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Platform.Storage.Queries;
using MongoDB.Bson;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>The port's queries rendered to MongoDB filters, sorts and pipelines, offline.</summary>
public sealed class MongoQueryRenderingTests
{
    private static readonly Guid Owner = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public MongoQueryRenderingTests() => MongoMapping.Register();

    [Fact]
    public void Filters_combine_with_and_and_render_values_as_the_members_are_stored()
    {
        var filter = Filter.Equal("kind", WidgetKind.VeryLarge)
            .And(Filter.AnyOf("year", [2019, 2020]))
            .And(Filter.Between("due", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)))
            .And(Filter.Between("year", null, 2030))
            .And(Filter.Contains("tags", WidgetKind.Small))
            .And(Filter.Equal("id", "w1"));

        var rendered = MongoQueries.Filter<Widget>(filter);

        Assert.Equal(
            BsonDocument.Parse("""
                { "$and": [
                    { "kind": "VeryLarge" },
                    { "year": { "$in": [2019, 2020] } },
                    { "due": { "$gte": { "$date": "2020-01-01T00:00:00Z" }, "$lte": { "$date": "2020-12-31T00:00:00Z" } } },
                    { "year": { "$lte": 2030 } },
                    { "tags": "Small" },
                    { "_id": "w1" } ] }
                """),
            rendered);
    }

    [Fact]
    public void Guids_render_as_standard_uuids_and_a_lone_filter_stays_unwrapped()
    {
        var rendered = MongoQueries.Filter<Widget>(Filter.Equal("owner", Owner));

        var uuid = rendered["owner"].AsBsonBinaryData;
        Assert.Equal((BsonBinarySubType.UuidStandard, Owner), (uuid.SubType, uuid.ToGuid()));
        Assert.Equal(new BsonDocument(), MongoQueries.Filter<Widget>(Filter.All));
        Assert.Equal(BsonDocument.Parse("""{ "due": null }"""), MongoQueries.Filter<Widget>(Filter.Equal("due", null)));
    }

    [Fact]
    public void A_sort_names_each_field_with_its_direction()
    {
        Assert.Equal(BsonDocument.Parse("""{ "year": -1, "_id": 1 }"""), MongoQueries.Sort([Sort.Descend("year"), Sort.Ascending("id")]));
    }

    [Fact]
    public void A_grouped_count_matches_groups_on_each_field_and_drops_small_groups()
    {
        var pipeline = MongoQueries.Group<Widget>(Filter.Equal("year", 2020), ["kind", "owner"], 2);

        Assert.Equal(
            [
                BsonDocument.Parse("""{ "$match": { "year": 2020 } }"""),
                BsonDocument.Parse("""{ "$group": { "_id": { "k0": "$kind", "k1": "$owner" }, "count": { "$sum": 1 } } }"""),
                BsonDocument.Parse("""{ "$match": { "count": { "$gte": { "$numberLong": "2" } } } }"""),
            ],
            pipeline);
    }

    [Fact]
    public void A_grouped_sum_groups_on_each_field_and_sums_the_field_in_each_group()
    {
        var pipeline = MongoQueries.GroupSum<Widget>(Filter.Equal("year", 2020), ["kind", "owner"], "size");

        Assert.Equal(
            [
                BsonDocument.Parse("""{ "$match": { "year": 2020 } }"""),
                BsonDocument.Parse("""{ "$group": { "_id": { "k0": "$kind", "k1": "$owner" }, "sum": { "$sum": "$size" } } }"""),
            ],
            pipeline);
    }

    [Fact]
    public void Sums_and_distinct_counts_are_single_result_pipelines()
    {
        Assert.Equal(
            [
                BsonDocument.Parse("""{ "$match": { "year": 2020 } }"""),
                BsonDocument.Parse("""{ "$group": { "_id": null, "value": { "$sum": "$size" } } }"""),
            ],
            MongoQueries.Sum<Widget>(Filter.Equal("year", 2020), "size"));
        Assert.Equal(
            [
                BsonDocument.Parse("""{ "$match": { } }"""),
                BsonDocument.Parse("""{ "$group": { "_id": "$owner" } }"""),
                BsonDocument.Parse("""{ "$match": { "_id": { "$ne": null } } }"""),
                BsonDocument.Parse("""{ "$count": "value" }"""),
            ],
            MongoQueries.CountDistinct<Widget>(Filter.All, "owner"));
    }

    [Fact]
    public void A_compound_index_lists_its_fields_in_order_with_the_key_as_id()
    {
        var index = MongoDefinitions.Indexes(new Cybercrime.Platform.Storage.CollectionDefinition(typeof(Widget), "widgets", ["owner,year,id"])).First();

        Assert.Equal(
            BsonDocument.Parse("""{ "owner": 1, "year": 1, "_id": 1 }"""),
            ((MongoDB.Driver.BsonDocumentIndexKeysDefinition<BsonDocument>)index.Keys).Document);
        Assert.Equal("ix_owner_year_id", index.Options.Name);
    }

    [Fact]
    public void Grouped_keys_read_back_as_the_members_types()
    {
        Assert.Equal(WidgetKind.VeryLarge, MongoQueries.Read<Widget>("kind", "VeryLarge"));
        Assert.Equal(Owner, MongoQueries.Read<Widget>("owner", new BsonBinaryData(Owner, GuidRepresentation.Standard)));
        Assert.Equal(2020, MongoQueries.Read<Widget>("year", 2020));
        Assert.Null(MongoQueries.Read<Widget>("due", BsonNull.Value));
    }
}
