using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using Sightline.Storage;
using Sightline.Web.Access;
using Sightline.Web.Pages.Children;

namespace Sightline.Web;

/// <summary>One alert as the API gives it.</summary>
/// <param name="Rule">The rule's identifier (<c>sightline rules</c>).</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Severity">Low, Medium, High or Critical.</param>
/// <param name="ChildId">Sightline's number for the child (the address of <c>/api/children/{id}</c>).</param>
/// <param name="LAChildId">The council's own identifier for the child.</param>
/// <param name="Due">When the thing was due.</param>
/// <param name="Overdue">How late on the as-at date, in <paramref name="Unit"/>.</param>
/// <param name="Unit">"working days" or "days".</param>
/// <param name="TeamId">The team holding the case on the as-at date, if any.</param>
/// <param name="Team">That team's name.</param>
/// <param name="WorkerId">The worker holding the case on the as-at date, if any.</param>
/// <param name="Worker">That worker's name.</param>
/// <param name="Explanation">What happened and what was expected, with the dates.</param>
public sealed record ApiAlert(string Rule, string RuleName, Severity Severity, int ChildId, string LAChildId, DateOnly Due, int Overdue, string Unit,
    int? TeamId, string? Team, int? WorkerId, string? Worker, string Explanation);

/// <summary>The alerts of the children the user may see, as at a date, most urgent first.</summary>
/// <param name="AsAt">The date the alerts are judged as at.</param>
/// <param name="Alerts">The alerts, after the filters.</param>
/// <param name="Gaps">Rules not judged because their records have not been loaded, each with why.</param>
public sealed record ApiAlerts(DateOnly AsAt, IReadOnlyList<ApiAlert> Alerts, IReadOnlyList<string> Gaps);

/// <summary>An indicator over one period: its value, the numerator and denominator behind it (full-time
/// equivalents may be fractional), a distribution's bands, and the records missing when there is no value.</summary>
public sealed record ApiIndicator(string Indicator, string Name, DateOnly From, DateOnly To, double? Value, double Numerator, double? Denominator, IndicatorUnit Unit, double? England,
    IReadOnlyList<IndicatorBand> Bands, IReadOnlyList<string> Missing);

/// <summary>Supervision compliance for one worker, team, service or the council over one period: sessions due, met,
/// missed with a reason and missed, compliance (met / due, as a percentage), and case supervision (allocated
/// children, and those discussed within the local standard).</summary>
public sealed record ApiSupervisionLine(OrganisationLevel Level, string Name, string? StaffId, int? TeamId, int? ServiceId, DateOnly From, DateOnly To,
    int Due, int Met, int MissedWithReason, int Missed, double? Compliance, int Children, int ChildrenSupervisedWithinStandard);

/// <summary>One child the user may see, and who holds the case today.</summary>
public sealed record ApiChild(int Id, string LAChildId, int? TeamId, string? Team, int? WorkerId, string? Worker);

/// <summary>One event of a child's journey (see <see cref="Journey"/>).</summary>
public sealed record ApiJourneyEvent(DateOnly Date, string Stage, string What, string? Detail);

/// <summary>A child's record: who holds the case, the journey up to the as-at date, and the alerts as at it.</summary>
public sealed record ApiChildRecord(int Id, string LAChildId, DateOnly? DateOfBirth, DateOnly AsAt, int? TeamId, string? Team, int? WorkerId, string? Worker,
    IReadOnlyList<ApiJourneyEvent> Journey, IReadOnlyList<ApiAlert> Alerts);

