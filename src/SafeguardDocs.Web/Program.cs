namespace SafeguardDocs.Web;

/// <summary>Runs the web app on its own (<c>dotnet run --project src/SafeguardDocs.Web</c>); <c>safeguard-docs serve</c> is the usual way.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = WebApp.Build(args);
        }
        catch (WebStartupException e)
        {
            await Console.Error.WriteLineAsync("safeguard-docs: " + e.Message);
            return 2;
        }

        await app.StartAsync();
        foreach (var line in await WebApp.StartupLinesAsync(app))
        {
            await Console.Out.WriteLineAsync(line);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
}
