using KashiInvest.Domain.Access;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Evaluations;
using KashiInvest.Web.Features.Signing;
using KashiInvest.Web.Features.Triage;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// The sweep over the project's life-cycle commands: triage (every step's text, recommendation, decision date),
/// the evaluation record (attendees, comments, reasons, units, judgements), the agreement and the work group.
/// Each acceptance takes a fresh project of its own, so that one case never meets the stage another left behind.
/// </summary>
public sealed partial class HostileInputCommandTests
{
    /// <summary>Runs one group of the sweep with its own tally, written to <c>artifacts/<paramref name="file"/></c>.</summary>
    private async Task SweepAsync(string title, string file, int minimum, Func<HostileSweep, Task> body)
    {
        var logs = new CapturedLogs();
        Database.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var sweep = new HostileSweep(Database.DataDir, logs);

        await body(sweep);

        var report = sweep.Report(title);
        Output.WriteLine(report);
        var artifacts = Path.Combine(Repo.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, file), report);
        Assert.True(sweep.Count >= minimum, $"only {sweep.Count} hostile cases");
        Assert.True(sweep.Refused > 0 && sweep.Accepted > 0, "a sweep that never refuses or never accepts judges nothing");
        Assert.True(sweep.Failures.Count == 0, report);
    }

    private Task<int> NewLeadAsync(string name, InvestorTier tiers, ProjectStage stage = ProjectStage.Lead, string? leader = null) =>
        Database.QueryAsync(db => LifecycleTestData.NewLeadAsync(db, name, tiers, stage: stage, responsibleLeader: leader));

    private Task<int> ProjectVersionAsync(int id) => Database.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

    [Fact]
    public async Task Triage_evaluation_and_signing_survive_generated_hostile_input() =>
        await SweepAsync("Hostile-input sweep, triage, evaluation and signing", "hostile-input-lifecycle.txt", 500, async sweep =>
        {
            await TriageAsync(sweep);
            await EvaluationAsync(sweep);
            await SigningAsync(sweep);
        });

    // ---- Triage (Art. 19): Bureau, leader, county ----

    private async Task TriageAsync(HostileSweep sweep)
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
        var stranger = await Database.ScopeOfAsync("shufu");
        var leader = new UserScope("leader", "地区分管领导", ActorRole.Leader, null, [], []);
        var commands = Get<TriageCommands>();
        var n = 0;
        Task<int> TieredAsync() => NewLeadAsync($"研判安全测试项目{++n}", InvestorTier.Listed);
        Task<int> CountyAsync(ProjectStage stage) => NewLeadAsync($"县级研判安全测试项目{++n}", InvestorTier.None, stage);
        async Task<int> StepAsync(int id, UserScope scope, TriageAction action, TriageInput input)
        {
            var result = await commands.ExecuteAsync(scope, id, await ProjectVersionAsync(id), action, input);
            Assert.Equal(WriteStatus.Saved, result.Status);
            return id;
        }
        async Task<int> AnalysedAsync() => await StepAsync(await TieredAsync(), bureau, TriageAction.Analyse, new("上市公司，建议地区统筹", TriageRecommendation.Pursue));
        async Task<int> ApprovedAsync() => await StepAsync(await AnalysedAsync(), leader, TriageAction.Approve, new("同意"));
        Func<T, Task<Func<Task<WriteResult>>>> Step<T>(Func<Task<int>> project, UserScope scope, TriageAction action, Func<T, TriageInput> input) => async v =>
        {
            var id = await project();
            var version = await ProjectVersionAsync(id);
            return () => commands.ExecuteAsync(scope, id, version, action, input(v));
        };
        Func<int, Task<string?>> LastStep(System.Linq.Expressions.Expression<Func<TriageStep, string?>> pick) =>
            id => Database.QueryAsync(db => db.TriageSteps.Where(s => s.ProjectId == id).OrderByDescending(s => s.Id).Select(pick).FirstAsync());
        TriageInput Decision(string? leaderName = "王建国", DateOnly? on = null, string? meeting = "领导小组会议") => new(null, null, leaderName, on ?? Today, meeting);

        const string C = "Triage";
        await TextAsync(sweep, C, "Analyse.Text", TriageStep.TextMaxLength, true,
            Step<string>(TieredAsync, bureau, TriageAction.Analyse, v => new(v, TriageRecommendation.Pursue)), LastStep(s => s.Text));
        await TextAsync(sweep, C, "Return.Text", TriageStep.TextMaxLength, true,
            Step<string>(AnalysedAsync, leader, TriageAction.Return, v => new(v)), LastStep(s => s.Text));
        await TextAsync(sweep, C, "Approve.Text", TriageStep.TextMaxLength, false,
            Step<string>(AnalysedAsync, leader, TriageAction.Approve, v => new(v)), LastStep(s => s.Text));
        await TextAsync(sweep, C, "Decide.ResponsibleLeader", ProjectDetailsRules.PersonMaxLength, true,
            Step<string>(ApprovedAsync, bureau, TriageAction.Decide, v => Decision(leaderName: v)), LastStep(s => s.ResponsibleLeader));
        await TextAsync(sweep, C, "Decide.Meeting", TriageStep.ShortTextMaxLength, true,
            Step<string>(ApprovedAsync, bureau, TriageAction.Decide, v => Decision(meeting: v)), LastStep(s => s.Meeting));
        await TextAsync(sweep, C, "Route.Text", TriageStep.TextMaxLength, false,
            Step<string>(() => CountyAsync(ProjectStage.Lead), bureau, TriageAction.Route, v => new(v)), LastStep(s => s.Text));
        await TextAsync(sweep, C, "RequestPrefecture.Text", TriageStep.TextMaxLength, true,
            Step<string>(() => CountyAsync(ProjectStage.Triage), county, TriageAction.RequestPrefecture, v => new(v)), LastStep(s => s.Text));
        await ValuesAsync(sweep, C, "Decide.DecidedOn", HostileValues.Dates(Today).Append(new("tomorrow", Today.AddDays(1), Expect.Refused)),
            Step<DateOnly?>(ApprovedAsync, bureau, TriageAction.Decide, v => Decision(on: v)));
        await ValuesAsync(sweep, C, "Analyse.Recommendation", HostileValues.Enum<TriageRecommendation>(),
            Step<TriageRecommendation>(TieredAsync, bureau, TriageAction.Analyse, v => new("分析意见", v)));
        await ValuesAsync(sweep, C, "Action", HostileValues.Enum<TriageAction>(), async v =>
        {
            var id = await TieredAsync();
            var version = await ProjectVersionAsync(id);
            return () => commands.ExecuteAsync(bureau, id, version, v, new("分析意见", TriageRecommendation.Pursue));
        });
        var open = await TieredAsync();
        var openVersion = await ProjectVersionAsync(open);
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(C, "ProjectId", v.Name, v.Expect, () => commands.ExecuteAsync(bureau, v.Value, 1, TriageAction.Analyse, new("分析意见", TriageRecommendation.Pursue)));
        await sweep.RunAsync(C, "(user)", "a county analyses a tiered lead", Expect.Refused,
            () => commands.ExecuteAsync(county, open, openVersion, TriageAction.Analyse, new("越权研判", TriageRecommendation.Pursue)));
        await sweep.RunAsync(C, "(user)", "a leader analyses", Expect.Refused,
            () => commands.ExecuteAsync(leader, open, openVersion, TriageAction.Analyse, new("越权研判", TriageRecommendation.Pursue)));
        var others = await CountyAsync(ProjectStage.Triage);
        await sweep.RunAsync(C, "(user)", "another county asks for prefecture coordination", Expect.Refused,
            () => commands.ExecuteAsync(stranger, others, 1, TriageAction.RequestPrefecture, new("越权申请")));
        await sweep.RunAsync(C, "(order)", "a leader approves what nobody analysed", Expect.Refused,
            () => commands.ExecuteAsync(leader, open, openVersion, TriageAction.Approve, new("同意")));
    }

    // ---- The evaluation meeting's record (Art. 20): Bureau ----

    private async Task EvaluationAsync(HostileSweep sweep)
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
        var host = county.UnitId!.Value;
        var commands = Get<EvaluationCommands>();
        var n = 0;
        Task<int> NegotiatingAsync() => NewLeadAsync($"评估安全测试项目{++n}", InvestorTier.Listed, ProjectStage.Negotiating, "王建国");
        Func<T, Task<Func<Task<WriteResult>>>> Record<T>(Func<EvaluationInput, T, EvaluationInput> input, Func<EvaluationInput>? start = null) => async v =>
        {
            var id = await NegotiatingAsync();
            var version = await ProjectVersionAsync(id);
            var record = input((start ?? (() => LifecycleTestData.Pass(host, Today)))(), v);
            return () => commands.RecordAsync(bureau, id, version, record);
        };
        Func<int, Task<string?>> Read(System.Linq.Expressions.Expression<Func<Evaluation, string?>> pick) =>
            id => Database.QueryAsync(db => db.Evaluations.Where(e => e.Id == id).Select(pick).SingleAsync());
        static IReadOnlyList<CriterionJudgement> With(IReadOnlyList<CriterionJudgement> criteria, Func<CriterionJudgement, CriterionJudgement> change) =>
            criteria.Select((c, i) => i == 0 ? change(c) : c).ToList();

        const string C = "Evaluation";
        await TextAsync(sweep, C, "Attendees", Evaluation.TextMaxLength, true, Record<string>((e, v) => e with { Attendees = v }), Read(e => e.Attendees));
        await TextAsync(sweep, C, "Reasons (pass)", Evaluation.TextMaxLength, false, Record<string>((e, v) => e with { Reasons = v }), Read(e => e.Reasons));
        await TextAsync(sweep, C, "Reasons (fail)", Evaluation.TextMaxLength, true,
            Record<string>((e, v) => e with { Reasons = v }, () => LifecycleTestData.Fail(host, Today, "三高")), Read(e => e.Reasons));
        await TextAsync(sweep, C, "Criteria[0].Comment", Evaluation.CommentMaxLength, false, Record<string>((e, v) => e with { Criteria = With(e.Criteria, c => c with { Comment = v }) }),
            id => Database.QueryAsync(db => db.Evaluations.Where(e => e.Id == id).SelectMany(e => e.Criteria).OrderBy(c => c.Id).Select(c => c.Comment).FirstAsync()));
        await ValuesAsync(sweep, C, "HeldOn", HostileValues.Dates(Today).Append(new("tomorrow", Today.AddDays(1), Expect.Refused)), Record<DateOnly?>((e, v) => e with { HeldOn = v }));
        await ValuesAsync(sweep, C, "AttendingUnitIds", HostileValues.MissingIds(), Record<int>((e, v) => e with { AttendingUnitIds = [host, v] }));
        await ValuesAsync(sweep, C, "AttendingUnitIds", [new Hostile<int>("none", 0, Expect.Refused)], Record<int>((e, _) => e with { AttendingUnitIds = [] }));
        await ValuesAsync(sweep, C, "AttendingUnitIds", [new Hostile<int>("10,000 units", 10_000, Expect.Refused)],
            Record<int>((e, v) => e with { AttendingUnitIds = Enumerable.Range(-v, v).ToList() }));
        await ValuesAsync(sweep, C, "Decision", HostileValues.Enum<EvaluationDecision>(), Record<EvaluationDecision>((e, v) => e with { Decision = v }));
        await ValuesAsync(sweep, C, "Criteria[0].Judgement", HostileValues.Enum<Judgement>(),
            Record<Judgement>((e, v) => e with { Criteria = With(e.Criteria, c => c with { Judgement = v }) }));
        await ValuesAsync(sweep, C, "Criteria[0].Criterion", HostileValues.Enum<EvaluationCriterion>(),
            Record<EvaluationCriterion>((e, v) => e with { Criteria = With(e.Criteria, c => c with { Criterion = v }) }));
        await ValuesAsync(sweep, C, "Criteria", [new Hostile<int>("every criterion twice", 2, Expect.Refused)],
            Record<int>((e, v) => e with { Criteria = Enumerable.Repeat(e.Criteria, v).SelectMany(c => c).ToList() }));
        await ValuesAsync(sweep, C, "Criteria", [new Hostile<int>("1,000 extra rows of an undefined criterion", 1000, Expect.Refused)],
            Record<int>((e, v) => e with { Criteria = e.Criteria.Concat(Enumerable.Range(0, v).Select(i => new CriterionJudgement((EvaluationCriterion)(1000 + i), Judgement.Good, null))).ToList() }));
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(C, "ProjectId", v.Name, v.Expect, () => commands.RecordAsync(bureau, v.Value, 1, LifecycleTestData.Pass(host, Today)));
        var project = await NegotiatingAsync();
        var version = await ProjectVersionAsync(project);
        await sweep.RunAsync(C, "(user)", "the county records a prefecture evaluation", Expect.Refused, () => commands.RecordAsync(county, project, version, LifecycleTestData.Pass(host, Today)));
        var lead = await NewLeadAsync($"评估安全测试项目{++n}", InvestorTier.Listed);
        await sweep.RunAsync(C, "(stage)", "a lead nobody triaged", Expect.Refused, async () => await commands.RecordAsync(bureau, lead, await ProjectVersionAsync(lead), LifecycleTestData.Pass(host, Today)));
    }

    // ---- The agreement and the work group (Art. 22): county ----

    private async Task SigningAsync(HostileSweep sweep)
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
        var stranger = await Database.ScopeOfAsync("shufu");
        var host = county.UnitId!.Value;
        var signing = Get<SigningCommands>();
        var n = 0;
        async Task<int> PassedAsync()
        {
            var id = await NewLeadAsync($"签约安全测试项目{++n}", InvestorTier.IndustryLeader, ProjectStage.Negotiating, "王建国");
            var passed = await Get<EvaluationCommands>().RecordAsync(bureau, id, await ProjectVersionAsync(id), LifecycleTestData.Pass(host, Today));
            Assert.Equal(WriteStatus.Saved, passed.Status);
            return id;
        }
        AgreementInput Agreement() => new(Today, 35_000m, 520, 20, $"SC-XY-2026-{++n:D3}");
        Func<T, Task<Func<Task<WriteResult>>>> Sign<T>(Func<AgreementInput, T, AgreementInput> input) => async v =>
        {
            var id = await PassedAsync();
            var version = await ProjectVersionAsync(id);
            var agreement = input(Agreement(), v);
            return () => signing.SignAsync(county, id, version, agreement);
        };

        const string C = "Signing";
        await TextAsync(sweep, C, "Number", SigningRules.NumberMaxLength, false, Sign<string>((a, v) => a with { Number = v }),
            id => Database.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.AgreementNumber).SingleAsync()));
        await ValuesAsync(sweep, C, "AmountWan", HostileValues.Money(), Sign<decimal?>((a, v) => a with { AmountWan = v }));
        await ValuesAsync(sweep, C, "Jobs", HostileValues.Count(), Sign<int?>((a, v) => a with { Jobs = v }));
        await ValuesAsync(sweep, C, "TermYears", new Hostile<int?>[]
        {
            new("0", 0, Expect.Refused), new("-1", -1, Expect.Refused), new("71", SigningRules.MaxTermYears + 1, Expect.Refused),
            new("int.MinValue", int.MinValue, Expect.Refused), new("int.MaxValue", int.MaxValue, Expect.Refused),
        }, Sign<int?>((a, v) => a with { TermYears = v }));
        await ValuesAsync(sweep, C, "SignedOn", HostileValues.Dates(Today).Append(new("tomorrow", Today.AddDays(1), Expect.Refused)), Sign<DateOnly?>((a, v) => a with { SignedOn = v }));
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(C, "ProjectId", v.Name, v.Expect, () => signing.SignAsync(county, v.Value, 1, Agreement()));
        var passedProject = await PassedAsync();
        var passedVersion = await ProjectVersionAsync(passedProject);
        await sweep.RunAsync(C, "(user)", "another county signs", Expect.Refused, () => signing.SignAsync(stranger, passedProject, passedVersion, Agreement()));
        var negotiating = await NewLeadAsync($"签约安全测试项目{++n}", InvestorTier.IndustryLeader, ProjectStage.Negotiating, "王建国");
        var negotiatingVersion = await ProjectVersionAsync(negotiating);
        await sweep.RunAsync(C, "(stage)", "signing without an evaluation", Expect.Refused, () => signing.SignAsync(county, negotiating, negotiatingVersion, Agreement()));

        // The work group of one signed key project, written again and again.
        var signed = await PassedAsync();
        Assert.Equal(WriteStatus.Saved, (await signing.SignAsync(county, signed, await ProjectVersionAsync(signed), Agreement())).Status);
        var departments = await Database.QueryAsync(db => db.Units.Where(u => u.Type == UnitType.Department).OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToListAsync());
        var service = await Database.QueryAsync(db => db.Units.Where(u => u.Code == "svc-shache").Select(u => u.Id).SingleAsync());
        WorkGroupInput Group() => new("县委书记 王海", true, departments, service);
        Func<T, Task<Func<Task<WriteResult>>>> SetGroup<T>(Func<WorkGroupInput, T, WorkGroupInput> input) => async v =>
        {
            var version = await ProjectVersionAsync(signed);
            var group = input(Group(), v);
            return () => signing.SetWorkGroupAsync(county, signed, version, group);
        };
        const string W = "Work group";
        await TextAsync(sweep, W, "LeaderInCharge", ProjectDetailsRules.PersonMaxLength, true, SetGroup<string>((g, v) => g with { LeaderInCharge = v }),
            id => Database.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.LeaderInCharge).SingleAsync()));
        await ValuesAsync(sweep, W, "DepartmentIds", HostileValues.MissingIds(), SetGroup<int>((g, v) => g with { DepartmentIds = [departments[0], v] }));
        await ValuesAsync(sweep, W, "DepartmentIds", [new Hostile<int>("the service group (not a department)", service, Expect.Refused)],
            SetGroup<int>((g, v) => g with { DepartmentIds = [departments[0], v] }));
        await ValuesAsync(sweep, W, "DepartmentIds", [new Hostile<int>("10,000 ids", 10_000, Expect.Refused)],
            SetGroup<int>((g, v) => g with { DepartmentIds = Enumerable.Range(1, v).ToList() }));
        await ValuesAsync(sweep, W, "LeadServiceUnitId", HostileValues.MissingIds(), SetGroup<int>((g, v) => g with { LeadServiceUnitId = v }));
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(W, "ProjectId", v.Name, v.Expect, () => signing.SetWorkGroupAsync(county, v.Value, 1, Group()));
        await sweep.RunAsync(W, "(user)", "another county forms the work group", Expect.Refused,
            async () => await signing.SetWorkGroupAsync(stranger, signed, await ProjectVersionAsync(signed), Group()));
    }
}
