using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Platform.Tests.Storage;

/// <summary>Reads done by the store: filters, sorting, paging, counts, sums and groups.</summary>
public abstract partial class DocumentStoreContract
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<Cybercrime.Platform.Storage.IDocumentCollection<Widget>> FiveYearsAsync(Cybercrime.Platform.Storage.IDocumentCollection<Widget> widgets, Guid owner)
    {
        for (var year = 2018; year <= 2022; year++)
        {
            var kind = year % 2 == 0 ? WidgetKind.Small : WidgetKind.VeryLarge;
            await widgets.SaveAsync(Widget.Make($"w{year}", name: $"n{year}", year: year, owner: year < 2020 ? owner : Guid.Empty, kind: kind, size: year), 0, [], Token);
        }

        return widgets;
    }

    [Fact]
    public async Task A_query_filters_on_date_and_number_ranges_lists_and_equality_combined()
    {
        var (_, widgets) = await FreshAsync();
        var owner = Guid.NewGuid();
        await FiveYearsAsync(widgets, owner);

        Assert.Equal(["w2019", "w2020"], Ids(await widgets.ListAsync(Where(Filter.Between("due", new DateOnly(2019, 5, 8), new DateOnly(2020, 12, 31))), Token)));
        Assert.Equal(["w2021", "w2022"], Ids(await widgets.ListAsync(Where(Filter.Between("year", 2021, null)), Token)));
        Assert.Equal(["w2018", "w2019"], Ids(await widgets.ListAsync(Where(Filter.Between("due", null, new DateOnly(2019, 5, 8))), Token)));
        Assert.Equal(["w2019"], Ids(await widgets.ListAsync(Where(Filter.Equal("owner", owner).And(Filter.AnyOf("kind", [WidgetKind.VeryLarge]))), Token)));
        Assert.Equal(["w2020", "w2022"], Ids(await widgets.ListAsync(Where(Filter.AnyOf("name", ["n2020", "n2022", "nobody"])), Token)));
        Assert.Empty(await widgets.ListAsync(Where(Filter.AnyOf("year", Array.Empty<int>())), Token));
        Assert.Equal(5, (await widgets.ListAsync(Where(Filter.All), Token)).Count);
    }

    [Fact]
    public async Task A_query_sorts_skips_and_takes_and_a_page_counts_every_match()
    {
        var (_, widgets) = await FreshAsync();
        await FiveYearsAsync(widgets, Guid.NewGuid());
        await widgets.SaveAsync(Widget.Make("a2020", year: 2020), 0, [], Token);

        var sorted = await widgets.ListAsync(new Query(Filter.All, [Sort.Descend("year"), Sort.Ascending("id")]), Token);
        var page = await widgets.PageAsync(new Query(Filter.Between("year", 2019, null), [Sort.Descend("year"), Sort.Ascending("id")], Skip: 2, Take: 2), Token);

        Assert.Equal(["w2022", "w2021", "a2020", "w2020", "w2019", "w2018"], sorted.Select(w => w.Id));
        Assert.Equal(["a2020", "w2020"], page.Items.Select(w => w.Id));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task Contains_matches_a_value_held_in_an_array_field()
    {
        var (_, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("small", kind: WidgetKind.Small), 0, [], Token);
        await widgets.SaveAsync(Widget.Make("large", kind: WidgetKind.VeryLarge), 0, [], Token);

        Assert.Equal(["small"], Ids(await widgets.ListAsync(Where(Filter.Contains("tags", WidgetKind.Small)), Token)));
        Assert.Equal(["large", "small"], Ids(await widgets.ListAsync(Where(Filter.Contains("tags", WidgetKind.VeryLarge)), Token)));
    }

    [Fact]
    public async Task Equal_to_null_matches_a_missing_value_which_no_distinct_count_counts()
    {
        var (_, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("due"), 0, [], Token);
        await widgets.SaveAsync(new Widget { Id = "undated", Version = 1, Name = "u", Year = 2020, Owner = Guid.Empty, Kind = WidgetKind.Small, Tags = [] }, 0, [], Token);

        Assert.Equal(["undated"], Ids(await widgets.ListAsync(Where(Filter.Equal("due", null)), Token)));
        Assert.Equal(1, await widgets.CountDistinctAsync(Filter.All, "due", Token));
    }

    [Fact]
    public async Task Counts_sums_and_distinct_counts_are_computed_by_the_store()
    {
        var (_, widgets) = await FreshAsync();
        var owner = Guid.NewGuid();
        await FiveYearsAsync(widgets, owner);
        await widgets.SaveAsync(Widget.Make("big-1", year: 1990, size: int.MaxValue), 0, [], Token);
        await widgets.SaveAsync(Widget.Make("big-2", year: 1990, size: int.MaxValue), 0, [], Token);

        Assert.Equal(3, await widgets.CountAsync(Filter.Between("year", 2020, null), Token));
        Assert.Equal(2018 + 2019, await widgets.SumAsync(Filter.Equal("owner", owner), "size", Token));
        Assert.Equal(2L * int.MaxValue, await widgets.SumAsync(Filter.Equal("year", 1990), "size", Token));
        Assert.Equal(0, await widgets.SumAsync(Filter.Equal("year", 1900), "size", Token));
        Assert.Equal(2, await widgets.CountDistinctAsync(Filter.Between("year", 2018, 2022), "owner", Token));
        Assert.Equal(0, await widgets.CountDistinctAsync(Filter.Equal("year", 1900), "owner", Token));
        Assert.Equal(5, await widgets.CountDistinctAsync(Filter.Between("year", 2018, 2022), "due", Token));
    }

    [Fact]
    public async Task Grouped_counts_come_back_typed_and_small_groups_can_be_left_out()
    {
        var (_, widgets) = await FreshAsync();
        var owner = Guid.NewGuid();
        await FiveYearsAsync(widgets, owner);

        var groups = await widgets.GroupAsync(Filter.All, ["kind", "owner"], cancellationToken: Token);
        var large = await widgets.GroupAsync(Filter.Between("year", 2019, 2021), ["kind"], minCount: 2, cancellationToken: Token);

        Assert.Equal(
            [(WidgetKind.Small, Guid.Empty, 2L), (WidgetKind.Small, owner, 1L), (WidgetKind.VeryLarge, Guid.Empty, 1L), (WidgetKind.VeryLarge, owner, 1L)],
            groups.Select(g => (g.KeyAt<WidgetKind>(0), g.KeyAt<Guid>(1), g.Count)).Order());
        Assert.Equal([(WidgetKind.VeryLarge, 2L)], large.Select(g => (g.KeyAt<WidgetKind>(0), g.Count)));
    }

    [Fact]
    public async Task Grouped_sums_come_back_typed_with_each_groups_sum()
    {
        var (_, widgets) = await FreshAsync();
        var owner = Guid.NewGuid();
        await FiveYearsAsync(widgets, owner);
        await widgets.SaveAsync(Widget.Make("big-1", year: 2022, size: int.MaxValue), 0, [], Token);
        await widgets.SaveAsync(Widget.Make("big-2", year: 2022, size: int.MaxValue), 0, [], Token);

        var sums = await widgets.GroupSumAsync(Filter.All, ["kind", "owner"], "size", Token);
        var ofRecentYears = await widgets.GroupSumAsync(Filter.Between("year", 2021, null), ["year"], "size", Token);
        var none = await widgets.GroupSumAsync(Filter.Equal("year", 1900), ["kind"], "size", Token);

        Assert.Equal(
            [(WidgetKind.Small, Guid.Empty, 2020L + 2022 + (2L * int.MaxValue)), (WidgetKind.Small, owner, 2018L), (WidgetKind.VeryLarge, Guid.Empty, 2021L), (WidgetKind.VeryLarge, owner, 2019L)],
            sums.Select(g => (g.KeyAt<WidgetKind>(0), g.KeyAt<Guid>(1), g.Sum)).Order());
        Assert.Equal([(2021, 2021L), (2022, 2022L + (2L * int.MaxValue))], ofRecentYears.Select(g => (g.KeyAt<int>(0), g.Sum)).Order());
        Assert.Empty(none);
        await Assert.ThrowsAsync<InvalidOperationException>(() => widgets.GroupSumAsync(Filter.Between("size", 1L, null), ["kind"], "size", Token));
    }

    [Fact]
    public async Task A_list_of_values_longer_than_one_statement_binds_is_matched_in_one_query()
    {
        var (_, widgets) = await FreshAsync();
        await widgets.SaveAsync(Widget.Make("first", name: "n0"), 0, [], Token);
        await widgets.SaveAsync(Widget.Make("last", name: "n39999"), 0, [], Token);
        var names = Enumerable.Range(0, 40_000).Select(i => $"n{i}").ToList();

        Assert.Equal(2, await widgets.CountAsync(Filter.AnyOf("name", names), Token));
        Assert.Equal(["first", "last"], Ids(await widgets.ListAsync(Where(Filter.AnyOf("name", names)), Token)));
    }

    [Fact]
    public async Task Queries_refuse_to_filter_or_sort_on_fields_that_are_not_indexed()
    {
        var (_, widgets) = await FreshAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => widgets.CountAsync(Filter.Equal("size", 1L), Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => widgets.ListAsync(new Query(Filter.All, [Sort.Ascending("size")]), Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => widgets.GroupAsync(Filter.Between("size", 1L, null), ["kind"], cancellationToken: Token));
    }

    private static Query Where(Filter filter) => new(filter, []);
}
