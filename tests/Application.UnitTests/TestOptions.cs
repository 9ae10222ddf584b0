using Microsoft.Extensions.Options;

namespace NovaPulse.Application.UnitTests;

/// <summary>A fixed options value for services that read <see cref="IOptionsMonitor{TOptions}"/>.</summary>
public sealed class TestOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
