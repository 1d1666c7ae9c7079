using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using Cybercrime.Platform.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>SQLite answers the port's queries from the declared indexes, as its query plan shows.</summary>
public sealed class SqliteQueryPlanTests : IDisposable
{
    private static readonly CollectionDefinition Widgets = new(typeof(Widget), "widgets", ["name", "owner,year"]);

    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-sqlite-plan-").FullName;

    [Fact]
    public async Task A_filter_and_a_sort_served_by_one_compound_index_need_no_sorting()
    {
        var (sql, values) = SqliteQuery.Select("\"widgets\"", new Query(Filter.Equal("owner", Guid.Empty), [Sort.Descend("year")], 20, 10));

        var plan = await PlanAsync(sql, values);

        Assert.Contains("ix_widgets_owner_year", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_values_bound_as_one_array_is_looked_up_in_the_index()
    {
        var (sql, values) = SqliteQuery.Count("\"widgets\"", Filter.AnyOf("name", ["a", "b", "c"]));

        var plan = await PlanAsync(sql, values);

        Assert.Contains("ix_widgets_name", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN widgets", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_on_the_fields_of_one_index_reads_the_index_alone()
    {
        var (sql, values) = SqliteQuery.Count("\"widgets\"", Filter.Equal("owner", Guid.Empty).And(Filter.Equal("year", 2020)));

        var plan = await PlanAsync(sql, values);

        Assert.Contains("USING COVERING INDEX ix_widgets_owner_year", plan, StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(string sql, IReadOnlyList<object?> values)
    {
        var file = Path.Combine(_folder, $"{Guid.NewGuid():N}.db");
        await using (var store = new SqliteDocumentStore("test", file, [Widgets]))
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
        }

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue($"$q{i}", values[i] ?? DBNull.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var plan = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(Environment.NewLine, plan);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
