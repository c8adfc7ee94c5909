using System.Globalization;
using KashiInvest.Domain.Complaints;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Complaints;

/// <summary>
/// The complainant's view (/complain/status), a static page that needs no account: the tracking number and the secret
/// code show the progress, the refusal reason or the reply, and let the complainant rate an answer. An unknown number
/// and a wrong code get the same answer; look-ups are rate-limited per address and per tracking number.
/// </summary>
public sealed partial class ComplaintStatusPage
{
    [Inject] private ComplaintWindow Window { get; set; } = default!;
    [Inject] private ComplaintThrottle Throttle { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "lookup")]
    private LookupForm? Lookup { get; set; }

    [SupplyParameterFromForm(FormName = "rate")]
    private RateForm? Rate { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private ComplaintProgress? _progress;
    private string? _code;
    private string? _error;
    private string? _notice;
    private string? _rateError;

    private bool _ratePosted;
    private bool _rated;

    /// <summary>
    /// The rating form is there while the answer waits for its rating, and also while a posted rating is handled: a
    /// static page dispatches a post only to a form it renders.
    /// </summary>
    private bool ShowRating => (_ratePosted && !_rated) || _progress?.Status == ComplaintStatus.Answered;

    protected override void OnInitialized()
    {
        Lookup ??= new();
        Rate ??= new();
        _ratePosted = !string.IsNullOrEmpty(Rate.TrackingNumber);
    }

    private string? UnitName(ComplaintProgress p) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? p.UnitName : p.UnitNameEn ?? p.UnitName;

    private async Task LookUpAsync()
    {
        Lookup ??= new();
        if (!Allowed(Lookup.TrackingNumber)) return;
        await ShowAsync(Lookup.TrackingNumber, Lookup.Code);
    }

    private async Task RateAsync()
    {
        Rate ??= new();
        if (!Allowed(Rate.TrackingNumber)) return;
        var result = await Window.RateAsync(Rate.TrackingNumber, Rate.Code, Rate.Version, Rate.Rating, Rate.Comment);
        switch (result.Status)
        {
            case WriteStatus.Saved:
                _rated = true;
                _notice = T[Rate.Rating == ComplaintRating.Satisfied ? "ComplainStatus.RatedSatisfied" : "ComplainStatus.RatedDissatisfied"];
                break;
            case WriteStatus.Invalid:
                _rateError = string.Join(" ", (result.Errors ?? []).Select(e => T.Rule(e.Violation)));
                break;
            case WriteStatus.Conflict:
                _error = T["ComplainStatus.Changed"];
                break;
            case WriteStatus.NotFound:
                _error = T["ComplainStatus.NotFound"];
                _rated = true;
                return;
            default:
                _error = T["Write.Failed"];
                break;
        }
        await ShowAsync(Rate.TrackingNumber, Rate.Code);
    }

    private async Task ShowAsync(string? trackingNumber, string? code)
    {
        _progress = await Window.FindAsync(trackingNumber, code);
        _code = _progress is null ? null : code;
        if (_progress is null) _error = T["ComplainStatus.NotFound"];
    }

    private bool Allowed(string? trackingNumber)
    {
        if (Throttle.TryLookUp(HttpContext?.Connection.RemoteIpAddress, trackingNumber) is not { } wait) return true;
        var seconds = (int)wait.TotalSeconds;
        if (HttpContext is { } http)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        _error = T["Complain.TooMany", Math.Max(1, (seconds + 59) / 60)];
        return false;
    }

    private sealed class LookupForm
    {
        public string? TrackingNumber { get; set; }
        public string? Code { get; set; }
    }

    private sealed class RateForm
    {
        public string? TrackingNumber { get; set; }
        public string? Code { get; set; }
        public int Version { get; set; }
        public ComplaintRating Rating { get; set; } = ComplaintRating.Satisfied;
        public string? Comment { get; set; }
    }
}
