using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>The initial child protection conference is held within 15 working days of the strategy discussion
/// that started the section 47 enquiry (Working Together to Safeguard Children 2023, chapter 2). Where no
/// strategy discussion is linked, the enquiry's start date stands for it (as the DfE statistic counts). The
/// clock stops at a conference for that enquiry, or when the enquiry records that none is needed.</summary>
public sealed class InitialConferenceOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("icpc-overdue", "Initial child protection conference overdue",
        "A section 47 enquiry in an open episode, not marked as needing no conference, has no initial conference more than 15 working days after the strategy discussion that started it (or, where none is linked, the enquiry's start).",
        "Working Together to Safeguard Children 2023, chapter 2 (ICPC within 15 working days of the strategy discussion)",
        "a conference date, or a decision that none is needed, is recorded", AlertSubject.Child, Counting.WorkingDays);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => AnyOpenEpisode(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var episode in OpenEpisodes(child, asAt))
        {
            foreach (var enquiry in episode.Section47Enquiries)
            {
                if (enquiry.StartDate > asAt.Date || enquiry.IcpcNotRequired ||
                    episode.InitialConferences.Exists(c => c.Section47EnquiryId == enquiry.Id && c.Date <= asAt.Date))
                {
                    continue;
                }

                var discussion = episode.StrategyDiscussions.Find(d => d.Id == enquiry.StrategyDiscussionId);
                var start = discussion?.Date ?? enquiry.StartDate;
                var due = asAt.Calendar.Deadline(start, 15);
                var started = discussion is null
                    ? $"A section 47 enquiry started on {Day(start)}."
                    : $"A strategy discussion on {Day(start)} started a section 47 enquiry.";
                if (Overdue(Info, child, due, asAt,
                        $"{started} The initial conference was due by {Day(due)}; none is recorded, and the enquiry is not marked as needing none.") is { } alert)
                {
                    yield return alert;
                }
            }
        }
    }
}
