using System.CommandLine;
using SafeguardDocs.Cli.Commands;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation.Settings;

namespace SafeguardDocs.Cli;

/// <summary>
/// <c>--settings FILE</c> and <c>--data DIR</c> on the commands that check or write documents: the
/// organisation's settings from the file given, else <c>settings.json</c> in the data folder, else the
/// defaults from the seeds.
/// </summary>
internal sealed class SettingsOptions
{
    private readonly Option<string?> file = new("--settings")
    {
        Description = "The organisation's settings (JSON): LADO working days, days before a delivery is chased, extra closure days, contacts. Default: settings.json in the data folder, if there is one.",
    };

    private readonly Option<string> data = new("--data")
    {
        Description = "The data folder: settings.json is looked for there, and the register of issued documents (register.sqlite) is kept there.",
        DefaultValueFactory = _ => "data",
    };

    public static SettingsOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new SettingsOptions();
        command.Options.Add(options.file);
        command.Options.Add(options.data);
        return options;
    }

    /// <summary>The data folder given (default <c>data</c>), as a full path.</summary>
    public string DataFolder(ParseResult parse, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(env);
        return env.Resolve(parse.GetValue(data)!);
    }

    /// <summary>The settings to use, or null (the problems printed) when the settings file cannot be used.</summary>
    public OrganisationSettings? Load(ParseResult parse, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(env);
        var given = parse.GetValue(file);
        var read = SettingsFile.Locate(given is null ? null : env.Resolve(given), env.Resolve(parse.GetValue(data)!));
        if (read.Succeeded)
        {
            return read.Settings;
        }

        FindingPrinter.Print(env.Error, read.Errors, env);
        env.Error.WriteLine("Nothing written: the settings file could not be used. Correct it and run again.");
        return null;
    }
}
