using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Access;

/// <summary>
/// The key ring (cookies, antiforgery, the archive's sealed numbers) lives in the database; with a certificate
/// configured it is stored sealed to it, so a copy of the database alone unseals nothing.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _certificateFile = Path.Combine(Path.GetTempPath(), $"cc-keyring-{Guid.NewGuid():N}.pfx");
    private const string Password = "测试-keyring";

    public KeyRingProtectionTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CommandCenter key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificateFile, certificate.Export(X509ContentType.Pfx, Password));
    }

    [Fact]
    public async Task WithACertificate_EveryKeyIsStoredSealed_AndAServerHoldingItReadsThemAfterARestart()
    {
        var settings = new Dictionary<string, string> { ["DataProtection:CertificatePath"] = _certificateFile, ["DataProtection:CertificatePassword"] = Password };
        await using var first = new CommandCenterFactory { Settings = settings, DemoCases = 0 };
        var @protected = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("110101199001011234");

        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                // An unsealed key carries its secret in clear as <masterKey …><value>base64</value></masterKey>.
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }

        await using var restarted = new CommandCenterFactory { Settings = settings, DemoCases = 0, DatabaseFile = first.DatabaseFile };
        Assert.Equal("110101199001011234", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(@protected));
    }

    public void Dispose() => File.Delete(_certificateFile);
}
