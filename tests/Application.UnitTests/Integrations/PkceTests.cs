using NovaPulse.Application.Integrations.Common;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class PkceTests
{
    [Fact]
    public void The_S256_challenge_matches_the_rfc_7636_example()
    {
        // RFC 7636, appendix B.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void Verifiers_are_43_unreserved_characters_and_never_repeat()
    {
        var verifiers = Enumerable.Range(0, 50).Select(_ => Pkce.NewVerifier()).ToList();

        Assert.All(verifiers, v => Assert.Matches("^[A-Za-z0-9_-]{43}$", v));
        Assert.Equal(verifiers.Count, verifiers.Distinct().Count());
    }
}
