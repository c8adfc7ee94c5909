using System.Net;
using KashiInvest.Infrastructure.DemoData;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace KashiInvest.Web.Security;

/// <summary>
/// <c>ReverseProxy:KnownProxies</c> and <c>ReverseProxy:KnownNetworks</c>: the only addresses whose
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> headers are believed. Empty (the default): no forwarded header is
/// believed from anyone, and the app sees the connection as it is.
/// </summary>
public sealed class ReverseProxySettings
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses of the reverse proxies in front of the app, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var p in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            errors.Add($"ReverseProxy:KnownProxies: '{p}' is not an IP address.");
        foreach (var n in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            errors.Add($"ReverseProxy:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/24).");
        return errors;
    }
}

/// <summary>
/// What the HTTP layer does to keep the deployment safe: cookies only over HTTPS outside Development, forwarded headers
/// only from configured proxies, HSTS outside Development, a Content-Security-Policy and its companion headers on every
/// response, and no demo mode (with its published password) outside Development.
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// Scripts only from the app itself (Blazor, MudBlazor, ApexCharts, the app's modules: no inline script);
    /// inline styles, which MudBlazor and ApexCharts set; the circuit's WebSocket to the same origin; never in
    /// another site's frame, so no one can trick a user into clicking a Blazor button.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();

        services.AddOptions<DemoDataOptions>()
            .Validate<IHostEnvironment>((o, env) => !o.Enabled || env.IsDevelopment(),
                "Demo:Enabled=true is refused outside Development: demo mode creates accounts with a published password. "
                + "Set Demo:Enabled=false, or run with ASPNETCORE_ENVIRONMENT=Development on a machine of your own.")
            .ValidateOnStart();

        // Every cookie (sign-in, antiforgery, language) is marked Secure outside Development, through the cookie policy:
        // antiforgery's own SecurePolicy=Always would answer a plain-http request with a 500 instead.
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.Configure<CookiePolicyOptions>(o => o.Secure = secure);
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = secure);

        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddOptions<ReverseProxySettings>().Bind(builder.Configuration.GetSection(ReverseProxySettings.Section))
            .Validate(s => s.Validate().Count == 0, "Invalid ReverseProxy settings: KnownProxies are IP addresses, KnownNetworks CIDR networks (e.g. 10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxySettings>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default, and everyone when both lists are empty: only the configured ones.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in proxies.Value.KnownNetworks) o.KnownIPNetworks.Add(IPNetwork.Parse(n));
        });
        return builder;
    }

    /// <summary>The first steps of the pipeline: the client as the proxy saw it, HSTS, the headers, the cookie policy.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        // Without configured proxies the middleware is left out: with empty lists it would believe any client.
        if (app.Services.GetRequiredService<IOptions<ReverseProxySettings>>().Value.Any) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Set as the response starts, so error pages (whose handler clears the headers) carry them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }
}
