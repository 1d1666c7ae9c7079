using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Reporting;

/// <summary>The filters the summaries share: optional wire names read from the query string, and an office or region.</summary>
internal static class SummaryFilters
{
    /// <summary>The value a wire name names, or null when none was given; a wrong one is told, naming the field and listing the allowed values.</summary>
    public static TEnum? Optional<TEnum>(this ValidationErrors errors, string? wireName, string field, string what) where TEnum : struct, Enum =>
        wireName is not null && errors.Check(ContractJson.TryParse<TEnum>(wireName, out var value), field, $"'{wireName}' is not {what}: {ContractJson.Names<TEnum>()}.")
            ? value
            : null;

    /// <summary>
    /// Facts of an office, of a region's offices (regional breakdowns follow the offices), or of both (the
    /// office if it is of the region); of every office when neither is asked for. <c>office</c> must be indexed.
    /// </summary>
    public static Filter OfOffices(string? office, ProgrammeRegion? region)
    {
        var filter = office is null ? Filter.All : Filter.Equal("office", office);
        return region is { } r ? filter.And(Filter.AnyOf("office", Offices.All.Where(o => Offices.RegionOf(o) == r))) : filter;
    }
}
