namespace Sightline.Oversight.Workforce;

/// <summary>Who a line of figures is about: the council, a service, a team or a worker.</summary>
public enum OrganisationLevel
{
    Council,
    Service,
    Team,
    Worker,
}
