using System.Text;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = KashiInvest.Web.Features.Targets.TargetsExcel.Columns;
using static KashiInvest.Web.Tests.Shared.Excel.ImportPreviewCells;

namespace KashiInvest.Web.Tests.Targets;

/// <summary>
/// The Bureau's target-library import over a seeded SQLite file, with workbooks made from the app's own template (and
/// CSV files as Excel saves them): every error next to its cell, all rows or none in one audited import, matched by
/// credit code so the same file again changes nothing, only the Bureau may import, hostile files refused.
/// </summary>
public sealed class TargetLibraryImportTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private TargetLibraryImport Import => Get<TargetLibraryImport>();

    /// <summary>A row in the template's order: name, credit code, chain, link, region, tiers, notes.</summary>
    private static object?[] Row(string name, string? creditCode, string chain, string? link = null, string? region = "珠三角", string? tiers = null, string? notes = null) =>
        [name, creditCode, chain, link, region, tiers, notes];

    private static string Code17(int n) => $"91440300MA{n:D7}".Replace('0', '2');

    private static string ValidCode(int n) => CreditCode.Complete(Code17(n)).Value;

    private Task<UserScope> BureauAsync() => database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);

    private async Task<byte[]> FilledAsync(params object?[][] rows) => TestWorkbook.Fill((await Import.TemplateAsync()).Bytes, rows);

    private async Task<ChainInfo[]> ChainsAsync() => [.. (await Get<ReferenceCache>().GetAsync()).Chains.Where(c => c.Links.Count > 0)];

    [Fact]
    public async Task The_template_has_the_library_headings_an_example_row_and_the_chain_and_region_lists()
    {
        using var _ = new UiCulture("zh-CN");
        using var xlsx = new XlsxFile((await Import.TemplateAsync()).Bytes);
        var headings = xlsx.RowTexts(2);
        Assert.Equal("统一社会信用代码", headings[1]);
        Assert.DoesNotContain(headings, h => h != null && h.Contains("优先", StringComparison.Ordinal));
        Assert.Equal("深圳某新能源科技股份有限公司", xlsx.Text("A3"));
        Assert.True(xlsx.Validations.Count >= 2, $"{xlsx.Validations.Count} validation lists");
    }

    [Fact]
    public async Task The_Bureau_imports_all_rows_in_one_audited_import_and_the_same_file_again_changes_nothing()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await BureauAsync();
        var chains = await ChainsAsync();
        var bytes = await FilledAsync(
            Row("导入目标-甲新能源有限公司", ValidCode(1).ToLowerInvariant(), chains[0].Name, chains[0].Links[0].Name, tiers: "上市公司、专精特新“小巨人”"),
            Row("导入目标-乙材料有限公司", null, chains[1].NameEn, region: "长三角", notes: "春季推介会接触"),
            Row("导入目标-丙物流有限公司", ValidCode(3), chains[0].Name, tiers: "Listed"));

        var preview = await Import.PreviewAsync(bureau, "targets.xlsx", bytes);
        Assert.Null(preview.Refusal);
        Assert.Equal(0, preview.ErrorRows);
        Assert.Equal(3, preview.Count(ImportOutcome.New));
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, preview)).Status);

        var saved = await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Name.StartsWith("导入目标-")).OrderBy(t => t.Name).ToListAsync());
        Assert.Equal(3, saved.Count);
        var first = saved.Single(t => t.Name == "导入目标-甲新能源有限公司");
        Assert.Equal(ValidCode(1), first.CreditCode);
        Assert.Equal(chains[0].Links[0].Id, first.ChainLinkId);
        Assert.Equal(InvestorTier.Listed | InvestorTier.LittleGiant, first.Tiers);
        Assert.Equal(SourceRegionCode.YangtzeRiverDelta, saved.Single(t => t.Name == "导入目标-乙材料有限公司").Region);
        var entry = Assert.Single(await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == ImportPipeline.AuditType && a.EntityId == "targets" && a.After!.Contains("导入目标-")).ToListAsync()));
        Assert.Equal("bureau", entry.UserName);
        Assert.All(saved, t => Assert.Contains(t.Name, entry.After!, StringComparison.Ordinal));

        // The same file again: matched by credit code (or name when there is none), nothing to change, nothing written.
        var again = await Import.PreviewAsync(bureau, "targets.xlsx", bytes);
        Assert.Equal(3, again.Count(ImportOutcome.Unchanged));
        Assert.False(again.CanImport);
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, again)).Status);
        var after = await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Name.StartsWith("导入目标-")).OrderBy(t => t.Name).ToListAsync());
        Assert.Equal(saved.Select(t => t.Version), after.Select(t => t.Version));
        Assert.Single(await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == ImportPipeline.AuditType && a.EntityId == "targets" && a.After!.Contains("导入目标-")).ToListAsync()));

        // A changed row updates its entry, with before and after in the import's audit entry.
        var changed = await FilledAsync(Row("导入目标-丙物流有限公司", ValidCode(3), chains[0].Name, tiers: "Listed", notes: "已赴喀考察"));
        var update = await Import.PreviewAsync(bureau, "targets-2.xlsx", changed);
        Assert.Equal(1, update.Count(ImportOutcome.Update));
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, update)).Status);
        Assert.Equal("已赴喀考察", await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.CreditCode == ValidCode(3)).Select(t => t.Notes).SingleAsync()));
        var second = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == ImportPipeline.AuditType && a.EntityId == "targets" && a.After!.Contains("导入目标-")).OrderBy(a => a.Id).ToListAsync());
        Assert.Contains("before", second[^1].After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_puts_every_kind_of_error_next_to_its_cell()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await BureauAsync();
        var chains = await ChainsAsync();
        var onFile = await database.QueryAsync(async db =>
        {
            db.Actor = new Actor("bureau", null);
            var t = TargetEnterprise.Create(new TargetInput("已在库-丁科技有限公司", ValidCode(40), chains[0].Id, null, SourceRegionCode.PearlRiverDelta, InvestorTier.None, null),
                new Actor("bureau", null), Get<TimeProvider>().GetUtcNow().UtcDateTime);
            db.TargetEnterprises.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var wrongCheck = Code17(7) + (CreditCode.CheckCharacter(Code17(7)) == 'A' ? 'B' : 'A');
        var otherLink = chains[1].Links.First(l => chains[0].Links.All(x => x.Name != l.Name)).Name;
        var bytes = await FilledAsync(
            Row("错误-校验位公司", wrongCheck, chains[0].Name),                      // row 4
            Row("错误-未知产业链公司", null, "不存在的产业链"),                        // 5
            Row("错误-环节公司", null, chains[0].Name, link: otherLink),              // 6
            Row("错误-层级公司", null, chains[0].Name, tiers: "上市公司、宇宙500强"),   // 7
            Row("错误-重复甲公司", ValidCode(8), chains[0].Name),                     // 8
            Row("错误-重复乙公司", ValidCode(8), chains[0].Name),                     // 9
            Row("错误-无地区公司", null, chains[0].Name, region: null),               // 10
            Row(onFile.Name, ValidCode(41), chains[0].Name),                         // 11
            Row("错误-公式公司", null, chains[0].Name, notes: null) );               // 12 (valid)

        var p = await Import.PreviewAsync(bureau, "targets.xlsx", bytes);
        Assert.Null(p.Refusal);
        var check = p.Rows.Single(r => r.Number == 4).Cells[Col(p, C.CreditCode)]!.Error!;
        Assert.Equal("CreditCode.BadCheckCharacter", check.Code);
        Assert.Equal(CreditCode.CheckCharacter(Code17(7)), check.Args[1]);
        Assert.Contains(CreditCode.CheckCharacter(Code17(7)).ToString(), Get<UiText>().Rule(check), StringComparison.Ordinal);
        Assert.Equal("Import.UnknownChoice", Error(p, 5, C.Chain));
        Assert.Equal("Project.LinkNotInChain", Error(p, 6, C.Link));
        Assert.Equal("Import.UnknownChoice", Error(p, 7, C.Tiers));
        Assert.Null(Error(p, 8, C.CreditCode));
        Assert.Equal("Import.DuplicateRow", Error(p, 9, C.CreditCode));
        Assert.Equal("Field.Required", Error(p, 10, C.Region));
        Assert.Equal("Import.DuplicateExisting", Error(p, 11, C.Name));
        Assert.False(p.Rows.Single(r => r.Number == 12).HasErrors);
        Assert.Equal(7, p.ErrorRows);
        Assert.False(p.CanImport);
        Assert.Equal(WriteStatus.Invalid, (await Import.ImportAsync(bureau, p)).Status);
        Assert.False(await database.QueryAsync(db => db.TargetEnterprises.AnyAsync(t => t.Name.StartsWith("错误-"))));
    }

    [Fact]
    public async Task Nothing_is_written_when_the_last_row_fails_at_import_time()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await BureauAsync();
        var chains = await ChainsAsync();
        var bytes = await FilledAsync(
            Row("全无目标-一公司", ValidCode(61), chains[0].Name),
            Row("全无目标-二公司", ValidCode(62), chains[0].Name),
            Row("全无目标-三公司", ValidCode(63), chains[0].Name));
        var preview = await Import.PreviewAsync(bureau, "targets.xlsx", bytes);
        Assert.True(preview.CanImport);

        // Between preview and import, someone files the last row's enterprise under another credit code.
        var saved = await Get<TargetCommands>().SaveAsync(bureau, new TargetFormModel { Name = "全无目标-三公司", CreditCode = ValidCode(64), ChainId = chains[0].Id });
        Assert.Equal(WriteStatus.Saved, saved.Status);

        var result = await Import.ImportAsync(bureau, preview);
        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal("Import.ChangedSincePreview", result.GeneralErrors.Single().Violation.Code);
        Assert.False(await database.QueryAsync(db => db.TargetEnterprises.AnyAsync(t => t.Name == "全无目标-一公司" || t.Name == "全无目标-二公司")));
        Assert.False(await database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == ImportPipeline.AuditType && a.After!.Contains("全无目标"))));
    }

    [Fact]
    public async Task Only_the_Bureau_may_import_the_library()
    {
        using var _ = new UiCulture("zh-CN");
        var chains = await ChainsAsync();
        var bytes = await FilledAsync(Row("范围目标-公司", null, chains[0].Name));
        foreach (var scope in new[] { await database.ScopeOfAsync("shache"), await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Leader) })
        {
            Assert.False(Import.MayImport(scope));
            Assert.Equal("Import.NotAllowed", (await Import.PreviewAsync(scope, "x.xlsx", bytes)).Refusal?.Code);
            var bureauPreview = await Import.PreviewAsync(await BureauAsync(), "x.xlsx", bytes);
            Assert.Equal(WriteStatus.NotAllowed, (await Import.ImportAsync(scope, bureauPreview)).Status);
        }
        Assert.False(await database.QueryAsync(db => db.TargetEnterprises.AnyAsync(t => t.Name == "范围目标-公司")));
    }

    [Fact]
    public async Task A_CSV_saved_by_Chinese_Excel_or_as_UTF8_imports_like_the_workbook()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await BureauAsync();
        var chains = await ChainsAsync();
        var csv = $"企业名称,统一社会信用代码,产业链,产业链环节,来源区域,客商类别,企业背景\r\n" +
                  $"CSV目标-甲公司,{ValidCode(81)},{chains[0].Name},,珠三角,\"上市公司、独角兽\",\"第一行\r\n第二行，含逗号,\"\"引号\"\"\"\r\n" +
                  $"CSV目标-乙公司,,{chains[0].Name},,长三角,,\r\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes(csv);
        var utf8Bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        foreach (var bytes in new[] { gb, utf8Bom, Encoding.UTF8.GetBytes(csv) })
        {
            var p = await Import.PreviewAsync(bureau, "targets.csv", bytes);
            Assert.Null(p.Refusal);
            Assert.Equal(0, p.ErrorRows);
            Assert.Equal(2, p.Count(ImportOutcome.New));
            Assert.Equal("CSV目标-甲公司", p.Rows[0].Cells[Col(p, C.Name)]!.Shown);
            Assert.Equal("第一行\r\n第二行，含逗号,\"引号\"", p.Rows[0].Cells[Col(p, C.Notes)]!.Value);
        }
        var preview = await Import.PreviewAsync(bureau, "targets.csv", gb);
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, preview)).Status);
        Assert.Equal(InvestorTier.Listed | InvestorTier.Unicorn,
            await database.QueryAsync(db => db.TargetEnterprises.Where(t => t.Name == "CSV目标-甲公司").Select(t => t.Tiers).SingleAsync()));
        Assert.Equal(2, (await Import.PreviewAsync(bureau, "targets.csv", utf8Bom)).Count(ImportOutcome.Unchanged));
    }

    [Fact]
    public async Task Hostile_files_get_a_clear_refusal_or_an_error_on_their_cell()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await BureauAsync();
        var chains = await ChainsAsync();
        async Task<string?> Refusal(byte[] bytes) => (await Import.PreviewAsync(bureau, "hostile.xlsx", bytes)).Refusal?.Code;

        var binary = new byte[4096];
        new Random(11).NextBytes(binary);
        binary[0] = 0x01;
        binary[100] = 0;
        Assert.Equal("Import.NotXlsx", await Refusal(binary));
        Assert.Equal("Import.OldXls", await Refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]));
        Assert.Equal("Import.NoHeadings", await Refusal(Encoding.UTF8.GetBytes("甲,乙\n1,2\n3,4\n5,6\n7,8\n9,10\n")));

        // A CSV formula (Excel would run it when opened) and a huge string: errors on their cells, never evaluated.
        var hostile = $"企业名称,统一社会信用代码,产业链,来源区域,企业背景\n=HYPERLINK(\"http://x\"),,{chains[0].Name},珠三角,\n巨长-公司,,{chains[0].Name},珠三角,{new string('长', 5000)}\n";
        var p = await Import.PreviewAsync(bureau, "hostile.csv", Encoding.UTF8.GetBytes(hostile));
        Assert.Null(p.Refusal);
        Assert.Equal("Import.Formula", Error(p, 2, C.Name));
        Assert.Equal("Text.TooLong", Error(p, 3, C.Notes));
        Assert.False(p.CanImport);

        // Too many rows in a CSV: refused at the limit.
        var many = new StringBuilder("企业名称,产业链,来源区域\n");
        for (var i = 0; i < 10_050; i++) many.Append("多行-").Append(i).Append(',').Append(chains[0].Name).Append(",珠三角\n");
        Assert.Equal("Import.TooManyRows", await Refusal(Encoding.UTF8.GetBytes(many.ToString())));
    }
}
