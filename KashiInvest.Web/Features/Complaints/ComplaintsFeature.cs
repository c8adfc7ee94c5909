using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>The investors' complaint window (投诉窗口): the public pages /complain and /complain/status, open without an account.</summary>
public static class ComplaintsFeature
{
    public const string PublicPath = "/complain";

    public static IServiceCollection AddComplaintsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComplaintRateLimits>().Bind(configuration.GetSection(ComplaintRateLimits.Section))
            .Validate(o => o.Validate().Count == 0, "RateLimits:Complaints: invalid settings (see ComplaintRateLimits.Validate).").ValidateOnStart();
        services.AddSingleton<ComplaintThrottle>();
        services.AddSingleton<ComplaintWindow>();
        services.AddSingleton<ComplaintCommands>();
        services.AddSingleton<ComplaintListQuery>();
        return services;
    }

    /// <summary>The public window's forms take small bodies only: Kestrel refuses a larger request before it is read.</summary>
    public static IApplicationBuilder UseComplaintWindowLimits(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments(PublicPath), branch => branch.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<ComplaintRateLimits>>().Value.MaxRequestKilobytes * 1024L;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(context);
        }));
}
