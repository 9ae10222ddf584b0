using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Domain.UnitTests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    public static TheoryData<int, double> Steps()
    {
        var data = new TheoryData<int, double>();
        for (var attempts = 1; attempts < WebhookRetrySchedule.MaxAttempts; attempts++)
        {
            data.Add(attempts, WebhookRetrySchedule.Delays[attempts].TotalSeconds);
        }

        return data;
    }

    [Fact]
    public void The_schedule_is_immediately_5s_5m_30m_2h_5h_10h_14h_20h_24h()
    {
        Assert.Equal(
            [0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400],
            WebhookRetrySchedule.Delays.Select(d => d.TotalSeconds));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Each_retry_waits_its_delay_within_ten_percent(int attemptsMade, double seconds)
    {
        var earliest = WebhookRetrySchedule.NextDelay(attemptsMade, 0.0)!.Value.TotalSeconds;
        var middle = WebhookRetrySchedule.NextDelay(attemptsMade, 0.5)!.Value.TotalSeconds;
        var latest = WebhookRetrySchedule.NextDelay(attemptsMade, 0.999999)!.Value.TotalSeconds;

        Assert.Equal(seconds * 0.9, earliest, 3);
        Assert.Equal(seconds, middle, 3);
        Assert.InRange(latest, seconds * 1.099, seconds * 1.1);
    }

    [Fact]
    public void After_the_last_attempt_there_is_no_retry()
    {
        Assert.Null(WebhookRetrySchedule.NextDelay(WebhookRetrySchedule.MaxAttempts, 0.5));
        Assert.Null(WebhookRetrySchedule.NextDelay(WebhookRetrySchedule.MaxAttempts, 0.5, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Retry_After_replaces_the_delay_up_to_a_day()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookRetrySchedule.NextDelay(1, 0.5, TimeSpan.FromSeconds(120)));
        Assert.Equal(TimeSpan.FromHours(24), WebhookRetrySchedule.NextDelay(1, 0.5, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void Rotation_signs_with_both_secrets_only_during_the_overlap()
    {
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var endpoint = WebhookEndpoint.Create(Guid.NewGuid(), "https://example.test/hook", ["*"], null, true, "old", now);

        endpoint.RotateSecret("new", now);

        Assert.Equal(["new", "old"], endpoint.SigningSecrets(now.AddHours(23)));
        Assert.Equal(["new"], endpoint.SigningSecrets(now.AddHours(24)));
    }
}
