using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Leads;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// The hostile-input sweep at the level of the commands the forms call, on a real SQLite file with the demo data, as
/// the demo's users: every field of the lead form, the progress report (with a problem), the problem ledger, the
/// project form, the meeting (details, agenda, decisions, action items) and the target library, each with every
/// generated bad value (<see cref="HostileValues"/>). Zero exceptions, zero errors logged, zero "could not save",
/// zero rows changed by a refusal, every refusal a message key in both languages, every acceptance stored exactly.
/// </summary>
public sealed partial class HostileInputCommandTests(SeededDatabase database, ITestOutputHelper output) : IClassFixture<SeededDatabase>
{
    private SeededDatabase Database => database;

    private ITestOutputHelper Output => output;

    private static DateOnly Today => TestClock.Default.Today;

    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private Task<int> UnitIdAsync(string code) => database.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<int> ChainIdAsync(string code) => database.QueryAsync(db => db.Chains.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    /// <summary>Runs a field's text values: <paramref name="prepare"/> does any setup and returns the call to judge.</summary>
    private static async Task TextAsync(HostileSweep sweep, string command, string field, int limit, bool required,
        Func<string, Task<Func<Task<WriteResult>>>> prepare, Func<int, Task<string?>> stored)
    {
        foreach (var v in HostileValues.Text(limit, required))
        {
            var act = await prepare(v.Value);
            await sweep.RunAsync(command, field, v.Name, v.Expect, act, v.Value, stored);
        }
    }

    private static async Task ValuesAsync<T>(HostileSweep sweep, string command, string field, IEnumerable<Hostile<T>> values, Func<T, Task<Func<Task<WriteResult>>>> prepare)
    {
        foreach (var v in values)
        {
            var act = await prepare(v.Value);
            await sweep.RunAsync(command, field, v.Name, v.Expect, act);
        }
    }

    private static Func<Task<WriteResult>> Call(Func<Task<WriteResult>> act) => act;

    [Fact]
    public async Task Every_form_and_command_survives_generated_hostile_input()
    {
        var logs = new CapturedLogs();
        database.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var sweep = new HostileSweep(database.DataDir, logs);

        await LeadFormAsync(sweep);
        await ReportAsync(sweep);
        await LedgerAsync(sweep);
        await ProjectFormAsync(sweep);
        await MeetingAsync(sweep);
        await TargetsAsync(sweep);

        var report = sweep.Report("Hostile-input sweep, commands");
        output.WriteLine(report);
        var artifacts = Path.Combine(Repo.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "hostile-input.txt"), report);
        Assert.True(sweep.Count >= 1000, $"only {sweep.Count} hostile cases");
        Assert.True(sweep.Refused > 0 && sweep.Accepted > 0, "a sweep that never refuses or never accepts judges nothing");
        Assert.True(sweep.Failures.Count == 0, report);
    }

    // ---- The information-transfer registration form (sub-bureau) ----

