using System.Text.RegularExpressions;

namespace KashiInvest.Web.Tests.Support;

/// <summary>Signs in through the real sign-in form, antiforgery token included, as a browser would.</summary>
public static partial class HttpSignIn
{
    public const string DemoPassword = "KashiDemo#2026";

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = DemoPassword, bool rememberMe = false)
    {
        var form = await client.GetStringAsync("/account/login");
        var input = AntiforgeryInput().Match(form).Value;
        var token = ValueAttribute().Match(input).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form has no antiforgery token");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = rememberMe ? "true" : "false",
        }));
        return response;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex ValueAttribute();
}
