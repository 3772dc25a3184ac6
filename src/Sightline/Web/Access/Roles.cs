namespace Sightline.Web.Access;

/// <summary>A role an account can hold, what it is for, and which children it sees.</summary>
/// <param name="Name">The role's name as it is stored and typed (<c>sightline users add --role</c>).</param>
/// <param name="Title">What the council calls it.</param>
/// <param name="Sees">Which children's records it opens, in a sentence (shown by <c>sightline users</c> and in docs/web.md).</param>
public sealed record RoleInfo(string Name, string Title, string Sees);

/// <summary>The seven roles, written once. What each may see is decided by <see cref="ChildAccess"/> from these.</summary>
public static class Roles
{
    public const string SocialWorker = "social-worker";
    public const string TeamManager = "team-manager";
    public const string ServiceManager = "service-manager";
    public const string QualityAssurance = "quality-assurance";
    public const string Performance = "performance";
    public const string SeniorLeader = "senior-leader";
    public const string Administrator = "administrator";

    public static IReadOnlyList<RoleInfo> All { get; } =
    [
        new(SocialWorker, "Social worker", "The children allocated to them today."),
        new(TeamManager, "Team manager", "The children allocated today to the teams they manage (and to them)."),
        new(ServiceManager, "Service manager", "Every child: they oversee across teams, chair legal gateway meetings and review long plans."),
        new(QualityAssurance, "Quality assurance", "Every child: audits sample from the whole service."),
        new(Performance, "Performance officer", "Every child: they check and correct the data of every record."),
        new(SeniorLeader, "Senior leader", "Every child: the director and heads of service are accountable for all of them."),
        new(Administrator, "Administrator", "No child's record: they manage accounts and read the access log."),
    ];

    /// <summary>The roles that see every child.</summary>
    public static IReadOnlyList<string> EveryChild { get; } = [ServiceManager, QualityAssurance, Performance, SeniorLeader];

    /// <summary>The roles that open the council dashboard (aggregate figures, no child named): every role but the
    /// social worker's, whose work is their own children.</summary>
    public static IReadOnlyList<string> Dashboard { get; } = [SeniorLeader, Performance, ServiceManager, QualityAssurance, Administrator, TeamManager];

    /// <summary>The roles that see children at all (every role but the administrator's).</summary>
    public static IReadOnlyList<string> WithChildren { get; } = [SocialWorker, TeamManager, .. EveryChild];

    public static RoleInfo? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
