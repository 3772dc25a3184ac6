namespace Sightline.Cli.Generation;

/// <summary>The sizes of synthetic council the generator makes, by the number of children known to
/// children's social care over the six years.</summary>
public enum CouncilSize
{
    /// <summary>About 2,000 children: a small shire district's worth, for tests and trying things out.</summary>
    Small,

    /// <summary>About 15,000 children: a typical unitary council; the demonstration council.</summary>
    Medium,

    /// <summary>About 60,000 children: one of the largest councils.</summary>
    Large,

    /// <summary>All of England: about 650,000 referrals a year.</summary>
    England,
}

/// <summary>What each size means in numbers.</summary>
public static class CouncilSizes
{
    /// <summary>The number of children to generate for a size. England is sized by its referrals: 650,000 a
    /// year for six years, at about 1.45 referrals per child over that time, is about 2.7 million children.</summary>
    public static int Children(CouncilSize size) => size switch
    {
        CouncilSize.Small => 2_000,
        CouncilSize.Medium => 15_000,
        CouncilSize.Large => 60_000,
        CouncilSize.England => 2_700_000,
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };
}
