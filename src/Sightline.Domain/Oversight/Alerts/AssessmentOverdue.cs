using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>An assessment is authorised within 45 working days of the referral that opened its episode
/// (Working Together to Safeguard Children 2023, chapter 2). The referral date is day 0; the clock stops only
/// when an assessment of the same episode is authorised.</summary>
public sealed class AssessmentOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("assessment-overdue", "Assessment overdue",
        "An assessment started in an open child in need episode has not been authorised more than 45 working days after the episode's referral date (the referral date is day 0).",
        "Working Together to Safeguard Children 2023, chapter 2 (assessment within 45 working days of referral)",
        "the assessment's authorisation date is recorded", AlertSubject.Child, Counting.WorkingDays);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => AnyOpenEpisode(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var episode in OpenEpisodes(child, asAt))
        {
            foreach (var assessment in episode.Assessments)
            {
                if (assessment.StartDate > asAt.Date || assessment.AuthorisationDate <= asAt.Date)
                {
                    continue;
                }

                var due = asAt.Calendar.Deadline(episode.ReferralDate, 45);
                if (Overdue(Info, child, due, asAt,
                        $"The referral on {Day(episode.ReferralDate)} needed its assessment authorised by {Day(due)}; the assessment started on {Day(assessment.StartDate)} is not authorised.") is { } alert)
                {
                    yield return alert;
                }
            }
        }
    }
}
