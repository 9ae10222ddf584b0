using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Application.UnitTests;

public static class AppErrorAssert
{
    /// <summary>Asserts that <paramref name="act"/> fails with an application error of <paramref name="kind"/>.</summary>
    public static async Task<AppException> ThrowsAsync(ErrorKind kind, Func<Task> act)
    {
        var error = await Assert.ThrowsAsync<AppException>(act);
        Assert.Equal(kind, error.Kind);
        return error;
    }
}
