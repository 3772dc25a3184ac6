using Sightline.Model;

namespace Sightline.Web.Pages.Supervision;

/// <summary>A date as the GOV.UK date input takes it: day, month and year in their own boxes.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts Of(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or null with the GOV.UK message for what is wrong ("… must be a real date").</summary>
    public DateOnly? Read(string label, List<FormError> errors, string id, bool required = true)
    {
        if (IsEmpty)
        {
            if (required)
            {
                errors.Add(new FormError(id, $"Enter {label}"));
            }

            return null;
        }

        if (!int.TryParse(Day, out var day) || !int.TryParse(Month, out var month) || !int.TryParse(Year, out var year)
            || year < 1900 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            errors.Add(new FormError(id, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be a real date"));
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

/// <summary>One problem with what was entered: the field it is about (its id, for the error summary's link) and
/// what to do.</summary>
public sealed record FormError(string Field, string Message);

/// <summary>What the date input partial needs.</summary>
public sealed record DateInputView(string Id, string Name, string Legend, DateParts Value, string? Hint, string? Error, bool Heading = false);

/// <summary>An action row of the supervision forms.</summary>
public sealed class ActionForm
{
    public string? Description { get; set; }
    public DateParts Due { get; set; } = new();
}

/// <summary>The supervision session form, shared by recording and amending.</summary>
public sealed class SessionForm
{
    public const int ActionRows = 3;
    public const int TextLimit = 10_000;

    public int? Supervisor { get; set; }
    public DateParts Date { get; set; } = new();

    /// <summary>"yes" or "no".</summary>
    public string? Held { get; set; }

    public string? Reason { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }
    public List<int> Children { get; set; } = [];
    public List<ActionForm> Actions { get; set; } = [];

    /// <summary>Pads the action rows to <see cref="ActionRows"/> blank ones beyond those filled.</summary>
    public void PadActions()
    {
        while (Actions.Count < ActionRows || Actions.Count(a => string.IsNullOrWhiteSpace(a.Description)) < 1)
        {
            Actions.Add(new ActionForm());
        }
    }

    public static SessionForm Of(SupervisionSession session)
    {
        var form = new SessionForm
        {
            Supervisor = session.SupervisorId,
            Date = DateParts.Of(session.Date),
            Held = session.Held ? "yes" : "no",
            Reason = session.ReasonNotHeld,
            Attendees = session.Attendees,
            Notes = session.Notes,
            Children = [.. session.ChildIdsDiscussed],
            Actions = session.Actions.Select(a => new ActionForm { Description = a.Description, Due = DateParts.Of(a.DueDate) }).ToList(),
        };
        form.PadActions();
        return form;
    }

    /// <summary>Checks what was entered and makes the entry, or null with the errors.</summary>
    /// <param name="worker">The worker supervised.</param>
    /// <param name="kind">Formal supervision or an informal case discussion.</param>
    /// <param name="allowedChildren">The children that may be chosen (the worker's allocated children).</param>
    /// <param name="supervisors">The workers who may be chosen as supervisor.</param>
    /// <param name="today">Today: nothing is recorded in the future.</param>
    /// <param name="errors">Where each problem is added.</param>
    public SessionEntry? Check(Worker worker, SupervisionKind kind, IReadOnlySet<int> allowedChildren, IReadOnlySet<int> supervisors, DateOnly today, List<FormError> errors)
    {
        var informal = kind == SupervisionKind.InformalCaseDiscussion;
        if (Supervisor is not { } supervisor || !supervisors.Contains(supervisor))
        {
            errors.Add(new FormError("supervisor", "Select the supervisor"));
        }

        var date = Date.Read(informal ? "the date of the discussion" : "the date of the session", errors, "date-day");
        if (date is { } d && d > today)
        {
            errors.Add(new FormError("date-day", "The date must be today or in the past"));
        }

        var held = informal || Held == "yes";
        if (!informal && Held is not ("yes" or "no"))
        {
            errors.Add(new FormError("held", "Select whether the session took place"));
        }
        else if (!held && string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add(new FormError("reason", "Enter why the session did not take place"));
        }

        if (informal && Children.Count != 1)
        {
            errors.Add(new FormError("children", "Select the child whose case was discussed"));
        }

        if (Children.Exists(c => !allowedChildren.Contains(c)))
        {
            errors.Add(new FormError("children", "Select only children allocated to the worker"));
        }

        if ((Attendees?.Length ?? 0) > SupervisionSession.AttendeesMaxLength)
        {
            errors.Add(new FormError("attendees", $"Attendees must be {SupervisionSession.AttendeesMaxLength} characters or fewer"));
        }

        if ((Notes?.Length ?? 0) > TextLimit || (Reason?.Length ?? 0) > TextLimit)
        {
            errors.Add(new FormError(Notes?.Length > TextLimit ? "notes" : "reason", $"Text must be {TextLimit:N0} characters or fewer"));
        }

        var actions = new List<ActionEntry>();
        for (var i = 0; i < Actions.Count; i++)
        {
            var row = Actions[i];
            if (string.IsNullOrWhiteSpace(row.Description))
            {
                if (!row.Due.IsEmpty)
                {
                    errors.Add(new FormError($"action-{i}", $"Enter what action {i + 1} is, or clear its due date"));
                }

                continue;
            }

            if (row.Description.Length > 1000)
            {
                errors.Add(new FormError($"action-{i}", $"Action {i + 1} must be 1,000 characters or fewer"));
            }

            var due = row.Due.Read($"the due date of action {i + 1}", errors, $"action-{i}-due-day", required: false);
            actions.Add(new ActionEntry(row.Description.Trim(), due));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new SessionEntry(worker.Id, Supervisor!.Value, date!.Value, kind, held, held ? null : Reason!.Trim(),
            Blank(Attendees), Blank(Notes), Children.Distinct().ToList(), actions);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
