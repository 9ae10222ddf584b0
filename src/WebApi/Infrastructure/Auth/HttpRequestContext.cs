using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.WebApi.Infrastructure.Auth;

public sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public string? RequestId => accessor.HttpContext?.TraceIdentifier;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
