using System.Net;
using Microsoft.AspNetCore.Http;
using Sightline.Web;

namespace Sightline.Web.Tests;

/// <summary>What every answer carries and how sessions behave: the headers, the cookies, anti-forgery on every
/// form, expiry, and error pages that say nothing about the request.</summary>
[Collection("web")]
public sealed class SecurityTests(CouncilServer server)
{
    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/my-work")]
    [InlineData("/css/sightline.css")]
    [InlineData("/no-such-page")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string address)
    {
        using var client = await server.SignedIn("service.manager");
        var response = await client.GetAsync(address);
        var headers = response.Headers;
        var policy = headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'self'").And.Contain("script-src 'self'").And.Contain("style-src 'self'")
            .And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is sent only over HTTPS");
        headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public void HstsIsSentOnlyOverHttps()
    {
        var plain = new DefaultHttpContext();
        SecurityHeaders.Apply(plain, SecurityHeaders.ContentSecurityPolicy(null));
        plain.Response.Headers.ContainsKey("Strict-Transport-Security").Should().BeFalse();

        var secure = new DefaultHttpContext();
        secure.Request.Scheme = "https";
        SecurityHeaders.Apply(secure, SecurityHeaders.ContentSecurityPolicy(null));
        secure.Response.Headers.StrictTransportSecurity.ToString().Should().Be("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public void SingleSignOnAddsOnlyItsProviderToWhereFormsMaySubmit()
    {
        SecurityHeaders.ContentSecurityPolicy("https://login.example.org").Should().Contain("form-action 'self' https://login.example.org;");
        SecurityHeaders.ContentSecurityPolicy(null).Should().Contain("form-action 'self';");
    }

    [Fact]
    public async Task PagesWithChildrensRecordsAreNotCached()
    {
        using var client = await server.SignedIn("social.worker");
        var response = await client.GetAsync("/my-work");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlySameSiteAndSlidesForThirtyMinutes()
    {
        using var client = server.Client();
        var response = await CouncilServer.SignIn(client, "social.worker", "demonstration");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sightline.session=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
        cookie.Should().NotContain("expires=", "the session ends with the browser, and sooner when idle");
        SightlineWeb.SessionLifetime.Should().Be(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiForgeryTokenIsRefused()
    {
        using var client = server.Client();
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "social.worker",
            ["password"] = "demonstration",
        }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse("no session was started");
    }

    [Fact]
    public async Task SigningOutNeedsTheFormsTokenAndEndsTheSession()
    {
        using var client = await server.SignedIn("social.worker");
        (await client.PostAsync("/sign-out", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.OK, "a POST without the token signs no one out");

        var page = await client.GetStringAsync("/my-work");
        var signedOut = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = CouncilServer.Token(page) }));
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AWrongPasswordSaysNothingAboutWhetherTheAccountExists()
    {
        using var client = server.Client();
        var known = await (await CouncilServer.SignIn(client, "social.worker", "not the password")).Content.ReadAsStringAsync();
        var unknown = await (await CouncilServer.SignIn(client, "nobody.here", "not the password")).Content.ReadAsStringAsync();
        known.Should().Contain("The user name or password is not right");
        unknown.Should().Contain("The user name or password is not right");
    }

    [Fact]
    public async Task AnErrorPageSaysNothingOfTheRequestOrItsRecords()
    {
        using var client = await server.SignedIn("social.worker");
        var response = await client.GetAsync("/children/not-a-number?name=<script>alert(1)</script>");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("Page not found").And.NotContain("<script>alert").And.NotContain("not-a-number").And.NotContain("Exception");
    }

    [Fact]
    public async Task StaticFilesAreServedWithoutSigningInAndThePageStylesAreTheCouncilsOwn()
    {
        using var client = server.Client();
        var css = await client.GetStringAsync("/css/sightline.css");
        css.Should().Contain("arial").And.NotContain("GDS Transport").And.Contain("--govuk-brand-colour");
        (await client.GetAsync("/vendor/govuk-frontend/govuk-frontend.min.js")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/js/sightline.mjs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
