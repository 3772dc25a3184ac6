using System.CommandLine;
using Spectre.Console;
using Sightline.Storage;
using Sightline.Web;
using Sightline.Web.Access;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline users</c>: the accounts that sign in to the web application.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var roles = string.Join(", ", Roles.All.Select(r => r.Name));
        var users = new Command("users", "Add, reset, disable and list the accounts that sign in to the web application.");

        var name = new Argument<string>("user-name") { Description = "The account's user name (letters, digits and - . _ @ +)." };
        var role = new Option<string>("--role") { Description = $"The account's role: {roles}.", Required = true };
        var worker = new Option<string?>("--worker") { Description = "The staff ID of the worker the account belongs to (needed for a social worker).", HelpName = "STAFF-ID" };
        var team = new Option<string[]>("--team") { Description = "A team the account manages, by name (a team manager needs at least one); repeat for more.", HelpName = "NAME" };
        var email = new Option<string?>("--email") { Description = "The account's e-mail address, matched by single sign-on when the user name is not." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of making a random one." };
        var database = Terminal.DatabaseOption();
        var add = new Command("add", "Add an account. Its password is random and shown once, unless --password-stdin gives one.")
        {
            name, role, worker, team, email, passwordStdin, database,
        };
        add.SetAction(async (parse, _) =>
        {
            var target = Migrated(parse.GetValue(database));
            using var accounts = new Accounts(target);
            var given = parse.GetValue(passwordStdin) ? ReadPassword() : null;
            var password = await accounts.AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(worker), parse.GetValue(team) ?? [], parse.GetValue(email), given);
            AnsiConsole.MarkupLine($"Added [bold]{Markup.Escape(parse.GetValue(name)!)}[/] ({Markup.Escape(Roles.Find(parse.GetValue(role)!)!.Title)}).");
            ShowPassword(given, password);
            return 0;
        });

        var resetName = new Argument<string>("user-name") { Description = "The account's user name." };
        var resetStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input instead of making a random one." };
        var resetDatabase = Terminal.DatabaseOption();
        var reset = new Command("reset", "Give an account a new password (random and shown once, unless --password-stdin), and enable it if it was disabled or locked.")
        {
            resetName, resetStdin, resetDatabase,
        };
        reset.SetAction(async (parse, _) =>
        {
            using var accounts = new Accounts(Migrated(parse.GetValue(resetDatabase)));
            var given = parse.GetValue(resetStdin) ? ReadPassword() : null;
            var password = await accounts.ResetAsync(parse.GetValue(resetName)!, given);
            AnsiConsole.MarkupLine($"Reset [bold]{Markup.Escape(parse.GetValue(resetName)!)}[/]; it can sign in again.");
            ShowPassword(given, password);
            return 0;
        });

        var disableName = new Argument<string>("user-name") { Description = "The account's user name." };
        var disableDatabase = Terminal.DatabaseOption();
        var disable = new Command("disable", "Stop an account signing in; its open sessions end at their next request. `users reset` enables it again.")
        {
            disableName, disableDatabase,
        };
        disable.SetAction(async (parse, _) =>
        {
            using var accounts = new Accounts(Migrated(parse.GetValue(disableDatabase)));
            await accounts.DisableAsync(parse.GetValue(disableName)!);
            AnsiConsole.MarkupLine($"Disabled [bold]{Markup.Escape(parse.GetValue(disableName)!)}[/].");
            return 0;
        });

        var listDatabase = Terminal.DatabaseOption();
        var list = new Command("list", "Every account with its role, worker, teams and whether it is disabled.") { listDatabase };
        list.SetAction(async (parse, _) =>
        {
            using var accounts = new Accounts(Migrated(parse.GetValue(listDatabase)));
            var table = new Table().AddColumn("User name").AddColumn("Role").AddColumn("Worker").AddColumn("Teams").AddColumn("Enabled");
            foreach (var account in await accounts.ListAsync())
            {
                table.AddRow(Markup.Escape(account.UserName), Markup.Escape(string.Join(", ", account.Roles)), Markup.Escape(account.WorkerStaffId ?? "–"),
                    Markup.Escape(string.Join(", ", account.Teams)), account.Disabled ? "no" : "yes");
            }

            AnsiConsole.Write(table);
            return 0;
        });

        users.Add(add);
        users.Add(reset);
        users.Add(disable);
        users.Add(list);
        return users;
    }

    private static SightlineDatabase Migrated(string? database)
    {
        var target = SightlineDatabase.Parse(database);
        target.Migrate();
        return target;
    }

    private static string ReadPassword() =>
        Console.In.ReadLine() is { Length: > 0 } line ? line.TrimEnd('\r') : throw new ArgumentException("--password-stdin read no password from standard input.");

    private static void ShowPassword(string? given, string password)
    {
        if (given is null)
        {
            // Written once, to the terminal that asked: it is stored only as a hash.
            Console.Out.WriteLine($"Password: {password}");
            Console.Out.WriteLine("Give it to the user by a safe route; it is not shown again.");
        }
    }
}
