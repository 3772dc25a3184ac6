using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Sightline.Storage;

namespace Sightline.Web.Pages.Account;

/// <summary>Signing in with the council's OpenID Connect provider. The provider proves who the person is; the
/// Sightline account with that user name (or e-mail address) decides what they may see, so an administrator adds
/// the account first (<c>sightline users add</c>). Without one, or with a disabled one, sign-in is refused.</summary>
public sealed partial class SingleSignOnModel(SignInManager<SightlineUser> signIn, IConfiguration configuration, SiteSettings site, ILogger<SingleSignOnModel> logger) : PageModel
{
    public string Problem { get; private set; } = "";

    /// <summary>Sends the browser to the provider.</summary>
    public IActionResult OnPost(string? returnUrl)
    {
        if (site.SingleSignOnName is null)
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var properties = signIn.ConfigureExternalAuthenticationProperties(SightlineWeb.SingleSignOnScheme, $"/sign-in/sso?returnUrl={Uri.EscapeDataString(back)}");
        return Challenge(properties, SightlineWeb.SingleSignOnScheme);
    }

    /// <summary>The provider's answer, once its handler has checked it: find the account and sign in to it.</summary>
    /// <param name="returnUrl">Where to go once signed in (a local address only).</param>
    /// <param name="failed">True when the provider's answer failed the handler's checks (state, nonce, audience,
    /// issuer, signature), which has already logged which.</param>
    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool failed = false)
    {
        if (site.SingleSignOnName is null)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (failed)
        {
            Problem = "The council's sign-in answered in a way Sightline could not check, so you have not been signed in. Try again, or sign in with your Sightline password.";
            return Page();
        }

        var claimName = configuration["Oidc:UserNameClaim"] ?? "preferred_username";
        var name = external.Principal?.FindFirst(claimName)?.Value ?? external.Principal?.FindFirst("email")?.Value;
        if (!external.Succeeded || string.IsNullOrWhiteSpace(name))
        {
            Problem = "The council's sign-in did not say who you are. Try again, or sign in with your Sightline password.";
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(name) ?? await signIn.UserManager.FindByEmailAsync(name);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            Refused(logger);
            Problem = "You do not have a Sightline account, or it is disabled. Ask an administrator to add you.";
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false, SightlineWeb.SingleSignOnScheme);
        SignedIn(logger, user.Id);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in with single sign-on")]
    private static partial void SignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on refused: no enabled Sightline account for the signed-in identity")]
    private static partial void Refused(ILogger logger);
}
