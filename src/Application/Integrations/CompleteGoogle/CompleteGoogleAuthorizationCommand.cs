using Mediator;

namespace NovaPulse.Application.Integrations.CompleteGoogle;

/// <summary>
/// Google's redirect back (anonymous: the browser carries no token; the single-use state identifies company and person).
/// Answers where to send the browser next.
/// </summary>
public sealed record CompleteGoogleAuthorizationCommand(string? Code, string? State, string? Error) : ICommand<string>;
