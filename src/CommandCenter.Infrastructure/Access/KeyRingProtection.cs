using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Access;

/// <summary>Section "DataProtection": the certificate that seals the key ring in the database.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A .pfx with its private key, kept outside the database (a mounted secret, a protected folder).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that sealed keys earlier and may still unseal them after a change of certificate.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];
}

/// <summary>
/// The key ring (sign-in cookies, antiforgery tokens, the archive's sealed ID and phone numbers) lives in the
/// database so that every server reads it. Left like that, the database file alone unseals the numbers: PIPL asks
/// that a stolen copy should not. With a certificate configured, each key is stored encrypted to it, and only a
/// server that holds the certificate can read the ring. Keys written before a certificate was configured stay
/// readable and retire at their expiry (90 days); every key written afterwards is sealed.
/// </summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeysAsConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        builder.Services.AddHostedService(sp => new UnsealedKeyRingWarning(
            options.CertificatePath is null, sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<UnsealedKeyRingWarning>>()));
        if (options.CertificatePath is null) return builder;
        var current = Load(options.CertificatePath, options.CertificatePassword);
        return builder.ProtectKeysWithCertificate(current)
            .UnprotectKeysWithAnyCertificate([current, .. options.PreviousCertificatePaths.Select(p => Load(p, options.CertificatePassword))]);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"DataProtection: the certificate {path} has no private key, so it could seal the key ring but never read it again.");
        return certificate;
    }

    /// <summary>Says once at start-up, in Production, that the key ring is stored unsealed.</summary>
    private sealed class UnsealedKeyRingWarning(bool unsealed, IHostEnvironment environment, ILogger<UnsealedKeyRingWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (unsealed && environment.IsProduction())
                logger.LogWarning("The Data Protection key ring is stored in the database unsealed: a copy of the database unseals the archive's ID and phone numbers. "
                    + "Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to a certificate kept outside it.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
