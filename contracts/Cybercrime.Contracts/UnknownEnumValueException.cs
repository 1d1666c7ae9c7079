using System.Text.Json;

namespace Cybercrime.Contracts;

/// <summary>
/// A string where an enum was expected that names none of its values: a caller's typo, or in an
/// event a value that a newer producer added and this consumer does not know yet. Retrying cannot
/// help; a consumer parks the message until it is upgraded, then operations replay it.
/// </summary>
public sealed class UnknownEnumValueException(Type enumType, string value, string message) : JsonException(message)
{
    public Type EnumType { get; } = enumType;

    public string Value { get; } = value;
}
