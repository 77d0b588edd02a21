using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Web;
using SafeguardDocs.Web.Accounts;

namespace SafeguardDocs.Cli.Commands;

/// <summary><c>users</c>: accounts of the web app, from the console of the machine it runs on.</summary>
internal static class UsersCommand
{
    /// <summary>Where <c>--password-stdin</c> reads from: standard input, read when the command runs.</summary>
    private static TextReader Input => Console.In;

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("users", "Add, list and disable accounts of the web app, and issue API tokens.");
        command.Subcommands.Add(Add(env));
        command.Subcommands.Add(List(env));
        command.Subcommands.Add(Disable(env));
        command.Subcommands.Add(Token(env));
        return command;
    }

    private static Option<string> DataOption() => new("--data") { Description = "The web app's data folder.", DefaultValueFactory = _ => "data" };

    private static int WithAccounts(CliEnvironment env, string data, Func<AccountService, int> action)
    {
        using var provider = WebApp.AccountServices(env.Resolve(data));
        using var scope = provider.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<AccountService>());
    }

    private static Command Add(CliEnvironment env)
    {
        var email = new Argument<string>("EMAIL") { Description = "The member of staff's email address (their user name)." };
        var role = new Option<string[]>("--role") { Description = "admin, dsl or office; repeat for more than one.", Required = true, AllowMultipleArgumentsPerToken = false };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (otherwise one is made and printed once)." };
        var data = DataOption();
        var command = new Command("add", "Add an account.") { email, role, stdin, data };
        command.SetAction(parse => WithAccounts(env, parse.GetValue(data)!, accounts =>
        {
            var generated = !parse.GetValue(stdin);
            var password = generated ? MakePassword() : (Input.ReadLine() ?? string.Empty).TrimEnd('\r', '\n');
            var result = accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, password, AccountService.Console).GetAwaiter().GetResult();
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    env.Error.WriteLine($"safeguard-docs: {error}");
                }

                return ExitCodes.InputUnusable;
            }

            env.Out.WriteLine("Account added. DSL and admin accounts set up two-factor sign-in the first time they sign in.");
            if (generated)
            {
                env.Out.WriteLine("Its first password (shown once; give it to them in person):");
                env.Out.WriteLine(password);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var data = DataOption();
        var command = new Command("list", "List the accounts: email, roles, status.") { data };
        command.SetAction(parse => WithAccounts(env, parse.GetValue(data)!, accounts =>
        {
            var all = accounts.ListAsync().GetAwaiter().GetResult();
            foreach (var account in all)
            {
                var status = account.Disabled ? "disabled" : account.LockedOut ? "locked out" : account.TwoFactor ? "active, two-factor" : "active";
                env.Out.WriteLine($"{account.Email}\t{string.Join(",", account.Roles)}\t{status}");
            }

            env.Out.WriteLine(all.Count == 1 ? "1 account." : $"{all.Count} accounts.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Disable(CliEnvironment env)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account to disable." };
        var data = DataOption();
        var command = new Command("disable", "Disable an account: it can no longer sign in, and its API tokens are revoked.") { email, data };
        command.SetAction(parse => WithAccounts(env, parse.GetValue(data)!, accounts =>
        {
            var result = accounts.DisableAsync(parse.GetValue(email)!, AccountService.Console).GetAwaiter().GetResult();
            if (!result.Succeeded)
            {
                env.Error.WriteLine($"safeguard-docs: {result.Errors[0]}");
                return ExitCodes.InputUnusable;
            }

            env.Out.WriteLine("Account disabled.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Token(CliEnvironment env)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account the token acts as (its roles apply)." };
        var revoke = new Option<bool>("--revoke") { Description = "Revoke every API token of the account instead of issuing one." };
        var data = DataOption();
        var command = new Command("token", "Issue an API token (printed alone on the last line), or revoke them with --revoke.") { email, revoke, data };
        command.SetAction(parse => WithAccounts(env, parse.GetValue(data)!, accounts =>
        {
            if (parse.GetValue(revoke))
            {
                var revoked = accounts.RevokeTokensAsync(parse.GetValue(email)!, AccountService.Console).GetAwaiter().GetResult();
                if (!revoked.Succeeded)
                {
                    env.Error.WriteLine($"safeguard-docs: {revoked.Errors[0]}");
                    return ExitCodes.InputUnusable;
                }

                env.Out.WriteLine("Every API token of the account is revoked.");
                return ExitCodes.Success;
            }

            var (result, token) = accounts.IssueTokenAsync(parse.GetValue(email)!, AccountService.Console).GetAwaiter().GetResult();
            if (!result.Succeeded)
            {
                env.Error.WriteLine($"safeguard-docs: {result.Errors[0]}");
                return ExitCodes.InputUnusable;
            }

            env.Out.WriteLine("API token (shown once; send it as 'Authorization: Bearer TOKEN'; revoke with --revoke):");
            env.Out.WriteLine(token);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string MakePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
