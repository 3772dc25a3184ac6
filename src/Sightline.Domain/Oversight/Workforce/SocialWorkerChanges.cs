using Sightline.Model;

namespace Sightline.Oversight.Workforce;

/// <summary>Changes of social worker, counted one way for the churn alert and the workforce measures: a change is an
/// allocation to a different worker from the one the child had before (a team transfer with the same worker, or a
/// spell held by a team without a worker, is not one).</summary>
public static class SocialWorkerChanges
{
    /// <summary>The days on which the child's social worker changed in the 12 months before <paramref name="date"/>
    /// (after the same day 12 months earlier, and on or before <paramref name="date"/>), in order.</summary>
    public static List<DateOnly> InYearTo(Child child, DateOnly date)
    {
        var yearAgo = date.AddMonths(-12);
        var changes = new List<DateOnly>();
        int? previous = null;
        foreach (var allocation in InDateOrder.Of(child.Allocations, a => a.StartDate).Where(a => a.WorkerId is not null && a.StartDate <= date))
        {
            if (previous is not null && allocation.WorkerId != previous && allocation.StartDate > yearAgo)
            {
                changes.Add(allocation.StartDate);
            }

            previous = allocation.WorkerId;
        }

        return changes;
    }
}
