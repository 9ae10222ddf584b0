using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Common.Options;

/// <summary>Section <c>Auth</c>: lifetimes and lockout rules.</summary>
public sealed class AuthSettings
{
    public const string SectionName = "Auth";

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
