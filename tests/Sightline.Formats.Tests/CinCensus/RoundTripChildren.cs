using Sightline.Formats.CinCensus;
using Sightline.Model;

namespace Sightline.Formats.Tests.CinCensus;

/// <summary>Children with every kind of record the census carries, dated inside a census year, for writing and reading back.</summary>
public static class RoundTripChildren
{
    /// <summary>A handful of children covering the census: an unborn child, a child in need plan, an enquiry whose conference
    /// made a plan, a conference no enquiry led to, several reviews, closures, and codes newer than early years (5D, RC9,
    /// 18B, 24A) that the writer maps back for those years.</summary>
    public static IEnumerable<Child> For(int year)
    {
        var s = CinCensusWriter.CollectionStart(year);
        yield return new Child
        {
            Id = 1, LAChildId = "RT-UNBORN", ExpectedDateOfBirth = CinCensusWriter.ReferenceDate(year).AddDays(40), UpnUnknownReason = "UN1",
            Ethnicity = "NOBT",
            CinEpisodes = [new CinEpisode { Id = 1, ReferralDate = s.AddDays(200), ReferralSource = "3B", PrimaryNeed = "N1" }],
        };
        yield return new Child
        {
            Id = 2, LAChildId = "RT-PLAN", Upn = "A12345678901B", DateOfBirth = new DateOnly(year - 9, 5, 17), Sex = Sex.Female, Ethnicity = "MWBA",
            Disabilities = [new ChildDisability { Code = "LD" }, new ChildDisability { Code = "AUT" }],
            CinEpisodes =
            [
                new CinEpisode
                {
                    Id = 2, ReferralDate = s.AddDays(-90), ReferralSource = "5D", PrimaryNeed = "N3", ClosureDate = s.AddDays(150), ReasonForClosure = "RC9",
                    Assessments =
                    [
                        new Assessment
                        {
                            Id = 2, StartDate = s.AddDays(-10), InternalReviewDate = s.AddDays(5), AuthorisationDate = s.AddDays(20),
                            Factors = [new AssessmentFactor { Code = "18B" }, new AssessmentFactor { Code = "24A" }, new AssessmentFactor { Code = "4B" }],
                        },
                    ],
                    CinPlans = [new CinPlan { Id = 2, StartDate = s.AddDays(-30), EndDate = s.AddDays(140) }],
                },
            ],
        };
        yield return new Child
        {
            Id = 3, LAChildId = "RT-PROTECTION", DateOfBirth = new DateOnly(year - 4, 1, 2), Sex = Sex.Male, Ethnicity = "BAFR",
            CinEpisodes =
            [
                new CinEpisode
                {
                    Id = 3, ReferralDate = s.AddDays(20), ReferralSource = "6", PrimaryNeed = "N1",
                    Assessments = [new Assessment { Id = 3, StartDate = s.AddDays(21), AuthorisationDate = s.AddDays(50), Factors = [new AssessmentFactor { Code = "3B" }, new AssessmentFactor { Code = "19C" }] }],
                    Section47Enquiries =
                    [
                        new Section47Enquiry { Id = 31, StartDate = s.AddDays(22), IcpcTargetDate = s.AddDays(43) },
                        new Section47Enquiry { Id = 32, StartDate = s.AddDays(200), IcpcTargetDate = s.AddDays(221), IcpcNotRequired = true, EndDate = s.AddDays(215) },
                    ],
                    InitialConferences =
                    [
                        new InitialConference { Id = 31, Section47EnquiryId = 31, Date = s.AddDays(40), ResultedInPlan = true },
                        new InitialConference { Id = 33, Date = s.AddDays(300), ResultedInPlan = false },
                    ],
                    ChildProtectionPlans =
                    [
                        new ChildProtectionPlan
                        {
                            Id = 3, StartDate = s.AddDays(40), EndDate = s.AddDays(250), InitialCategory = "NEG", LatestCategory = "MUL", NumberOfPreviousPlans = 2,
                            ReviewConferences = [new ReviewConference { Date = s.AddDays(120) }, new ReviewConference { Date = s.AddDays(240) }],
                        },
                    ],
                },
                new CinEpisode { Id = 4, ReferralDate = s.AddDays(330), ReferralSource = "2A", ReferralNfa = true, ClosureDate = s.AddDays(331), ReasonForClosure = "RC8" },
            ],
        };
        yield return new Child
        {
            Id = 4, LAChildId = "RT-DIED", DateOfBirth = new DateOnly(year - 16, 11, 30), DateOfDeath = s.AddDays(100), Sex = Sex.Indeterminate, Ethnicity = "WBRI",
            FormerUpn = "Z99999999999Z",
            CinEpisodes = [new CinEpisode { Id = 5, ReferralDate = s.AddDays(-400), ReferralSource = "10", PrimaryNeed = "N2", ClosureDate = s.AddDays(100), ReasonForClosure = "RC2" }],
        };
    }

    /// <summary>Many similar children, made one at a time as they are asked for.</summary>
    public static IEnumerable<Child> Many(int count, int year)
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
                        Assessments = [new Assessment { Id = i, StartDate = referral.AddDays(1), AuthorisationDate = referral.AddDays(30), Factors = [new AssessmentFactor { Code = "3B" }, new AssessmentFactor { Code = "16A" }] }],
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
