using KashiInvest.Domain.Access;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Problems;

/// <summary>The ledger's writes (Art. 27–28) on the seeded demo database: rights per role, escalation, conflicts, history, audit.</summary>
public sealed class ProblemCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private ProblemCommands Commands => database.Services.GetRequiredService<ProblemCommands>();

    private static readonly UserScope Leader = new("leader", "地区分管领导", ActorRole.Leader, null, [], []);
    private static readonly UserScope Wall = new("wall", "指挥大屏", ActorRole.Display, null, [], []);

    /// <summary>An entry as the tests need it: its state and its project's host and chain.</summary>
    private sealed record Entry(int Id, int Version, ProblemStatus Status, EscalationLevel Level, int OwnerUnitId, int ProjectId, int HostUnitId, int ChainId, string HostCode);

    private Task<List<Entry>> EntriesAsync(ProblemStatus status, EscalationLevel level) => database.QueryAsync(db =>
        (from x in db.Problems
         join p in db.Projects on x.ProjectId equals p.Id
         join u in db.Units on p.HostUnitId equals u.Id
         where x.Status == status && x.Level == level
         orderby x.Id
         select new Entry(x.Id, x.Version, x.Status, x.Level, x.OwnerUnitId, p.Id, p.HostUnitId, p.ChainId, u.Code)).ToListAsync());

    private Task<Problem> ReadAsync(int id) =>
        database.QueryAsync(db => db.Problems.AsNoTracking().Include(p => p.History).SingleAsync(p => p.Id == id));

    private Task<UserScope> BureauAsync() => database.ScopeOfAsync("bureau", ActorRole.Bureau);

    private async Task<UserScope> ChainLeadOfAsync(int chainId)
    {
        var code = await database.QueryAsync(db => db.Chains.Where(c => c.Id == chainId)
            .Join(db.Units, c => c.LeadUnitId, u => u.Id, (c, u) => u.Code).SingleAsync());
        return await database.ScopeOfAsync(code, ActorRole.ChainLead);
    }

    [Fact]
    public async Task A_county_takes_up_and_resolves_a_county_level_entry_of_its_own_project()
    {
        var entry = (await EntriesAsync(ProblemStatus.New, EscalationLevel.County))[0];
        var county = await database.ScopeOfAsync(entry.HostCode);

        var started = await Commands.StartAsync(county, entry.Id, entry.Version);
        Assert.Equal(WriteStatus.Saved, started.Status);
        var afterStart = await ReadAsync(entry.Id);
        Assert.Equal(ProblemStatus.InProgress, afterStart.Status);

        var resolved = await Commands.ResolveAsync(county, entry.Id, afterStart.Version, "已协调供电公司完成临时用电接入");
        Assert.Equal(WriteStatus.Saved, resolved.Status);
        var after = await ReadAsync(entry.Id);
        Assert.Equal(ProblemStatus.Resolved, after.Status);
        Assert.Equal("已协调供电公司完成临时用电接入", after.Resolution);
        Assert.Equal([ProblemAction.Started, ProblemAction.Resolved], after.History.OrderBy(h => h.Id).TakeLast(2).Select(h => h.Action));
        Assert.All(after.History.OrderBy(h => h.Id).TakeLast(2), h => Assert.Equal(entry.HostCode, h.UserName));

        var audit = await database.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Problem) && a.EntityId == entry.Id.ToString() && a.Action == AuditAction.Modified).ToListAsync());
        Assert.True(audit.Count(a => a.UserName == entry.HostCode) >= 2, "each action leaves an audit row by its user");
    }

    [Fact]
    public async Task Another_county_gets_not_found_and_nothing_changes()
    {
        var entry = (await EntriesAsync(ProblemStatus.InProgress, EscalationLevel.County))[0];
        var other = entry.HostCode == "shache" ? "shufu" : "shache";
        var stranger = await database.ScopeOfAsync(other);

        Assert.Equal(WriteStatus.NotFound, (await Commands.ResolveAsync(stranger, entry.Id, entry.Version, "越权办结")).Status);
        Assert.Equal(WriteStatus.NotFound, (await Commands.EscalateAsync(stranger, entry.Id, entry.Version, "越权提级", null)).Status);

        var after = await ReadAsync(entry.Id);
        Assert.Equal(entry.Version, after.Version);
        Assert.Equal(ProblemStatus.InProgress, after.Status);
    }

    [Fact]
    public async Task A_county_no_longer_handles_an_entry_escalated_to_the_chain_lead()
    {
        var entry = (await EntriesAsync(ProblemStatus.Escalated, EscalationLevel.ChainLead)).First(e => e.OwnerUnitId != e.HostUnitId);
        var county = await database.ScopeOfAsync(entry.HostCode);

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.ResolveAsync(county, entry.Id, entry.Version, "县里自行办结")).Status);
        Assert.Equal(entry.Version, (await ReadAsync(entry.Id)).Version);
    }

    [Fact]
    public async Task A_chain_lead_handles_entries_up_to_its_own_level_but_not_at_the_prefecture()
    {
        var chainLevel = (await EntriesAsync(ProblemStatus.Escalated, EscalationLevel.ChainLead))[^1];
        var lead = await ChainLeadOfAsync(chainLevel.ChainId);
        Assert.Equal(WriteStatus.Saved, (await Commands.ResolveAsync(lead, chainLevel.Id, chainLevel.Version, "链主单位协调落实用地指标")).Status);

        var countyLevel = (await EntriesAsync(ProblemStatus.InProgress, EscalationLevel.County))[^1];
        var leadOfCounty = await ChainLeadOfAsync(countyLevel.ChainId);
        var assigned = await Commands.AssignAsync(leadOfCounty, countyLevel.Id, countyLevel.Version, countyLevel.OwnerUnitId,
            BeijingTime.Today(TestClock.Default).AddDays(20), "延长办结时限");
        Assert.Equal(WriteStatus.Saved, assigned.Status);

        var prefecture = (await EntriesAsync(ProblemStatus.Escalated, EscalationLevel.Prefecture))[0];
        var leadOfPrefecture = await ChainLeadOfAsync(prefecture.ChainId);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.ResolveAsync(leadOfPrefecture, prefecture.Id, prefecture.Version, "链主自行办结")).Status);
        Assert.Equal(prefecture.Version, (await ReadAsync(prefecture.Id)).Version);
    }

    [Fact]
    public async Task Leaders_and_the_wall_see_every_entry_but_cannot_act_while_the_Bureau_always_can()
    {
        var entry = (await EntriesAsync(ProblemStatus.Escalated, EscalationLevel.Prefecture))[^1];

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.ResolveAsync(Leader, entry.Id, entry.Version, "领导批示已解决")).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.AssignAsync(Wall, entry.Id, entry.Version, entry.HostUnitId, null, null)).Status);
        Assert.Equal(entry.Version, (await ReadAsync(entry.Id)).Version);

        var resolved = await Commands.ResolveAsync(await BureauAsync(), entry.Id, entry.Version, "调度会议定由自然资源局保障用地");
        Assert.Equal(WriteStatus.Saved, resolved.Status);
    }

    [Fact]
    public async Task Escalation_hands_the_entry_to_the_chain_lead_then_to_the_Bureau_with_a_history_line_each_time()
    {
        var bureau = await BureauAsync();
        var entry = (await EntriesAsync(ProblemStatus.InProgress, EscalationLevel.County))[1];
        var chainLeadUnit = await database.QueryAsync(db => db.Chains.Where(c => c.Id == entry.ChainId).Select(c => c.LeadUnitId).SingleAsync());
        var bureauUnit = await database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.Bureau).Select(u => u.Id).SingleAsync());
        var due = BeijingTime.Today(TestClock.Default).AddDays(10);

        Assert.Equal(WriteStatus.Saved, (await Commands.EscalateAsync(bureau, entry.Id, entry.Version, "县级无法协调用地指标", due)).Status);
        var first = await ReadAsync(entry.Id);
        Assert.Equal((ProblemStatus.Escalated, EscalationLevel.ChainLead, chainLeadUnit, due), (first.Status, first.Level, first.OwnerUnitId, first.DueOn));

        Assert.Equal(WriteStatus.Saved, (await Commands.EscalateAsync(bureau, entry.Id, first.Version, "跨部门事项，提请地区统筹", null)).Status);
        var second = await ReadAsync(entry.Id);
        Assert.Equal((ProblemStatus.Escalated, EscalationLevel.Prefecture, bureauUnit, due), (second.Status, second.Level, second.OwnerUnitId, second.DueOn));

        var lines = second.History.OrderBy(h => h.Id).TakeLast(2).ToList();
        Assert.All(lines, l => Assert.Equal(ProblemAction.Escalated, l.Action));
        Assert.Equal(("县级无法协调用地指标", EscalationLevel.ChainLead, chainLeadUnit), (lines[0].Note, lines[0].Level, lines[0].OwnerUnitId));
        Assert.Equal(("跨部门事项，提请地区统筹", EscalationLevel.Prefecture, bureauUnit), (lines[1].Note, lines[1].Level, lines[1].OwnerUnitId));

        var third = await Commands.EscalateAsync(bureau, entry.Id, second.Version, "再提级", null);
        Assert.Equal(WriteStatus.Invalid, third.Status);
        Assert.Equal("Problem.AlreadyAtPrefecture", Assert.Single(third.Errors!).Violation.Code);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var bureau = await BureauAsync();
        var entry = (await EntriesAsync(ProblemStatus.New, EscalationLevel.County))[^1];
        Assert.Equal(WriteStatus.Saved, (await Commands.StartAsync(bureau, entry.Id, entry.Version)).Status);
        var current = await ReadAsync(entry.Id);

        // Someone else saw the entry before it was taken up and now resolves it from that old view.
        var stale = await Commands.ResolveAsync(await database.ScopeOfAsync(entry.HostCode), entry.Id, entry.Version, "基于旧版本的办结");

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        var after = await ReadAsync(entry.Id);
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(ProblemStatus.InProgress, after.Status);
        Assert.Null(after.Resolution);
        Assert.Equal(current.History.Count, after.History.Count);
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_returns_the_entry_to_its_level()
    {
        var bureau = await BureauAsync();
        // A resolved entry that had been escalated if the demo has one: it must come back at its level, not at the county.
        var resolved = await database.QueryAsync(db => db.Problems.Where(p => p.Status == ProblemStatus.Resolved)
            .OrderByDescending(p => p.Level == EscalationLevel.ChainLead).ThenBy(p => p.Id).Select(p => new { p.Id, p.Version, p.Level }).FirstAsync());
        var entry = resolved;

        var refused = await Commands.ReopenAsync(bureau, entry.Id, entry.Version, "   ");
        Assert.Equal(WriteStatus.Invalid, refused.Status);
        Assert.Equal("Problem.ReopenReasonRequired", Assert.Single(refused.Errors!).Violation.Code);
        Assert.Equal(ProblemStatus.Resolved, (await ReadAsync(entry.Id)).Status);

        Assert.Equal(WriteStatus.Saved, (await Commands.ReopenAsync(bureau, entry.Id, entry.Version, "企业反映用地手续仍未办结")).Status);
        var after = await ReadAsync(entry.Id);
        Assert.Equal(entry.Level, after.Level);
        Assert.Equal(entry.Level == EscalationLevel.County ? ProblemStatus.InProgress : ProblemStatus.Escalated, after.Status);
        Assert.Null(after.Resolution);
        var last = after.History.OrderBy(h => h.Id).Last();
        Assert.Equal((ProblemAction.Reopened, "企业反映用地手续仍未办结", "bureau"), (last.Action, last.Note, last.UserName));
    }

    [Fact]
    public async Task A_county_records_a_problem_on_its_project_and_the_wall_may_not()
    {
        var project = await database.QueryAsync(db => (from p in db.Projects
            join u in db.Units on p.HostUnitId equals u.Id
            where p.Stage != ProjectStage.Terminated && u.Code == "shache"
            orderby p.Id
            select new { p.Id, u.Code, UnitId = u.Id }).FirstAsync());
        var (projectId, hostCode, hostUnitId) = (project.Id, project.Code, project.UnitId);
        var county = await database.ScopeOfAsync(hostCode);
        var due = BeijingTime.Today(TestClock.Default).AddDays(15);
        var input = new NewProblem(ProblemCategory.FactorSupply, FactorKind.Water, "园区供水管网未接通，影响设备调试", ProblemSeverity.High, hostUnitId, due);

        var missingFactor = await Commands.RaiseAsync(county, projectId, input with { Factor = null });
        Assert.Equal(WriteStatus.Invalid, missingFactor.Status);
        Assert.Contains(missingFactor.Errors!, e => e.Field == nameof(NewProblem.Factor) && e.Violation.Code == "Problem.FactorRequired");

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.RaiseAsync(Wall, projectId, input)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Commands.RaiseAsync(await database.ScopeOfAsync("shufu"), projectId, input)).Status);

        var raised = await Commands.RaiseAsync(county, projectId, input);
        Assert.Equal(WriteStatus.Saved, raised.Status);
        var entry = await ReadAsync(raised.Id!.Value);
        Assert.Equal((ProblemStatus.New, EscalationLevel.County, hostUnitId, "shache"), (entry.Status, entry.Level, entry.OwnerUnitId, entry.RaisedBy));
        Assert.Equal(ProblemAction.Raised, Assert.Single(entry.History).Action);
        var audit = await database.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Problem) && a.EntityId == raised.Id.ToString()).ToListAsync());
        Assert.Equal(AuditAction.Added, Assert.Single(audit).Action);
    }
}
