using CommandCenter.Domain.Access;

namespace CommandCenter.Domain.Tests.Access;

public sealed class SignInRulesTests
{
    [Theory]
    [InlineData("Abcdefghi1")]
    [InlineData("CunTan-2026")]
    public void Password_WithEveryKindAndTenCharacters_IsAccepted(string password) => Assert.Equal(password, SignInRules.Password(password));

    [Theory]
    [InlineData("Abcdefgh1", "WeakPassword")]
    [InlineData("abcdefghi1", "WeakPassword")]
    [InlineData("ABCDEFGHI1", "WeakPassword")]
    [InlineData("Abcdefghij", "WeakPassword")]
    [InlineData("", "Required")]
    public void Password_MissingAKindOrTooShort_IsRefused(string password, string code) =>
        Expect.Invalid(code, "password", () => SignInRules.Password(password));

    [Fact]
    public void Password_LongerThanTheLimit_IsRefused() =>
        Expect.Invalid("WeakPassword", "password", () => SignInRules.Password("Aa1" + new string('x', SignInRules.MaxPasswordLength)));

    [Theory]
    [InlineData("wang.fang")]
    [InlineData("admin@cuntan")]
    public void UserName_OfAllowedCharacters_IsAccepted(string userName) => Assert.Equal(userName, SignInRules.UserName(userName));

    [Theory]
    [InlineData("王芳", "InvalidUserName")]
    [InlineData("wang fang", "InvalidUserName")]
    [InlineData("", "Required")]
    public void UserName_Otherwise_IsRefused(string userName, string code) =>
        Expect.Invalid(code, "userName", () => SignInRules.UserName(userName));
}
