using Sightline.Model;

namespace Sightline.Storage;

/// <summary>Writes a child and every record of their journey that hangs from them, for the generator and the
/// importers alike: the records must already carry their keys.</summary>
public static class JourneyRecords
{
    public static void AddJourney(this BulkLoader loader, Child child)
    {
        loader.Add(child);
        child.Disabilities.ForEach(loader.Add);
        child.Contacts.ForEach(loader.Add);
        child.EarlyHelpEpisodes.ForEach(loader.Add);
        foreach (var episode in child.CinEpisodes)
        {
            loader.Add(episode);
            foreach (var assessment in episode.Assessments)
            {
                loader.Add(assessment);
                assessment.Factors.ForEach(loader.Add);
            }

            episode.StrategyDiscussions.ForEach(loader.Add);
            episode.Section47Enquiries.ForEach(loader.Add);
            episode.InitialConferences.ForEach(loader.Add);
            foreach (var plan in episode.ChildProtectionPlans)
            {
                loader.Add(plan);
                plan.ReviewConferences.ForEach(loader.Add);
                plan.CoreGroupMeetings.ForEach(loader.Add);
                plan.SeniorReviews.ForEach(loader.Add);
                plan.Actions.ForEach(loader.Add);
            }

            foreach (var plan in episode.CinPlans)
            {
                loader.Add(plan);
                plan.Reviews.ForEach(loader.Add);
                plan.Actions.ForEach(loader.Add);
            }
        }

        child.Visits.ForEach(loader.Add);
        child.StepDecisions.ForEach(loader.Add);
        foreach (var pre in child.PreProceedings)
        {
            loader.Add(pre);
            pre.Reviews.ForEach(loader.Add);
        }

        child.CareProceedings.ForEach(loader.Add);
        child.LookedAfterEpisodes.ForEach(loader.Add);
        child.LookedAfterReviews.ForEach(loader.Add);
        child.CareLeaverStatuses.ForEach(loader.Add);
        child.Allocations.ForEach(loader.Add);
    }
}
