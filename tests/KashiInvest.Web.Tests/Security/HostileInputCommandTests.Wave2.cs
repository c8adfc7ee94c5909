using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Statistics;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Features.Statistics;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Security;

/// <summary>
/// The sweep over the second wave's commands: assist-and-proxy approvals (the application, planning, assigning,
/// claiming, every clock step with hostile reasons, notes, certificate numbers, dates and ids, the calendar year
/// entered through <see cref="CalendarImport"/>, and the approval catalogue: items added, edited, retired and imported
/// through <see cref="CatalogueCommands"/>) and the monthly returns (corrections with hostile values and
/// reasons, returns with hostile comments, revisions, wrong units and months).
/// </summary>
public sealed partial class HostileInputCommandTests
{
    [Fact]
    public async Task Approvals_and_monthly_returns_survive_generated_hostile_input() =>
        await SweepAsync("Hostile-input sweep, approvals and monthly returns", "hostile-input-wave2.txt", 500, async sweep =>
        {
            await ApprovalsAsync(sweep);
            await CalendarAsync(sweep);
            await CatalogueAsync(sweep);
            await MonthlyReturnsAsync(sweep);
        });

    // ---- Assist-and-proxy approvals (Art. 23): county, service group leader, department proxy ----

    private async Task ApprovalsAsync(HostileSweep sweep)
    {
        var county = await Database.ScopeOfAsync("shache");
        var stranger = await Database.ScopeOfAsync("shufu");
        var host = county.UnitId!.Value;
        var leader = await Database.ScopeOfAsync("svc-shache", ActorRole.ServiceGroup) with { HostUnitIds = [host] };
        var commands = ActivatorUtilities.CreateInstance<ApprovalCommands>(Database.Services);
        var landUse = await Database.QueryAsync(db => db.ApprovalCatalogue.Where(c => c.Code == "land-use-planning").Select(c => c.Id).SingleAsync());
        const string proxyName = "natres.sweep";
        await Database.QueryAsync(async db =>
        {
            db.Actor = new Actor("bureau", null);
            var department = await db.Units.SingleAsync(u => u.Code == "dept-natres");
            var group = await db.ServiceGroups.Include(g => g.Members).Include(g => g.Proxies).SingleAsync(g => g.HostUnitId == host);
            group.NameProxy(proxyName, department.Id);
            return await db.SaveChangesAsync();
        });
        var proxy = await Database.ScopeOfAsync("dept-natres", ActorRole.Department) with { UserName = proxyName };
        var n = 0;
        Task<int> SignedAsync() => NewLeadAsync($"帮办安全测试项目{++n}", InvestorTier.IndustryLeader, ProjectStage.Signed);
        NewApplication Application() => new("客商代表 王经理", Today, ServicePhases.SigningToLanding);
        Task<int> ItemVersionAsync(int id) => Database.QueryAsync(db => db.PlanItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
        async Task<(int Id, int Version)> PlanAsync()
        {
            var project = await SignedAsync();
            var applied = await commands.RecordApplicationAsync(county, project, Application());
            Assert.Equal(WriteStatus.Saved, applied.Status);
            return (applied.Id!.Value, await Database.QueryAsync(db => db.ServicePlans.Where(p => p.Id == applied.Id).Select(p => p.Version).SingleAsync()));
        }
        async Task Saved(Task<WriteResult> write) => Assert.Equal(WriteStatus.Saved, (await write).Status);
        // A fresh item of its own, taken as far as the step under test needs.
        async Task<int> ItemAsync(PlanItemStatus status)
        {
            var (plan, version) = await PlanAsync();
            await Saved(commands.PlanItemsAsync(leader, plan, version, [landUse]));
            var id = await Database.QueryAsync(db => db.PlanItems.Where(i => i.ServicePlanId == plan).Select(i => i.Id).SingleAsync());
            if (status == PlanItemStatus.Planned) return id;
            await Saved(commands.ClaimAsync(proxy, id, await ItemVersionAsync(id)));
            if (status == PlanItemStatus.Claimed) return id;
            await Saved(commands.StepAsync(proxy, id, await ItemVersionAsync(id), new ItemStep(ItemStepKind.Submit, Today)));
            if (status == PlanItemStatus.Submitted) return id;
            await Saved(commands.StepAsync(proxy, id, await ItemVersionAsync(id), new ItemStep(ItemStepKind.Accept, Today)));
            if (status == PlanItemStatus.Accepted) return id;
            await Saved(commands.StepAsync(proxy, id, await ItemVersionAsync(id), new ItemStep(ItemStepKind.Approve, Today)));
            return id;
        }
        Func<T, Task<Func<Task<WriteResult>>>> Step<T>(PlanItemStatus status, Func<T, ItemStep> step) => async v =>
        {
            var id = await ItemAsync(status);
            var version = await ItemVersionAsync(id);
            var s = step(v);
            return () => commands.StepAsync(proxy, id, version, s);
        };
        Func<int, Task<string?>> LastNote = id => Database.QueryAsync(db => db.PlanItems.Where(i => i.Id == id).SelectMany(i => i.Steps).OrderByDescending(s => s.Id).Select(s => s.Note).FirstAsync());

        const string C = "Approvals";
        await TextAsync(sweep, C, "Application.ApplicantName", ServicePlan.TextMaxLength, true, async v =>
        {
            var project = await SignedAsync();
            return () => commands.RecordApplicationAsync(county, project, Application() with { ApplicantName = v });
        }, id => Database.QueryAsync(db => db.ServicePlans.Where(p => p.Id == id).Select(p => p.ApplicantName).SingleAsync())!);
        await ValuesAsync(sweep, C, "Application.AppliedOn", HostileValues.Dates(Today).Append(new("tomorrow", Today.AddDays(1), Expect.Refused)), async v =>
        {
            var project = await SignedAsync();
            return () => commands.RecordApplicationAsync(county, project, Application() with { AppliedOn = v!.Value });
        });
        await ValuesAsync(sweep, C, "Application.Phases", HostileValues.Enum<ServicePhases>().Append(new("none", ServicePhases.None, Expect.Refused)), async v =>
        {
            var project = await SignedAsync();
            return () => commands.RecordApplicationAsync(county, project, Application() with { Phases = v });
        });
        foreach (var v in HostileValues.MissingIds())
            await sweep.RunAsync(C, "Application.ProjectId", v.Name, v.Expect, () => commands.RecordApplicationAsync(county, v.Value, Application()));
        var signed = await SignedAsync();
        await sweep.RunAsync(C, "Application.ProjectId", "another county's project", Expect.Refused, () => commands.RecordApplicationAsync(stranger, signed, Application()));
        var lead = await NewLeadAsync($"帮办安全测试项目{++n}", InvestorTier.IndustryLeader);
        await sweep.RunAsync(C, "Application.ProjectId", "a project not yet signed", Expect.Refused, () => commands.RecordApplicationAsync(county, lead, Application()));

        // Planning: catalogue ids.
        {
            var (plan, version) = await PlanAsync();
            foreach (var v in HostileValues.MissingIds())
                await sweep.RunAsync(C, "PlanItems.CatalogueItemIds", v.Name, v.Expect, () => commands.PlanItemsAsync(leader, plan, version, [landUse, v.Value]));
            await sweep.RunAsync(C, "PlanItems.CatalogueItemIds", "none", Expect.Refused, () => commands.PlanItemsAsync(leader, plan, version, []));
            await sweep.RunAsync(C, "PlanItems.CatalogueItemIds", "10,000 ids", Expect.Refused, () => commands.PlanItemsAsync(leader, plan, version, Enumerable.Range(-10_000, 10_000).ToList()));
            await sweep.RunAsync(C, "(user)", "the county plans the items", Expect.Refused, () => commands.PlanItemsAsync(county, plan, version, [landUse]));
            foreach (var v in HostileValues.MissingIds())
                await sweep.RunAsync(C, "PlanItems.PlanId", v.Name, v.Expect, () => commands.PlanItemsAsync(leader, v.Value, 1, [landUse]));
        }

        // Assigning and claiming.
        await TextAsync(sweep, C, "Assign.Note", PlanItem.TextMaxLength, false, async v =>
        {
            var id = await ItemAsync(PlanItemStatus.Planned);
            var version = await ItemVersionAsync(id);
            return () => commands.AssignAsync(leader, id, version, proxyName, v);
        }, LastNote);
        await ValuesAsync(sweep, C, "Assign.ProxyUserName", new Hostile<string>[]
        {
            new("empty", "", Expect.Refused), new("whitespace only", "  \t ", Expect.Refused), new("200 KB", new string('x', 200 * 1024), Expect.Refused),
            new("nobody", "nobody.here", Expect.Refused), new("NUL", "natres\u0000sweep", Expect.Refused), new("script", "<script>alert(1)</script>", Expect.Refused),
            new("the proxy, upper-case", proxyName.ToUpperInvariant(), Expect.Either),
        }, async v =>
        {
            var id = await ItemAsync(PlanItemStatus.Planned);
            var version = await ItemVersionAsync(id);
            return () => commands.AssignAsync(leader, id, version, v, null);
        });
        foreach (var v in HostileValues.MissingIds())
        {
            await sweep.RunAsync(C, "Assign.ItemId", v.Name, v.Expect, () => commands.AssignAsync(leader, v.Value, 0, proxyName, null));
            await sweep.RunAsync(C, "Claim.ItemId", v.Name, v.Expect, () => commands.ClaimAsync(proxy, v.Value, 0));
            await sweep.RunAsync(C, "Step.ItemId", v.Name, v.Expect, () => commands.StepAsync(proxy, v.Value, 0, new ItemStep(ItemStepKind.Submit, Today)));
        }
        {
            var planned = await ItemAsync(PlanItemStatus.Planned);
            var version = await ItemVersionAsync(planned);
            await sweep.RunAsync(C, "(user)", "another county claims", Expect.Refused, () => commands.ClaimAsync(stranger, planned, version));
            await sweep.RunAsync(C, "(user)", "another county steps the clock", Expect.Refused, () => commands.StepAsync(stranger, planned, version, new ItemStep(ItemStepKind.Withdraw, Today, "越权撤回")));
            await sweep.RunAsync(C, "(order)", "accepting what nobody submitted", Expect.Refused, () => commands.StepAsync(proxy, planned, version, new ItemStep(ItemStepKind.Accept, Today)));
        }

        // The clock's steps.
        await TextAsync(sweep, C, "Submit.Note", PlanItem.TextMaxLength, false, Step<string>(PlanItemStatus.Claimed, v => new(ItemStepKind.Submit, Today, v)), LastNote);
        await TextAsync(sweep, C, "RequestCorrection.Note", PlanItem.TextMaxLength, true, Step<string>(PlanItemStatus.Submitted, v => new(ItemStepKind.RequestCorrection, Today, v)), LastNote);
        await TextAsync(sweep, C, "Pause.Note", PlanItem.TextMaxLength, true,
            Step<string>(PlanItemStatus.Accepted, v => new(ItemStepKind.Pause, Today, v, SpecialProcedure.ExpertReview, Today.AddDays(10))), LastNote);
        await TextAsync(sweep, C, "Refuse.Note", PlanItem.TextMaxLength, true, Step<string>(PlanItemStatus.Accepted, v => new(ItemStepKind.Refuse, Today, v)),
            id => Database.QueryAsync(db => db.PlanItems.Where(i => i.Id == id).Select(i => i.Reason).SingleAsync()));
        await TextAsync(sweep, C, "Withdraw.Note", PlanItem.TextMaxLength, true, Step<string>(PlanItemStatus.Claimed, v => new(ItemStepKind.Withdraw, Today, v)),
            id => Database.QueryAsync(db => db.PlanItems.Where(i => i.Id == id).Select(i => i.Reason).SingleAsync()));
        await TextAsync(sweep, C, "IssueCertificate.CertificateNumber", PlanItem.TextMaxLength, false,
            Step<string>(PlanItemStatus.Approved, v => new(ItemStepKind.IssueCertificate, Today, CertificateNumber: v)),
            id => Database.QueryAsync(db => db.PlanItems.Where(i => i.Id == id).Select(i => i.CertificateNumber).SingleAsync()));
        await ValuesAsync(sweep, C, "Submit.On", HostileValues.Dates(Today).Append(new("tomorrow", Today.AddDays(1), Expect.Refused)),
            Step<DateOnly?>(PlanItemStatus.Claimed, v => new(ItemStepKind.Submit, v!.Value)));
        await ValuesAsync(sweep, C, "Accept.On", [new Hostile<DateOnly?>("before the submission", Today.AddDays(-1), Expect.Refused)],
            Step<DateOnly?>(PlanItemStatus.Submitted, v => new(ItemStepKind.Accept, v!.Value)));
        await ValuesAsync(sweep, C, "Pause.ExpectedEndOn", HostileValues.Dates(Today).Append(new("the day it starts", Today, Expect.Refused)),
            Step<DateOnly?>(PlanItemStatus.Accepted, v => new(ItemStepKind.Pause, Today, "听证", SpecialProcedure.Hearing, v)));
        await ValuesAsync(sweep, C, "Pause.Procedure", HostileValues.Enum<SpecialProcedure>(),
            Step<SpecialProcedure>(PlanItemStatus.Accepted, v => new(ItemStepKind.Pause, Today, "专家评审", v, Today.AddDays(5))));
        await ValuesAsync(sweep, C, "Pause.Procedure", [new Hostile<int>("none", 0, Expect.Refused)],
            Step<int>(PlanItemStatus.Accepted, _ => new(ItemStepKind.Pause, Today, "专家评审", null, Today.AddDays(5))));
        await ValuesAsync(sweep, C, "Step.Kind", HostileValues.Enum<ItemStepKind>(), Step<ItemStepKind>(PlanItemStatus.Claimed, v => new(v, Today, "说明")));
    }

    // ---- The working-day calendar, entered as the text of the year's notice (Bureau) ----

    private async Task CalendarAsync(HostileSweep sweep)
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
        var commands = ActivatorUtilities.CreateInstance<ApprovalCommands>(Database.Services);
        const int year = 2090;
        const string notice = "国务院办公厅关于2090年部分节假日安排的通知";
        Task<int?> VersionAsync(int y) => Database.QueryAsync(db => db.CalendarYears.Where(c => c.Year == y).Select(c => (int?)c.Version).FirstOrDefaultAsync());
        // What the calendar page does with the text: parse it, refuse its bad lines next to the field, or save the year.
        async Task<WriteResult> ImportAsync(UserScope scope, int y, int? version, string title, string? text)
        {
            var (days, errors) = CalendarImport.Parse(text);
            if (errors.Count > 0) return WriteResult.Invalid(errors);
            return await commands.SaveCalendarYearAsync(scope, y, version, title, null, days);
        }
        Func<string, Task<Func<Task<WriteResult>>>> Import(Func<string, string> title, Func<string, string> text, int y = year) => async v =>
        {
            var version = await VersionAsync(y);
            return () => ImportAsync(bureau, y, version, title(v), text(v));
        };

        const string C = "Calendar";
        await TextAsync(sweep, C, "SourceTitle", CalendarYear.SourceMaxLength, true, Import(v => v, _ => "2090-10-01..2090-10-07 休"),
            id => Database.QueryAsync(db => db.CalendarYears.Where(c => c.Id == id).Select(c => c.SourceTitle).SingleAsync())!);
        await ValuesAsync(sweep, C, "Days", HostileValues.Text(CalendarImport.MaxLength, false).Select(v => new Hostile<string>(v.Name, v.Value, Expect.Either)),
            Import(_ => notice, v => v));
        await ValuesAsync(sweep, C, "Days", new Hostile<string>[]
        {
            new("no such day", "2090-02-30 休", Expect.Refused),
            new("a range over 31 days", "2090-01-01..2090-12-31 休", Expect.Refused),
            new("a reversed range", "2090-10-07..2090-10-01 休", Expect.Refused),
            new("a day of another year", "2089-12-31 休", Expect.Refused),
            new("year 9999", "9999-12-31 休", Expect.Refused),
            new("year 1", "0001-01-01..0001-01-31 休", Expect.Refused),
            new("one day twice", "2090-10-01 休\n2090-10-01 休", Expect.Refused),
            new("one day both ways", "2090-10-01 休\n2090-10-01 班", Expect.Refused),
            new("a make-up day on a weekday", "2090-10-02 班", Expect.Refused),
            new("an unknown word", "2090-10-01 放假", Expect.Refused),
            new("three words", "2090-10-01 休 班", Expect.Refused),
            new("10,000 bad lines", string.Concat(Enumerable.Repeat("x\n", 9_999)), Expect.Refused),
            new("every day of the year, one line each", string.Join('\n', Enumerable.Range(0, 365).Select(d => new DateOnly(year, 1, 1).AddDays(d)).Where(d => !WorkingCalendar.IsWeekend(d))
                .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 休")), Expect.Either),
            new("comments and blank lines", "# 国庆节\n\n2090-10-01..2090-10-07 off\n# 调休\n", Expect.Either),
            new("nothing", "", Expect.Either),
        }, Import(_ => notice, v => v));
        foreach (var y in new[] { -1, 0, 1999, 2101, int.MinValue, int.MaxValue })
            await sweep.RunAsync(C, "Year", y.ToString(System.Globalization.CultureInfo.InvariantCulture), Expect.Refused, () => ImportAsync(bureau, y, null, notice, ""));
        foreach (var v in HostileValues.Enum<CalendarDayKind>())
            await sweep.RunAsync(C, "Days[0].Kind", v.Name, v.Expect, async () =>
                await commands.SaveCalendarYearAsync(bureau, year, await VersionAsync(year), notice, null, [new CalendarDayInput(new DateOnly(year, 10, 1), v.Value)]));
        foreach (var d in HostileValues.Dates(Today))
            await sweep.RunAsync(C, "SourcePublishedOn", d.Name, d.Expect, async () =>
                await commands.SaveCalendarYearAsync(bureau, year, await VersionAsync(year), notice, d.Value, []));
        await sweep.RunAsync(C, "(user)", "a county keeps the calendar", Expect.Refused, async () => await ImportAsync(county, year, await VersionAsync(year), notice, ""));
    }

    // ---- The approval catalogue, kept by the Bureau: add, edit, retire and reinstate, import a pasted table ----

    private async Task CatalogueAsync(HostileSweep sweep)
    {
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await Database.ScopeOfAsync("shache");
        var commands = ActivatorUtilities.CreateInstance<CatalogueCommands>(Database.Services);
        var natres = await UnitIdAsync("dept-natres");
        var n = 0;
        string NewCode() => $"sweep-item-{++n}";
        CatalogueItemInput Input(string? code = null) => new(code ?? NewCode(), "安全测试事项", "Sweep item", natres, ApprovalLevel.County, 20,
            LimitUnit.WorkingDays, "《中华人民共和国行政许可法》第四十二条", ApprovalStage.ProjectApprovalAndLandUsePlanning, [], true);
        Func<T, Task<Func<Task<WriteResult>>>> Add<T>(Func<T, CatalogueItemInput> input) => v =>
        {
            var item = input(v);
            return Task.FromResult(Call(() => commands.SaveAsync(bureau, null, null, item)));
        };
        Func<int, Task<string?>> Stored(System.Linq.Expressions.Expression<Func<CatalogueItem, string>> field) =>
            id => Database.QueryAsync(db => db.ApprovalCatalogue.Where(c => c.Id == id).Select(field).SingleAsync())!;
        Task<int> VersionAsync(int id) => Database.QueryAsync(db => db.ApprovalCatalogue.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        const string C = "Catalogue";
        await TextAsync(sweep, C, "Save.Code", CatalogueItem.CodeMaxLength, true, Add<string>(v => Input(v)), Stored(c => c.Code));
        await TextAsync(sweep, C, "Save.Name", CatalogueItem.NameMaxLength, true, Add<string>(v => Input() with { Name = v }), Stored(c => c.Name));
        // A blank English name falls back to the Chinese one (stored as the name, read back here as nothing).
        await TextAsync(sweep, C, "Save.NameEn", CatalogueItem.NameMaxLength, false, Add<string>(v => Input() with { NameEn = v }),
            id => Database.QueryAsync(db => db.ApprovalCatalogue.Where(c => c.Id == id).Select(c => c.NameEn == c.Name ? null : c.NameEn).SingleAsync()));
        await TextAsync(sweep, C, "Save.LegalSource", CatalogueItem.SourceMaxLength, true, Add<string>(v => Input() with { LegalSource = v }), Stored(c => c.LegalSource));
        await ValuesAsync(sweep, C, "Save.StatutoryLimit", new Hostile<int>[]
        {
            new("0", 0, Expect.Refused), new("-1", -1, Expect.Refused), new("367", CatalogueItem.MaxLimitDays + 1, Expect.Refused),
            new("int.MaxValue", int.MaxValue, Expect.Refused), new("int.MinValue", int.MinValue, Expect.Refused),
            new("1", 1, Expect.Either), new("366", CatalogueItem.MaxLimitDays, Expect.Either),
        }, Add<int>(v => Input() with { StatutoryLimit = v }));
        await ValuesAsync(sweep, C, "Save.DepartmentCommitment", new Hostile<int?>[]
        {
            new("0", 0, Expect.Refused), new("-1", -1, Expect.Refused), new("above half", 11, Expect.Refused),
            new("int.MaxValue", int.MaxValue, Expect.Refused), new("int.MinValue", int.MinValue, Expect.Refused), new("half", 10, Expect.Either),
        }, Add<int?>(v => Input() with { DepartmentCommitment = v }));
        await ValuesAsync(sweep, C, "Save.GreenChannelLimit", new Hostile<int?>[]
        {
            new("0", 0, Expect.Refused), new("-1", -1, Expect.Refused), new("above the committed limit", 11, Expect.Refused),
            new("int.MaxValue", int.MaxValue, Expect.Refused), new("int.MinValue", int.MinValue, Expect.Refused), new("5", 5, Expect.Either),
        }, Add<int?>(v => Input() with { GreenChannelLimit = v }));
        await ValuesAsync(sweep, C, "Save.Level", HostileValues.Enum<ApprovalLevel>(), Add<ApprovalLevel>(v => Input() with { Level = v }));
        await ValuesAsync(sweep, C, "Save.Unit", HostileValues.Enum<LimitUnit>(), Add<LimitUnit>(v => Input() with { Unit = v }));
        await ValuesAsync(sweep, C, "Save.Stage", HostileValues.Enum<ApprovalStage>(), Add<ApprovalStage>(v => Input() with { Stage = v }));
        await ValuesAsync(sweep, C, "Save.DepartmentUnitId", HostileValues.MissingIds().Append(new("a county (not a department)", county.UnitId!.Value, Expect.Refused)),
            Add<int>(v => Input() with { DepartmentUnitId = v }));
        await ValuesAsync(sweep, C, "Save.Prerequisites", new Hostile<string[]>[]
        {
            new("an unknown code", ["no-such-item"], Expect.Refused),
            new("itself", ["sweep-self"], Expect.Refused),
            new("a code with a separator", ["project-filing;land-use-planning"], Expect.Refused),
            new("10,000 codes", Enumerable.Range(0, 10_000).Select(i => $"x{i}").ToArray(), Expect.Refused),
            new("every known code 20 times", Enumerable.Repeat("land-use-planning", 20).Append("project-filing").ToArray(), Expect.Either),
            new("blank codes", ["", "  ", "\u3000"], Expect.Either),
        }, Add<string[]>(v => Input(v.Contains("sweep-self") ? "sweep-self" : null) with { Prerequisites = v }));

        // Editing, retiring and reinstating an item of the sweep's own.
        var added = await commands.SaveAsync(bureau, null, null, Input("sweep-edited"));
        Assert.Equal(WriteStatus.Saved, added.Status);
        var id = added.Id!.Value;
        await sweep.RunAsync(C, "Save.Code", "changing an item's code", Expect.Refused, async () => await commands.SaveAsync(bureau, id, await VersionAsync(id), Input("sweep-renamed")));
        await sweep.RunAsync(C, "Save.Code", "another item's code", Expect.Refused, () => commands.SaveAsync(bureau, null, null, Input("land-use-planning")));
        await sweep.RunAsync(C, "Save.Name", "an edit", Expect.Either, async () => await commands.SaveAsync(bureau, id, await VersionAsync(id), Input("sweep-edited") with { Name = "改名事项" }));
        foreach (var v in HostileValues.MissingIds())
        {
            await sweep.RunAsync(C, "Save.Id", v.Name, v.Expect, () => commands.SaveAsync(bureau, v.Value, 1, Input("sweep-edited")));
            await sweep.RunAsync(C, "SetActive.Id", v.Name, v.Expect, () => commands.SetActiveAsync(bureau, v.Value, 1, false));
        }
        await sweep.RunAsync(C, "SetActive.Active", "reinstating an active item", Expect.Refused, async () => await commands.SetActiveAsync(bureau, id, await VersionAsync(id), true));
        await sweep.RunAsync(C, "SetActive.Active", "retiring", Expect.Either, async () => await commands.SetActiveAsync(bureau, id, await VersionAsync(id), false));
        await sweep.RunAsync(C, "(user)", "a county adds an item", Expect.Refused, () => commands.SaveAsync(county, null, null, Input()));
        await sweep.RunAsync(C, "(user)", "a county retires an item", Expect.Refused, async () => await commands.SetActiveAsync(county, id, await VersionAsync(id), true));

        // The import: whatever the pasted text, all or nothing, never a server error.
        string Line(string code, string name = "导入事项", string limit = "20", string department = "dept-natres") =>
            string.Join('\t', code, name, "Imported item", department, "县级", limit, "工作日", "行政许可法", "立项用地规划许可", "", "是", "");
        await ValuesAsync(sweep, C, "Import.Rows", HostileValues.Text(CatalogueImport.MaxLength, false).Select(v => new Hostile<string>(v.Name, v.Value, Expect.Either)),
            v => Task.FromResult(Call(() => commands.ImportAsync(bureau, v))));
        await ValuesAsync(sweep, C, "Import.Rows", new Hostile<string>[]
        {
            new("too few columns", "sweep-import-1\t导入事项", Expect.Refused),
            new("a department that is not one", Line("sweep-import-2", department: "shache"), Expect.Refused),
            new("a limit that is no number", Line("sweep-import-3", limit: "二十"), Expect.Refused),
            new("a limit of 10,000 days", Line("sweep-import-4", limit: "10000"), Expect.Refused),
            new("one code twice", Line("sweep-import-5") + "\n" + Line("sweep-import-5"), Expect.Refused),
            new("a good line and a bad one", Line("sweep-import-6") + "\n" + Line("sweep-import-7", name: ""), Expect.Refused),
            new("10,000 good lines", string.Join('\n', Enumerable.Range(0, 10_000).Select(i => Line($"sweep-bulk-{i}"))), Expect.Either),
            new("a good line", Line("sweep-import-8"), Expect.Either),
        }, v => Task.FromResult(Call(() => commands.ImportAsync(bureau, v))));
        await sweep.RunAsync(C, "(user)", "a county imports", Expect.Refused, () => commands.ImportAsync(county, Line("sweep-import-9")));
    }

    // ---- Monthly returns (Art. 26): the county corrects and submits, the Bureau returns and approves ----

    private async Task MonthlyReturnsAsync(HostileSweep sweep)
    {
        var county = await Database.ScopeOfAsync("shule");
        var stranger = await Database.ScopeOfAsync("shache");
        var bureau = await Database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var unit = county.UnitId!.Value;
        var commands = Get<MonthlyReturnCommands>();
        // A closed month long before the demo's own returns, so that this one is the sweep's alone.
        var month = new StatMonth(Today.Year - 3, 6);
        var computed = await commands.ComputeAsync(county, unit, month);
        Assert.Equal(WriteStatus.Saved, computed.Status);
        var id = computed.Id!.Value;
        var funds = new FigureKey(FigureCode.FundsMonth);
        var codes = await Database.QueryAsync(db => db.MonthlyReturnFigures.Where(f => f.MonthlyReturnId == id && f.ChainId == null).Select(f => f.Code).ToListAsync());
        var count = codes.First(c => !c.IsMoney());
        var chainFigure = FigureCodes.ByChain.First();
        Task<int> VersionAsync() => Database.QueryAsync(db => db.MonthlyReturns.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        Task<ReturnStatus> StatusAsync() => Database.QueryAsync(db => db.MonthlyReturns.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
        async Task Saved(Task<WriteResult> write) => Assert.Equal(WriteStatus.Saved, (await write).Status);
        // Brings the return to the state a step needs, through the commands themselves.
        async Task<int> ToAsync(ReturnStatus wanted)
        {
            var status = await StatusAsync();
            if (wanted == ReturnStatus.Submitted && status != ReturnStatus.Submitted)
            {
                if (status == ReturnStatus.Approved) await Saved(commands.OpenRevisionAsync(county, id, await VersionAsync(), "补报"));
                await Saved(commands.SubmitAsync(county, id, await VersionAsync()));
            }
            if (wanted == ReturnStatus.Approved && status != ReturnStatus.Approved)
            {
                if (status != ReturnStatus.Submitted) await Saved(commands.SubmitAsync(county, id, await VersionAsync()));
                await Saved(commands.ApproveAsync(bureau, id, await VersionAsync()));
            }
            if (wanted == ReturnStatus.Computed && status is ReturnStatus.Submitted or ReturnStatus.Approved)
            {
                if (status == ReturnStatus.Approved) await Saved(commands.OpenRevisionAsync(county, id, await VersionAsync(), "补报"));
                else await Saved(commands.ReturnAsync(bureau, id, await VersionAsync(), "请核实"));
            }
            return await VersionAsync();
        }
        Func<T, Task<Func<Task<WriteResult>>>> Correct<T>(Func<T, (FigureKey Figure, decimal Value, string? Reason)> input) => async v =>
        {
            var version = await ToAsync(ReturnStatus.Computed);
            var (figure, value, reason) = input(v);
            return () => commands.CorrectAsync(county, id, version, figure, value, reason);
        };
        Func<int, Task<string?>> LastText = _ => Database.QueryAsync(db => db.MonthlyReturnHistory.Where(h => h.MonthlyReturnId == id).OrderByDescending(h => h.Id).Select(h => h.Text).FirstAsync());
        var k = 0;

        const string C = "Monthly return";
        await TextAsync(sweep, C, "Correct.Reason", MonthlyReturn.ReasonMaxLength, true, Correct<string>(v => (funds, 1_000m + ++k, v)),
            _ => Database.QueryAsync(db => db.MonthlyReturnFigures.Where(f => f.MonthlyReturnId == id && f.Code == FigureCode.FundsMonth && f.ChainId == null).Select(f => f.CorrectionReason).SingleAsync()));
        await ValuesAsync(sweep, C, "Correct.Value", HostileValues.Money().Append(new("too precise", 1.00001m, Expect.Refused)).Append(new("100,000,001", MonthlyReturn.MaxValue + 1, Expect.Refused)),
            Correct<decimal?>(v => (funds, v!.Value, "核实更正")));
        await ValuesAsync(sweep, C, "Correct.Value (a count)", [new Hostile<decimal?>("half a project", 0.5m, Expect.Refused), new("-1", -1m, Expect.Refused)],
            Correct<decimal?>(v => (new FigureKey(count), v!.Value, "核实更正")));
        await ValuesAsync(sweep, C, "Correct.Figure", HostileValues.Enum<FigureCode>(), Correct<FigureCode>(v => (new FigureKey(v), 1m, "核实更正")));
        await ValuesAsync(sweep, C, "Correct.Figure.ChainId", HostileValues.MissingIds(), Correct<int>(v => (new FigureKey(chainFigure, v), 1m, "核实更正")));
        await TextAsync(sweep, C, "Return.Comment", MonthlyReturn.CommentMaxLength, true, async v =>
        {
            var version = await ToAsync(ReturnStatus.Submitted);
            return () => commands.ReturnAsync(bureau, id, version, v);
        }, LastText);
        await TextAsync(sweep, C, "OpenRevision.Reason", MonthlyReturn.ReasonMaxLength, true, async v =>
        {
            var version = await ToAsync(ReturnStatus.Approved);
            return () => commands.OpenRevisionAsync(county, id, version, v);
        }, LastText);
        foreach (var v in HostileValues.MissingIds())
        {
            var version = await VersionAsync();
            await sweep.RunAsync(C, "Correct.ReturnId", v.Name, v.Expect, () => commands.CorrectAsync(county, v.Value, version, funds, 1m, "核实"));
            await sweep.RunAsync(C, "Submit.ReturnId", v.Name, v.Expect, () => commands.SubmitAsync(county, v.Value, version));
            await sweep.RunAsync(C, "Return.ReturnId", v.Name, v.Expect, () => commands.ReturnAsync(bureau, v.Value, version, "请核实"));
            await sweep.RunAsync(C, "Compute.UnitId", v.Name, v.Expect, () => commands.ComputeAsync(bureau, v.Value, month));
        }
        {
            var version = await ToAsync(ReturnStatus.Computed);
            await sweep.RunAsync(C, "(user)", "another county corrects", Expect.Refused, () => commands.CorrectAsync(stranger, id, version, funds, 1m, "越权"));
            await sweep.RunAsync(C, "(user)", "another county submits", Expect.Refused, () => commands.SubmitAsync(stranger, id, version));
            await sweep.RunAsync(C, "(user)", "the county approves its own return", Expect.Refused, () => commands.ApproveAsync(county, id, version));
            await sweep.RunAsync(C, "(user)", "the Bureau corrects", Expect.Refused, () => commands.CorrectAsync(bureau, id, version, funds, 1m, "越权"));
            await sweep.RunAsync(C, "(state)", "returning a draft", Expect.Refused, () => commands.ReturnAsync(bureau, id, version, "请核实"));
            await sweep.RunAsync(C, "(state)", "opening a revision of a draft", Expect.Refused, () => commands.OpenRevisionAsync(county, id, version, "补报"));
        }
        var bureauUnit = bureau.UnitId!.Value;
        var other = stranger.UnitId!.Value;
        await sweep.RunAsync(C, "Compute.UnitId", "the Bureau (not an attracting unit)", Expect.Refused, () => commands.ComputeAsync(bureau, bureauUnit, month));
        await sweep.RunAsync(C, "Compute.UnitId", "another county", Expect.Refused, () => commands.ComputeAsync(county, other, month));
        foreach (var (name, m) in new[]
        {
            ("this month (not closed)", StatMonth.Containing(TestClock.Default.UtcNow)),
            ("next month", StatMonth.Containing(TestClock.Default.UtcNow).Next()),
            ("December 2100", new StatMonth(2100, 12)),
        })
        {
            await sweep.RunAsync(C, "Compute.Month", name, Expect.Refused, () => commands.ComputeAsync(county, unit, m));
        }
        await sweep.RunAsync(C, "Compute.Month", "January 2000", Expect.Either, () => commands.ComputeAsync(county, unit, new StatMonth(2000, 1)));
    }
}