/// <summary>Sightline's JSON API, under <c>/api/</c>: the same records, through the same access rule
/// (<see cref="ChildAccess"/>) and the same access log, as the pages. It is signed in with the same session cookie,
/// it only reads (so it needs no anti-forgery token), and it sends no CORS headers, so only Sightline's own pages
/// and programs holding a session may call it. docs/api.md describes it; <c>/openapi/v1.json</c> is its OpenAPI
/// description.</summary>
internal static class Api
{
    /// <summary>Whether a request is for the API or its description (answered 401, not redirected, when not signed in).</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public static void AddTo(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Sightline API";
                document.Info.Description = "Alerts, indicators and children's records, through the same access rule as the pages. Signed in with the session cookie.";
                return Task.CompletedTask;
            });
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapOpenApi();
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/alerts", Alerts).RequireAuthorization(SightlineWeb.ChildrenPolicy)
            .WithSummary("The alerts of the children the user may see, as at a date (today when not given), most urgent first.");
        api.MapGet("/indicators", Indicators)
            .WithSummary("Every indicator over a period (the 12 months to today when not given), or one value per calendar month with monthly=true.");
        api.MapGet("/supervision", Supervision)
            .WithSummary("Supervision compliance over a period (the 12 months to today when not given), or per calendar month with monthly=true: the council, services and teams for the roles that see every worker, a team manager's teams and workers, a social worker's own line.");
        api.MapGet("/children", Children).RequireAuthorization(SightlineWeb.ChildrenPolicy)
            .WithSummary("The children the user may see, with who holds each case today.");
        api.MapGet("/children/{id:int}", Child).RequireAuthorization(SightlineWeb.ChildrenPolicy)
            .WithSummary("One child's journey and alerts as at a date (today when not given). A child the user may not see is 404, and logged.");
    }

    private static Results<Ok<ApiAlerts>, ProblemHttpResult> Alerts(ClaimsPrincipal user, CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock,
        DateOnly? asAt, int? team, int? worker, string? kind, Severity? severity)
    {
        var scope = access.ScopeFor(user);
        var refusal = team is { } t && (!scope.MayFilterByTeam(t) || council.Team(t) is null) ? $"API alerts asked for team {t}, outside the account's scope."
            : worker is { } w && (!scope.MayFilterByWorker(w) || council.Worker(w) is null) ? $"API alerts asked for worker {w}, outside the account's scope."
            : null;
        if (refusal is not null)
        {
            log.Exported(user, "API alerts", allowed: false, refusal);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "That team or worker is outside what your account may see.");
        }

        if (kind is not null && RuleCatalogue.Find(kind) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"There is no rule '{kind}'.");
        }

        var date = asAt ?? clock.Today;
        var report = scope.EveryChild ? council.Alerts(date) : council.Alerts(date, scope.Children);
        var allocations = council.AllocationsOn(date);
        var alerts = report.Alerts
            .Where(a => a.ChildId is { } id && scope.MaySee(id))
            .Select(a => ToApi(a, council, allocations))
            .Where(a => (team is null || a.TeamId == team) && (worker is null || a.WorkerId == worker)
                        && (kind is null || string.Equals(a.Rule, kind, StringComparison.OrdinalIgnoreCase))
                        && (severity is null || a.Severity == severity))
            .ToList();
        log.Exported(user, "API alerts", allowed: true, $"as at {date:yyyy-MM-dd}; {alerts.Count} alerts");
        return TypedResults.Ok(new ApiAlerts(date, alerts, report.Gaps.Select(g => g.Explanation).ToList()));
    }

    private static Results<Ok<List<ApiIndicator>>, ProblemHttpResult> Indicators(CouncilData council, SightlineClock clock, DateOnly? from, DateOnly? to, bool? monthly)
    {
        var end = to ?? clock.Today;
        var period = new Period(from ?? Period.YearTo(end).From, end);
        if (period.To < period.From)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "'to' must not be before 'from'.");
        }

        if (monthly == true && period.From.AddYears(10) < period.To)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Monthly values are given for at most ten years at a time.");
        }

        var periods = monthly == true ? period.Months().ToList() : [period];
        var values = IndicatorCatalogue.All
            .SelectMany(indicator => periods.Select(p => indicator.Compute(council.Snapshot, p, council.AsAt(p.To))))
            .Select(v => new ApiIndicator(v.Indicator.Id, v.Indicator.Name, v.Period.From, v.Period.To, v.Value, v.Numerator, v.Denominator, v.Indicator.Unit, v.Indicator.England, v.Bands, v.Missing))
            .ToList();
        return TypedResults.Ok(values);
    }

    private static Results<Ok<List<ApiSupervisionLine>>, ProblemHttpResult> Supervision(ClaimsPrincipal user, CouncilData council, SupervisionAccess access, SightlineClock clock,
        DateOnly? from, DateOnly? to, bool? monthly)
    {
        var end = to ?? clock.Today;
        var period = new Period(from ?? Period.YearTo(end).From, end);
        if (period.To < period.From || period.From.AddYears(10) < period.To)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "'from' must not be after 'to', and a period is at most ten years.");
        }

        // The same computation, and the same lines for the same account, as the supervision page and `sightline supervision`.
        var scope = access.ScopeFor(user);
        var leading = scope.EveryWorker ? OrganisationLevel.Council : scope.SeesOthers ? OrganisationLevel.Team : OrganisationLevel.Worker;
        var periods = monthly == true ? period.Months().ToList() : [period];
        var lines = SupervisionCompliance.Compute(council.Snapshot, periods, council.Calendar, w => scope.MaySee(w.Id))
            .Where(l => l.Level >= leading)
            .Select(l => new ApiSupervisionLine(l.Level, l.Name, l.Worker?.StaffId, l.TeamId, l.ServiceId, l.Period.From, l.Period.To,
                l.Sessions.Due, l.Sessions.Met, l.Sessions.MissedWithReason, l.Sessions.Missed, l.Sessions.Compliance,
                l.Cases.Children, l.Cases.WithinStandard))
            .ToList();
        return TypedResults.Ok(lines);
    }

    private static Ok<List<ApiChild>> Children(ClaimsPrincipal user, CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock)
    {
        var scope = access.ScopeFor(user);
        var allocations = council.AllocationsOn(clock.Today);
        var children = (scope.EveryChild ? council.Snapshot.Children.Select(c => c.Id) : scope.Children)
            .Distinct().Order()
            .Select(council.Child).OfType<Child>()
            .Select(c =>
            {
                var allocation = allocations.Of(c.Id);
                return new ApiChild(c.Id, c.LAChildId, allocation?.TeamId, allocation is null ? null : council.Team(allocation.TeamId)?.Name,
                    allocation?.WorkerId, allocation?.WorkerId is { } w ? council.Worker(w)?.Name : null);
            })
            .ToList();
        log.Exported(user, "API children", allowed: true, $"{children.Count} children");
        return TypedResults.Ok(children);
    }

    private static Results<Ok<ApiChildRecord>, ProblemHttpResult> Child(ClaimsPrincipal user, CouncilData council, SightlineDatabase database, ChildAccess access, AccessLog log, SightlineClock clock,
        int id, DateOnly? asAt)
    {
        var child = council.Child(id);
        if (child is null || !access.ScopeFor(user).MaySee(id))
        {
            log.ViewedChild(user, id, allowed: false, (child is null ? "No such child." : "Not a child the account may see.") + " Through the API.");
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such child, or not one your account may see.");
        }

        log.ViewedChild(user, id, allowed: true, "Through the API.");
        var date = asAt ?? clock.Today;
        var allocations = council.AllocationsOn(date);
        var allocation = allocations.Of(id);
        var journey = Journey.Of(child, SnapshotLoader.ReadChildRecordOnly(database, id), date, council.Worker).Select(e => new ApiJourneyEvent(e.Date, e.Stage, e.What, e.Detail)).ToList();
        var alerts = council.Alerts(date, [id]).Alerts.Select(a => ToApi(a, council, allocations)).ToList();
        return TypedResults.Ok(new ApiChildRecord(child.Id, child.LAChildId, child.DateOfBirth, date, allocation?.TeamId,
            allocation is null ? null : council.Team(allocation.TeamId)?.Name, allocation?.WorkerId,
            allocation?.WorkerId is { } w ? council.Worker(w)?.Name : null, journey, alerts));
    }

    private static ApiAlert ToApi(Alert alert, CouncilData council, Allocations allocations)
    {
        var child = council.Child(alert.ChildId!.Value)!;
        var allocation = allocations.Of(child.Id);
        return new ApiAlert(alert.Rule.Id, alert.Rule.Name, alert.Severity, child.Id, child.LAChildId, alert.Due, alert.Overdue,
            alert.Rule.Counting == Counting.WorkingDays ? "working days" : "days",
            allocation?.TeamId, allocation is null ? null : council.Team(allocation.TeamId)?.Name,
            allocation?.WorkerId, allocation?.WorkerId is { } w ? council.Worker(w)?.Name : null, alert.Explanation);
    }
}
