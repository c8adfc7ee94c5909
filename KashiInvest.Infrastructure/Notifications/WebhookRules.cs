using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KashiInvest.Domain.Common;

namespace KashiInvest.Infrastructure.Notifications;

/// <summary>
/// The rules of robot webhooks, as plain functions: which addresses are allowed, DingTalk's signature (加签), the
/// message each robot expects, and how a reply is read. Robot formats: DingTalk custom robot and WeCom group robot,
/// both a JSON POST answered by <c>{"errcode":0,…}</c>; a non-zero errcode is a failure even with HTTP 200.
/// </summary>
public static class WebhookRules
{
    /// <summary>WeCom refuses markdown content over 4096 bytes; the alert text is cut well below that.</summary>
    public const int MaxTextLength = 1200;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// An absolute https address on an allowed robot host (<paramref name="policy"/>, by default
    /// <see cref="WebhookUrlPolicy.Default"/>: DingTalk and WeCom only, no loopback).
    /// </summary>
    public static RuleViolation? CheckUrl(string url, WebhookUrlPolicy? policy = null) => (policy ?? WebhookUrlPolicy.Default).Check(url);

    /// <summary>
    /// Escapes text from users (project and unit names, problem text, reasons…) for DingTalk and WeCom markdown: every
    /// character that could start a link, image, emphasis, code, heading, quote, table or HTML gets a backslash, and line
    /// breaks and other control characters collapse to one space, so no line of it can start a heading or a quote.
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > 0 && sb[^1] != ' ' && c != ' ') sb.Append(' ');
            pendingSpace = false;
            if (MarkdownSpecials.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private const string MarkdownSpecials = "\\`*_[](){}<>#!~|";

    /// <summary>
    /// DingTalk's signature: HMAC-SHA256 keyed by the secret over <c>"{timestamp}\n{secret}"</c>, base64, then URL-encoded.
    /// <paramref name="timestampMs"/> is Unix time in milliseconds (DingTalk refuses one more than an hour off).
    /// </summary>
    public static string DingTalkSign(string secret, long timestampMs)
    {
        var toSign = timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(toSign));
        return Uri.EscapeDataString(Convert.ToBase64String(hash));
    }

    /// <summary>The address to post to: for a signed DingTalk robot, with <c>&amp;timestamp=…&amp;sign=…</c> appended.</summary>
    public static string RequestUrl(WebhookKind kind, string url, string? secret, DateTimeOffset now)
    {
        if (kind != WebhookKind.DingTalk || string.IsNullOrEmpty(secret)) return url;
        var ts = now.ToUnixTimeMilliseconds();
        var separator = url.Contains('?') ? '&' : '?';
        return $"{url}{separator}timestamp={ts.ToString(CultureInfo.InvariantCulture)}&sign={DingTalkSign(secret, ts)}";
    }

    /// <summary>An alert's severity as the alert engine words it, mapped to a level (unknown words count as a warning).</summary>
    public static AlertLevel LevelOf(string? severity) => severity?.Trim().ToLowerInvariant() switch
    {
        "info" or "low" or "notice" or "blue" or "提示" or "一般" => AlertLevel.Info,
        "critical" or "high" or "blocking" or "urgent" or "red" or "severe" or "严重" or "紧急" or "红色" => AlertLevel.Critical,
        _ => AlertLevel.Warning,
    };

    /// <summary>The level as the Chinese groups read it.</summary>
    public static string LevelName(AlertLevel level) => level switch
    {
        AlertLevel.Info => "提示",
        AlertLevel.Critical => "严重",
        _ => "警告",
    };

    /// <summary>The markdown an alert becomes: title, level, Beijing time, the text and an absolute link into the app.</summary>
    public static string RenderMarkdown(OutboundAlert alert, string? publicBaseUrl)
    {
        var level = LevelOf(alert.Severity);
        var text = alert.Text.Trim();
        if (text.Length > MaxTextLength) text = text[..(MaxTextLength - 1)] + "…";
        text = EscapeMarkdown(text);
        var sb = new StringBuilder();
        sb.Append("### 【").Append(LevelName(level)).Append("】").Append(EscapeMarkdown(alert.Title.Trim())).Append("\n\n");
        sb.Append("> 级别：").Append(LevelName(level)).Append("\n\n");
        sb.Append("> 时间：").Append(BeijingTime.ToBeijing(alert.RaisedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("（北京时间）\n\n");
        sb.Append(text);
        if (AbsoluteLink(publicBaseUrl, alert.Link) is { } link) sb.Append("\n\n[在喀什招商平台查看](").Append(LinkTarget(link)).Append(')');
        return sb.ToString();
    }

    /// <summary>The JSON body for the robot: DingTalk <c>{"msgtype":"markdown","markdown":{"title","text"}}</c>, WeCom <c>{"msgtype":"markdown","markdown":{"content"}}</c>.</summary>
    public static string RenderBody(WebhookKind kind, OutboundAlert alert, string? publicBaseUrl)
    {
        var markdown = RenderMarkdown(alert, publicBaseUrl);
        object body = kind switch
        {
            WebhookKind.DingTalk => new { msgtype = "markdown", markdown = new { title = alert.Title.Trim(), text = markdown } },
            _ => new { msgtype = "markdown", markdown = new { content = markdown } },
        };
        return JsonSerializer.Serialize(body, Json);
    }

    // A link target cannot close the link or start another: parentheses, brackets, angle brackets and spaces are escaped.
    private static string LinkTarget(string link) => link.Replace("(", "%28").Replace(")", "%29").Replace("[", "%5B").Replace("]", "%5D")
        .Replace("<", "%3C").Replace(">", "%3E").Replace(" ", "%20");

    /// <summary><paramref name="link"/> (a path inside the app) under the public base address; null without both.</summary>
    public static string? AbsoluteLink(string? publicBaseUrl, string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        if (string.IsNullOrWhiteSpace(publicBaseUrl)) return null;
        return publicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
    }

    /// <summary>
    /// Reads a robot's reply: success only for HTTP 2xx with <c>errcode</c> 0 (a redirect is a failure: it is never
    /// followed). Returns null on success, otherwise a short code for the delivery log (<c>HTTP 302</c>,
    /// <c>errcode 93000</c>, <c>reply not JSON</c>, <c>no errcode</c>) — never the reply's text, which only the
    /// server log gets (<see cref="Shorten"/>).
    /// </summary>
    public static string? ReplyError(int httpStatus, string? body)
    {
        if (httpStatus is < 200 or > 299) return "HTTP " + httpStatus.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("errcode", out var code))
                return "no errcode";
            long? errcode = code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var n) ? n
                : code.ValueKind == JsonValueKind.String && long.TryParse(code.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null;
            if (errcode == 0) return null;
            return errcode is { } e ? "errcode " + e.ToString(CultureInfo.InvariantCulture) : "bad errcode";
        }
        catch (JsonException)
        {
            return "reply not JSON";
        }
    }

    /// <summary>At most 200 characters of a reply, for the server log.</summary>
    public static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 200 ? text : text[..200] + "…";
}