    private async Task LeadFormAsync(HostileSweep sweep)
    {
        var scope = await database.ScopeOfAsync("sub-prd", ActorRole.SubBureau);
        var host = await UnitIdAsync("shache");
        var chain = await ChainIdAsync("textiles");
        var bureau = await UnitIdAsync("bureau");
        var otherChainsLink = await database.QueryAsync(db => db.ChainLinks.Where(l => l.ChainId != chain).Select(l => l.Id).FirstAsync());
        var command = Get<FileLeadCommand>();
        var n = 0;
        LeadFormModel Form() => new()
        {
            EnterpriseName = $"喀什测试企业{++n}有限公司", Region = SourceRegionCode.PearlRiverDelta, Background = "印染龙头", ProjectName = "环保印染基地",
            ChainId = chain, HostUnitId = host, AmountWan = 75_000m, Jobs = 600, Demands = "用地与污水处理配套", Feasibility = Feasibility.High,
            FeasibilityNote = "建议尽快对接", VisitedOn = Today.ToDateTime(TimeOnly.MinValue).AddDays(-2), PeopleVisited = "董事长", Visitors = "驻珠三角分局",
        };
        Func<string, Task<Func<Task<WriteResult>>>> With(Action<LeadFormModel, string> set) => v =>
        {
            var form = Form();
            set(form, v);
            return Task.FromResult(Call(() => command.ExecuteAsync(scope, form)));
        };
        Func<int, Task<string?>> Read(System.Linq.Expressions.Expression<Func<LeadForm, string?>> pick) =>
            id => database.QueryAsync(db => db.LeadForms.Where(f => f.Id == id).Select(pick).SingleAsync());

        const string C = "Lead form";
        await TextAsync(sweep, C, "EnterpriseName", Investor.NameMaxLength, true, With((f, v) => f.EnterpriseName = v), Read(f => f.EnterpriseName));
        await TextAsync(sweep, C, "Background", LeadFormRules.TextMaxLength, true, With((f, v) => f.Background = v), Read(f => f.Background));
        await TextAsync(sweep, C, "Operations", LeadFormRules.TextMaxLength, false, With((f, v) => f.Operations = v), Read(f => f.Operations));
        await TextAsync(sweep, C, "ProjectName", ProjectDetailsRules.NameMaxLength, true, With((f, v) => f.ProjectName = v), Read(f => f.ProjectName));
        await TextAsync(sweep, C, "Demands", LeadFormRules.TextMaxLength, true, With((f, v) => f.Demands = v), Read(f => f.Demands));
        await TextAsync(sweep, C, "FeasibilityNote", LeadFormRules.TextMaxLength, true, With((f, v) => f.FeasibilityNote = v), Read(f => f.FeasibilityNote));
        await TextAsync(sweep, C, "PeopleVisited", LeadFormRules.PeopleMaxLength, true, With((f, v) => f.PeopleVisited = v), Read(f => f.PeopleVisited));
        await TextAsync(sweep, C, "Visitors", LeadFormRules.PeopleMaxLength, true, With((f, v) => f.Visitors = v), Read(f => f.Visitors));
        await ValuesAsync(sweep, C, "CreditCode", HostileValues.CreditCodes(), With((f, v) => f.CreditCode = v));
        await ValuesAsync(sweep, C, "AmountWan", HostileValues.Money(), v => With((f, _) => f.AmountWan = v)(""));
        await ValuesAsync(sweep, C, "Jobs", HostileValues.Count(), v => With((f, _) => f.Jobs = v)(""));
        await ValuesAsync(sweep, C, "ChainId", HostileValues.MissingIds(), v => With((f, _) => f.ChainId = v)(""));
        await ValuesAsync(sweep, C, "ChainLinkId", HostileValues.MissingIds().Append(new("another chain's link", otherChainsLink, Expect.Refused)),
            v => With((f, _) => f.ChainLinkId = v)(""));
        await ValuesAsync(sweep, C, "HostUnitId", HostileValues.MissingIds().Append(new("the Bureau (not an attracting unit)", bureau, Expect.Refused)),
            v => With((f, _) => f.HostUnitId = v)(""));
        await ValuesAsync(sweep, C, "VisitedOn", HostileValues.Dates(Today), v => With((f, _) => f.VisitedOn = v?.ToDateTime(TimeOnly.MinValue))(""));
        await ValuesAsync(sweep, C, "Region", HostileValues.Enum<SourceRegionCode>(), v => With((f, _) => f.Region = v)(""));
        await ValuesAsync(sweep, C, "Feasibility", HostileValues.Enum<Feasibility>(), v => With((f, _) => f.Feasibility = v)(""));
        await ValuesAsync(sweep, C, "Tiers", HostileValues.Enum<InvestorTier>(), v => With((f, _) => f.Tiers = [v])(""));
        var leader = new UserScope("leader", "地区分管领导", ActorRole.Leader, null, [], []);
        await sweep.RunAsync(C, "(user)", "a leader files", Expect.Refused, () => command.ExecuteAsync(leader, Form()));
    }

    // ---- The fortnightly report with a problem (chain lead) ----

    private sealed record KeyProject(int Id, int HostUnitId, int ChainId, string LeadCode);

