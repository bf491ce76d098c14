using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

public sealed class FirstSetupTests
{
    [Fact]
    public void Of_GoodInput_IsTrimmed_TheCodeUpperCased_AndThePhoneKeptAsDigits()
    {
        var setup = FirstSetup.Of(" 江北区 ", "寸滩街道", "ct", "王芳", "138 1234 5678");

        Assert.Equal(("江北区", "寸滩街道", "CT", "王芳", "13812345678"), (setup.DistrictName, setup.StreetName, setup.StreetCode, setup.AdminName, setup.AdminPhone));
        Assert.Equal(AccessRole.Administrator, setup.Administrator(StaffId.From(7)).Role);
        var street = setup.Street(new StreetId(3), new DistrictId(2));
        Assert.Equal((new StreetId(3), new DistrictId(2), "CT"), (street.Id, street.DistrictId, street.Code));
    }

    // Each row: what is wrong, the code and the field it is refused with.
    [Theory]
    [InlineData("", "寸滩街道", "CT", "王芳", "13812345678", "Required", "districtName")]
    [InlineData("江北区", " ", "CT", "王芳", "13812345678", "Required", "streetName")]
    [InlineData("江北区", "寸滩街道", "C", "王芳", "13812345678", "InvalidStreetCode", "streetCode")]
    [InlineData("江北区", "寸滩街道", "C1", "王芳", "13812345678", "InvalidStreetCode", "streetCode")]
    [InlineData("江北区", "寸滩街道", "CTJBQ", "王芳", "13812345678", "TooLong", "streetCode")]
    [InlineData("江北区", "寸滩街道", "寸滩", "王芳", "13812345678", "InvalidStreetCode", "streetCode")]
    [InlineData("江北区", "寸滩街道", "CT", "", "13812345678", "Required", "adminName")]
    [InlineData("江北区", "寸滩街道", "CT", "王芳", "", "Required", "adminPhone")]
    [InlineData("江北区", "寸滩街道", "CT", "王芳", "12345", "InvalidPhone", "adminPhone")]
    public void Of_BadInput_IsRefused_NamingTheField(string district, string street, string code, string admin, string phone, string refusal, string field) =>
        Expect.Invalid(refusal, field, () => FirstSetup.Of(district, street, code, admin, phone));
}
