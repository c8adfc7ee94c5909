using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Commitments;

namespace KashiInvest.Domain.Tests.Alerts;

public class CommitmentAlertRulesTests
{
    private static readonly DateOnly Due = new(2026, 12, 8);

    private static CommitmentAlertFacts Facts(CommitmentStatus status, DateOnly? due = null) => new(5, 42, 35, "喀地政发〔2024〕12号", status, due ?? Due);

    [Fact]
    public void A_running_commitment_is_overdue_from_the_day_after_its_due_day_and_the_department_owns_the_alert()
    {
        Assert.Null(CommitmentAlertRules.For(Facts(CommitmentStatus.UnderReview), Due));
        var alert = CommitmentAlertRules.For(Facts(CommitmentStatus.UnderReview), Due.AddDays(2));
        Assert.NotNull(alert);
        Assert.Equal((AlertKind.CommitmentOverdue, (int?)42, AlertSeverity.High, (int?)35, "commitment:5"), (alert.Kind, alert.ProjectId, alert.Severity, alert.OwnerUnitId, alert.Subject));
        Assert.Equal(["喀地政发〔2024〕12号", "2026-12-08", "2"], alert.Args);
    }

    [Theory]
    [InlineData(CommitmentStatus.NotYetDue)]
    [InlineData(CommitmentStatus.Delivered)]
    [InlineData(CommitmentStatus.Honoured)]
    [InlineData(CommitmentStatus.Terminated)]
    public void A_commitment_not_running_raises_no_alert(CommitmentStatus status) =>
        Assert.Null(CommitmentAlertRules.For(Facts(status), Due.AddDays(30)));

    [Fact]
    public void A_disputed_commitment_still_alerts()
    {
        Assert.NotNull(CommitmentAlertRules.For(Facts(CommitmentStatus.Disputed), Due.AddDays(1)));
    }
}
