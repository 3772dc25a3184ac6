using Sightline.Formats.CinCensus;
using Sightline.Model;

namespace Sightline.Formats.Tests.CinCensus;

public class CinCensusStreamingTests
{
    [Fact]
    public void Writing_fifty_thousand_children_keeps_the_heap_small()
    {
        const int count = 50_000;
        const int year = 2025;
        var before = GC.GetTotalMemory(true);
        long growth = 0;

        var result = CinCensusWriter.Write(Generate(count, year), Stream.Null, year, "318", progress: written =>
        {
            if (written % 10_000 == 0)
            {
                growth = Math.Max(growth, GC.GetTotalMemory(true) - before);
            }
        });

        result.ChildrenWritten.Should().Be(count);
        result.EpisodesWritten.Should().Be(count);
        result.Skipped.Should().BeEmpty();
        growth.Should().BeLessThan(50L * 1024 * 1024);
    }

    /// <summary>Children made one at a time as the writer asks for them, each with a full episode.</summary>
    private static IEnumerable<Child> Generate(int count, int year)
    {
        var s = CinCensusWriter.CollectionStart(year);
        for (var i = 0; i < count; i++)
        {
            var referral = s.AddDays(i % 200);
            yield return new Child
            {
                LAChildId = $"G{i:D6}",
                DateOfBirth = new DateOnly(year - 1 - i % 17, 1 + i % 12, 1 + i % 28),
                Sex = (Sex)(i % 4),
                Ethnicity = CinCodes.Ethnicity.Codes[i % CinCodes.Ethnicity.Codes.Count].Value,
                Disabilities = [new ChildDisability { Code = "NONE" }],
                CinEpisodes =
                [
                    new CinEpisode
                    {
                        Id = i, ReferralDate = referral, ReferralSource = "1A", PrimaryNeed = "N1",
                        Assessments =
                        [
                            new Assessment
                            {
                                Id = i, StartDate = referral.AddDays(1), AuthorisationDate = referral.AddDays(30),
                                Factors = [new AssessmentFactor { Code = "3B" }, new AssessmentFactor { Code = "16A" }],
                            },
                        ],
                        Section47Enquiries = [new Section47Enquiry { Id = i, StartDate = referral.AddDays(5), IcpcTargetDate = referral.AddDays(20) }],
                        InitialConferences = [new InitialConference { Id = i, Section47EnquiryId = i, Date = referral.AddDays(19), ResultedInPlan = true }],
                        ChildProtectionPlans =
                        [
                            new ChildProtectionPlan
                            {
                                Id = i, StartDate = referral.AddDays(19), InitialCategory = "NEG", LatestCategory = "NEG",
                                ReviewConferences = [new ReviewConference { Date = referral.AddDays(100) }, new ReviewConference { Date = referral.AddDays(160) }],
                            },
                        ],
                    },
                ],
            };
        }
    }
}
