using Microsoft.EntityFrameworkCore;
using Sightline.Storage;

namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline users</c>: accounts added with a role and links, a random password shown once, reset and
/// disabled, and every mistake refused with a sentence.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    [Fact]
    public void AnAccountIsAddedWithARandomPasswordShownOnceThenResetAndDisabled()
    {
        var database = Path.Combine(_sightline.Home, "council.db");
        _sightline.Run("generate", "--children", "60", "--database", database).ExitCode.Should().Be(0);
        string staffId, team;
        using (var db = SightlineDatabase.SqliteFile(database).Open())
        {
            var worker = db.Workers.AsNoTracking().OrderBy(w => w.StaffId).First(w => w.Role == Model.WorkerRole.TeamManager);
            staffId = worker.StaffId;
            team = db.Teams.AsNoTracking().Single(t => t.Id == worker.TeamId).Name;
        }

        var add = _sightline.Run("users", "add", "j.bloggs", "--role", "team-manager", "--worker", staffId, "--team", team, "--database", database);
        add.ExitCode.Should().Be(0, add.Error);
        add.Output.Should().Contain("Added j.bloggs (Team manager)").And.MatchRegex("Password: [a-z2-9]{4}(-[a-z2-9]{4}){4}");

        var list = _sightline.Run("users", "list", "--database", database);
        list.Output.Should().Contain("j.bloggs").And.Contain("team-manager").And.Contain(staffId).And.Contain(team);

        var reset = _sightline.RunWithInput("a new password of mine\n", "users", "reset", "j.bloggs", "--password-stdin", "--database", database);
        reset.ExitCode.Should().Be(0, reset.Error);
        reset.Output.Should().Contain("Reset j.bloggs").And.NotContain("Password:");

        _sightline.Run("users", "disable", "j.bloggs", "--database", database).ExitCode.Should().Be(0);
        using (var db = SightlineDatabase.SqliteFile(database).Open())
        {
            var user = db.Users.AsNoTracking().Include(u => u.Teams).Single(u => u.UserName == "j.bloggs");
            user.LockoutEnd.Should().NotBeNull();
            user.Teams.Should().ContainSingle();
            user.PasswordHash.Should().NotContain("a new password of mine");
        }

        _sightline.Run("users", "list", "--database", database).Output.Should().MatchRegex(@"j\.bloggs.*│\s*no\s*│");
    }

    [Theory]
    [InlineData(new[] { "users", "add", "x", "--role", "director" }, "There is no role 'director'")]
    [InlineData(new[] { "users", "add", "x", "--role", "social-worker" }, "--worker")]
    [InlineData(new[] { "users", "add", "x", "--role", "team-manager" }, "--team")]
    [InlineData(new[] { "users", "add", "x", "--role", "social-worker", "--worker", "NOBODY" }, "No worker has the staff ID 'NOBODY'")]
    [InlineData(new[] { "users", "reset", "nobody" }, "There is no account called 'nobody'")]
    [InlineData(new[] { "users", "disable", "nobody" }, "There is no account called 'nobody'")]
    public void MistakesAreRefusedWithASentence(string[] command, string message)
    {
        var (exit, _, error) = _sightline.Run([.. command, "--database", Path.Combine(_sightline.Home, "empty.db")]);
        exit.Should().Be(1);
        error.Should().Contain(message);
    }

    public void Dispose() => _sightline.Dispose();
}
