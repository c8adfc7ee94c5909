using KashiInvest.Domain.Alerts;

namespace KashiInvest.Infrastructure.Alerts;

/// <summary>What an alert is about, in words: the project's name, or the unit's.</summary>
public sealed record AlertTextInput(Alert Alert, string? ProjectName, string? UnitName);

/// <summary>
/// Renders an alert's title and text in Chinese for outbound notification (Web provides the resource-based
/// implementation; this default is only a fallback for hosts without Web).
/// </summary>
public interface IAlertTexts
{
    (string Title, string Text) RenderChinese(AlertTextInput input);
}

public sealed class PlainAlertTexts : IAlertTexts
{
    public (string Title, string Text) RenderChinese(AlertTextInput input) =>
        ($"预警：{input.ProjectName ?? input.UnitName} {input.Alert.Kind}", $"{input.Alert.Code} {string.Join(", ", input.Alert.Args)}");
}
