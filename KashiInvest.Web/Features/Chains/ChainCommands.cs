using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Shared.Writes;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Web.Features.Chains;

/// <summary>
/// Writes of a chain map: each loads the chain under the caller's right (the chain lead and the administrator edit,
/// the Bureau comments), refuses a stale version, calls the domain and saves through the unit of work (version, audit
/// row, live notice after the commit).
/// </summary>
public sealed class ChainCommands(IDbContextFactory<KashiDbContext> factory, TimeProvider clock, ILogger<ChainCommands> logger)
{
    public Task<WriteResult> AddLinkAsync(UserScope scope, int chainId, int version, string? name, string? nameEn, ChainSegment segment, LinkStrength status) =>
        EditAsync(scope, chainId, version, (c, now, _) => c.AddLink(name ?? "", nameEn ?? "", segment, status, now));

    public Task<WriteResult> RenameAsync(UserScope scope, int chainId, int version, int linkId, string? name, string? nameEn) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.RenameLink(l, name ?? "", nameEn ?? "", now));

    public Task<WriteResult> DescribeAsync(UserScope scope, int chainId, int version, int linkId, LinkKind kind, string? description) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.DescribeLink(l, kind, description, now));

    public Task<WriteResult> MoveAsync(UserScope scope, int chainId, int version, int linkId, int position) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.MoveLink(l, position, now));

    public Task<WriteResult> SetStatusAsync(UserScope scope, int chainId, int version, int linkId, LinkStrength status, string? reason) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.SetStatus(l, status, reason ?? "", scope.Actor, now));

    public Task<WriteResult> KeepStatusAsync(UserScope scope, int chainId, int version, int linkId, string? reason) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.KeepStatus(l, reason ?? "", scope.Actor, now));

    public Task<WriteResult> SetGoalAsync(UserScope scope, int chainId, int version, int linkId, LinkStrength goal) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.SetGoal(l, goal, now));

    public Task<WriteResult> SetGapNoteAsync(UserScope scope, int chainId, int version, int linkId, string? note) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.SetGapNote(l, note, now));

    public Task<WriteResult> AddEnterpriseAsync(UserScope scope, int chainId, int version, int linkId, string? name) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.AddLocalEnterprise(l, name ?? "", now));

    public Task<WriteResult> RemoveEnterpriseAsync(UserScope scope, int chainId, int version, int linkId, string name) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) => c.RemoveLocalEnterprise(l, name, now));

    public Task<WriteResult> AddRoadmapAsync(UserScope scope, int chainId, int version, int linkId, RoadmapInput input) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, today) => c.AddRoadmapEntry(l, input, scope.Actor, now, today));

    public Task<WriteResult> RemoveRoadmapAsync(UserScope scope, int chainId, int version, int linkId, int entryId) =>
        OnLinkAsync(scope, chainId, version, linkId, (c, l, now, _) =>
            c.RemoveRoadmapEntry(l, l.Roadmap.FirstOrDefault(r => r.Id == entryId) ?? throw new DomainRuleException("Chain.RoadmapNotFound"), now));

    public Task<WriteResult> ConnectAsync(UserScope scope, int chainId, int version, int fromLinkId, int toLinkId) =>
        EditAsync(scope, chainId, version, (c, now, _) => c.Connect(Link(c, fromLinkId), Link(c, toLinkId), now));

    public Task<WriteResult> DisconnectAsync(UserScope scope, int chainId, int version, int fromLinkId, int toLinkId) =>
        EditAsync(scope, chainId, version, (c, now, _) => c.Disconnect(Link(c, fromLinkId), Link(c, toLinkId), now));

    /// <summary>Removes a link that no project, target or flow refers to (the refusal says what does).</summary>
    public Task<WriteResult> RemoveLinkAsync(UserScope scope, int chainId, int version, int linkId) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        var references = new LinkReferences(await db.Projects.CountAsync(p => p.ChainLinkId == linkId), await db.TargetEnterprises.CountAsync(t => t.ChainLinkId == linkId));
        return await WriteAsync(db, scope, chainId, version, false, (c, now, _) => c.RemoveLink(Link(c, linkId), references, now));
    });

    public Task<WriteResult> CommentAsync(UserScope scope, int chainId, int version, int? linkId, string? text) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        return await WriteAsync(db, scope, chainId, version, true, (c, now, _) => c.Comment(linkId is { } id ? Link(c, id) : null, text ?? "", scope.Actor, now));
    });

    private Task<WriteResult> OnLinkAsync(UserScope scope, int chainId, int version, int linkId, Action<IndustryChain, ChainLink, DateTime, DateOnly> change) =>
        EditAsync(scope, chainId, version, (c, now, today) => change(c, Link(c, linkId), now, today));

    private Task<WriteResult> EditAsync(UserScope scope, int chainId, int version, Action<IndustryChain, DateTime, DateOnly> change) => SafeWrite.RunAsync(logger, async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        return await WriteAsync(db, scope, chainId, version, false, change);
    });

    private async Task<WriteResult> WriteAsync(KashiDbContext db, UserScope scope, int chainId, int version, bool comment, Action<IndustryChain, DateTime, DateOnly> change)
    {
        db.Actor = scope.Actor;
        var chain = await LoadAsync(db, chainId);
        if (chain is null) return WriteResult.NotFound;
        var allowed = comment ? ChainAccess.CanComment(scope, chain.LeadUnitId) : ChainAccess.CanEditMap(scope, chain.LeadUnitId);
        if (!allowed) return WriteResult.NotAllowed;
        if (chain.Version != version) return WriteResult.Conflict;
        db.Entry(chain).Property(c => c.Version).OriginalValue = version;
        var now = clock.GetUtcNow().UtcDateTime;
        change(chain, now, BeijingTime.DateOf(now));
        await db.SaveChangesAsync();
        return WriteResult.Saved(chain.Id);
    }

    private static Task<IndustryChain?> LoadAsync(KashiDbContext db, int chainId) =>
        db.Chains.AsSplitQuery()
            .Include(c => c.Links).ThenInclude(l => l.History)
            .Include(c => c.Links).ThenInclude(l => l.Roadmap)
            .Include(c => c.Flows).Include(c => c.Comments)
            .FirstOrDefaultAsync(c => c.Id == chainId);

    private static ChainLink Link(IndustryChain chain, int linkId) => chain.FindLink(linkId) ?? throw new DomainRuleException("Chain.LinkNotOnChain");
}
