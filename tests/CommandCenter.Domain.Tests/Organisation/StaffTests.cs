using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

public sealed class StaffTests
{
    [Fact]
    public void New_ADispatcher_NeedsNoUnit_AndKeepsThePhoneAsDigits()
    {
        var staff = Staff.New(StaffId.From(3), " 李娜 ", "+86 138-1234-5678", AccessRole.Dispatcher, null, null, null);

        Assert.Equal(("李娜", "13812345678", AccessRole.Dispatcher), (staff.Name, staff.Phone, staff.Role));
    }

    // Each row: the post as given, and the code and field it is refused with.
    [Theory]
    [InlineData("", "13812345678", AccessRole.Dispatcher, false, false, false, "Required", "name")]
    [InlineData("李娜", "", AccessRole.Dispatcher, false, false, false, "Required", "phone")]
    [InlineData("李娜", "12345", AccessRole.Dispatcher, false, false, false, "InvalidPhone", "phone")]
    [InlineData("李娜", "13812345678", AccessRole.Display, false, false, false, "NotAStaffRole", "role")]
    [InlineData("李娜", "13812345678", AccessRole.Resident, false, false, false, "NotAStaffRole", "role")]
    [InlineData("李娜", "13812345678", AccessRole.PropertyStaff, false, false, false, "PostNeedsUnit", "unitId")]
    [InlineData("李娜", "13812345678", AccessRole.DepartmentLiaison, false, true, true, "PostNeedsUnit", "unitId")]
    [InlineData("李娜", "13812345678", AccessRole.CommunityStaff, true, false, true, "PostNeedsCommunity", "communityId")]
    [InlineData("李娜", "13812345678", AccessRole.GridWorker, true, true, false, "PostNeedsGrid", "gridId")]
    public void New_WithoutWhatThePostNeeds_IsRefused(
        string name, string phone, AccessRole role, bool unit, bool community, bool grid, string code, string field) =>
        Expect.Invalid(code, field, () => Staff.New(StaffId.From(3), name, phone, role,
            unit ? UnitId.From(1) : null, community ? CommunityId.From(1) : null, grid ? GridId.From(1) : null));
}