    private async Task ReportAsync(HostileSweep sweep)
    {
        var projects = await database.QueryAsync(db =>
            (from p in db.Projects
             join c in db.Chains on p.ChainId equals c.Id
             join u in db.Units on c.LeadUnitId equals u.Id
             where p.WorkGroupLevel == WorkGroupLevel.KeyProject && p.SignedOn != null
                && (p.Stage == ProjectStage.Signed || p.Stage == ProjectStage.Landing || p.Stage == ProjectStage.Construction)
             orderby p.Id
             select new KeyProject(p.Id, p.HostUnitId, p.ChainId, u.Code)).ToListAsync());
        var project = projects[^1];
        var otherChains = projects.First(p => p.ChainId != project.ChainId);
        var lead = await database.ScopeOfAsync(project.LeadCode, ActorRole.ChainLead);
        var period = HalfMonthPeriod.Containing(TestClock.Default.UtcNow);
        var command = Get<SubmitReportCommand>();
        var due = Today.AddDays(20);

        async Task<int> RevisionAsync(int projectId, int periodIndex, ReportKind kind) => await database.QueryAsync(db => db.ProgressReports
            .Where(r => r.ProjectId == projectId && r.PeriodIndex == periodIndex && r.Kind == kind && r.IsCurrent).Select(r => (int?)r.Revision).FirstOrDefaultAsync()) ?? 0;
        async Task<Func<Task<WriteResult>>> Submit(int? projectId = null, int? periodIndex = null, ReportKind kind = ReportKind.Fortnightly, string narrative = "厂房主体结构完工。",
            string? next = "推进设备安装。", decimal funds = 0m, decimal outOfRegion = 0m, NewProblem? problem = null)
        {
            var index = periodIndex ?? period.Index;
            var id = projectId ?? project.Id;
            var revision = await RevisionAsync(id, index, kind);
            var submit = new SubmitReport(id, index, kind, revision, new ReportInput(narrative, next, funds, outOfRegion, []), problem is null ? [] : [problem]);
            return () => command.ExecuteAsync(lead, submit);
        }
        NewProblem Problem(string description = "施工用电不足", ProblemCategory category = ProblemCategory.Other, ProblemSeverity severity = ProblemSeverity.Medium,
            int? owner = null, DateOnly? dueOn = null, FactorKind? factor = null) =>
            new(category, factor, description, severity, owner ?? project.HostUnitId, dueOn ?? due);
        Task<string?> ReadReport(int id, Func<ProgressReport, string?> pick) => database.QueryAsync(async db => pick(await db.ProgressReports.SingleAsync(r => r.Id == id)));

        const string C = "Progress report";
        await TextAsync(sweep, C, "Narrative", ProgressReport.TextMaxLength, true, v => Submit(narrative: v), id => ReadReport(id, r => r.Narrative));
        await TextAsync(sweep, C, "NextSteps", ProgressReport.TextMaxLength, false, v => Submit(next: v), id => ReadReport(id, r => r.NextSteps));
        await TextAsync(sweep, C, "Problems[0].Description", Domain.Problems.Problem.TextMaxLength, true, v => Submit(problem: Problem(v)),
            _ => database.QueryAsync(db => db.Problems.Where(p => p.ProjectId == project.Id).OrderByDescending(p => p.Id).Select(p => p.Description).FirstAsync())!);
        await ValuesAsync(sweep, C, "FundsInPlaceThisPeriodWan", HostileValues.Money().Where(v => v.Value != 0m), async v =>
        {
            // The period's amount replaces the last revision's: read it, so that an accepted case never lowers the total.
            var last = await database.QueryAsync(db => db.ProgressReports.Where(r => r.ProjectId == project.Id && r.PeriodIndex == period.Index && r.IsCurrent && r.Kind == ReportKind.Fortnightly)
                .Select(r => (decimal?)r.FundsInPlaceThisPeriodWan).FirstOrDefaultAsync()) ?? 0m;
            return await Submit(funds: v!.Value > 0 ? last + v.Value : v.Value);
        });
        await ValuesAsync(sweep, C, "OutOfRegionFundsThisPeriodWan", HostileValues.Money().Where(v => v.Value < 0 || v.Value > 1_000_000m), v => Submit(outOfRegion: v!.Value));
        await ValuesAsync(sweep, C, "ProjectId", HostileValues.MissingIds().Append(new("another chain's key project", otherChains.Id, Expect.Refused)), v => Submit(projectId: v));
        await ValuesAsync(sweep, C, "PeriodIndex", new Hostile<int>[]
        {
            new("-1", -1, Expect.Refused), new("int.MinValue", int.MinValue, Expect.Refused), new("int.MaxValue", int.MaxValue, Expect.Refused),
            new("year 9999", 9999 * 24, Expect.Refused), new("next period", period.Index + 1, Expect.Refused), new("ten years ago", period.Index - 240, Expect.Refused),
        }, v => Submit(periodIndex: v));
        await ValuesAsync(sweep, C, "Kind", HostileValues.Enum<ReportKind>(), v => Submit(kind: v));
        await ValuesAsync(sweep, C, "Problems[0].OwnerUnitId", HostileValues.MissingIds(), v => Submit(problem: Problem(owner: v)));
        await ValuesAsync(sweep, C, "Problems[0].DueOn", HostileValues.Dates(Today), v => Submit(problem: Problem(dueOn: v)));
        await ValuesAsync(sweep, C, "Problems[0].Category", HostileValues.Enum<ProblemCategory>(), v => Submit(problem: Problem(category: v)));
        await ValuesAsync(sweep, C, "Problems[0].Severity", HostileValues.Enum<ProblemSeverity>(), v => Submit(problem: Problem(severity: v)));
        await ValuesAsync(sweep, C, "Problems[0].Factor", HostileValues.Enum<FactorKind>(), v => Submit(problem: Problem(category: ProblemCategory.FactorSupply, factor: v)));
    }

    // ---- The problem ledger (county of the project) ----

