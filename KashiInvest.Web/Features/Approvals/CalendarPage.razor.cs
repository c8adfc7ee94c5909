using KashiInvest.Domain.Common;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The working-day calendar (Administrator, Bureau): the years entered, and a form to enter a new year or edit one —
/// its notice's title and date and its days as text, so that a year's notice can be pasted in (imported) at once.
/// </summary>
public partial class CalendarPage
{
    private sealed class Form
    {
        public int Year { get; set; }
        public int? Version { get; set; }
        public string? SourceTitle { get; set; }
        public DateTime? PublishedOn { get; set; }
        public string? Days { get; set; }
    }

    private IReadOnlyList<CalendarYearView>? _years;
    private Form _form = new();
    private bool _saving;
    private IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    [Inject] private CalendarQuery Query { get; set; } = default!;
    [Inject] private ApprovalCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<CalendarPage> Logger { get; set; } = default!;

    /// <summary>This year and next when they have no data: their clocks count weekends only.</summary>
    private IReadOnlyList<int> MissingYears
    {
        get
        {
            var year = BeijingTime.Today(Clock).Year;
            return new[] { year, year + 1 }.Where(y => _years?.All(v => v.Year != y) == true).ToList();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        New();
    }

    private async Task LoadAsync() => _years = await Query.YearsAsync();

    private void New() => _form = new Form { Year = MissingYears.FirstOrDefault(BeijingTime.Today(Clock).Year + 1) };

    private void Edit(CalendarYearView year)
    {
        _form = new Form
        {
            Year = year.Year,
            Version = year.Version,
            SourceTitle = year.SourceTitle,
            PublishedOn = year.SourcePublishedOn?.ToDateTime(TimeOnly.MinValue),
            Days = CalendarImport.Format(year.Days),
        };
        Errors = new Dictionary<string, string>();
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await SafeWrite.RunAsync(Logger, async () =>
            {
                var (days, errors) = CalendarImport.Parse(_form.Days);
                if (errors.Count > 0) return WriteResult.Invalid(errors);
                return await Commands.SaveCalendarYearAsync(await Scopes.GetAsync(), _form.Year, _form.Version, _form.SourceTitle ?? string.Empty,
                    _form.PublishedOn is { } p ? DateOnly.FromDateTime(p) : null, days);
            });
            var feedback = WriteFeedback.Of(T, result, saved: T["Calendar.Saved", _form.Year]);
            Errors = feedback.FieldErrors;
            feedback.Show(Snackbar);
            if (result.Status == WriteStatus.Saved)
            {
                await LoadAsync();
                if (_years!.FirstOrDefault(y => y.Year == _form.Year) is { } saved) Edit(saved);
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
