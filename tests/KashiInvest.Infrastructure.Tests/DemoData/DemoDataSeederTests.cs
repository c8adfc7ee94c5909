using KashiInvest.Domain.Access;
using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KashiInvest.Infrastructure.Tests.DemoData;

/// <summary>One database seeded at scale 1, shared by the read-only checks of <see cref="DemoDataSeederTests"/>.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    public DateOnly Today => BeijingTime.Today(Database.Clock);

    public static DemoDataSeeder Seeder(TestDatabase database, bool enabled = true, int scale = 1, int seed = 20260101) =>
        new(database.Factory, Options.Create(new DemoDataOptions { Enabled = enabled, Scale = scale, Seed = seed }), database.Clock);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Accounts = await Seeder(Database).SeedAsync();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class DemoDataSeederTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private KashiInvest.Infrastructure.Persistence.KashiDbContext Db() => seeded.Database.CreateContext();

    [Fact]
    public async Task Reference_data_has_KEDZ_the_twelve_counties_and_every_kind_of_unit()
    {
        await using var db = Db();
        var units = await db.Units.ToListAsync();

        Assert.Equal(12, units.Count(u => u.Type == UnitType.County));
        Assert.Equal(["bachu", "jiashi", "kashi", "maigaiti", "shache", "shufu", "shule", "tashi", "yecheng", "yingjisha", "yuepuhu", "zepu"],
            units.Where(u => u.Type == UnitType.County).Select(u => u.Code).Order());
        Assert.Single(units, u => u.Type == UnitType.DevelopmentZone && u.Code == "kedz" && u.Name == "喀什经济开发区");
        Assert.Single(units, u => u.Type == UnitType.Bureau);
        Assert.Single(units, u => u.Type == UnitType.LeadersOffice);
        Assert.Single(units, u => u.Type == UnitType.FrontCommand);
        Assert.Equal(5, units.Count(u => u.Type == UnitType.SubBureau && u.Region is not null));
        Assert.Contains(units, u => u.Code == "sub-prd" && u.Name == "喀什地区驻珠三角片区招商分局" && u.Region == SourceRegionCode.PearlRiverDelta);
        Assert.Contains(units, u => u.Code == "tashi" && u.Name == "塔什库尔干塔吉克自治县");
        var hosts = units.Where(u => u.HostsProjects).ToList();
        var groups = units.Where(u => u.Type == UnitType.ServiceGroup).ToList();
        Assert.Equal(13, groups.Count);
        Assert.Equal(hosts.Select(h => h.Id).Order(), groups.Select(g => g.ParentUnitId!.Value).Order());
        Assert.Contains(groups, g => g.Code == "svc-shache" && g.Name == "莎车县帮办代办联合服务组");
        Assert.True(units.Count(u => u.Type == UnitType.Department) >= 5);
        Assert.All(units, u => Assert.Equal(u.Code.ToLowerInvariant(), u.Code));
    }

    [Fact]
    public async Task Every_chain_has_its_own_chain_lead_unit_and_a_map_of_links()
    {
        await using var db = Db();
        var chains = await db.Chains.Include(c => c.Links).ToListAsync();
        var units = await db.Units.ToDictionaryAsync(u => u.Id);

        Assert.True(chains.Count >= 8);
        Assert.Contains(chains, c => c.Code == "textiles" && c.Name == "纺织服装");
        Assert.Equal(chains.Count, chains.Select(c => c.LeadUnitId).Distinct().Count());
        Assert.All(chains, c => Assert.Equal(UnitType.ChainLead, units[c.LeadUnitId].Type));
        Assert.All(chains, c => Assert.Equal($"lead-{c.Code}", units[c.LeadUnitId].Code));
        // The reference links, extended by the demo chain maps (Art. 12) to a plausible map of 10–25 links.
        Assert.All(chains, c => Assert.InRange(c.Links.Count, 10, 25));
        Assert.All(chains, c => Assert.Equal(3, c.Links.Select(l => l.Segment).Distinct().Count()));
        Assert.Contains(chains.SelectMany(c => c.Links), l => l.NeedsFilling);
        var textiles = chains.Single(c => c.Code == "textiles");
        Assert.Contains(textiles.Links, l => l.Name == "印染" && l.Strength == Domain.Chains.LinkStrength.Broken);
    }

    [Fact]
    public async Task Every_demo_chain_map_has_flows_local_enterprises_and_a_note_and_road_map_for_each_gap()
    {
        await using var db = Db();
        var chains = await db.Chains.Include(c => c.Links).ThenInclude(l => l.Roadmap).Include(c => c.Flows).ToListAsync();

        Assert.All(chains, c => Assert.True(c.Flows.Count >= c.Links.Count - 3, $"{c.Code}: {c.Flows.Count} flows for {c.Links.Count} links"));
        Assert.All(chains.SelectMany(c => c.Flows), f => Assert.InRange(f.To.Segment - f.From.Segment, 0, 1));
        Assert.All(chains, c => Assert.Contains(c.Links, l => l.Strength == LinkStrength.Broken));
        Assert.All(chains.SelectMany(c => c.Gaps), l => Assert.True(l.GapNote is not null && l.Roadmap.Count > 0, l.Name));
        Assert.All(chains.SelectMany(c => c.Links).Where(l => l.Strength == LinkStrength.Strong), l => Assert.True(l.LocalEnterpriseCount >= 3, l.Name));
        var textiles = chains.Single(c => c.Code == "textiles");
        Assert.Equal(["棉花种植与加工", "轧花与皮棉仓储", "棉籽综合利用", "化纤原料"], textiles.LinksIn(ChainSegment.Upstream).Select(l => l.Name));
        Assert.Contains(textiles.Flows, f => f.From.Name == "织布" && f.To.Name == "印染");
        var energy = chains.Single(c => c.Code == "energy");
        Assert.Contains(energy.Flows, f => f.From.Name == "硅片" && f.To.Name == "电池片");
        // The reference links keep their targets and projects; some gaps added by the demo have nobody working on them.
        var linkIdsInUse = await db.TargetEnterprises.Where(t => t.ChainLinkId != null).Select(t => t.ChainLinkId!.Value)
            .Concat(db.Projects.Where(p => p.ChainLinkId != null).Select(p => p.ChainLinkId!.Value)).Distinct().ToListAsync();
        Assert.Contains(chains.SelectMany(c => c.Gaps), l => linkIdsInUse.Contains(l.Id));
        Assert.Contains(chains.SelectMany(c => c.Gaps), l => !linkIdsInUse.Contains(l.Id));
    }

    [Fact]
    public async Task Projects_are_in_every_stage_host_chain_and_work_group_level()
    {
        await using var db = Db();
        var projects = await db.Projects.ToListAsync();
        var hostIds = await db.Units.Where(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone).Select(u => u.Id).ToListAsync();
        var chainIds = await db.Chains.Select(c => c.Id).ToListAsync();

        // The generator's projects, plus the Lead projects that the leads demo files registration forms for.
        Assert.Equal(DemoDataGenerator.ProjectsPerScale + await db.LeadForms.CountAsync(), projects.Count);
        Assert.All(Enum.GetValues<ProjectStage>(), stage => Assert.Contains(projects, p => p.Stage == stage));
        Assert.All(Enum.GetValues<WorkGroupLevel>(), level => Assert.Contains(projects, p => p.WorkGroupLevel == level));
        Assert.All(hostIds, id => Assert.Contains(projects, p => p.HostUnitId == id));
        Assert.All(chainIds, id => Assert.Contains(projects, p => p.ChainId == id));
        Assert.Contains(projects, p => p.CoordinationLevel == CoordinationLevel.Prefecture);
        Assert.Contains(projects, p => p.CoordinationLevel == CoordinationLevel.County);
    }

    [Fact]
    public async Task Projects_obey_the_life_cycle_rules()
    {
        await using var db = Db();
        var projects = await db.Projects.Include(p => p.StageHistory).Include(p => p.Milestones).ToListAsync();
        var today = seeded.Today;
        var startOfToday = BeijingTime.StartOfDayUtc(today);

        Assert.All(projects, p => Assert.Equal(p.Stage, p.StageHistory.OrderBy(s => s.AtUtc).Last().To));
        Assert.All(projects, p => Assert.Null(p.StageHistory.OrderBy(s => s.AtUtc).First().From));
        Assert.All(projects, p => Assert.True(p.StageHistory.All(s => s.AtUtc >= p.CreatedAtUtc && s.AtUtc < startOfToday)));
        Assert.All(projects.Where(p => p.Stage.IsSignedOrLater()), p => Assert.NotNull(p.SignedOn));
        Assert.All(projects.Where(p => p.Stage == ProjectStage.Terminated), p => Assert.NotNull(p.TerminationReason));
        Assert.All(projects.Where(p => p.Stage is ProjectStage.Terminated or ProjectStage.Reserve),
            p => Assert.False(string.IsNullOrWhiteSpace(p.StageHistory.OrderBy(s => s.AtUtc).Last().Note)));
        Assert.All(projects.Where(p => p.CoordinationLevel == CoordinationLevel.Prefecture && p.StageHistory.Any(s => s.To == ProjectStage.Negotiating)),
            p => Assert.NotNull(p.ResponsibleLeader));
        Assert.All(projects.Where(p => p.Stage.IsSignedOrLater() && p.WorkGroupLevel != WorkGroupLevel.None), p => Assert.NotNull(p.LeaderInCharge));
        Assert.All(projects.Where(p => p.Stage.HasBattleMap()), p => Assert.InRange(p.Milestones.Count, 3, 6));
        Assert.All(projects.Where(p => p.Stage.HasBattleMap()), p => Assert.NotNull(p.PlannedStartOn));
        Assert.All(projects.SelectMany(p => p.Milestones), m => Assert.True(m.ReachedOn is null || m.ReachedOn <= today));
        Assert.Contains(projects.SelectMany(p => p.Milestones), m => m.DaysOverdue(today) > 0);
        Assert.All(projects, p => Assert.True(p.FundsInPlaceWan <= p.PlannedInvestmentWan && p.OutOfRegionFundsInPlaceWan <= p.FundsInPlaceWan));
        Assert.Contains(projects, p => p.FundsInPlaceWan > 0 && p.OutOfRegionFundsInPlaceWan > 0);
        Assert.All(projects.Where(p => !p.Stage.IsSignedOrLater()), p => Assert.Equal(0m, p.FundsInPlaceWan));
        Assert.All(projects, p => Assert.Empty(ProjectDetailsRules.Validate(Details(p), today)));
        // Some projects have been quiet for more than a month: the stall screens have something to show.
        Assert.Contains(projects, p => p.Stage == ProjectStage.Negotiating && p.LastActivityAtUtc < startOfToday.AddDays(-30));
    }

    private static ProjectDetails Details(Project p) => new(p.Name, p.Description, p.HostUnitId, p.ChainId, p.ChainLinkId, p.InvestorId,
        p.PlannedInvestmentWan, p.ExpectedJobs, p.PlannedStartOn, p.PlannedCompletionOn, p.ResponsibleLeader, p.LeaderInCharge,
        p.Milestones.OrderBy(m => m.Order).Select(m => new MilestoneInput(m.Id, m.Name, m.PlannedOn, m.ReachedOn)).ToList());

    [Fact]
    public async Task A_7_5亿_textile_project_with_600_jobs_is_a_key_project_under_construction_reported_every_half_month()
    {
        await using var db = Db();
        var flagship = await db.Projects.Include(p => p.Milestones).SingleAsync(p => p.PlannedInvestmentWan == 75_000m && p.ExpectedJobs == 600);
        var chain = await db.Chains.SingleAsync(c => c.Id == flagship.ChainId);
        var reports = await db.ProgressReports.Where(r => r.ProjectId == flagship.Id && r.Kind == ReportKind.Fortnightly).ToListAsync();

        Assert.Equal("textiles", chain.Code);
        Assert.Equal(WorkGroupLevel.KeyProject, flagship.WorkGroupLevel);
        Assert.Equal(ProjectStage.Construction, flagship.Stage);
        Assert.Equal(CoordinationLevel.Prefecture, flagship.CoordinationLevel);
        Assert.NotNull(flagship.ResponsibleLeader);
        Assert.NotNull(flagship.LeaderInCharge);
        Assert.Contains(flagship.Milestones, m => m.Name == "开工建设" && m.IsReached);
        Assert.NotEmpty(reports);
        Assert.True(flagship.FundsInPlaceWan > 0);
    }

    [Fact]
    public async Task Investors_have_valid_unique_credit_codes_and_every_tier()
    {
        await using var db = Db();
        var investors = await db.Investors.ToListAsync();

        Assert.Equal(DemoDataGenerator.InvestorsPerScale, investors.Count);
        var codes = investors.Where(i => i.CreditCode is not null).Select(i => i.CreditCode!).ToList();
        Assert.All(codes, c => Assert.True(CreditCode.TryParse(c, out _, out var violation), violation?.ToString()));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(investors.Count, investors.Select(i => i.Name).Distinct().Count());
        Assert.All(InvestorTiers.All, tier => Assert.Contains(investors, i => i.Tiers.HasFlag(tier)));
        Assert.All(Enum.GetValues<SourceRegionCode>(), region => Assert.Contains(investors, i => i.Region == region));
    }

    [Fact]
    public async Task Key_projects_have_fortnightly_reports_from_their_chain_lead()
    {
        await using var db = Db();
        var reports = await db.ProgressReports.ToListAsync();
        var projects = await db.Projects.ToDictionaryAsync(p => p.Id);
        var chains = await db.Chains.ToDictionaryAsync(c => c.Id);

        var fortnightly = reports.Where(r => r.Kind == ReportKind.Fortnightly).ToList();
        Assert.NotEmpty(fortnightly);
        Assert.All(fortnightly, r => Assert.True(projects[r.ProjectId].IsKeyProject && projects[r.ProjectId].Stage.IsSignedOrLater()));
        Assert.All(fortnightly, r => Assert.Equal($"chain-{chains[projects[r.ProjectId].ChainId].Code}", r.SubmittedBy));
        Assert.All(fortnightly, r => Assert.Equal(chains[projects[r.ProjectId].ChainId].LeadUnitId, r.SubmittedByUnitId));
        Assert.All(fortnightly, r => Assert.Equal(ProgressReport.IsLateFor(r.Period, r.SubmittedAtUtc, 3), r.IsLate));
        Assert.All(fortnightly, r => Assert.True(r.Period >= HalfMonthPeriod.Containing(projects[r.ProjectId].SignedOn!.Value)));
        Assert.Contains(fortnightly, r => r.IsLate);
        Assert.All(reports, r => Assert.True(r.IsCurrent && r.Revision == 1));
        Assert.Contains(reports, r => r.Kind == ReportKind.Update && r.SubmittedByUnitId == projects[r.ProjectId].HostUnitId);
        // Reported funds never exceed what the project has in place.
        Assert.All(reports.GroupBy(r => r.ProjectId), g => Assert.True(g.Sum(r => r.FundsInPlaceThisPeriodWan) <= projects[g.Key].FundsInPlaceWan));
    }

    [Fact]
    public async Task The_problem_ledger_has_every_status_and_escalation_level()
    {
        await using var db = Db();
        var problems = await db.Problems.ToListAsync();
        var today = seeded.Today;

        Assert.Equal(DemoDataGenerator.ProblemsPerScale, problems.Count);
        Assert.All(Enum.GetValues<ProblemStatus>(), status => Assert.Contains(problems, p => p.Status == status));
        Assert.Contains(problems, p => p.Status == ProblemStatus.Escalated && p.Level == EscalationLevel.ChainLead);
        Assert.Contains(problems, p => p.Status == ProblemStatus.Escalated && p.Level == EscalationLevel.Prefecture);
        Assert.All(problems.Where(p => p.Status == ProblemStatus.Resolved), p => Assert.False(string.IsNullOrWhiteSpace(p.Resolution)));
        Assert.All(problems.Where(p => p.Category == ProblemCategory.FactorSupply), p => Assert.NotNull(p.Factor));
        Assert.Contains(problems, p => p.IsOverdue(today));
        Assert.Contains(problems, p => p.IsOpen && !p.IsOverdue(today));
    }

    [Fact]
    public async Task Every_demo_account_exists_with_its_role_unit_and_the_shared_password()
    {
        await using var db = Db();
        var users = await db.Users.ToListAsync();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name);
        var userRoles = await db.UserRoles.ToListAsync();
        var units = await db.Units.ToDictionaryAsync(u => u.Id);

        string[] expected =
        [
            "admin", "bureau", "leader", "kedz", "kashi", "shufu", "shule", "yingjisha", "zepu", "shache", "yecheng", "maigaiti",
            "yuepuhu", "jiashi", "bachu", "tashi", "front", "sub-prd", "sub-yrd", "sub-sd", "sub-jjj", "sub-cy", "chain-textiles",
            "chain-electronics", "chain-agri", "chain-building", "chain-tourism", "chain-logistics", "chain-energy", "chain-fruit",
            "chain-chemicals", "wall",
            "svc-kedz", "svc-kashi", "svc-shufu", "svc-shule", "svc-yingjisha", "svc-zepu", "svc-shache", "svc-yecheng", "svc-maigaiti",
            "svc-yuepuhu", "svc-jiashi", "svc-bachu", "svc-tashi",
            "dept-natres", "dept-eco", "dept-housing", "dept-drc", "dept-industry", "dept-water",
        ];
        Assert.Equal(expected, seeded.Accounts.Select(a => a.UserName));
        Assert.Equal(Enum.GetNames<ActorRole>().Order(), roles.Values.Order());
        Assert.Equal(expected.Order(), users.Select(u => u.UserName).Order());

        var hasher = new PasswordHasher<AppUser>();
        foreach (var account in seeded.Accounts)
        {
            var user = users.Single(u => u.UserName == account.UserName);
            Assert.Equal(account.Role, roles[userRoles.Single(ur => ur.UserId == user.Id).RoleId]);
            Assert.Equal(account.UnitName, units[user.UnitId!.Value].Name);
            Assert.Equal(account.UserName.ToUpperInvariant(), user.NormalizedUserName);
            Assert.Equal($"{account.UserName}@demo.kashiinvest.local", user.Email);
            Assert.True(user.EmailConfirmed);
            Assert.False(string.IsNullOrWhiteSpace(user.DisplayName));
            Assert.False(string.IsNullOrWhiteSpace(user.SecurityStamp));
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoDataOptions.Password));
        }
        Assert.Equal(nameof(ActorRole.Administrator), seeded.Accounts.Single(a => a.UserName == "admin").Role);
        Assert.Equal(nameof(ActorRole.Display), seeded.Accounts.Single(a => a.UserName == "wall").Role);
        Assert.Equal("莎车县", seeded.Accounts.Single(a => a.UserName == "shache").UnitName);
        Assert.Equal(UnitType.ChainLead, units[users.Single(u => u.UserName == "chain-energy").UnitId!.Value].Type);
        Assert.Equal(UnitType.LeadersOffice, units[users.Single(u => u.UserName == "leader").UnitId!.Value].Type);
        Assert.Equal(UnitType.ServiceGroup, units[users.Single(u => u.UserName == "svc-shache").UnitId!.Value].Type);
        Assert.Equal(nameof(ActorRole.Department), seeded.Accounts.Single(a => a.UserName == "dept-natres").Role);
    }

    [Fact]
    public async Task Every_change_was_audited_as_the_seeding_job()
    {
        await using var db = Db();
        var byUser = await db.AuditEntries.GroupBy(a => a.UserName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var audited = await db.Projects.CountAsync() + await db.Milestones.CountAsync() + await db.Investors.CountAsync()
                      + await db.ProgressReports.CountAsync() + await db.Problems.CountAsync()
                      + await db.WebhookEndpoints.CountAsync()
                      // The life-cycle records (Art. 19, 20, 22) are audited too.
                      + await db.TriageSteps.CountAsync() + await db.Evaluations.CountAsync()
                      + await db.Set<KashiInvest.Domain.Projects.WorkGroupDepartment>().CountAsync();
        // The chain maps demo adds links of its own (below); the reference links are those of ReferenceData.
        var reference = await db.Units.CountAsync() + await db.Chains.CountAsync() + ReferenceData.Chains.Sum(c => c.Links.Count)
                        // Approvals' reference data: calendar years and their days, the catalogue, service groups and their members.
                        + await db.CalendarYears.CountAsync() + await db.Set<KashiInvest.Domain.Approvals.CalendarDay>().CountAsync()
                        + await db.ApprovalCatalogue.CountAsync() + await db.ServiceGroups.CountAsync()
                        + await db.Set<KashiInvest.Domain.Approvals.ServiceGroupMember>().CountAsync();
        // The leads demo adds rows of its own and later marks some pushes "became a lead" (one more entry each).
        string[] leadsTypes = ["TargetEnterprise", "TargetPush", "TargetPushLogEntry", "LeadForm", "WeeklyIntentionReport", "IntentionEntry"];
        var leadsRows = await db.TargetEnterprises.CountAsync() + await db.TargetPushes.CountAsync() + await db.TargetPushHistory.CountAsync()
                        + await db.LeadForms.CountAsync() + await db.WeeklyReports.CountAsync() + await db.IntentionEntries.CountAsync();
        var leadsAudits = await db.AuditEntries.CountAsync(a => leadsTypes.Contains(a.EntityType));
        Assert.InRange(leadsAudits, leadsRows, leadsRows + await db.TargetPushes.CountAsync(p => p.ProjectId != null));
        audited += leadsAudits;
        // The meetings demo writes meetings, agenda items, decisions and actions, and changes some of them later.
        string[] meetingTypes = ["Meeting", "AgendaItem", "MeetingDecision", "ActionItem"];
        var meetingRows = await db.Meetings.CountAsync() + await db.MeetingAgendaItems.CountAsync() + await db.MeetingDecisions.CountAsync() + await db.ActionItems.CountAsync();
        var meetingAudits = await db.AuditEntries.CountAsync(a => meetingTypes.Contains(a.EntityType));
        Assert.True(meetingRows > 0 && meetingAudits >= meetingRows, $"meetings: {meetingAudits} audit entries for {meetingRows} rows");
        audited += meetingAudits;
        // The statistics demo writes monthly returns and their figures, each with one entry (its review steps precede the save).
        string[] statisticsTypes = ["MonthlyReturn", "ReturnFigure"];
        var statisticsRows = await db.MonthlyReturns.CountAsync() + await db.MonthlyReturnFigures.CountAsync();
        Assert.True(statisticsRows > 0);
        Assert.Equal(statisticsRows, await db.AuditEntries.CountAsync(a => statisticsTypes.Contains(a.EntityType)));
        audited += statisticsRows;

        // The approvals demo names the proxies and writes plans and items, then steps the items (one more entry per step and pause).
        string[] approvalTypes = ["ServiceGroupProxy", "ServicePlan", "PlanItem", "PlanItemPause", "ServiceGroup"];
        var approvalRows = await db.Set<KashiInvest.Domain.Approvals.ServiceGroupProxy>().CountAsync() + await db.ServicePlans.CountAsync()
                           + await db.PlanItems.CountAsync() + await db.Set<KashiInvest.Domain.Approvals.PlanItemPause>().CountAsync();
        var approvalAudits = await db.AuditEntries.CountAsync(a => approvalTypes.Contains(a.EntityType) && a.UserName == "system:demo-data");
        Assert.True(approvalRows > 0 && approvalAudits >= approvalRows, $"approvals: {approvalAudits} audit entries for {approvalRows} rows");
        audited += approvalAudits;
        // The bulletins demo adds one published and one draft bulletin, each with one entry (its steps precede the save).
        var bulletinRows = await db.Bulletins.CountAsync();
        Assert.Equal(2, bulletinRows);
        Assert.Equal(bulletinRows, await db.AuditEntries.CountAsync(a => a.EntityType == "Bulletin"));
        audited += bulletinRows;
        // The commitments demo adds commitments with their conditions and payments, each with one entry (their steps precede the save).
        string[] commitmentTypes = ["Commitment", "CommitmentCondition", "CommitmentPayment"];
        var commitmentRows = await db.Commitments.CountAsync() + await db.CommitmentConditions.CountAsync() + await db.CommitmentPayments.CountAsync();
        Assert.True(commitmentRows > 0);
        Assert.Equal(commitmentRows, await db.AuditEntries.CountAsync(a => commitmentTypes.Contains(a.EntityType)));
        audited += commitmentRows;
        // The chain maps demo adds links, flows and road-map entries, then describes the links (one more entry per changed link and chain).
        string[] chainTypes = ["IndustryChain", "ChainLink", "ChainFlow", "RoadmapEntry"];
        var chainRows = await db.ChainLinks.CountAsync() - ReferenceData.Chains.Sum(c => c.Links.Count) + await db.Set<ChainFlow>().CountAsync()
                        + await db.Set<RoadmapEntry>().CountAsync();
        var chainAudits = await db.AuditEntries.CountAsync(a => chainTypes.Contains(a.EntityType) && a.UserName == "system:demo-data");
        Assert.True(chainRows > 0 && chainAudits >= chainRows, $"chain maps: {chainAudits} audit entries for {chainRows} rows");
        audited += chainAudits;
        // The assessment demo adds last year's final round and two schemes (last year's, frozen, and this year's), each with one entry.
        string[] assessmentTypes = ["AssessmentRound", "AssessmentScheme"];
        var assessmentRows = await db.Set<KashiInvest.Domain.Assessment.AssessmentRound>().CountAsync() + await db.Set<KashiInvest.Domain.Assessment.AssessmentScheme>().CountAsync();
        Assert.Equal(3, assessmentRows);
        Assert.Equal(assessmentRows, await db.AuditEntries.CountAsync(a => assessmentTypes.Contains(a.EntityType)));
        audited += assessmentRows;
        // The annual targets demo adds last year's and this year's targets with their shares, each with one entry (the split precedes the save).
        var targetRows = await db.AnnualTargets.CountAsync() + await db.AnnualTargetShares.CountAsync();
        Assert.True(targetRows > 0);
        Assert.Equal(targetRows, await db.AuditEntries.CountAsync(a => a.EntityType == "AnnualTarget" || a.EntityType == "TargetShare"));
        audited += targetRows;

        // The complaints and integrity demo adds complaints and cases, each with one entry (their steps precede the save).
        var complaintRows = await db.Complaints.CountAsync() + await db.IntegrityCases.CountAsync();
        Assert.True(await db.Complaints.AnyAsync() && await db.IntegrityCases.AnyAsync());
        Assert.Equal(complaintRows, await db.AuditEntries.CountAsync(a => a.EntityType == "Complaint" || a.EntityType == "IntegrityCase"));
        audited += complaintRows;

        Assert.Equal(["system:demo-data", "system:reference-data"], byUser.Select(x => x.Key).Order());
        Assert.Equal(audited, byUser.Single(x => x.Key == "system:demo-data").Count);
        Assert.Equal(reference, byUser.Single(x => x.Key == "system:reference-data").Count);
        Assert.True(await db.AuditEntries.AllAsync(a => a.EntityId != "0" && a.EntityId != ""));
    }

    [Fact]
    public async Task Seeding_again_inserts_nothing_and_returns_the_same_accounts()
    {
        async Task<int[]> CountAsync()
        {
            await using var db = Db();
            return
            [
                await db.Units.CountAsync(), await db.Chains.CountAsync(), await db.Investors.CountAsync(), await db.Projects.CountAsync(),
                await db.Milestones.CountAsync(), await db.ProgressReports.CountAsync(), await db.Problems.CountAsync(),
                await db.Users.CountAsync(), await db.Roles.CountAsync(), await db.AuditEntries.CountAsync(),
            ];
        }
        var before = await CountAsync();

        var accounts = await SeededDatabase.Seeder(seeded.Database).SeedAsync();
        await new ReferenceDataSeeder(seeded.Database.Factory).SeedAsync();

        Assert.Equal(before, await CountAsync());
        Assert.Equal(seeded.Accounts, accounts);
    }
}

