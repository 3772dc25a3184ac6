using Sightline.Oversight;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

public sealed class DatedTests
{
    private static readonly Dated<(string Name, DateOnly? Date)> Records = new(
        [("march", D(2025, 3, 1)), ("undated", null), ("new year", D(2025, 1, 1)), ("last day", D(2025, 1, 31)), ("february", D(2025, 2, 1)), ("also new year", D(2025, 1, 1))],
        r => r.Date);

    [Fact]
    public void A_period_holds_the_records_dated_on_either_end_and_between_in_date_order()
    {
        Records.In(new Period(D(2025, 1, 1), D(2025, 1, 31))).Select(r => r.Name).Should().Equal("new year", "also new year", "last day");
        Records.In(new Period(D(2025, 1, 2), D(2025, 1, 30))).Should().BeEmpty();
        Records.In(new Period(D(2025, 2, 1), D(2025, 12, 31))).Select(r => r.Name).Should().Equal("february", "march");
    }

    [Fact]
    public void Records_without_the_date_are_left_out()
    {
        Records.Count.Should().Be(5);
        Records.OnOrBefore(D(2025, 12, 31)).Select(r => r.Name).Should().NotContain("undated").And.HaveCount(5);
    }

    [Fact]
    public void On_or_before_a_date_includes_the_date()
    {
        Records.OnOrBefore(D(2025, 2, 1)).Select(r => r.Name).Should().Equal("new year", "also new year", "last day", "february");
        Records.OnOrBefore(D(2024, 12, 31)).Should().BeEmpty();
    }

    [Fact]
    public void On_or_after_a_date_includes_the_date()
    {
        Records.OnOrAfter(D(2025, 2, 1)).Select(r => r.Name).Should().Equal("february", "march");
        Records.OnOrAfter(D(2025, 3, 2)).Should().BeEmpty();
        Records.OnOrAfter(D(2024, 12, 31)).Should().HaveCount(5);
    }

    [Fact]
    public void Records_far_apart_in_time_are_in_the_same_order_as_records_close_together()
    {
        // Thousands of years apart, the records are sorted by comparison rather than counted by day: the order is the same,
        // by date and then as given.
        var far = new Dated<(string Name, DateOnly Date)>(
            [("open", DateOnly.MaxValue), ("b", D(2025, 1, 2)), ("a", D(2025, 1, 1)), ("also open", DateOnly.MaxValue), ("also b", D(2025, 1, 2))],
            r => r.Date);
        far.OnOrAfter(D(2025, 1, 1)).Select(r => r.Name).Should().Equal("a", "b", "also b", "open", "also open");
        far.In(new Period(D(2025, 1, 2), D(9999, 12, 31))).Select(r => r.Name).Should().Equal("b", "also b", "open", "also open");
        far.OnOrAfter(DateOnly.MaxValue).Select(r => r.Name).Should().Equal("open", "also open");
    }

    [Fact]
    public void Records_given_as_a_query_are_read_once_and_kept_as_from_a_list()
    {
        // Thousands of records, more than one block of those gathered, with none dated on some days.
        var reads = 0;
        IEnumerable<(int Number, DateOnly? Date)> Query()
        {
            reads++;
            for (var i = 0; i < 10_000; i++)
            {
                yield return (i, i % 7 == 0 ? null : D(2025, 1, 1).AddDays(i % 100));
            }
        }

        var dated = new Dated<(int Number, DateOnly? Date)>(Query(), r => r.Date);
        var fromList = new Dated<(int Number, DateOnly? Date)>(Query().ToList(), r => r.Date);
        reads.Should().Be(2);
        dated.Count.Should().Be(10_000 - 1_429);
        dated.OnOrAfter(D(2025, 1, 1)).Should().Equal(fromList.OnOrAfter(D(2025, 1, 1)));
        dated.In(new Period(D(2025, 1, 2), D(2025, 1, 2))).Select(r => r.Number).Should().Equal(
            Enumerable.Range(0, 10_000).Where(i => i % 100 == 1 && i % 7 != 0));
    }
}
