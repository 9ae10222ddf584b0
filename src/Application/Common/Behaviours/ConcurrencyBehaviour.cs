using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Concurrency;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Application.Common.Behaviours;

/// <summary>
/// A save that lost a race to a concurrent one (a concurrency token moved, or the row went) becomes an application error,
/// so every caller (API, dashboard) reads it the same way: 412 when the use case carried the version the caller saw,
/// else 409 <c>concurrent_change</c>, since a caller that sent no precondition has none to fail.
/// </summary>
public sealed class ConcurrencyBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw message is IConditionalRequest { ExpectedVersion: not null }
                ? AppException.PreconditionFailed("The resource was changed by someone else; reload it and retry.", e)
                : AppException.ConcurrentChange(e);
        }
    }
}
