using System.Net;
using System.Text.RegularExpressions;

namespace Sightline.Web.Tests;

/// <summary>My work's list over HTTP: pages of 50 in order, the as-at date, and a filter it cannot read.</summary>
[Collection("web")]
public sealed partial class MyWorkTests(CouncilServer server)
{
    [Fact]
    public async Task TheListComesFiftyAPageMostUrgentFirstAndThePagesJoinUp()
    {
        var alerts = server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is not null).ToList();
        alerts.Count.Should().BeGreaterThan(50, "the council has more than one page of alerts");
        using var client = await server.SignedIn("service.manager");
        var first = await client.GetStringAsync("/my-work");
        var second = await client.GetStringAsync("/my-work?p=2");
        var pages = (alerts.Count + 49) / 50;
        first.Should().Contain($"Page 1 of {pages}").And.Contain("href=\"/my-work?p=2\"");
        second.Should().Contain($"Page 2 of {pages}").And.Contain("href=\"/my-work?p=1\"");
        if (pages == 2)
        {
            second.Should().NotContain("rel=\"next\"");
        }

        var shown = ChildLinks(first).Concat(ChildLinks(second)).ToList();
        ChildLinks(first).Should().HaveCount(50);
        shown.Should().Equal(alerts.Take(100).Select(a => a.ChildId!.Value), "the first two pages are the most urgent alerts, in order");
        (await client.GetStringAsync("/my-work?p=9999")).Should().Contain($"Page {pages} of {pages}");
    }

    [Fact]
    public async Task AnEarlierAsAtDateJudgesTheListAsItStoodThen()
    {
        using var client = await server.SignedIn("service.manager");
        var page = await client.GetStringAsync("/my-work?as-at=2026-06-30&severity=Critical");
        page.Should().Contain("as at Tuesday 30 June 2026");
        var expected = server.Council.Alerts(new DateOnly(2026, 6, 30)).Alerts.Count(a => a.ChildId is not null && a.Severity == Oversight.Severity.Critical);
        page.Should().Contain($"id=\"results\">{expected:N0} alert");
    }

    [Fact]
    public async Task AFilterItCannotReadIsSaidAndTheWholeListShown()
    {
        using var client = await server.SignedIn("service.manager");
        var response = await client.GetAsync("/my-work?as-at=last-tuesday&kind=no-such-rule");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("There is a problem").And.Contain("There is no rule &#x27;no-such-rule&#x27;").And.Contain("could not be read");
        page.Should().Contain($"id=\"results\">{server.Council.Alerts(CouncilServer.Today).Alerts.Count(a => a.ChildId is not null):N0} alerts");
    }

    private static IEnumerable<int> ChildLinks(string page) =>
        ChildLink().Matches(page).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/children/(\\d+)\">")]
    private static partial Regex ChildLink();
}
