namespace NovaPulse.Application.Common.Interfaces;

/// <summary>
/// Encrypts secrets we must be able to read back (webhook signing secrets, integration credentials) for storage.
/// The protected form carries the id of the key that sealed it, so keys can rotate.
/// </summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);

    /// <summary>False for values sealed with a previous key: the rotation command re-seals those.</summary>
    bool IsSealedWithCurrentKey(string protectedValue);
}
