using SafeguardDocs.Benchmarks;

// dotnet run -c Release --project bench/SafeguardDocs.Benchmarks -- letters [--count N] [--runs R]
// dotnet run -c Release --project bench/SafeguardDocs.Benchmarks -- pack [--pupils N]
return BenchApp.Run(args, Console.Out);
