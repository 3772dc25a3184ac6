using Sightline.Model;

namespace Sightline.Oversight.Indicators;

/// <summary>Children per full-time case-holding worker, as the DfE's workforce statistics measure caseloads.</summary>
public sealed class AverageCaseload : IIndicator
{
    public IndicatorInfo Info { get; } = new("average-caseload", "Average caseload",
        "Children with an allocation open on the last day of the period to a case-holding worker (social worker, senior or advanced practitioner) in post that day, each child counted once, divided by the full-time equivalent of all case-holding workers in post that day. Without allocations and workers loaded there is no value.",
        "DfE Children's social work workforce statistics (caseload per case-holding social worker FTE)", IndicatorUnit.ChildrenPerFte, 16, "England 2023 (about 16)")
    {
        Needs = ["allocations", "workers"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var day = period.To;
        var caseHolders = snapshot.Workers.Where(w => w.HoldsCases && w.IsInPostOn(day)).ToDictionary(w => w.Id);
        var fte = (double)caseHolders.Values.Sum(w => w.Fte);
        var allocated = new HashSet<int>();
        foreach (var worker in caseHolders.Keys)
        {
            foreach (var (child, allocation) in snapshot.Workforce.AllocationsOf(worker))
            {
                if (allocation.IsOpenOn(day))
                {
                    allocated.Add(child.Id);
                }
            }
        }

        var children = allocated.Count;
        return new IndicatorValue(Info, period, fte == 0 ? null : children / fte, children, fte);
    }
}

/// <summary>The share of the workforce supplied by agencies, as the DfE's workforce statistics measure it.</summary>
public sealed class AgencyRate : IIndicator
{
    public IndicatorInfo Info { get; } = new("agency-rate", "Agency rate",
        "The full-time equivalent of agency workers in post on the last day of the period, as a share of the full-time equivalent of all workers in post that day (the children's social work workforce as loaded, managers included). Without workers loaded there is no value.",
        "DfE Children's social work workforce statistics (agency worker rate)", IndicatorUnit.Percentage, 17.8, "England 2023")
    {
        Needs = ["workers"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var inPost = snapshot.Workers.Where(w => w.IsInPostOn(period.To)).ToList();
        return Measure.Share(Info, period, (double)inPost.Where(w => w.Employment == Employment.Agency).Sum(w => w.Fte), (double)inPost.Sum(w => w.Fte));
    }
}

/// <summary>Leavers as a share of the workforce, as the DfE's workforce statistics measure turnover.</summary>
public sealed class Turnover : IIndicator
{
    public IndicatorInfo Info { get; } = new("turnover", "Turnover",
        "The full-time equivalent of workers whose leaving date falls in the period, as a share of the full-time equivalent of all workers in post on its last day (the workforce as loaded, managers included, as for the agency rate). Over a period other than a year the figure is not annualised. Without workers loaded there is no value.",
        "DfE Children's social work workforce statistics (turnover rate)", IndicatorUnit.Percentage, 15.9, "England 2023")
    {
        Needs = ["workers"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var leavers = snapshot.Workers.Where(w => w.LeavingDate is { } left && period.Contains(left)).Sum(w => w.Fte);
        var inPost = snapshot.Workers.Where(w => w.IsInPostOn(period.To)).Sum(w => w.Fte);
        return Measure.Share(Info, period, (double)leavers, (double)inPost);
    }
}
