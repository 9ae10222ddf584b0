using Asp.Versioning;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace NovaPulse.WebApi.Controllers;

/// <summary>Thin controllers: bind, send to the mediator, shape the HTTP answer. Errors surface as exceptions mapped to ProblemDetails.</summary>
[ApiController]
[ApiVersion(1)]
public abstract class ApiControllerBase : ControllerBase
{
    private ISender? _sender;

    protected ISender Sender => _sender ??= HttpContext.RequestServices.GetRequiredService<ISender>();
}