/// <summary>Checks that each need a database of their own.</summary>
public sealed class DemoDataSeederSettingsTests
{
    [Fact]
    public async Task Disabled_demo_data_seeds_nothing_and_lists_no_account()
    {
        await using var database = await TestDatabase.CreateAsync();

        var accounts = await SeededDatabase.Seeder(database, enabled: false).SeedAsync();

        Assert.Empty(accounts);
        await using var db = database.CreateContext();
        Assert.False(await db.Projects.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.Investors.AnyAsync());
    }

    [Theory]
    [InlineData("2026-12-06T16:02:00Z")] // Monday 7 Dec 2026, 00:02 in Beijing: the week has just begun
    [InlineData("2026-12-06T15:59:00Z")] // Sunday 6 Dec 2026, 23:59 in Beijing: the week is about to end
    [InlineData("2026-11-30T16:00:00Z")] // Tuesday 1 Dec 2026, 00:00 in Beijing: a new month and half-month period
    public async Task Demo_data_seeds_at_the_edges_of_a_Beijing_week(string utc)
    {
        await using var database = await TestDatabase.CreateAsync(new FakeClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

        var accounts = await SeededDatabase.Seeder(database).SeedAsync();

        Assert.NotEmpty(accounts);
        await using var db = database.CreateContext();
        Assert.True(await db.WeeklyReports.AnyAsync());
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Assert.All(await db.WeeklyReports.Select(r => r.FiledAtUtc).ToListAsync(), filed => Assert.True(filed <= now));
    }

    [Fact]
    public async Task Reference_data_alone_is_seeded_once_without_demo_data()
    {
        await using var database = await TestDatabase.CreateAsync();
        var seeder = new ReferenceDataSeeder(database.Factory);

        await seeder.SeedAsync();
        await seeder.SeedAsync();

        await using var db = database.CreateContext();
        Assert.Equal(ReferenceData.AllUnits.Count(), await db.Units.CountAsync());
        Assert.Equal(ReferenceData.Chains.Count, await db.Chains.CountAsync());
        Assert.False(await db.Projects.AnyAsync());
        Assert.True(await db.AuditEntries.AllAsync(a => a.UserName == "system:reference-data"));
    }

    [Fact]
    public async Task Scale_two_gives_about_twice_the_projects()
    {
        await using var database = await TestDatabase.CreateAsync();

        await SeededDatabase.Seeder(database, scale: 2).SeedAsync();

        await using var db = database.CreateContext();
        var projects = await db.Projects.CountAsync();
        Assert.InRange(projects, 2 * DemoDataGenerator.ProjectsPerScale * 0.9, 2 * DemoDataGenerator.ProjectsPerScale * 1.1);
        Assert.Equal(2 * DemoDataGenerator.InvestorsPerScale, await db.Investors.CountAsync());
        Assert.Equal(2 * DemoDataGenerator.ProblemsPerScale, await db.Problems.CountAsync());
    }

    [Fact]
    public async Task Demo_data_on_a_database_with_reference_data_but_no_projects_is_added()
    {
        await using var database = await TestDatabase.CreateAsync();
        await new ReferenceDataSeeder(database.Factory).SeedAsync();

        var accounts = await SeededDatabase.Seeder(database).SeedAsync();

        Assert.Equal(DemoAccounts.All.Count, accounts.Count);
        await using var db = database.CreateContext();
        Assert.Equal(DemoDataGenerator.ProjectsPerScale + await db.LeadForms.CountAsync(), await db.Projects.CountAsync());
    }

    [Fact]
    public async Task The_same_seed_and_day_give_the_same_data_in_two_databases()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = await TestDatabase.CreateAsync(new FakeClock(FakeClock.DefaultNow.AddHours(5)));

        await SeededDatabase.Seeder(first).SeedAsync();
        await SeededDatabase.Seeder(second).SeedAsync();

        async Task<List<string>> SnapshotAsync(TestDatabase database)
        {
            await using var db = database.CreateContext();
            var projects = await db.Projects.Include(p => p.Milestones).OrderBy(p => p.Code).ToListAsync();
            return projects.Select(p => string.Join("|", p.Code, p.Name, p.Stage, p.PlannedInvestmentWan, p.ExpectedJobs, p.SignedOn,
                p.CreatedAtUtc.Ticks, p.LastActivityAtUtc.Ticks, p.FundsInPlaceWan,
                string.Join(",", p.Milestones.OrderBy(m => m.Order).Select(m => $"{m.Name}:{m.PlannedOn}:{m.ReachedOn}")))).ToList();
        }
        Assert.Equal(await SnapshotAsync(first), await SnapshotAsync(second));
    }
}
