namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// Where one message to one endpoint stands. Pending: not tried yet; Failed: the last try failed and another is
/// scheduled at <see cref="WebhookDelivery.NextAttemptAtUtc"/>; Delivered; GaveUp: every attempt failed (or the endpoint
/// went away).
/// </summary>
public enum DeliveryStatus { Pending, Delivered, Failed, GaveUp }

/// <summary>
/// One line of the delivery log: a rendered robot message for one endpoint, with its attempts. The body is rendered
/// when the alert is raised, so retries (and a restart) send exactly the same message.
/// </summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 500;
    public const int TitleMaxLength = 200;

    private WebhookDelivery() { Body = Title = string.Empty; }

    public WebhookDelivery(long alertId, WebhookEndpoint endpoint, string title, string body, bool isTest, DateTime nowUtc)
    {
        AlertId = alertId;
        EndpointId = endpoint.Id;
        UnitId = endpoint.UnitId;
        Title = Truncate(title, TitleMaxLength);
        Body = body;
        IsTest = isTest;
        Status = DeliveryStatus.Pending;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    /// <summary>The alert this message announces; 0 for a test message.</summary>
    public long AlertId { get; private set; }
    public int EndpointId { get; private set; }
    /// <summary>The endpoint's unit when the message was recorded (for the log's filter).</summary>
    public int UnitId { get; private set; }
    public string Title { get; private set; }
    /// <summary>The JSON posted to the robot.</summary>
    public string Body { get; private set; }
    public bool IsTest { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }
    public int? LastHttpStatus { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? LastAttemptAtUtc { get; private set; }
    public DateTime? DeliveredAtUtc { get; private set; }

    public bool IsDue(DateTime nowUtc) => Status is DeliveryStatus.Pending or DeliveryStatus.Failed && NextAttemptAtUtc <= nowUtc;

    public void Succeeded(int httpStatus, DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        LastHttpStatus = httpStatus;
        LastError = null;
        LastAttemptAtUtc = DeliveredAtUtc = nowUtc;
        NextAttemptAtUtc = null;
    }

    /// <summary>Counts a failed attempt: another is scheduled by <paramref name="backoff"/>, or after the last one the delivery gives up.</summary>
    public void Failed(int? httpStatus, string error, DateTime nowUtc, BackoffSchedule backoff)
    {
        Attempts++;
        LastHttpStatus = httpStatus;
        LastError = Truncate(error, ErrorMaxLength);
        LastAttemptAtUtc = nowUtc;
        if (Attempts >= backoff.MaxAttempts)
        {
            Status = DeliveryStatus.GaveUp;
            NextAttemptAtUtc = null;
        }
        else
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAtUtc = nowUtc + backoff.DelayAfter(Attempts);
        }
    }

    /// <summary>Stops trying without an attempt (the endpoint was disabled meanwhile).</summary>
    public void Abandon(string reason, DateTime nowUtc)
    {
        Status = DeliveryStatus.GaveUp;
        LastError = Truncate(reason, ErrorMaxLength);
        LastAttemptAtUtc = nowUtc;
        NextAttemptAtUtc = null;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>Exponential backoff: the n-th failure waits <c>initial × 2^(n-1)</c>, at most <see cref="MaxDelay"/>.</summary>
public sealed record BackoffSchedule(int MaxAttempts, TimeSpan Initial)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

    public TimeSpan DelayAfter(int failedAttempts)
    {
        if (failedAttempts < 1) return TimeSpan.Zero;
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromSeconds(Math.Min(Initial.TotalSeconds * factor, MaxDelay.TotalSeconds));
        return delay;
    }
}
