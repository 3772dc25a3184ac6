using Sightline.Model;
using Sightline.Oversight.Workforce;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>A case-holding worker with more children than the local ceiling, pro rata to FTE (Bury 2022: "high
/// caseloads of up to 25"; timescales notes: 20 per full-time social worker). Caseloads are counted by
/// <see cref="Caseloads"/>.</summary>
public sealed class CaseloadOverCeiling : IWorkerRule
{
    public RuleInfo Info { get; } = new("caseload-over-ceiling", "Caseload over ceiling",
        "A case-holding worker in post holds more children (distinct children with an allocation to them open on the as-at date) than the local ceiling times their FTE (default 20 per full-time worker, so 10 at 0.5 FTE). Counted in days since the caseload last went over; at least high severity when it is 5 or more children per FTE over the ceiling.",
        "Ofsted monitoring visit to Bury, 2022 (caseloads of up to 25); local standard (timescales notes: 20 per full-time social worker, warning at 18)",
        "the worker's caseload is brought to the ceiling or below (cases reallocated or closed)", AlertSubject.Worker, Counting.Days, "allocations");

    public IEnumerable<Alert> Evaluate(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        if (!worker.HoldsCases || !worker.IsInPostOn(asAt.Date))
        {
            yield break;
        }

        var children = Caseloads.Of(worker, records, asAt.Date);
        if (!Caseloads.IsOverCeiling(worker, children, asAt.Standards))
        {
            yield break;
        }

        var since = Caseloads.OverCeilingSince(worker, records, asAt.Date, asAt.Standards) ?? asAt.Date;
        var overdue = Math.Max(1, asAt.Date.DayNumber - since.DayNumber);
        var severity = Severities.For(overdue, Info.Counting);
        var perFte = Caseloads.PerFte(children, worker.Fte);
        if ((perFte is null || perFte >= asAt.Standards.CaseloadCeiling + 5) && severity < Severity.High)
        {
            severity = Severity.High;
        }

        var load = perFte is { } p && worker.Fte != 1m ? $"{children} children at {worker.Fte:0.##} FTE ({p:0.#} per full-time worker)" : $"{children} children";
        yield return new Alert(Info, null, worker.Id, since, overdue, severity,
            $"{Info.Name}. The worker holds {load} against a ceiling of {asAt.Standards.CaseloadCeiling} per full-time worker ({Caseloads.Ceiling(worker, asAt.Standards):0.#} for them), and has been over it since {Day(since)}. Clears when {Info.ClearsWhen}.");
    }
}
