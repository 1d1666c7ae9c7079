using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace Cybercrime.Platform.Storage.Mongo;

/// <summary>
/// How documents map to BSON: camelCase element names (so a field means the same in both adapters),
/// enums as strings, Guids as standard UUIDs, unknown elements (the outbox array) ignored on read.
/// </summary>
public static class MongoMapping
{
    private static int _registered;

    /// <summary>Registers the conventions once per process, before any class map is built.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var conventions = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new IgnoreExtraElementsConvention(true),
            new EnumRepresentationConvention(BsonType.String, topLevelOnly: false),
        };
        ConventionRegistry.Register("cybercrime", conventions, type => type.Namespace?.StartsWith("Cybercrime", StringComparison.Ordinal) == true);
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
    }
}
