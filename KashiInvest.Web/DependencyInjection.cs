using System.Globalization;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Features.AnnualTargets;
using KashiInvest.Web.Features.BattleMaps;
using KashiInvest.Web.Features.Notifications;
using KashiInvest.Web.Features.Leads;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Features.Pipeline;
using KashiInvest.Web.Features.Todo;
using KashiInvest.Web.Features.Triage;
using KashiInvest.Web.Features.Evaluations;
using KashiInvest.Web.Features.Signing;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Features.Commitments;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace KashiInvest.Web;

public static class DependencyInjection
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    /// <summary>Everything of Web, as a table of contents: the Blazor host, localization, identity, cookies, then the features.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBlazorHost(configuration);
        services.AddKashiLocalization(configuration);
        services.AddKashiIdentity(configuration);
        services.AddKashiCookies();
        services.AddShared();
        services.AddLimits(configuration);
        services.AddFeatures(configuration);
        return services;
    }

    /// <summary>
    /// Interactive server components, MudBlazor, the HTML encoder and the health checks. The circuit accepts messages
    /// up to <c>Limits:CircuitMessageKilobytes</c>, so that a long paste reaches the form (which refuses it as too long)
    /// instead of dropping the connection; <c>js/input-guard.js</c> keeps any longer value from being sent at all.
    /// </summary>
    private static IServiceCollection AddBlazorHost(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        // A bad value stops the start-up (LimitsOptions is validated); until then the hub keeps a sane size.
        var receiveBytes = limits.Validate().Count == 0 ? limits.CircuitMessageBytes : new LimitsOptions().CircuitMessageBytes;
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = receiveBytes);
        services.AddMudServices();
        // Pages are mostly Chinese: emit CJK characters as they are, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>zh-CN by default (<c>Localization:DefaultCulture</c>), English on request; never guessed from the browser.</summary>
    private static IServiceCollection AddKashiLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        var defaultCulture = configuration["Localization:DefaultCulture"] ?? "zh-CN";
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(defaultCulture);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // The product speaks Chinese unless the user switches: no Accept-Language guessing.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>ASP.NET Core Identity on the application's database, with the bearer token for non-browser clients.</summary>
    private static IServiceCollection AddKashiIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthenticationSettings>().Bind(configuration.GetSection(AuthenticationSettings.Section)).ValidateOnStart();
        services.AddOptions<SignInRateLimits>().Bind(configuration.GetSection(SignInRateLimits.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthenticationSettings>, SignInSettingsValidator>();
        services.AddSingleton<IValidateOptions<SignInRateLimits>, SignInSettingsValidator>();
        services.AddSingleton<SignInThrottle>();
        // The sign-in cookie re-checks the security stamp as often as circuits do, so a lockout or a change of
        // password, role or unit reaches every open session within that interval.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AuthenticationSettings>>((o, s) => o.ValidationInterval = s.Value.RevalidationInterval);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        // Non-browser clients of the live hub sign in with POST /api/token and send a bearer token.
        authentication.AddKashiBearerToken();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<KashiUserManager>()
            .AddEntityFrameworkStores<KashiDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();
        services.AddAuthorization();
        services.AddScoped<IUserScopeProvider, UserScopeProvider>();
        return services;
    }

    /// <summary>The sign-in cookie: 12 hours, sliding; API and hub requests get 401 instead of the sign-in page.</summary>
    private static IServiceCollection AddKashiCookies(this IServiceCollection services)
    {
        services.AddMaxAgeSignInCookie();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/login";
            o.Cookie.Name = "kashi.auth";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // Non-page requests (API, hub) get a status code, not an HTML redirect.
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs")) ctx.Response.StatusCode = 401;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>What every feature uses: reference data, UI words, thresholds, the live subscriptions and hub.</summary>
    private static IServiceCollection AddShared(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<UiText>();
        services.AddSingleton<KashiInvest.Web.Shared.Excel.ExcelExporter>();
        services.AddSingleton(KashiInvest.Domain.Projects.WorkGroupThresholds.Default);
        services.AddLiveFeature();
        services.AddLiveHub();
        // Each circuit's clock for the screens' first-render metric (ScreenMetrics).
        services.AddScoped<ScreenClock>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<ScreenClock>());
        return services;
    }

    /// <summary>Every feature of the product, in one place.</summary>
    private static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProjectsFeature();
        KashiInvest.Web.Features.Import.ImportFeature.AddImportFeature(services, configuration);
        services.AddBattleMapsFeature();
        services.AddWallFeature(configuration);
        services.AddReportsFeature();
        services.AddProblemsFeature(configuration);
        services.AddMeetingsFeature();
        services.AddNotificationsFeature();
        services.AddPipelineFeature(configuration);
        services.AddTodoFeature();
        services.AddTriageFeature();
        services.AddEvaluationsFeature();
        services.AddSigningFeature();
        services.AddLeadsFeature();
        services.AddAlertsFeature();
        KashiInvest.Web.Features.Approvals.ApprovalsFeature.AddApprovalsFeature(services);
        services.AddStatisticsFeature();
        services.AddBulletinsFeature();
        KashiInvest.Web.Features.Assessment.AssessmentFeature.AddAssessmentFeature(services);
        services.AddAnnualTargetsFeature();
        services.AddCommitmentsFeature();
        KashiInvest.Web.Features.Complaints.ComplaintsFeature.AddComplaintsFeature(services, configuration);
        KashiInvest.Web.Features.Integrity.IntegrityFeature.AddIntegrityFeature(services);
        KashiInvest.Web.Features.Chains.ChainsFeature.AddChainsFeature(services, configuration);
        services.AddSingleton<KashiInvest.Web.Features.Admin.CronWords>();
        return services;
    }

    public static WebApplicationBuilder AddKashiLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Structured logs: one JSON object a line in production; readable lines while developing.
        if (builder.Environment.IsDevelopment()) builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; });
        return builder;
    }
}
