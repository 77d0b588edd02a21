using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Accounts;

/// <summary>An account as listed: e-mail, roles, and whether it can sign in.</summary>
public sealed record AccountSummary(string Id, string Email, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor, bool LockedOut);

/// <summary>The outcome of an account change: done, or the reasons it was refused (never quoting the password).</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? UserId = null)
{
    public static AccountResult Ok(string? userId = null) => new(true, [], userId);

    public static AccountResult Fail(params string[] errors) => new(false, errors);
}

/// <summary>
/// Adding, listing, disabling accounts and issuing API tokens: one place for the <c>users</c> command
/// and the administrators' pages, so both apply the same rules and both record every change.
/// </summary>
public sealed class AccountService(UserManager<WebUser> users, RoleManager<IdentityRole> roles, WebDb db, TimeProvider clock)
{
    public const string Console = "console";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public Task<bool> AnyAccountsAsync() => users.Users.AnyAsync();

    public async Task<AccountResult> AddAsync(string email, IReadOnlyCollection<string> roleNames, string password, string actor)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        await EnsureRolesAsync();
        var unknown = roleNames.Where(r => !Roles.All.Contains(r)).ToList();
        if (roleNames.Count == 0 || unknown.Count > 0)
        {
            return AccountResult.Fail($"Give each role as one of: {string.Join(", ", Roles.All)}.");
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return AccountResult.Fail("Enter an e-mail address, like name@school.example.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Fail("There is already an account with that e-mail address.");
        }

        var user = new WebUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.Fail([.. created.Errors.Select(e => Describe(e))]);
        }

        await users.AddToRolesAsync(user, roleNames.Distinct(StringComparer.Ordinal));
        await RecordAsync(actor, $"added with roles {string.Join(", ", roleNames.Order(StringComparer.Ordinal))}", user.Id);
        return AccountResult.Ok(user.Id);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync()
    {
        var list = new List<AccountSummary>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            list.Add(new AccountSummary(
                user.Id,
                user.Email ?? string.Empty,
                [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
                user.Disabled,
                user.TwoFactorEnabled,
                !user.Disabled && user.LockoutEnd is { } end && end > clock.GetUtcNow()));
        }

        return list;
    }

    public async Task<AccountResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roleNames, string actor)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        if (roleNames.Count == 0 || roleNames.Any(r => !Roles.All.Contains(r)))
        {
            return AccountResult.Fail($"Choose at least one role: {string.Join(", ", Roles.All)}.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("There is no such account.");
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roleNames));
        await users.AddToRolesAsync(user, roleNames.Except(current).Distinct(StringComparer.Ordinal));
        await users.UpdateSecurityStampAsync(user);
        await RecordAsync(actor, $"roles changed to {string.Join(", ", roleNames.Order(StringComparer.Ordinal))}", user.Id);
        return AccountResult.Ok(user.Id);
    }

    /// <summary>The account can no longer sign in; its sessions end and its API tokens are revoked.</summary>
    public async Task<AccountResult> DisableAsync(string email, string actor)
    {
        var user = await users.FindByEmailAsync(email);
        return user is null ? AccountResult.Fail("There is no account with that e-mail address.") : await DisableAsync(user, actor);
    }

    public async Task<AccountResult> DisableByIdAsync(string userId, string actor)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? AccountResult.Fail("There is no such account.") : await DisableAsync(user, actor);
    }

    private async Task<AccountResult> DisableAsync(WebUser user, string actor)
    {
        user.Disabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await RevokeTokensAsync(user.Id, actor, record: false);
        await RecordAsync(actor, "disabled", user.Id);
        return AccountResult.Ok(user.Id);
    }

    /// <summary>A new API token for the account. Only its hash is kept: the token is shown once.</summary>
    public async Task<(AccountResult Result, string? Token)> IssueTokenAsync(string email, string actor)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.Disabled)
        {
            return (AccountResult.Fail("There is no active account with that e-mail address."), null);
        }

        var token = "sgd_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.ApiTokens.Add(new ApiToken { Id = Guid.NewGuid(), UserId = user.Id, Hash = ApiTokens.Hash(token), CreatedUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        await RecordAsync(actor, "API token issued", user.Id);
        return (AccountResult.Ok(user.Id), token);
    }

    public async Task<AccountResult> RevokeTokensAsync(string email, string actor)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AccountResult.Fail("There is no account with that e-mail address.");
        }

        await RevokeTokensAsync(user.Id, actor, record: true);
        return AccountResult.Ok(user.Id);
    }

    private async Task RevokeTokensAsync(string userId, string actor, bool record)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var token in await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedUtc == null).ToListAsync())
        {
            token.RevokedUtc = now;
        }

        await db.SaveChangesAsync();
        if (record)
        {
            await RecordAsync(actor, "API tokens revoked", userId);
        }
    }

    /// <summary>The latest changes to accounts and settings, newest first, with accounts named by e-mail.</summary>
    public async Task<IReadOnlyList<(DateTime WhenUtc, string Actor, string Action, string? Target)>> HistoryAsync(int take = 20)
    {
        var entries = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(take).ToListAsync();
        var ids = entries.SelectMany(e => new[] { e.Actor, e.TargetUserId }).OfType<string>().Distinct().ToList();
        var emails = await users.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id);
        string Name(string? id) => id is null ? string.Empty : emails.TryGetValue(id, out var email) ? email : id;
        return [.. entries.Select(e => (e.WhenUtc, Name(e.Actor), e.Action, e.TargetUserId is null ? null : Name(e.TargetUserId)))];
    }

    public async Task RecordAsync(string actor, string action, string? targetUserId)
    {
        db.Audit.Add(new AuditEntry { Actor = actor, Action = action, TargetUserId = targetUserId, WhenUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    /// <summary>Identity's password messages, in plain words; none quotes the password.</summary>
    private static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "The password must be at least 12 characters long. A few unrelated words make a good one.",
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) => "There is already an account with that e-mail address.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "Enter an e-mail address, like name@school.example.",
        _ => error.Description,
    };
}

/// <summary>How API tokens are stored: a SHA-256 hash, compared in constant time by lookup.</summary>
public static class ApiTokens
{
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