    private async Task LedgerAsync(HostileSweep sweep)
    {
        var project = await database.QueryAsync(db => (from p in db.Projects
                                                        join u in db.Units on p.HostUnitId equals u.Id
                                                        where p.Stage == ProjectStage.Construction && u.Type == UnitType.County
                                                        orderby p.Id
                                                        select new { p.Id, p.HostUnitId, u.Code }).FirstAsync());
        var county = await database.ScopeOfAsync(project.Code);
        var stranger = await database.ScopeOfAsync(project.Code == "shache" ? "shufu" : "shache");
        var commands = Get<ProblemCommands>();
        var due = Today.AddDays(10);
        NewProblem New(string description = "临时用电未接入", ProblemCategory category = ProblemCategory.Other, ProblemSeverity severity = ProblemSeverity.Medium,
            int? owner = null, DateOnly? dueOn = null, FactorKind? factor = null) =>
            new(category, factor, description, severity, owner ?? project.HostUnitId, dueOn ?? due);
        async Task<(int Id, int Version)> RaiseAsync()
        {
            var raised = await commands.RaiseAsync(county, project.Id, New());
            Assert.Equal(WriteStatus.Saved, raised.Status);
            return (raised.Id!.Value, await VersionAsync(raised.Id.Value));
        }
        Task<int> VersionAsync(int id) => database.QueryAsync(db => db.Problems.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        Task<string?> LastNote(int id) => database.QueryAsync(db => db.ProblemHistory.Where(h => h.ProblemId == id).OrderByDescending(h => h.Id).Select(h => h.Note).FirstAsync());

        const string C = "Problem ledger";
        await TextAsync(sweep, C, "Raise.Description", Problem.TextMaxLength, true, v => Task.FromResult(Call(() => commands.RaiseAsync(county, project.Id, New(v)))),
            id => database.QueryAsync(db => db.Problems.Where(p => p.Id == id).Select(p => p.Description).SingleAsync())!);
        await ValuesAsync(sweep, C, "Raise.OwnerUnitId", HostileValues.MissingIds(), v => Task.FromResult(Call(() => commands.RaiseAsync(county, project.Id, New(owner: v)))));
        await ValuesAsync(sweep, C, "Raise.DueOn", HostileValues.Dates(Today), v => Task.FromResult(Call(() => commands.RaiseAsync(county, project.Id, New(dueOn: v)))));
        await ValuesAsync(sweep, C, "Raise.Category", HostileValues.Enum<ProblemCategory>(), v => Task.FromResult(Call(() => commands.RaiseAsync(county, project.Id, New(category: v)))));
        await ValuesAsync(sweep, C, "Raise.Severity", HostileValues.Enum<ProblemSeverity>(), v => Task.FromResult(Call(() => commands.RaiseAsync(county, project.Id, New(severity: v)))));
        await ValuesAsync(sweep, C, "Raise.ProjectId", HostileValues.MissingIds(), v => Task.FromResult(Call(() => commands.RaiseAsync(county, v, New()))));
        await sweep.RunAsync(C, "Raise.ProjectId", "another county's project", Expect.Refused, () => commands.RaiseAsync(stranger, project.Id, New()));

        await TextAsync(sweep, C, "Resolve.Resolution", Problem.TextMaxLength, true, async v =>
        {
            var (id, version) = await RaiseAsync();
            return () => commands.ResolveAsync(county, id, version, v);
        }, id => database.QueryAsync(db => db.Problems.Where(p => p.Id == id).Select(p => p.Resolution).SingleAsync()));
        await TextAsync(sweep, C, "Escalate.Reason", Problem.TextMaxLength, true, async v =>
        {
            var (id, version) = await RaiseAsync();
            return () => commands.EscalateAsync(county, id, version, v, null);
        }, LastNote);
        await TextAsync(sweep, C, "Reopen.Reason", Problem.TextMaxLength, true, async v =>
        {
            var (id, version) = await RaiseAsync();
            Assert.Equal(WriteStatus.Saved, (await commands.ResolveAsync(county, id, version, "已解决")).Status);
            var resolved = await VersionAsync(id);
            return () => commands.ReopenAsync(county, id, resolved, v);
        }, LastNote);
        await TextAsync(sweep, C, "Assign.Note", Problem.TextMaxLength, false, async v =>
        {
            var (id, version) = await RaiseAsync();
            return () => commands.AssignAsync(county, id, version, project.HostUnitId, null, v);
        }, LastNote);
        await ValuesAsync(sweep, C, "Assign.OwnerUnitId", HostileValues.MissingIds(), async v =>
        {
            var (id, version) = await RaiseAsync();
            return () => commands.AssignAsync(county, id, version, v, null, "改派");
        });
        await ValuesAsync(sweep, C, "Assign.DueOn", HostileValues.Dates(Today), async v =>
        {
            var (id, version) = await RaiseAsync();
            return () => commands.AssignAsync(county, id, version, project.HostUnitId, v, "改期");
        });
        await ValuesAsync(sweep, C, "Escalate.DueOn", HostileValues.Dates(Today), async v =>
        {
            var (id, version) = await RaiseAsync();
            return () => commands.EscalateAsync(county, id, version, "县级无法协调", v);
        });
        foreach (var v in HostileValues.MissingIds())
        {
            await sweep.RunAsync(C, "Resolve.ProblemId", v.Name, v.Expect, () => commands.ResolveAsync(county, v.Value, 1, "已解决"));
            await sweep.RunAsync(C, "Escalate.ProblemId", v.Name, v.Expect, () => commands.EscalateAsync(county, v.Value, 1, "提级", null));
            await sweep.RunAsync(C, "Start.ProblemId", v.Name, v.Expect, () => commands.StartAsync(county, v.Value, 1));
        }
        var (other, otherVersion) = await RaiseAsync();
        await sweep.RunAsync(C, "Resolve.ProblemId", "another county's problem", Expect.Refused, () => commands.ResolveAsync(stranger, other, otherVersion, "越权办结"));
        await sweep.RunAsync(C, "Escalate.ProblemId", "another county's problem", Expect.Refused, () => commands.EscalateAsync(stranger, other, otherVersion, "越权提级", null));
        await sweep.RunAsync(C, "Assign.ProblemId", "another county's problem", Expect.Refused, () => commands.AssignAsync(stranger, other, otherVersion, project.HostUnitId, null, "越权"));
        await sweep.RunAsync(C, "Start.ProblemId", "another county's problem", Expect.Refused, () => commands.StartAsync(stranger, other, otherVersion));
    }

    // ---- The project form (county) ----

    private async Task ProjectFormAsync(HostileSweep sweep)
    {
        var county = await database.ScopeOfAsync("shache");
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var chain = await ChainIdAsync("textiles");
        var otherChainsLink = await database.QueryAsync(db => db.ChainLinks.Where(l => l.ChainId != chain).Select(l => l.Id).FirstAsync());
        var investor = (await Get<ProjectReader>().SearchInvestorsAsync(bureau, null))[0];
        var othersProject = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId != county.UnitId && p.Stage != ProjectStage.Terminated)
            .Select(p => new { p.Id, p.Version }).FirstAsync());
        var save = Get<SaveProjectCommand>();
        var n = 0;
        ProjectForm Form() => new()
        {
            Name = $"年产3万吨棉纱测试项目{++n}", ChainId = chain, Investor = investor, PlannedInvestmentWan = 75_000m, ExpectedJobs = 600,
            PlannedStartOn = Today.AddMonths(3).ToDateTime(TimeOnly.MinValue), PlannedCompletionOn = Today.AddMonths(18).ToDateTime(TimeOnly.MinValue),
            Milestones = [new() { Name = "签订投资协议", PlannedOn = Today.AddMonths(1).ToDateTime(TimeOnly.MinValue) }],
        };
        Func<T, Task<Func<Task<WriteResult>>>> With<T>(Action<ProjectForm, T> set) => v =>
        {
            var form = Form();
            set(form, v);
            return Task.FromResult(Call(() => save.ExecuteAsync(county, form)));
        };
        Func<int, Task<string?>> Read(System.Linq.Expressions.Expression<Func<Project, string?>> pick) =>
            id => database.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(pick).SingleAsync());

        const string C = "Project form";
        await TextAsync(sweep, C, "Name", ProjectDetailsRules.NameMaxLength, true, With<string>((f, v) => f.Name = v), Read(p => p.Name));
        await TextAsync(sweep, C, "Description", ProjectDetailsRules.DescriptionMaxLength, false, With<string>((f, v) => f.Description = v), Read(p => p.Description));
        await TextAsync(sweep, C, "ResponsibleLeader", ProjectDetailsRules.PersonMaxLength, false, With<string>((f, v) => f.ResponsibleLeader = v), Read(p => p.ResponsibleLeader));
        await TextAsync(sweep, C, "LeaderInCharge", ProjectDetailsRules.PersonMaxLength, false, With<string>((f, v) => f.LeaderInCharge = v), Read(p => p.LeaderInCharge));
        await TextAsync(sweep, C, "Milestones[0].Name", Milestone.NameMaxLength, true, With<string>((f, v) => f.Milestones[0].Name = v),
            id => database.QueryAsync(db => db.Milestones.Where(m => m.ProjectId == id).Select(m => m.Name).FirstAsync())!);
        await TextAsync(sweep, C, "NewInvestorName", Investor.NameMaxLength, true, With<string>((f, v) => { f.Investor = null; f.CreateInvestor = true; f.NewInvestorName = v; }),
            id => database.QueryAsync(db => db.Projects.Where(p => p.Id == id).Join(db.Investors, p => p.InvestorId, i => i.Id, (p, i) => i.Name).SingleAsync())!);
        await ValuesAsync(sweep, C, "NewInvestorCreditCode", HostileValues.CreditCodes(),
            With<string>((f, v) => { f.Investor = null; f.CreateInvestor = true; f.NewInvestorName = $"新投资方{++n}"; f.NewInvestorCreditCode = v; }));
        await ValuesAsync(sweep, C, "PlannedInvestmentWan", HostileValues.Money(), With<decimal?>((f, v) => f.PlannedInvestmentWan = v));
        await ValuesAsync(sweep, C, "ExpectedJobs", HostileValues.Count(), With<int?>((f, v) => f.ExpectedJobs = v));
        await ValuesAsync(sweep, C, "ChainId", HostileValues.MissingIds(), With<int>((f, v) => f.ChainId = v));
        await ValuesAsync(sweep, C, "ChainLinkId", HostileValues.MissingIds().Append(new("another chain's link", otherChainsLink, Expect.Refused)), With<int>((f, v) => f.ChainLinkId = v));
        await ValuesAsync(sweep, C, "PlannedStartOn", HostileValues.Dates(Today), With<DateOnly?>((f, v) => f.PlannedStartOn = v?.ToDateTime(TimeOnly.MinValue)));
        await ValuesAsync(sweep, C, "PlannedCompletionOn", HostileValues.Dates(Today), With<DateOnly?>((f, v) => f.PlannedCompletionOn = v?.ToDateTime(TimeOnly.MinValue)));
        await ValuesAsync(sweep, C, "Milestones[0].PlannedOn", HostileValues.Dates(Today), With<DateOnly?>((f, v) => f.Milestones[0].PlannedOn = v?.ToDateTime(TimeOnly.MinValue)));
        await ValuesAsync(sweep, C, "Milestones", [new Hostile<int>("1,000 milestones", 1000, Expect.Refused)],
            With<int>((f, v) => f.Milestones = Enumerable.Range(1, v).Select(i => new ProjectForm.MilestoneRow { Name = $"节点{i}", PlannedOn = Today.AddDays(i).ToDateTime(TimeOnly.MinValue) }).ToList()));
        await ValuesAsync(sweep, C, "NewInvestorRegion", HostileValues.Enum<SourceRegionCode>(),
            With<SourceRegionCode>((f, v) => { f.Investor = null; f.CreateInvestor = true; f.NewInvestorName = $"新投资方{++n}"; f.NewInvestorRegion = v; }));
        await ValuesAsync(sweep, C, "NewInvestorTiers", HostileValues.Enum<InvestorTier>(),
            With<InvestorTier>((f, v) => { f.Investor = null; f.CreateInvestor = true; f.NewInvestorName = $"新投资方{++n}"; f.NewInvestorTiers = [v]; }));
        await ValuesAsync(sweep, C, "Investor", [new Hostile<int>("an investor id that does not exist", 999_999, Expect.Refused)],
            With<int>((f, v) => f.Investor = investor with { Id = v }));
        await ValuesAsync(sweep, C, "Id", HostileValues.MissingIds().Append(new("another county's project", othersProject.Id, Expect.Refused)),
            With<int>((f, v) => { f.Id = v; f.Version = othersProject.Version; }));
    }

    // ---- The meeting: details, agenda, record, action items (Bureau) ----

    private async Task MeetingAsync(HostileSweep sweep)
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var commands = Get<MeetingCommands>();
        var query = Get<MeetingQuery>();
        var shache = await UnitIdAsync("shache");
        MeetingInput Input() => new() { Title = "安全测试调度会", Chair = "王建国", StartsOn = query.Today.AddDays(5), StartsAt = new TimeOnly(10, 0), Place = "三楼会议室" };
        Func<T, Task<Func<Task<WriteResult>>>> Create<T>(Action<MeetingInput, T> set) => v =>
        {
            var input = Input();
            set(input, v);
            return Task.FromResult(Call(() => commands.CreateAsync(bureau, input)));
        };
        Func<int, Task<string?>> Read(System.Linq.Expressions.Expression<Func<Meeting, string?>> pick) =>
            id => database.QueryAsync(db => db.Meetings.Where(m => m.Id == id).Select(pick).SingleAsync());

        const string C = "Meeting";
        // Details: a few values per field (each meeting proposes a whole agenda), the full set on the title.
        await TextAsync(sweep, C, "Title", Meeting.TitleMaxLength, true, Create<string>((m, v) => m.Title = v), Read(m => m.Title));
        var created = await commands.CreateAsync(bureau, Input());
        Assert.Equal(WriteStatus.Saved, created.Status);
        var meetingId = created.Id!.Value;
        Task<int> VersionAsync() => database.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());
        Func<string, Task<Func<Task<WriteResult>>>> Update(Action<MeetingInput, string> set) => async v =>
        {
            var input = Input();
            set(input, v);
            var version = await VersionAsync();
            return () => commands.UpdateDetailsAsync(bureau, meetingId, version, input);
        };
        await TextAsync(sweep, C, "Chair", Meeting.ShortTextMaxLength, true, Update((m, v) => m.Chair = v), _ => Read(m => m.Chair)(meetingId));
        await TextAsync(sweep, C, "Place", Meeting.ShortTextMaxLength, false, Update((m, v) => m.Place = v), _ => Read(m => m.Place)(meetingId));
        await TextAsync(sweep, C, "Attendees", Meeting.TextMaxLength, false, Update((m, v) => m.Attendees = v), _ => Read(m => m.Attendees)(meetingId));
        await ValuesAsync(sweep, C, "AttendingUnitIds", HostileValues.MissingIds(), Create<int>((m, v) => m.AttendingUnitIds = [v]));
        await ValuesAsync(sweep, C, "ScopeChainId", HostileValues.MissingIds(), Create<int>((m, v) => { m.ScopeKind = MeetingScopeKind.Chain; m.ScopeChainId = v; }));
        await ValuesAsync(sweep, C, "ScopeUnitId", HostileValues.MissingIds().Append(new("the Bureau (not a county)", bureau.UnitId!.Value, Expect.Refused)),
            Create<int>((m, v) => { m.ScopeKind = MeetingScopeKind.County; m.ScopeUnitId = v; }));
        await ValuesAsync(sweep, C, "Kind", HostileValues.Enum<MeetingKind>(), Create<MeetingKind>((m, v) => m.Kind = v));
        await ValuesAsync(sweep, C, "ScopeKind", HostileValues.Enum<MeetingScopeKind>(), Create<MeetingScopeKind>((m, v) => m.ScopeKind = v));
        await ValuesAsync(sweep, C, "StartsOn", HostileValues.Dates(Today), Create<DateOnly?>((m, v) => m.StartsOn = v));
        await sweep.RunAsync(C, "(user)", "a county creates a prefecture meeting", Expect.Refused, () => commands.CreateAsync(county, Input()));

        // Agenda: custom items and notes.
        Task<string?> LastItem(Func<AgendaItem, string?> pick) => database.QueryAsync(async db => pick(await db.MeetingAgendaItems.Where(i => EF.Property<int>(i, "MeetingId") == meetingId).OrderByDescending(i => i.Id).FirstAsync()));
        await TextAsync(sweep, C, "AddItem.Title", Meeting.TitleMaxLength, true, async v =>
        {
            var version = await VersionAsync();
            return () => commands.AddItemAsync(bureau, meetingId, version, AgendaItemKind.Custom, null, null, v, null);
        }, _ => LastItem(i => i.Title));
        await TextAsync(sweep, C, "AddItem.Note", Meeting.TextMaxLength, false, async v =>
        {
            var version = await VersionAsync();
            return () => commands.AddItemAsync(bureau, meetingId, version, AgendaItemKind.Custom, null, null, "自定义议题", v);
        }, _ => LastItem(i => i.Note));
        var itemId = await database.QueryAsync(db => db.MeetingAgendaItems.Where(i => EF.Property<int>(i, "MeetingId") == meetingId).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        await TextAsync(sweep, C, "Annotate.Note", Meeting.TextMaxLength, false, async v =>
        {
            var version = await VersionAsync();
            return () => commands.AnnotateAsync(bureau, meetingId, version, itemId, v, null);
        }, _ => database.QueryAsync(db => db.MeetingAgendaItems.Where(i => i.Id == itemId).Select(i => i.Note).SingleAsync()));
        await ValuesAsync(sweep, C, "AddItem.ProjectId", HostileValues.MissingIds(), async v =>
        {
            var version = await VersionAsync();
            return () => commands.AddItemAsync(bureau, meetingId, version, AgendaItemKind.StalledProject, v, null, null, null);
        });
        await ValuesAsync(sweep, C, "AddItem.ProblemId", HostileValues.MissingIds(), async v =>
        {
            var version = await VersionAsync();
            return () => commands.AddItemAsync(bureau, meetingId, version, AgendaItemKind.EscalatedProblem, null, v, null, null);
        });
        await ValuesAsync(sweep, C, "AddItem.Kind", HostileValues.Enum<AgendaItemKind>(), async v =>
        {
            var version = await VersionAsync();
            return () => commands.AddItemAsync(bureau, meetingId, version, v, null, null, "自定义议题", null);
        });
        foreach (var v in HostileValues.MissingIds())
        {
            var version = await VersionAsync();
            await sweep.RunAsync(C, "Annotate.ItemId", v.Name, v.Expect, () => commands.AnnotateAsync(bureau, meetingId, version, v.Value, "备注", null));
            await sweep.RunAsync(C, "RemoveItem.ItemId", v.Name, v.Expect, () => commands.RemoveItemAsync(bureau, meetingId, version, v.Value));
            await sweep.RunAsync(C, "MoveItem.ItemId", v.Name, v.Expect, () => commands.MoveItemAsync(bureau, meetingId, version, v.Value, 1));
            await sweep.RunAsync(C, "MeetingId", v.Name, v.Expect, () => commands.AnnotateAsync(bureau, v.Value, version, itemId, "备注", null));
        }
        foreach (var by in new[] { int.MinValue, int.MaxValue })
        {
            var version = await VersionAsync();
            await sweep.RunAsync(C, "MoveItem.By", by.ToString(System.Globalization.CultureInfo.InvariantCulture), Expect.Either, () => commands.MoveItemAsync(bureau, meetingId, version, itemId, by));
        }
        {
            var version = await VersionAsync();
            await sweep.RunAsync(C, "SetOrder.ItemIds", "one id, repeated", Expect.Refused, () => commands.SetOrderAsync(bureau, meetingId, version, [itemId, itemId]));
            await sweep.RunAsync(C, "SetOrder.ItemIds", "ids that do not exist", Expect.Refused, () => commands.SetOrderAsync(bureau, meetingId, version, [-1, 0, int.MaxValue]));
            await sweep.RunAsync(C, "SetOrder.ItemIds", "none", Expect.Refused, () => commands.SetOrderAsync(bureau, meetingId, version, []));
            await sweep.RunAsync(C, "(user)", "a county annotates the Bureau's meeting", Expect.Refused, () => commands.AnnotateAsync(county, meetingId, version, itemId, "越权", null));
        }

        // The record: decisions, discussion and action items in the running meeting.
        Assert.Equal(WriteStatus.Saved, (await commands.StartAsync(bureau, meetingId, await VersionAsync())).Status);
        await TextAsync(sweep, C, "RecordDecision.Text", Meeting.TextMaxLength, true, v => Task.FromResult(Call(() => commands.RecordDecisionAsync(bureau, meetingId, itemId, v))),
            id => database.QueryAsync(db => db.MeetingDecisions.Where(d => d.Id == id).Select(d => d.Text).SingleAsync())!);
        await TextAsync(sweep, C, "RecordDiscussion.Text", Meeting.TextMaxLength, false, v => Task.FromResult(Call(() => commands.RecordDiscussionAsync(bureau, meetingId, itemId, v))),
            _ => database.QueryAsync(db => db.MeetingAgendaItems.Where(i => i.Id == itemId).Select(i => i.Discussion).SingleAsync()));
        NewActionItem Action() => new() { AgendaItemId = itemId, Text = "县里协调用地", OwnerUnitId = shache, DueOn = Today.AddDays(14) };
        Func<T, Task<Func<Task<WriteResult>>>> AddAction<T>(Action<NewActionItem, T> set) => v =>
        {
            var input = Action();
            set(input, v);
            return Task.FromResult(Call(() => commands.AddActionItemAsync(bureau, meetingId, input)));
        };
        await TextAsync(sweep, C, "AddActionItem.Text", ActionItem.TextMaxLength, true, AddAction<string>((a, v) => a.Text = v),
            id => database.QueryAsync(db => db.ActionItems.Where(a => a.Id == id).Select(a => a.Text).SingleAsync())!);
        await ValuesAsync(sweep, C, "AddActionItem.OwnerUnitId", HostileValues.MissingIds(), AddAction<int>((a, v) => a.OwnerUnitId = v));
        await ValuesAsync(sweep, C, "AddActionItem.ProjectId", HostileValues.MissingIds(), AddAction<int>((a, v) => a.ProjectId = v));
        await ValuesAsync(sweep, C, "AddActionItem.ProblemId", HostileValues.MissingIds(), AddAction<int>((a, v) => { a.ProblemId = v; a.ProblemEffect = ProblemEffect.Escalate; }));
        await ValuesAsync(sweep, C, "AddActionItem.AgendaItemId", HostileValues.MissingIds(), AddAction<int>((a, v) => a.AgendaItemId = v));
        await ValuesAsync(sweep, C, "AddActionItem.DueOn", HostileValues.Dates(Today), AddAction<DateOnly?>((a, v) => a.DueOn = v));
        await ValuesAsync(sweep, C, "AddActionItem.ProblemEffect", HostileValues.Enum<ProblemEffect>(), AddAction<ProblemEffect>((a, v) => a.ProblemEffect = v));
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(C, "RecordDecision.AgendaItemId", v.Name, v.Expect, () => commands.RecordDecisionAsync(bureau, meetingId, v.Value, "决定事项"));
    }

    // ---- The target-enterprise library (Bureau) ----

    private async Task TargetsAsync(HostileSweep sweep)
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var chain = await ChainIdAsync("textiles");
        var commands = Get<TargetCommands>();
        var n = 0;
        TargetFormModel Form() => new() { Name = $"目标企业测试{++n}有限公司", ChainId = chain, Notes = "龙头企业" };
        Func<T, Task<Func<Task<WriteResult>>>> With<T>(Action<TargetFormModel, T> set) => v =>
        {
            var form = Form();
            set(form, v);
            return Task.FromResult(Call(() => commands.SaveAsync(bureau, form)));
        };

        const string C = "Target library";
        await TextAsync(sweep, C, "Name", Investor.NameMaxLength, true, With<string>((f, v) => f.Name = v),
            id => database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Id == id).Select(t => t.Name).SingleAsync())!);
        await TextAsync(sweep, C, "Notes", Domain.Targets.TargetEnterprise.NotesMaxLength, false, With<string>((f, v) => f.Notes = v),
            id => database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Id == id).Select(t => t.Notes).SingleAsync()));
        await ValuesAsync(sweep, C, "CreditCode", HostileValues.CreditCodes(), With<string>((f, v) => f.CreditCode = v));
        await ValuesAsync(sweep, C, "ChainId", HostileValues.MissingIds(), With<int>((f, v) => f.ChainId = v));
        await ValuesAsync(sweep, C, "ChainLinkId", HostileValues.MissingIds(), With<int>((f, v) => f.ChainLinkId = v));
        await ValuesAsync(sweep, C, "Region", HostileValues.Enum<SourceRegionCode>(), With<SourceRegionCode>((f, v) => f.Region = v));
        await ValuesAsync(sweep, C, "Id", HostileValues.MissingIds(), With<int>((f, v) => f.Id = v));
        await sweep.RunAsync(C, "(user)", "a county keeps the library", Expect.Refused, () => commands.SaveAsync(county, Form()));
    }
}
