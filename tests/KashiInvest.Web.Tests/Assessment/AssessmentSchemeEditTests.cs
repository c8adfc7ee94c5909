using KashiInvest.Domain.Access;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Assessment;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KashiInvest.Web.Tests.Assessment;

/// <summary>The scheme editor's write path on the demo database (this year's scheme open).</summary>
public sealed class AssessmentSchemeEditTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_manual_check_item_may_allow_at_most_the_settings_points_and_the_error_names_the_check()
    {
        var commands = ActivatorUtilities.CreateInstance<AssessmentCommands>(database.Services);
        var max = database.Services.GetRequiredService<IOptions<AssessmentSettings>>().Value.MaxCheckPoints;
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var year = BeijingTime.Today(database.Services.GetRequiredService<TimeProvider>()).Year;
        var scheme = (await commands.ReadAsync(bureau, year))!.Scheme!;
        SchemeContent With(decimal onSite) => scheme.Content with
        {
            Checks = [.. scheme.Content.Checks.Select(c => c.Kind == CheckItemKind.OnSiteCheck ? c with { MaxPoints = onSite } : c)],
        };

        var refused = await commands.EditSchemeAsync(bureau, year, scheme.Version, With(max + 1m));
        var error = Assert.Single(refused.Errors!);
        Assert.Equal(("Check.OnSiteCheck", "Assessment.PointsRange"), (error.Field, error.Violation.Code));
        Assert.Equal(max, error.Violation.Args[1]);
        Assert.Equal(scheme.Content.Checks, (await commands.ReadAsync(bureau, year))!.Scheme!.Content.Checks);

        Assert.Equal(WriteStatus.Saved, (await commands.EditSchemeAsync(bureau, year, scheme.Version, With(max))).Status);
        Assert.Equal(max, (await commands.ReadAsync(bureau, year))!.Scheme!.Content.Checks.Single(c => c.Kind == CheckItemKind.OnSiteCheck).MaxPoints);
    }
}
