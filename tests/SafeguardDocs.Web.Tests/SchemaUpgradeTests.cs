using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Tests;

/// <summary>A database made by an earlier version opens in this one with nothing lost and the newer tables added.</summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public async Task A_database_missing_a_newer_table_gets_it_and_keeps_its_records_and_accounts()
    {
        using var host = new WebHost();
        await host.AddUserAsync("office@school.example", [Roles.Office]);
        var id = await host.AddRecordAsync(Samples.Path("device-allocation.json"));
        var database = Path.Combine(host.DataFolder, DataFolder.DatabaseFile);

        // As an earlier version left it: without a table a later version added.
        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE \"ApiTokens\"";
            drop.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var services = WebApp.AccountServices(host.DataFolder);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        db.ApiTokens.Count().ShouldBe(0);
        db.Records.Single(r => r.Id == id).Kind.ShouldBe("device-allocation");
        db.Users.Single().Email.ShouldBe("office@school.example");
    }

    [Fact]
    public void Every_statement_of_the_model_is_repeatable()
    {
        var statements = SchemaUpgrade.Statements("CREATE TABLE \"A\" (\"Id\" INTEGER);\r\n\r\nCREATE UNIQUE INDEX \"IX\" ON \"A\" (\"Id\");\r\nCREATE INDEX \"IY\" ON \"A\" (\"Id\");\r\n");
        statements.ShouldBe(["CREATE TABLE IF NOT EXISTS \"A\" (\"Id\" INTEGER);", "CREATE UNIQUE INDEX IF NOT EXISTS \"IX\" ON \"A\" (\"Id\");", "CREATE INDEX IF NOT EXISTS \"IY\" ON \"A\" (\"Id\");"]);
        Should.Throw<InvalidOperationException>(() => SchemaUpgrade.Statements("DROP TABLE \"A\";"));
    }
}
