using Cybercrime.Platform.Storage.Queries;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// Queries rendered to MongoDB filters, sorts and aggregation pipelines, as plain BSON so that offline
/// tests can assert their shape. Values are serialized as the class map stores that member (enums as
/// strings, Guids as standard UUIDs, dates as the driver stores them), so that a match is exact.
/// </summary>
internal static class MongoQueries
{
    public static BsonDocument Filter<T>(Filter filter) => filter switch
    {
        AndFilter { Filters.Count: 0 } => [],
        AndFilter { Filters: [var only] } => Filter<T>(only),
        AndFilter and => new BsonDocument("$and", new BsonArray(and.Filters.Select(Filter<T>))),
        AnyOfFilter { Values: [var value] } one => new BsonDocument(Element(one.Field), Value<T>(one.Field, value)),
        AnyOfFilter many => new BsonDocument(Element(many.Field), new BsonDocument("$in", new BsonArray(many.Values.Select(v => Value<T>(many.Field, v))))),
        RangeFilter range => new BsonDocument(Element(range.Field), Bounds<T>(range)),
        ContainsFilter contains => new BsonDocument(Element(contains.Field), Item<T>(contains.Field, contains.Value)),
        _ => throw new NotSupportedException($"No MongoDB filter for {filter.GetType().Name}."),
    };

    public static BsonDocument Sort(IEnumerable<Sort> sort) =>
        new(sort.Select(s => new BsonElement(Element(s.Field), s.Descending ? -1 : 1)));

    /// <summary><c>$match</c>, then <c>$group</c> on the fields (keys k0, k1, …) counting each group, then the smallest groups dropped.</summary>
    public static BsonDocument[] Group<T>(Filter filter, IReadOnlyList<string> by, long minCount) =>
    [
        new("$match", Filter<T>(filter)),
        new("$group", new BsonDocument
        {
            { "_id", new BsonDocument(by.Select((field, i) => new BsonElement($"k{i}", "$" + Element(field)))) },
            { "count", new BsonDocument("$sum", 1) },
        }),
        new("$match", new BsonDocument("count", new BsonDocument("$gte", minCount))),
    ];

    /// <summary><c>$match</c>, then <c>$group</c> on the fields (keys k0, k1, …) summing the field of each group into <c>sum</c>.</summary>
    public static BsonDocument[] GroupSum<T>(Filter filter, IReadOnlyList<string> by, string field) =>
    [
        new("$match", Filter<T>(filter)),
        new("$group", new BsonDocument
        {
            { "_id", new BsonDocument(by.Select((f, i) => new BsonElement($"k{i}", "$" + Element(f)))) },
            { "sum", new BsonDocument("$sum", "$" + Element(field)) },
        }),
    ];

    /// <summary><c>$match</c>, then one <c>$group</c> summing the field into <c>value</c>.</summary>
    public static BsonDocument[] Sum<T>(Filter filter, string field) =>
    [
        new("$match", Filter<T>(filter)),
        new("$group", new BsonDocument { { "_id", BsonNull.Value }, { "value", new BsonDocument("$sum", "$" + Element(field)) } }),
    ];

    /// <summary>
    /// <c>$match</c>, a <c>$group</c> per value of the field, then <c>$count</c> of the groups into
    /// <c>value</c>; a missing or null value is not a value, as in SQL's <c>count(DISTINCT …)</c>.
    /// </summary>
    public static BsonDocument[] CountDistinct<T>(Filter filter, string field) =>
    [
        new("$match", Filter<T>(filter)),
        new("$group", new BsonDocument("_id", "$" + Element(field))),
        new("$match", new BsonDocument("_id", new BsonDocument("$ne", BsonNull.Value))),
        new("$count", "value"),
    ];

    /// <summary>A grouped key read back with the member's serializer.</summary>
    public static object? Read<T>(string field, BsonValue value)
    {
        if (value.IsBsonNull)
        {
            return null;
        }

        using var reader = new BsonDocumentReader(new BsonDocument("v", value));
        reader.ReadStartDocument();
        reader.ReadName("v");
        return Serializer<T>(field).Deserialize(BsonDeserializationContext.CreateRoot(reader));
    }

    private static BsonDocument Bounds<T>(RangeFilter range)
    {
        var bounds = new BsonDocument();
        if (range.From is not null)
        {
            bounds.Add("$gte", Value<T>(range.Field, range.From));
        }

        if (range.To is not null)
        {
            bounds.Add("$lte", Value<T>(range.Field, range.To));
        }

        return bounds.ElementCount == 0 ? new BsonDocument("$exists", true) : bounds;
    }

    private static string Element(string field) => field == CollectionDefinition.IdField ? "_id" : field;

    private static BsonValue Value<T>(string field, object? value) => value is null ? BsonNull.Value : Serializer<T>(field).ToBsonValue(value);

    private static BsonValue Item<T>(string field, object value) =>
        Serializer<T>(field) is IBsonArraySerializer array && array.TryGetItemSerializationInfo(out var item)
            ? item.Serializer.ToBsonValue(value)
            : throw new InvalidOperationException($"'{field}' of {typeof(T).Name} is not an array.");

    /// <summary>The serializer of a field path, found through the class maps of each member on the way.</summary>
    private static IBsonSerializer Serializer<T>(string field)
    {
        if (field == CollectionDefinition.IdField)
        {
            return new StringSerializer();
        }

        IBsonSerializer? serializer = null;
        var type = typeof(T);
        foreach (var segment in field.Split('.'))
        {
            var member = BsonClassMap.LookupClassMap(type).AllMemberMaps.SingleOrDefault(m => m.ElementName == segment)
                ?? throw new InvalidOperationException($"{type.Name} has no element '{segment}'.");
            serializer = member.GetSerializer();
            type = member.MemberType;
        }

        return serializer!;
    }
}
