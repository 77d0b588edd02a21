namespace SafeguardDocs.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return CliApp.Run(args, CliEnvironment.System);
    }
}
