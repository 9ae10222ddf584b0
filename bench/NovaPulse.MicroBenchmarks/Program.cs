using BenchmarkDotNet.Running;

// Micro-benchmarks of the request path's hot pieces changed for docs/PERFORMANCE.md ("API request path"):
//   dotnet run -c Release --project bench/NovaPulse.MicroBenchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
