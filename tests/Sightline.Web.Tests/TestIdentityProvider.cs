using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sightline.Web.Tests;

/// <summary>Someone the identity provider knows: its subject identifier, the user name it asserts in
/// <c>preferred_username</c>, and the e-mail address and display name it gives besides.</summary>
public sealed record ProviderPerson(string Subject, string UserName, string Email, string Name);

/// <summary>How the provider answers wrongly, when a test asks it to.</summary>
public enum Misbehaviour
{
    /// <summary>Answers as a provider should.</summary>
    None,

    /// <summary>Sends the browser back with a state that is not the one it was given.</summary>
    WrongState,

    /// <summary>Puts another nonce in the ID token than the one it was given.</summary>
    WrongNonce,

    /// <summary>Signs the ID token with a key it does not publish (under the published key's ID).</summary>
    OtherKey,

    /// <summary>Issues the ID token to another client.</summary>
    WrongAudience,

    /// <summary>Issues the ID token in another issuer's name.</summary>
    WrongIssuer,

    /// <summary>Sends the browser back with <c>error=access_denied</c> (as when someone declines to sign in).</summary>
    AccessDenied,
}

/// <summary>A small, real OpenID Connect provider for the tests, on Kestrel at 127.0.0.1 on a free port: the discovery
/// document, its signing key (RSA, made when it starts) as a JWKS, an authorisation endpoint that signs in
/// <see cref="Person"/> at once (no form) and sends the code back as the request asked (a self-submitting form for
/// <c>form_post</c>), a token endpoint that checks the client's secret, the redirect address and the PKCE S256
/// verifier before it issues an RS256 ID token, and a user info endpoint. Tokens are written by hand here (base64url
/// JSON signed with <see cref="RSA"/>) so that the provider shares no code with the handler that checks them.</summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "sightline";
    public const string ClientSecret = "the client secret the council registered";
    private const string KeyId = "test-signing-key";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, ProviderPerson> _accessTokens = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private WebApplication _app = null!;
    private int _tokensIssued;

    private TestIdentityProvider()
    {
    }

    /// <summary>The provider's address, which is also its issuer.</summary>
    public Uri Authority { get; private set; } = null!;

    public string Issuer => Authority.GetLeftPart(UriPartial.Authority);

    /// <summary>The one redirect address registered for the client.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Who the next sign-in at the authorisation endpoint is.</summary>
    public ProviderPerson? Person { get; set; }

    public Misbehaviour Misbehaviour { get; set; }

    /// <summary>ID tokens issued at the token endpoint (each after its PKCE verifier was checked).</summary>
    public int TokensIssued => _tokensIssued;

    /// <summary>Why the provider refused a request of the client's, each time it did: a well-behaved client makes none.</summary>
    public IReadOnlyCollection<string> Refusals => _refusals;

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var provider = new TestIdentityProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Keys);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.Token);
        app.MapGet("/userinfo", provider.UserInfo);
        await app.StartAsync();
        provider._app = app;
        provider.Authority = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return provider;
    }

    /// <summary>Back to answering as a provider should, for <paramref name="person"/>.</summary>
    public void Reset(ProviderPerson? person)
    {
        Person = person;
        Misbehaviour = Misbehaviour.None;
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = new Uri(Authority, "authorize").ToString(),
        ["token_endpoint"] = new Uri(Authority, "token").ToString(),
        ["userinfo_endpoint"] = new Uri(Authority, "userinfo").ToString(),
        ["jwks_uri"] = new Uri(Authority, "jwks").ToString(),
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile", "email" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    });

    private IResult Keys()
    {
        var published = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                    ["n"] = Base64Url(published.Modulus!), ["e"] = Base64Url(published.Exponent!),
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        string? Problem()
        {
            if (query["client_id"] != ClientId)
            {
                return "unknown client";
            }

            if (RedirectUri is null || query["redirect_uri"] != RedirectUri.ToString())
            {
                return "redirect_uri is not the registered one";
            }

            if (query["response_type"] != "code")
            {
                return "response_type is not code";
            }

            if (!(query["scope"].ToString() ?? "").Split(' ').Contains("openid"))
            {
                return "scope has no openid";
            }

            if (query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
            {
                return "no PKCE S256 challenge";
            }

            if (string.IsNullOrEmpty(query["state"]) || string.IsNullOrEmpty(query["nonce"]))
            {
                return "no state or nonce";
            }

            return Person is null ? "no one to sign in" : null;
        }

        if (Problem() is { } problem)
        {
            _refusals.Enqueue($"authorize: {problem}");
            return Results.BadRequest(problem);
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(Person!, query["nonce"]!, query["code_challenge"]!, RedirectUri!.ToString());
        var state = Misbehaviour == Misbehaviour.WrongState ? Base64Url(RandomNumberGenerator.GetBytes(32)) : query["state"].ToString();
        var (name, value) = Misbehaviour == Misbehaviour.AccessDenied ? ("error", "access_denied") : ("code", code);
        if (query["response_mode"] == "form_post")
        {
            // What providers send for form_post: a page whose form posts itself back to the client.
            var html = $"""
                <!DOCTYPE html>
                <html lang="en"><head><title>Signing in</title></head>
                <body><form method="post" action="{WebUtility.HtmlEncode(RedirectUri.ToString())}">
                <input type="hidden" name="{name}" value="{WebUtility.HtmlEncode(value)}">
                <input type="hidden" name="state" value="{WebUtility.HtmlEncode(state)}">
                <noscript><button type="submit">Continue</button></noscript>
                </form><script>document.forms[0].submit();</script></body></html>
                """;
            return Results.Content(html, "text/html");
        }

        return Results.Redirect($"{RedirectUri}?{name}={Uri.EscapeDataString(value)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ((string?)form["client_id"], (string?)form["client_secret"]);
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        IResult Refuse(string error, string why)
        {
            _refusals.Enqueue($"token: {why}");
            return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (clientId != ClientId || secret != ClientSecret)
        {
            return Refuse("invalid_client", "wrong client ID or secret");
        }

        if (form["grant_type"] != "authorization_code")
        {
            return Refuse("unsupported_grant_type", "grant_type is not authorization_code");
        }

        // A code is good once only.
        if (form["code"].ToString() is not { Length: > 0 } code || !_codes.TryRemove(code, out var grant))
        {
            return Refuse("invalid_grant", "unknown or used code");
        }

        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return Refuse("invalid_grant", "redirect_uri differs from the authorisation request's");
        }

        var verifier = form["code_verifier"].ToString();
        if (verifier.Length is < 43 or > 128 || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
        {
            return Refuse("invalid_grant", "the PKCE verifier does not match the challenge");
        }

        var accessToken = Base64Url(RandomNumberGenerator.GetBytes(32));
        _accessTokens[accessToken] = grant.Person;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Misbehaviour == Misbehaviour.WrongIssuer ? "http://127.0.0.1:1" : Issuer,
            ["aud"] = Misbehaviour == Misbehaviour.WrongAudience ? "another-application" : ClientId,
            ["sub"] = grant.Person.Subject,
            ["nonce"] = Misbehaviour == Misbehaviour.WrongNonce ? Base64Url(RandomNumberGenerator.GetBytes(32)) : grant.Nonce,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["at_hash"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            ["preferred_username"] = grant.Person.UserName,
            ["email"] = grant.Person.Email,
            ["name"] = grant.Person.Name,
        };
        var idToken = Sign(claims, Misbehaviour == Misbehaviour.OtherKey ? _otherKey : _key);
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.TryGetValue(header["Bearer ".Length..], out var person))
        {
            _refusals.Enqueue("userinfo: no valid access token");
            return Results.Unauthorized();
        }

        return Results.Json(new { sub = person.Subject, preferred_username = person.UserName, email = person.Email, name = person.Name });
    }

    /// <summary>A JWT signed RS256 (RSASSA-PKCS1-v1_5 with SHA-256) under the published key's ID.</summary>
    private static string Sign(Dictionary<string, object> claims, RSA key)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = KeyId, typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private sealed record Grant(ProviderPerson Person, string Nonce, string CodeChallenge, string RedirectUri);
}
