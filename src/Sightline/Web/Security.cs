namespace Sightline.Web;

/// <summary>The response headers every answer carries: a content security policy that allows only Sightline's own
/// scripts, styles and images (no inline script or style anywhere), no framing, no content sniffing, no referrer
/// leaving the site, HSTS when the request came over HTTPS, and no caching of pages (which hold children's
/// records) by the browser or a proxy.</summary>
internal static class SecurityHeaders
{
    /// <summary>The policy. <paramref name="signInAuthority"/> is the single sign-on provider's origin, which the
    /// sign-in form is redirected to; null when single sign-on is not configured.</summary>
    public static string ContentSecurityPolicy(string? signInAuthority) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        $"object-src 'none'; base-uri 'none'; form-action 'self'{(signInAuthority is null ? "" : " " + signInAuthority)}; frame-ancestors 'none'";

    /// <summary>A year, with subdomains: the HSTS lifetime browsers and the preload list expect.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Adds the headers to every response, before it starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInAuthority)
    {
        var policy = ContentSecurityPolicy(signInAuthority);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, policy);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>Sets the headers on one response.</summary>
    public static void Apply(HttpContext context, string policy)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js")
            && !context.Request.Path.StartsWithSegments("/vendor") && !context.Request.Path.StartsWithSegments("/favicon.svg"))
        {
            headers.CacheControl = "no-store";
        }
    }
}
