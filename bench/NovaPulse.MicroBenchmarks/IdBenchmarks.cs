using BenchmarkDotNet.Attributes;
using NovaPulse.Domain.Common;

namespace NovaPulse.MicroBenchmarks;

/// <summary>An entity id, made for every entity EF Core materialises (the field initialiser runs on reads too).</summary>
[MemoryDiagnoser]
public class IdBenchmarks
{
    [Benchmark(Baseline = true)]
    public Guid GuidCreateVersion7() => Guid.CreateVersion7();

    [Benchmark]
    public Guid SequentialIdNew() => SequentialId.New();
}
