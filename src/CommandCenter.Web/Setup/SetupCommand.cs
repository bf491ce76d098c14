using System.Security.Cryptography;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Setup;

namespace CommandCenter.Web.Setup;

/// <summary>
/// <c>dotnet CommandCenter.Web.dll setup --admin NAME --phone PHONE --district DISTRICT --street STREET --code CODE [--user NAME] [--password PASSWORD]</c>:
/// the setup page's alternative for whoever runs the server, so it needs no setup code. Without
/// --password a strong one is made and printed once.
/// </summary>
public static class SetupCommand
{
    public const string Verb = "setup";
    public const string DefaultUserName = "admin";

    public static bool IsSetup(string[] args) => args is [Verb, ..];

    /// <summary>Runs the setup on a migrated database and says what happened; the exit code is 0 when the street was opened.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var options = Options(args[1..]);
        var password = options.GetValueOrDefault("password");
        var made = password is null;
        password ??= NewPassword();
        var input = new SetupInput(
            options.GetValueOrDefault("district"), options.GetValueOrDefault("street"), options.GetValueOrDefault("code"),
            options.GetValueOrDefault("admin"), options.GetValueOrDefault("phone"), options.GetValueOrDefault("user") ?? DefaultUserName, password);
        try
        {
            var done = await services.GetRequiredService<FirstStart>().CompleteAsync(input, code: null, ActSource.Console);
            await output.WriteLineAsync($"Street {done.StreetCode} is set up. Administrator: {done.UserName}" + (made ? $", password {password} (printed once; keep it safe)." : "."));
            return 0;
        }
        catch (SetupRefusedException)
        {
            await output.WriteLineAsync("This database has a street already; the setup is done once.");
            return 2;
        }
        catch (DomainValidationException e)
        {
            await output.WriteLineAsync($"--{OptionOf(e.Field)}: {e.Message}");
            return 1;
        }
    }

    /// <summary>"--name value" pairs; a name given twice keeps the last value.</summary>
    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        return options;
    }

    private static string OptionOf(string field) => field switch
    {
        "districtName" => "district",
        "streetName" => "street",
        "streetCode" => "code",
        "adminName" => "admin",
        "adminPhone" => "phone",
        "userName" => "user",
        _ => field,
    };

    /// <summary>Sixteen characters that meet <see cref="SignInRules.Password"/> whatever the draw: four of each kind, then more.</summary>
    private static string NewPassword()
    {
        var chars = RandomNumberGenerator.GetItems<char>("ABCDEFGHJKLMNPQRSTUVWXYZ", 4)
            .Concat(RandomNumberGenerator.GetItems<char>("abcdefghijkmnpqrstuvwxyz", 4))
            .Concat(RandomNumberGenerator.GetItems<char>("23456789", 4))
            .Concat(RandomNumberGenerator.GetItems<char>("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 4))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
