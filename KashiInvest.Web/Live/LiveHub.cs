using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Infrastructure.Identity;
using KashiInvest.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Live;

/// <summary>
/// A change notice as external clients receive it: what changed and where, by id only — never the data. A client
/// re-reads the item through the API or page it is allowed to use. Part of the public contract (README,
/// "Live event contract").
/// </summary>
/// <param name="Kind">One of <see cref="ChangeKinds.All"/>, e.g. <c>problem.raised</c>.</param>
/// <param name="ProjectId">The project the change is about.</param>
/// <param name="ItemId">The report or problem id, for <c>report.*</c> and <c>problem.*</c>.</param>
/// <param name="PeriodIndex">For reports: the half-month period index (year × 24 + (month − 1) × 2 + half − 1).</param>
/// <param name="Version">The changed item's version (a report's revision).</param>
/// <param name="AtUtc">When the server published the notice (UTC).</param>
/// <param name="Sequence">The server's publishing order; gaps are normal, a repeat would be a duplicate.</param>
public sealed record LiveEvent(string Kind, int ProjectId, int? ItemId, int? PeriodIndex, int Version, DateTime AtUtc, long Sequence)
{
    public static LiveEvent From(ChangeNotice notice) =>
        new(notice.Kind, notice.ProjectId ?? 0, notice.ItemId, notice.PeriodIndex, notice.Version, notice.AtUtc, notice.Sequence);
}

/// <summary>What the server calls on a live-hub client.</summary>
public interface ILiveClient
{
    Task Changed(LiveEvent e);

    /// <summary>
    /// The server may have missed notices meant for this client (the Redis live bus was away, or the relay fell
    /// behind): re-read everything shown. The subscriptions stay as they are. Carries no data, so it goes to every
    /// connection; it is the signal a Blazor page gets as <c>LiveChanges.Everything</c>.
    /// </summary>
    Task Resync();
}

/// <summary>
/// The live hub for external clients (wall displays, integrations, the benchmark); Blazor pages subscribe to the
/// live bus in process instead. Clients subscribe to topics — <c>wall</c> (everything in the caller's scope),
/// <c>project:{id}</c>, <c>unit:{id}</c>, <c>chain:{id}</c> — and receive <see cref="LiveEvent"/>s through
/// <see cref="ILiveClient.Changed"/>. What is pushed is always limited to what the caller may read
/// (<see cref="LiveSubscriptions"/>).
/// <para>
/// Subscriptions belong to one connection. After a reconnect (a new connection) a client must subscribe again and
/// re-read the state it shows: notices sent while it was away are not replayed. On <see cref="ILiveClient.Resync"/>
/// (the server itself missed notices, e.g. during a Redis outage) it re-reads and keeps its subscriptions.
/// </para>
/// </summary>
[Authorize(AuthenticationSchemes = AuthenticationSchemes)]
public sealed class LiveHub(LiveSubscriptions subscriptions, IDbContextFactory<KashiDbContext> factory,
    UserManager<AppUser> users, TimeProvider clock, Microsoft.Extensions.Options.IOptions<KashiInvest.Web.Shared.LimitsOptions> limits) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    /// <summary>
    /// The sign-in cookie of the web app (<c>IdentityConstants.ApplicationScheme</c>, which is not a constant), or a
    /// bearer token from <c>POST /api/token</c>.
    /// </summary>
    public const string AuthenticationSchemes = "Identity.Application," + BearerTokenDefaults.AuthenticationScheme;

    private const string ConnectionKey = "kashi.live";
    private const string ExpiryKey = "kashi.live.expiry";

    /// <summary>
    /// Re-checks the account (locked out, or changed since the cookie or token was issued: <see cref="UserValidity"/>),
    /// ends the connection when its sign-in expires, and resolves the caller's scope once for the whole connection.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        if (!await UserValidity.IsCurrentAsync(users, Context.User ?? new()))
        {
            Context.Abort();
            return;
        }
        CloseWhenSignInExpires();
        await using var db = await factory.CreateDbContextAsync(Context.ConnectionAborted);
        var scope = await UserScopes.ResolveAsync(Context.User ?? new(), db, Context.ConnectionAborted);
        Context.Items[ConnectionKey] = new LiveConnection(Context.ConnectionId, scope);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Subscribes to a topic; false (and nothing joined) when it is not a topic, the caller may not see it, or the
    /// connection holds <see cref="KashiInvest.Web.Shared.LimitsOptions.HubTopicsPerConnection"/> topics already.
    /// </summary>
    public async Task<bool> Subscribe(string topic)
    {
        var connection = Connection;
        if (!LiveTopics.TryParse(topic, out var term)) return false;
        if (!connection.Topics.Contains(term) && connection.Topics.Count >= limits.Value.HubTopicsPerConnection) return false;
        var allowed = term.Kind == LiveTermKind.Project
            ? LiveTopics.MaySubscribeToProject(connection.Scope, await ProjectKeyAsync(term.Id))
            : LiveTopics.MaySubscribe(connection.Scope, term);
        if (!allowed) return false;
        if (connection.Topics.Contains(term)) return true;
        await subscriptions.ChangeAsync(connection, new HashSet<LiveTerm>(connection.Topics) { term }, Groups, Context.ConnectionAborted);
        return true;
    }

    /// <summary>Stops receiving a topic; unknown or unsubscribed topics are ignored.</summary>
    public async Task Unsubscribe(string topic)
    {
        var connection = Connection;
        if (!LiveTopics.TryParse(topic, out var term) || !connection.Topics.Contains(term)) return;
        var topics = new HashSet<LiveTerm>(connection.Topics);
        topics.Remove(term);
        await subscriptions.ChangeAsync(connection, topics, Groups, Context.ConnectionAborted);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(ExpiryKey, out var timer) && timer is IDisposable expiry) expiry.Dispose();
        if (Context.Items.TryGetValue(ConnectionKey, out var value) && value is LiveConnection connection) await subscriptions.RemoveAsync(connection);
        await base.OnDisconnectedAsync(exception);
    }

    private LiveConnection Connection => (LiveConnection)Context.Items[ConnectionKey]!;

    /// <summary>
    /// A connection lives no longer than the sign-in it started with (a bearer token's 1–2 h, the cookie's expiry).
    /// Timed on the application's clock (<see cref="TimeProvider"/>, like every deadline here): SignalR's own
    /// <c>CloseOnAuthenticationExpiration</c> does the same check against the machine clock instead, which would
    /// disagree with the expiry the sign-in wrote whenever the application runs on another clock (as the tests do).
    /// </summary>
    private void CloseWhenSignInExpires()
    {
        var expires = Context.GetHttpContext()?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        if (expires is not { } at) return;
        var context = Context;
        var due = at - clock.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            context.Abort();
            return;
        }
        context.Items[ExpiryKey] = clock.CreateTimer(_ => context.Abort(), null, due, Timeout.InfiniteTimeSpan);
    }

    private async Task<ProjectKey?> ProjectKeyAsync(int projectId)
    {
        await using var db = await factory.CreateDbContextAsync(Context.ConnectionAborted);
        return await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectKey(p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId))
            .Cast<ProjectKey?>().FirstOrDefaultAsync(Context.ConnectionAborted);
    }
}

internal static class LiveHubSetup
{
    public static IServiceCollection AddLiveHub(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<LiveSubscriptions>();
        services.AddHostedService<LiveHubRelay>();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
