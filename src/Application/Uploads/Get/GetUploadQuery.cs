using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Get;

[RequireRole(Role.Member)]
public sealed record GetUploadQuery(Guid Id) : IQuery<UploadDto>;
