using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.UnitTests;

public sealed class TestRequestContext : IRequestContext
{
    public string? RequestId { get; set; } = "req-test";

    public string? IpAddress { get; set; } = "203.0.113.7";
}
