using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cybercrime.Contracts;

/// <summary>
/// Enums as kebab-case strings, strictly: numbers, other spellings and unknown names are rejected
/// with a message listing what is allowed, so a caller sees exactly which value to fix. A well-formed
/// name this version does not know throws <see cref="UnknownEnumValueException"/>: in an event, a
/// value a newer producer added, which the consumer parks rather than guesses (docs/decisions/0010).
/// </summary>
public sealed class KebabCaseEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(value => ContractJson.Name(value), StringComparer.Ordinal);

        private static readonly FrozenDictionary<TEnum, string> NameOf =
            ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

        private static readonly string Allowed = string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? Parse(reader.GetString()!)
                : throw new JsonException($"Expected one of: {Allowed}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(NameOf.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}."));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(NameOf[value]);

        private static TEnum Parse(string name) =>
            ByName.TryGetValue(name, out var value)
                ? value
                : throw new UnknownEnumValueException(typeof(TEnum), name, $"'{name}' is not one of: {Allowed}.");
    }
}
