using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Alerts;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Meetings;

/// <summary>
/// On a meeting screen every agenda item shows its project's alerts, as the projector does, even to an attendee whose
/// own scope does not cover the project; everywhere else alerts stay within the user's scope.
/// </summary>
public sealed class AgendaAlertsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task An_attendee_sees_the_alerts_of_an_agenda_project_outside_its_chain_only_on_the_agenda()
    {
        var lead = await database.ScopeOfAsync("lead-textiles", ActorRole.ChainLead);
        var project = await database.QueryAsync(db => db.Projects.Where(p => !lead.ChainIds.Contains(p.ChainId))
            .Select(p => new { p.Id, p.HostUnitId, p.ChainId, p.SourceUnitId }).FirstAsync());
        Assert.False(ProjectAccess.CanSee(lead, new ProjectKey(project.Id, project.HostUnitId, project.ChainId, project.SourceUnitId)));

        int alertId;
        await using (var db = await database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>().CreateDbContextAsync())
        {
            db.Actor = AlertEngine.System;
            var condition = new AlertCondition(AlertKind.Stalled, project.Id, null, "Construction", AlertSeverity.High, "Stalled", ["40", "15", "Construction"]);
            var alert = new Alert(condition, new ProjectKey(project.Id, project.HostUnitId, project.ChainId, project.SourceUnitId), TestClock.Default.UtcNow);
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            alertId = alert.Id;
        }

        var query = ActivatorUtilities.CreateInstance<AlertsQuery>(database.Services);
        var inScope = await query.OpenByProjectAsync(lead, [project.Id]);
        var onAgenda = await query.OpenByProjectAsync(lead, [project.Id], onReadableAgenda: true);

        Assert.False(inScope.ContainsKey(project.Id));
        Assert.Contains(onAgenda[project.Id], a => a.Id == alertId);
        await Assert.ThrowsAsync<ArgumentException>(() => query.OpenByProjectAsync(lead, null, onReadableAgenda: true));
    }
}
