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
        var children = Allocations(snapshot).ChildrenOn(day);
        return new IndicatorValue(Info, period, fte == 0 ? null : children / fte, children, fte);
    }

    private CaseHoldingAllocations Allocations(CouncilSnapshot snapshot) => snapshot.Derived(this, s => new CaseHoldingAllocations(s));

    /// <summary>Every allocation of a child's case to a case-holding worker, kept compact and in the order of its end
    /// (those still open last, as if they ended on the last date there is), so that the allocations open on a day are
    /// found among those ending on or after it.</summary>
    private sealed class CaseHoldingAllocations
    {
        private readonly Worker[] _workers;
        private readonly int _children;
        private readonly Dated<(int Child, int Worker, int Start, int End)> _byEnd;

        public CaseHoldingAllocations(CouncilSnapshot snapshot)
        {
            // Workers and children by position; a child's position is one per identifier, so that each is counted once.
            _workers = [.. snapshot.Workers.Where(w => w.HoldsCases)];
            var worker = new Dictionary<int, int>();
            for (var i = 0; i < _workers.Length; i++)
            {
                worker.TryAdd(_workers[i].Id, i);
            }

            // A child's position in the snapshot where the children are in order of their identifiers (as loaded), so
            // that each has one; otherwise a position given to each identifier as it is first met.
            var children = snapshot.Children;
            var ordered = true;
            for (var i = 1; i < children.Count && ordered; i++)
            {
                ordered = children[i - 1].Id < children[i].Id;
            }

            var child = ordered ? null : new Dictionary<int, int>();
            IEnumerable<(int Child, int Worker, int Start, int End)> Allocations()
            {
                for (var i = 0; i < children.Count; i++)
                {
                    foreach (var allocation in children[i].Allocations)
                    {
                        if (allocation.WorkerId is { } id && worker.TryGetValue(id, out var w))
                        {
                            var k = i;
                            if (child is not null && !child.TryGetValue(children[i].Id, out k))
                            {
                                child[children[i].Id] = k = child.Count;
                            }

                            yield return (k, w, allocation.StartDate.DayNumber, (allocation.EndDate ?? DateOnly.MaxValue).DayNumber);
                        }
                    }
                }
            }

            _byEnd = new Dated<(int Child, int Worker, int Start, int End)>(Allocations(), a => DateOnly.FromDayNumber(a.End));
            _children = child?.Count ?? children.Count;
        }

        /// <summary>The children with an allocation open on <paramref name="day"/> (its start and end inclusive) to a
        /// case-holding worker in post that day, each counted once.</summary>
        public int ChildrenOn(DateOnly day)
        {
            var inPost = new bool[_workers.Length];
            for (var i = 0; i < _workers.Length; i++)
            {
                inPost[i] = _workers[i].IsInPostOn(day);
            }

            var counted = new ulong[(_children + 63) / 64];
            var children = 0;
            foreach (var (child, worker, start, _) in _byEnd.OnOrAfter(day))
            {
                if (start <= day.DayNumber && inPost[worker])
                {
                    ref var word = ref counted[child >> 6];
                    var bit = 1UL << (child & 63);
                    children += (word & bit) == 0 ? 1 : 0;
                    word |= bit;
                }
            }

            return children;
        }
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
