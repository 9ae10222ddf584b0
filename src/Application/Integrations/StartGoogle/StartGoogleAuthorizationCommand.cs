using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.StartGoogle;

/// <summary>
/// Begins Google's authorization code flow for the caller's company: a single-use <c>state</c> bound to the company and
/// the caller (10 minutes), a PKCE S256 challenge, offline access with forced consent (so Google issues a refresh token).
/// </summary>
[RequireRole(Role.Admin)]
public sealed record StartGoogleAuthorizationCommand : ICommand<GoogleAuthorizationStart>;

/// <summary>Where to send the browser: Google's consent screen.</summary>
public sealed record GoogleAuthorizationStart(string Url);
