using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sightline.Web.Pages;

/// <summary>The one error page: plain words for each status, never the detail of what went wrong (no stack
/// trace, no record, no value from the request).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address, or it is not one you can see. Check the address, or start again."),
            403 => ("You cannot see this page", "Your role does not include this page. Ask an administrator if you need it for your work."),
            400 => ("Sorry, that request could not be understood", "Go back and try again."),
            _ => ("Sorry, there is a problem with the service", "Try again later. If it keeps happening, tell your administrator the time it happened."),
        };
        if (code is null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
