using Sightline.Model;
using Sightline.Oversight.Alerts;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

public sealed class AssessmentOverdueTests
{
    private readonly AssessmentOverdue _rule = new();

    // Referral Monday 3 November 2025; 45 working days skip Christmas Day, Boxing Day and New Year's Day,
    // so the assessment is due by Thursday 8 January 2026.
    private static (Child, CinEpisode, Assessment) OpenAssessment()
    {
        var child = Child();
        var episode = Episode(child, D(2025, 11, 3));
        var assessment = new Assessment { Id = 900, CinEpisodeId = episode.Id, StartDate = D(2025, 11, 4) };
        episode.Assessments.Add(assessment);
        return (child, episode, assessment);
    }

    [Fact]
    public void AssessmentIsNotOverdueOnItsFortyFifthWorkingDay()
    {
        var (child, _, _) = OpenAssessment();
        _rule.Alerts(child, D(2026, 1, 8)).Should().BeEmpty();
    }

    [Fact]
    public void AssessmentIsOverdueByOneWorkingDayOnFriday9January2026()
    {
        var (child, _, _) = OpenAssessment();
        var alert = _rule.Alerts(child, D(2026, 1, 9)).Single();
        alert.Due.Should().Be(D(2026, 1, 8));
        alert.Overdue.Should().Be(1);
        alert.Severity.Should().Be(Sightline.Oversight.Severity.Low);
        alert.Explanation.Should().Contain("Monday 3 November 2025").And.Contain("Thursday 8 January 2026").And.StartWith("Assessment overdue by 1 working day.");
    }

    [Fact]
    public void TheWeekendDoesNotCountMonday12JanuaryIsTwoWorkingDaysLate()
    {
        var (child, _, _) = OpenAssessment();
        _rule.Alerts(child, D(2026, 1, 12)).Single().Overdue.Should().Be(2);
    }

    [Fact]
    public void AuthorisationStopsTheClock()
    {
        var (child, _, assessment) = OpenAssessment();
        assessment.AuthorisationDate = D(2026, 1, 9);
        _rule.Alerts(child, D(2026, 2, 2)).Should().BeEmpty();
    }

    [Fact]
    public void AnAuthorisationAfterTheAsAtDateDoesNotStopTheClockBeforeIt()
    {
        var (child, _, assessment) = OpenAssessment();
        assessment.AuthorisationDate = D(2026, 1, 20);
        _rule.Alerts(child, D(2026, 1, 12)).Should().ContainSingle();
    }

    [Fact]
    public void AnotherEpisodesAuthorisedAssessmentDoesNotStopThisEpisodesClock()
    {
        var (child, _, _) = OpenAssessment();
        var earlier = Episode(child, D(2025, 1, 6), closed: D(2025, 2, 28));
        earlier.Assessments.Add(new Assessment { Id = 901, CinEpisodeId = earlier.Id, StartDate = D(2025, 1, 7), AuthorisationDate = D(2025, 2, 20) });
        _rule.Alerts(child, D(2026, 1, 12)).Should().ContainSingle();
    }

    [Fact]
    public void AClosedEpisodeRaisesNoAlert()
    {
        var (child, episode, _) = OpenAssessment();
        episode.ClosureDate = D(2025, 12, 1);
        _rule.Alerts(child, D(2026, 1, 12)).Should().BeEmpty();
    }
}

public sealed class InitialConferenceOverdueTests
{
    private readonly InitialConferenceOverdue _rule = new();

    private static (Child, CinEpisode, Section47Enquiry) Enquiry(DateOnly strategy)
    {
        var child = Child();
        var episode = Episode(child, strategy.AddDays(-3));
        var discussion = new StrategyDiscussion { Id = 700, CinEpisodeId = episode.Id, Date = strategy, Section47Started = true };
        var enquiry = new Section47Enquiry { Id = 701, CinEpisodeId = episode.Id, StrategyDiscussionId = discussion.Id, StartDate = strategy.AddDays(1) };
        episode.StrategyDiscussions.Add(discussion);
        episode.Section47Enquiries.Add(enquiry);
        return (child, episode, enquiry);
    }

    [Fact]
    public void IcpcIsOverdueFiveWorkingDaysOnMonday31MarchAfterAStrategyDiscussionOnMonday3March2025()
    {
        var (child, _, _) = Enquiry(D(2025, 3, 3));
        var alert = _rule.Alerts(child, D(2025, 3, 31)).Single();
        alert.Due.Should().Be(D(2025, 3, 24));
        alert.Overdue.Should().Be(5);
        alert.Explanation.Should().Be(
            "Initial child protection conference overdue by 5 working days. A strategy discussion on Monday 3 March 2025 started a section 47 enquiry. " +
            "The initial conference was due by Monday 24 March 2025; none is recorded, and the enquiry is not marked as needing none. " +
            "Clears when a conference date, or a decision that none is needed, is recorded.");
    }

    [Fact]
    public void EasterAndTheMayBankHolidayMoveTheDeadlineFromThursday17AprilToTuesday13May2025()
    {
        var (child, _, _) = Enquiry(D(2025, 4, 17));
        _rule.Alerts(child, D(2025, 5, 13)).Should().BeEmpty();
        _rule.Alerts(child, D(2025, 5, 14)).Single().Due.Should().Be(D(2025, 5, 13));
    }

    [Fact]
    public void WithoutALinkedStrategyDiscussionTheEnquiryStartStartsTheClock()
    {
        var (child, _, enquiry) = Enquiry(D(2025, 3, 3));
        enquiry.StrategyDiscussionId = null;
        _rule.Alerts(child, D(2025, 3, 31)).Single().Due.Should().Be(D(2025, 3, 25));
    }

    [Fact]
    public void AConferenceForTheEnquiryOrADecisionThatNoneIsNeededStopsTheClock()
    {
        var (child, episode, enquiry) = Enquiry(D(2025, 3, 3));
        episode.InitialConferences.Add(new InitialConference { Id = 702, CinEpisodeId = episode.Id, Section47EnquiryId = enquiry.Id, Date = D(2025, 3, 26) });
        _rule.Alerts(child, D(2025, 4, 30)).Should().BeEmpty();

        var (other, _, notNeeded) = Enquiry(D(2025, 3, 3));
        notNeeded.IcpcNotRequired = true;
        _rule.Alerts(other, D(2025, 4, 30)).Should().BeEmpty();
    }

    [Fact]
    public void AConferenceForAnotherEnquiryDoesNotStopTheClock()
    {
        var (child, episode, _) = Enquiry(D(2025, 3, 3));
        episode.InitialConferences.Add(new InitialConference { Id = 703, CinEpisodeId = episode.Id, Section47EnquiryId = 999, Date = D(2025, 3, 20) });
        _rule.Alerts(child, D(2025, 3, 31)).Should().ContainSingle();
    }
}
