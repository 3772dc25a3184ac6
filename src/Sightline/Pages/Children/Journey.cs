using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Web.Pages.Children;

/// <summary>One event in a child's journey: when, what kind of step, and the detail a worker reads.</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Stage">Where in the journey: Front door, Assessment, Child protection, Child in need, Visits, Decisions, PLO, Court, Care.</param>
/// <param name="What">The event, in a few words.</param>
/// <param name="Detail">What was decided or found, where the records say.</param>
public sealed record JourneyEvent(DateOnly Date, string Stage, string What, string? Detail = null);

/// <summary>A child's whole journey on one timeline, in date order: contacts and referrals, assessments,
/// strategy discussions, section 47 enquiries, conferences, plans and their reviews, visits, step-up and step-down
/// decisions with their rationale, pre-proceedings, care proceedings and care. Events after the as-at date are left out.</summary>
public static class Journey
{
    /// <param name="child">The child, from the snapshot.</param>
    /// <param name="recordOnly">The child's records the snapshot does not hold (contacts, early help, core group meetings).</param>
    /// <param name="asAt">Events after this day are left out.</param>
    /// <param name="worker">Finds a worker by identifier.</param>
    public static IReadOnlyList<JourneyEvent> Of(Sightline.Model.Child child, ChildRecordOnly recordOnly, DateOnly asAt, Func<int, Worker?> worker)
    {
        var events = new List<JourneyEvent>();
        void Add(DateOnly? date, string stage, string what, string? detail = null)
        {
            if (date is { } day)
            {
                events.Add(new JourneyEvent(day, stage, what, detail));
            }
        }

        foreach (var contact in recordOnly.Contacts)
        {
            Add(contact.Date, "Front door", "Contact", $"{Described(CinCodes.ReferralSource, contact.Source)}; {(contact.LedToReferral ? "led to a referral" : "no referral")}");
        }

        foreach (var help in recordOnly.EarlyHelpEpisodes)
        {
            Add(help.AssessmentStartDate, "Early help", "Early help assessment started", help.Organisation);
            Add(help.AssessmentCompletionDate, "Early help", "Early help assessment completed");
            Add(help.EndDate, "Early help", "Early help ended");
        }

        foreach (var episode in child.CinEpisodes)
        {
            Add(episode.ReferralDate, "Front door", "Referral",
                $"{Described(CinCodes.ReferralSource, episode.ReferralSource)}; primary need {Described(CinCodes.PrimaryNeed, episode.PrimaryNeed)}{(episode.ReferralNfa ? "; no further action" : "")}");
            foreach (var assessment in episode.Assessments)
            {
                Add(assessment.StartDate, "Assessment", "Assessment started");
                Add(assessment.AuthorisationDate, "Assessment", "Assessment authorised",
                    assessment.ChildSeen switch { true => "Child seen", false => "Child not seen", null => null });
            }

            foreach (var discussion in episode.StrategyDiscussions)
            {
                Add(discussion.Date, "Child protection", "Strategy discussion", discussion.Section47Started ? "Decided to start a section 47 enquiry" : "No section 47 enquiry");
            }

            foreach (var enquiry in episode.Section47Enquiries)
            {
                Add(enquiry.StartDate, "Child protection", "Section 47 enquiry started",
                    enquiry.IcpcNotRequired ? "Concluded that no initial conference is needed" : null);
                Add(enquiry.EndDate, "Child protection", "Section 47 enquiry completed");
            }

            foreach (var conference in episode.InitialConferences)
            {
                Add(conference.Date, "Child protection", "Initial child protection conference", conference.ResultedInPlan ? "Child protection plan made" : "No plan");
            }

            foreach (var plan in episode.ChildProtectionPlans)
            {
                Add(plan.StartDate, "Child protection", "Child protection plan started", $"Category: {Described(CinCodes.CategoryOfAbuse, plan.InitialCategory)}");
                Add(plan.EndDate, "Child protection", "Child protection plan ended");
                foreach (var review in plan.ReviewConferences)
                {
                    Add(review.Date, "Child protection", "Review conference");
                }

                foreach (var meeting in recordOnly.CoreGroupMeetings[plan.Id])
                {
                    Add(meeting.Date, "Child protection", "Core group meeting");
                }

                foreach (var review in plan.SeniorReviews)
                {
                    Add(review.Date, "Child protection", "Senior review of the plan",
                        Joined(review.ReviewedByWorkerId is { } id ? worker(id)?.Name : null, review.Outcome));
                }
            }

            foreach (var plan in episode.CinPlans)
            {
                Add(plan.StartDate, "Child in need", "Child in need plan started");
                Add(plan.EndDate, "Child in need", "Child in need plan ended");
                foreach (var review in plan.Reviews)
                {
                    Add(review.Date, "Child in need", "Child in need plan review");
                }
            }

            Add(episode.ClosureDate, "Front door", "Case closed", Described(CinCodes.ReasonForClosure, episode.ReasonForClosure));
        }

        foreach (var visit in child.Visits)
        {
            var kind = visit.Kind switch
            {
                VisitKind.ChildProtection => "Child protection visit",
                VisitKind.ChildInNeed => "Child in need visit",
                _ => "Looked after child visit",
            };
            var seen = !visit.ChildSeen ? "Child not seen" : visit.SeenAlone == true ? "Child seen alone" : "Child seen";
            Add(visit.Date, "Visits", kind, Joined(seen, visit.WorkerId is { } id ? worker(id)?.Name : null));
        }

        foreach (var decision in child.StepDecisions)
        {
            Add(decision.Date, "Decisions", $"{(decision.ToLevel > decision.FromLevel ? "Stepped up" : "Stepped down")} from {Level(decision.FromLevel)} to {Level(decision.ToLevel)}",
                string.IsNullOrWhiteSpace(decision.Rationale) ? "No rationale recorded" : $"Rationale: {decision.Rationale}");
        }

        foreach (var pre in child.PreProceedings)
        {
            Add(pre.LegalGatewayDate, "PLO", "Legal gateway meeting", pre.LegalGatewayDecision?.ToString() is { } d ? Words(d) : null);
            Add(pre.StartDate, "PLO", "Pre-proceedings started");
            Add(pre.LetterBeforeProceedingsDate, "PLO", "Letter before proceedings sent");
            Add(pre.InitialMeetingDate, "PLO", "Initial pre-proceedings meeting",
                pre.FamilyGroupDecisionMakingOffered == true ? "Family group decision making offered" : null);
            foreach (var review in pre.Reviews)
            {
                Add(review.Date, "PLO", "Pre-proceedings review meeting");
            }

            Add(pre.DecisionDate, "PLO", "Pre-proceedings decision", pre.Outcome?.ToString() is { } o ? Words(o) : null);
            Add(pre.CourtApplicationDate, "Court", "Application to court");
        }

        foreach (var proceedings in child.CareProceedings)
        {
            Add(proceedings.IssueDate, "Court", "Care proceedings issued");
            Add(proceedings.FinalOrderDate, "Court", "Final order", proceedings.FinalOrder?.ToString() is { } order ? Words(order) : null);
        }

        foreach (var protection in child.EmergencyProtections)
        {
            Add(protection.StartDate, "Child protection", protection.Kind == EmergencyProtectionKind.PolicePowers ? "Police protection" : "Emergency protection order");
        }

        foreach (var care in child.LookedAfterEpisodes)
        {
            Add(care.StartDate, "Care", "Looked after episode started", Joined(care.LegalStatus is null ? null : $"legal status {care.LegalStatus}", care.PlacementType is null ? null : $"placement {care.PlacementType}"));
            Add(care.EndDate, "Care", "Looked after episode ended", care.ReasonEnded is null ? null : $"reason {care.ReasonEnded}");
        }

        foreach (var review in child.LookedAfterReviews)
        {
            Add(review.Date, "Care", "Looked after review");
        }

        foreach (var missing in child.MissingEpisodes)
        {
            Add(missing.StartDate, "Care", missing.Kind == MissingKind.Missing ? "Missing from placement" : "Absent from placement");
        }

        return events.Where(e => e.Date <= asAt).OrderBy(e => e.Date).ToList();
    }

    /// <summary>A service level as a worker says it.</summary>
    public static string Level(ServiceLevel level) => level switch
    {
        ServiceLevel.ChildInNeed => "child in need",
        ServiceLevel.ChildProtection => "child protection",
        ServiceLevel.PreProceedings => "pre-proceedings",
        ServiceLevel.CareProceedings => "care proceedings",
        ServiceLevel.LookedAfter => "looked after",
        ServiceLevel.EarlyHelp => "early help",
        _ => "universal services",
    };

    private static string Described(CodeList list, string? code) =>
        code is null ? "not recorded" : list.Find(code) is { } found ? $"{found.Description} ({found.Value})" : code;

    private static string? Joined(params string?[] parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() is { Count: > 0 } some ? string.Join("; ", some) : null;

    /// <summary>"EnterPreProceedings" as "Enter pre proceedings".</summary>
    private static string Words(string name)
    {
        var text = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return text;
    }
}
