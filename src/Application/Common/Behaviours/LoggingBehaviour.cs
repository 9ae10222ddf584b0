using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace NovaPulse.Application.Common.Behaviours;

/// <summary>Times each use case; logs its name and duration (never its payload, which may carry secrets), loudly when slow.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var name = typeof(TMessage).Name;
        if (elapsed > SlowThreshold)
        {
            LogSlow(logger, name, elapsed.TotalMilliseconds);
        }
        else
        {
            LogHandled(logger, name, elapsed.TotalMilliseconds);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Message} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow use case {Message} took {ElapsedMs:0.0} ms")]
    private static partial void LogSlow(ILogger logger, string message, double elapsedMs);
}
