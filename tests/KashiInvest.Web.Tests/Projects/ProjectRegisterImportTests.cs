using System.IO.Compression;
using System.Text;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = KashiInvest.Web.Features.Projects.ProjectRegisterExcel.Columns;
using static KashiInvest.Web.Tests.Shared.Excel.ImportPreviewCells;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>
/// The register import over a seeded SQLite file, with real workbooks: the template the app writes, filled in by the
/// test as a county fills it in Excel. Every error kind lands next to its cell; the import writes all rows or none;
/// a county imports only its own projects; the same file imported again changes nothing; hostile files are refused.
/// </summary>
public sealed class ProjectRegisterImportTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private ProjectRegisterImport Import => Get<ProjectRegisterImport>();

    /// <summary>A row in the template's order: code, name, host, chain, investor, credit code, region, stage, investment, jobs, start, completion, leaders.</summary>
    private static object?[] Row(string name, string host, string chain, string investor, string? creditCode = null, object? investment = null,
        object? jobs = null, object? start = null, object? completion = null, string? code = null, string? stage = null, string? region = "珠三角") =>
        [code, name, host, chain, investor, creditCode, region, stage, investment ?? 1200m, jobs ?? 50, start, completion, "王某", "李某"];

    private async Task<(string Host, string OtherHost, string Chain)> NamesAsync()
    {
        var reference = await Get<ReferenceCache>().GetAsync();
        var shache = await database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "shache"));
        var kashi = await database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "kashi"));
        return (shache.Name, kashi.Name, reference.Chains[0].Name);
    }

    private async Task<byte[]> FilledAsync(params object?[][] rows)
    {
        var template = await Import.TemplateAsync();
        return TestWorkbook.Fill(template.Bytes, rows);
    }

    private static string Code17(int n) => $"91653125MA{n:D7}".Replace('0', '1');

    private static string ValidCode(int n) => CreditCode.Complete(Code17(n)).Value;

    [Fact]
    public async Task The_template_has_the_headings_in_the_users_language_an_example_row_and_validation_lists()
    {
        using var _ = new UiCulture("zh-CN");
        var file = await Import.TemplateAsync();
        using var xlsx = new XlsxFile(file.Bytes);
        var headings = xlsx.RowTexts(2);
        Assert.Equal("项目名称", headings[1]);
        Assert.Contains("计划投资（万元）", headings);
        Assert.Contains("统一社会信用代码", headings);
        Assert.DoesNotContain("更新日期", headings);
        Assert.Equal("纺织服装产业园二期", xlsx.Text("B3"));
        // Host units, chains, region and stage offer lists.
        Assert.True(xlsx.Validations.Count >= 4, $"{xlsx.Validations.Count} validation lists");

        using var en = new UiCulture("en");
        using var english = new XlsxFile((await Import.TemplateAsync()).Bytes);
        Assert.Equal("Project name", english.RowTexts(2)[1]);
    }

    [Fact]
    public async Task The_preview_puts_every_kind_of_error_next_to_its_cell()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var (host, otherHost, chain) = await NamesAsync();
        var existing = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == scope.UnitId).Select(p => new { p.Name, p.Code }).FirstAsync());
        var wrongCheck = Code17(7) + (CreditCode.CheckCharacter(Code17(7)) == 'A' ? 'B' : 'A');
        var bytes = await FilledAsync(
            Row("导入-校验位", host, chain, "某公司甲", creditCode: wrongCheck),                                      // row 4
            Row("导入-未知产业链", host, "不存在的产业链", "某公司乙"),                                                 // 5
            Row("导入-金额", host, chain, "某公司丙", investment: "一千万"),                                            // 6
            Row("导入-日期", host, chain, "某公司丁", start: new DateOnly(2027, 5, 1), completion: new DateOnly(2027, 1, 1)), // 7
            Row("导入-重复", host, chain, "某公司戊"),                                                                 // 8
            Row("导入-重复", host, chain, "某公司戊"),                                                                 // 9
            Row(existing.Name, host, chain, "另一家公司"),                                                            // 10
            Row("导入-他县", otherHost, chain, "某公司己"),                                                            // 11
            Row("导入-公式", host, chain, "某公司庚", investment: new Formula("SUM(1,2)", "3")),                         // 12
            Row("导入-编号", host, chain, "某公司辛", code: "KS-1999-0001"),                                            // 13
            Row("导入-整数", host, chain, "某公司壬", jobs: 12.5m),                                                     // 14
            Row("导入-无地区", host, chain, "全新企业无地区", region: null));                                              // 15

        var p = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);

        Assert.Null(p.Refusal);
        Assert.Equal(12, p.Rows.Count);
        var check = p.Rows.Single(r => r.Number == 4).Cells[Col(p, C.CreditCode)]!.Error!;
        Assert.Equal("CreditCode.BadCheckCharacter", check.Code);
        Assert.Equal(CreditCode.CheckCharacter(Code17(7)), check.Args[1]);
        Assert.Equal("Import.UnknownChoice", Error(p, 5, C.Chain));
        Assert.Equal("Import.NotANumber", Error(p, 6, C.Investment));
        Assert.Equal("Date.EndBeforeStart", Error(p, 7, C.Completion));
        Assert.Null(Error(p, 8, C.Name));
        Assert.Equal("Import.DuplicateRow", Error(p, 9, C.Name));
        Assert.Equal("Import.DuplicateExisting", Error(p, 10, C.Name));
        Assert.Equal("Import.HostNotYours", Error(p, 11, C.Host));
        Assert.Equal("Import.Formula", Error(p, 12, C.Investment));
        Assert.Equal("Import.UnknownCode", Error(p, 13, C.Code));
        Assert.Equal("Import.NotAWholeNumber", Error(p, 14, C.Jobs));
        Assert.Equal("Import.RegionForNewInvestor", Error(p, 15, C.Region));
        Assert.False(p.CanImport);
        // The messages are worded, with the check character the code should have.
        var text = Get<UiText>().Rule(check);
        Assert.Contains(CreditCode.CheckCharacter(Code17(7)).ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_imports_all_rows_in_one_audited_import_and_the_same_file_again_changes_nothing()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var (host, _, chain) = await NamesAsync();
        var bytes = await FilledAsync(
            Row("导入-纺织一期", "", chain, "导入测试纺织有限公司", creditCode: ValidCode(101), start: new DateOnly(2027, 1, 1), completion: new DateOnly(2027, 12, 31), stage: "洽谈"),
            Row("导入-纺织二期", host, chain, "导入测试纺织有限公司", creditCode: ValidCode(101), investment: 30000m, jobs: 900),
            Row("导入-物流园", host, chain, "导入测试物流有限公司", investment: "2,500.5"));

        var preview = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);
        Assert.Equal(0, preview.ErrorRows);
        Assert.Equal(3, preview.Count(ImportOutcome.New));
        Assert.True(preview.CanImport);

        var result = await Import.ImportAsync(scope, preview);
        Assert.Equal(WriteStatus.Saved, result.Status);

        var imported = await database.QueryAsync(db => db.Projects.Where(p => p.Name.StartsWith("导入-")).OrderBy(p => p.Name).ToListAsync());
        Assert.Equal(3, imported.Count);
        Assert.All(imported, p => Assert.Equal(scope.UnitId, p.HostUnitId));
        var first = imported.Single(p => p.Name == "导入-纺织一期");
        Assert.Equal(ProjectStage.Negotiating, first.Stage);
        Assert.Equal(new DateOnly(2027, 12, 31), first.PlannedCompletionOn);
        Assert.Equal(2500.5m, imported.Single(p => p.Name == "导入-物流园").PlannedInvestmentWan);
        // One investor for the two rows with the same credit code.
        Assert.Equal(1, await database.QueryAsync(db => db.Investors.CountAsync(i => i.CreditCode == ValidCode(101))));
        Assert.Equal(first.InvestorId, imported.Single(p => p.Name == "导入-纺织二期").InvestorId);
        // Audited as one import naming each row's change, and each project's own audit row.
        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == ProjectRegisterImport.AuditType).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("shache", entry.UserName);
        Assert.All(imported, p => Assert.Contains(p.Code, entry.After!, StringComparison.Ordinal));

        // The same file again: every row matches (by name and investor), nothing to change, nothing written.
        var again = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);
        Assert.Equal(0, again.ErrorRows);
        Assert.Equal(3, again.Count(ImportOutcome.Unchanged));
        Assert.False(again.CanImport);
        var versions = imported.Select(p => p.Version).ToList();
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(scope, again)).Status);
        var after = await database.QueryAsync(db => db.Projects.Where(p => p.Name.StartsWith("导入-")).OrderBy(p => p.Name).ToListAsync());
        Assert.Equal(3, after.Count);
        Assert.Equal(versions, after.Select(p => p.Version).ToList());

        // A row with a code updates that project (and never its stage).
        var changed = await FilledAsync(Row("导入-物流园", host, chain, "导入测试物流有限公司", investment: 2600m, code: imported.Single(p => p.Name == "导入-物流园").Code));
        var update = await Import.PreviewAsync(scope, "ledger2.xlsx", changed);
        Assert.Equal(1, update.Count(ImportOutcome.Update));
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(scope, update)).Status);
        Assert.Equal(2600m, await database.QueryAsync(db => db.Projects.Where(p => p.Name == "导入-物流园").Select(p => p.PlannedInvestmentWan).SingleAsync()));
    }

    [Fact]
    public async Task Nothing_is_written_when_the_last_row_fails_at_import_time()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("yecheng");
        var chain = (await Get<ReferenceCache>().GetAsync()).Chains[0].Name;
        var bytes = await FilledAsync(
            Row("全无-一", "", chain, "全无测试一公司"),
            Row("全无-二", "", chain, "全无测试二公司"),
            Row("全无-三", "", chain, "全无测试三公司"));
        var preview = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);
        Assert.True(preview.CanImport);

        // Between the preview and the import, someone records a project that the last row now clashes with.
        var save = Get<SaveProjectCommand>();
        var chainId = (await Get<ReferenceCache>().GetAsync()).Chains[0].Id;
        var saved = await save.ExecuteAsync(scope, new ProjectForm
        {
            Name = "全无-三", ChainId = chainId, CreateInvestor = true, NewInvestorName = "另一家全无公司", PlannedInvestmentWan = 100m, ExpectedJobs = 1,
        });
        Assert.Equal(WriteStatus.Saved, saved.Status);

        var result = await Import.ImportAsync(scope, preview);
        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal("Import.ChangedSincePreview", result.GeneralErrors.Single().Violation.Code);
        Assert.False(await database.QueryAsync(db => db.Projects.AnyAsync(p => p.Name == "全无-一" || p.Name == "全无-二")));
        Assert.False(await database.QueryAsync(db => db.Investors.AnyAsync(i => i.Name == "全无测试一公司")));
        Assert.False(await database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == ProjectRegisterImport.AuditType && a.UserName == "yecheng")));
    }

    [Fact]
    public async Task A_county_cannot_reach_another_countys_projects_and_the_Bureau_imports_for_any_county()
    {
        using var _ = new UiCulture("zh-CN");
        var (host, otherHost, chain) = await NamesAsync();
        var kashiId = await database.QueryAsync(db => db.Units.Where(u => u.Code == "kashi").Select(u => u.Id).SingleAsync());
        var kashiProject = await database.QueryAsync(db => db.Projects.Where(p => p.HostUnitId == kashiId).Select(p => p.Code).FirstAsync());
        var bytes = await FilledAsync(Row("范围-他县项目", host, chain, "范围测试公司", code: kashiProject));
        var county = await Import.PreviewAsync(await database.ScopeOfAsync("shache"), "x.xlsx", bytes);
        Assert.Equal("Import.UnknownCode", Error(county, 4, C.Code));

        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var bureauBytes = await FilledAsync(Row("范围-局导入", otherHost, chain, "范围测试公司二"));
        var preview = await Import.PreviewAsync(bureau, "x.xlsx", bureauBytes);
        Assert.Equal(0, preview.ErrorRows);
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, preview)).Status);
        Assert.Equal(kashiId, await database.QueryAsync(db => db.Projects.Where(p => p.Name == "范围-局导入").Select(p => p.HostUnitId).SingleAsync()));

        var leader = await database.QueryAsync(db => db.Units.Where(u => u.Code == ReferenceData.BureauCode).Select(u => u.Id).SingleAsync());
        var refused = await Import.PreviewAsync(new UserScope("leader", "leader", ActorRole.Leader, leader, [], []), "x.xlsx", bureauBytes);
        Assert.Equal("Import.NotAllowed", refused.Refusal?.Code);
    }

    [Fact]
    public async Task Hostile_files_get_a_clear_refusal()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        async Task<string?> Refusal(byte[] bytes) => (await Import.PreviewAsync(scope, "hostile.xlsx", bytes)).Refusal?.Code;

        // A renamed binary, an old .xls, a CSV, an empty file, a broken zip.
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[0] = 0x01;
        Assert.Equal("Import.NotXlsx", await Refusal(binary));
        Assert.Equal("Import.OldXls", await Refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]));
        // A CSV is read (see the CSV tests); this one lacks the required columns.
        Assert.Equal("Import.MissingColumns", await Refusal(Encoding.UTF8.GetBytes("项目名称,投资企业\n一,二\n")));
        Assert.Equal("Import.Empty", await Refusal([]));
        Assert.Equal("Import.NotXlsx", await Refusal([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));

        var headings = (await Import.SheetAsync()).ImportColumns.Select(c => Get<ExcelExporter>().Heading(c)).ToList();

        // A zip bomb: 200 MB of one character packed into a few hundred KB.
        var bomb = TestWorkbook.Package(w =>
        {
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>""");
            var chunk = new string('a', 1 << 20);
            for (var i = 0; i < 200; i++) w.Write(chunk);
            w.Write("</t></is></c></row></sheetData></worksheet>");
        }, CompressionLevel.Optimal);
        Assert.True(bomb.Length < 2_000_000, $"{bomb.Length} bytes");
        Assert.Equal("Import.ZipBomb", await Refusal(bomb));

        // A million rows: refused once the row limit is passed, without reading the rest.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var million = TestWorkbook.Package(TestWorkbook.Sheet(headings, 1_000_000, (r, c) => c == 1 ? "x" : null, 2));
        Assert.Equal("Import.TooManyRows", await Refusal(million));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"{started.Elapsed}");

        // A huge string in a cell: the cell is refused, the row shows it cut short.
        var huge = await FilledAsync(Row(new string('长', 5000), "", "x", "y"));
        var preview = await Import.PreviewAsync(scope, "huge.xlsx", huge);
        Assert.Null(preview.Refusal);
        Assert.Equal("Text.TooLong", Error(preview, 4, C.Name));
        Assert.True(preview.Rows[0].Cells[Col(preview, C.Name)]!.Shown.Length < 50);

        // A sheet without the template's headings.
        Assert.Equal("Import.NoHeadings", await Refusal(TestWorkbook.Package(TestWorkbook.Sheet(["甲", "乙"], 10, (r, c) => "x", 2))));
    }
}
