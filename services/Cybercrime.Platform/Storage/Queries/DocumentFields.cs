using System.Reflection;

namespace Cybercrime.Platform.Storage.Queries;

/// <summary>The .NET type of a camelCase field path of a document, to read grouped keys back as the member's type.</summary>
internal static class DocumentFields
{
    public static Type TypeOf(Type document, string path)
    {
        if (path == CollectionDefinition.IdField)
        {
            return typeof(string);
        }

        var type = document;
        foreach (var segment in path.Split('.'))
        {
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new InvalidOperationException($"{document.Name} has no field '{path}'.");
            type = property.PropertyType;
        }

        return type;
    }
}
