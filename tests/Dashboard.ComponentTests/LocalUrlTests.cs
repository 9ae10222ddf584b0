using NovaPulse.Dashboard.Components.Pages.Account;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("dashboard/uploads", "/dashboard/uploads")]
    [InlineData("/settings/webhooks?x=1", "/settings/webhooks?x=1")]
    [InlineData(null, LocalUrl.Home)]
    [InlineData("//evil.example/phish", LocalUrl.Home)]
    [InlineData("https://evil.example/", LocalUrl.Home)]
    [InlineData("/\\evil.example", LocalUrl.Home)]
    public void Sign_in_returns_only_to_a_path_on_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(returnUrl));
}
