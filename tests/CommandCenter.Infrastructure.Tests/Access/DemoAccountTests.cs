using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Access;

public sealed class DemoAccountTests
{
    [Fact]
    public async Task TheDemoStreet_HasOneSignInPerPost_WithThePublishedPassword_EvenIfItWasMadeBeforeSignIn()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Users.RemoveRange(db.Users);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext()) await database.Seeder.SeedAsync(db, caseCount: 0);

        await using var check = database.NewContext();
        var accounts = await check.Users.OrderBy(u => u.UserName).ToListAsync();
        Assert.Equal(DemoAccounts.Posts.Select(p => p.UserName).Order(), accounts.Select(a => a.UserName));
        Assert.All(accounts, a => Assert.True(a.IsDemo && a.LockoutEnabled));
        var hasher = new PasswordHasher<UserAccount>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(accounts[0], accounts[0].PasswordHash!, DemoAccounts.Password));
        Assert.All(accounts, a => Assert.Equal(database.Directory.StaffMember(a.StaffId)!.Role.ToString(),
            DemoAccounts.Posts.Single(p => p.UserName == a.UserName).Role.ToString()));
    }
}
