using Sightline.Oversight;

namespace Sightline.Domain.Tests.Oversight;

public sealed class GatheredTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4_095)]
    [InlineData(4_096)]
    [InlineData(4_097)]
    [InlineData(10_000)]
    public void A_query_becomes_an_array_of_exactly_its_records_in_order(int count)
    {
        // Around the size of one block (4,096 records), and several blocks.
        var query = Enumerable.Range(0, count).Where(_ => true).Select(i => (long)i * 3);
        var array = Gathered.ToArray(query);
        array.Should().HaveCount(count).And.Equal(Enumerable.Range(0, count).Select(i => (long)i * 3));
    }

    [Fact]
    public void Records_gathered_are_read_back_by_position()
    {
        var gathered = Gathered.Of(Enumerable.Range(0, 9_000).Select(i => $"record {i}"));
        gathered.Count.Should().Be(9_000);
        gathered[0].Should().Be("record 0");
        gathered[4_096].Should().Be("record 4096");
        gathered[8_999].Should().Be("record 8999");
    }

    [Fact]
    public void A_collection_is_copied_rather_than_read_one_by_one()
    {
        var list = new List<int> { 3, 1, 2 };
        var array = Gathered.ToArray(list);
        array.Should().Equal(3, 1, 2);
        list[0] = 9;
        array[0].Should().Be(3);
    }
}
