using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>
/// The public complaint form (/complain), a static page that needs no account: the enterprise, its credit code, a
/// contact, the project if known, what about and a description. It answers with a tracking number and a secret code,
/// shown once. Rate-limited per client address; a hidden honeypot field turns robots away.
/// </summary>
public sealed partial class ComplainPage
{
    [Inject] private ComplaintWindow Window { get; set; } = default!;
    [Inject] private ComplaintThrottle Throttle { get; set; } = default!;
    [Inject] private ILogger<ComplainPage> Logger { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "complain")]
    private ComplaintForm? Input { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private string? _error;
    private IReadOnlyList<FieldViolation> _errors = [];
    private FiledComplaint? _filed;

    protected override void OnInitialized() => Input ??= new();

    private string? Error(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? T.Rule(e.Violation) : null;

    private async Task FileAsync()
    {
        Input ??= new();
        if (!string.IsNullOrEmpty(Input.Website))
        {
            Logger.LogInformation("A complaint with the honeypot field filled was turned away");
            _error = T["Complain.Rejected"];
            return;
        }
        var input = Input.ToInput();
        // Only a form that would be filed takes a permit: an enterprise correcting its credit code is not locked out.
        if (KashiInvest.Domain.Complaints.Complaint.Validate(input).Count == 0
            && Throttle.TryFile(HttpContext?.Connection.RemoteIpAddress) is { } wait)
        {
            TooMany(wait);
            return;
        }
        var (result, filed) = await Window.FileAsync(input);
        if (result.Status == WriteStatus.Saved && filed is not null)
        {
            _filed = filed;
            return;
        }
        _errors = result.FieldErrors;
        _error = result.Status == WriteStatus.Invalid ? T["Complain.FixFields"] : T["Write.Failed"];
        foreach (var general in result.GeneralErrors) _error = T.Rule(general.Violation);
    }

    private void TooMany(TimeSpan wait)
    {
        var seconds = (int)wait.TotalSeconds;
        if (HttpContext is { } http)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        _error = T["Complain.TooMany", Math.Max(1, (seconds + 59) / 60)];
    }

    private sealed class ComplaintForm
    {
        public string? EnterpriseName { get; set; }
        public string? CreditCode { get; set; }
        public string? ContactName { get; set; }
        public string? Phone { get; set; }
        public string? ProjectName { get; set; }
        public ComplaintCategory Category { get; set; } = ComplaintCategory.CommitmentNotHonoured;
        public string? Description { get; set; }
        public string? Website { get; set; }

        public ComplaintInput ToInput() => new(EnterpriseName, CreditCode, ContactName, Phone, ProjectName, Category, Description);
    }
}
