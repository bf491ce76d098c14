using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Notices;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Notices;

public sealed class NoticeOutboxTests
{
    [Fact]
    public async Task Dispatch_WritesANoticeToEachOfTheUnitsStaff_InItsOwnWrite()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, unit) = await PendingDispatchAsync(database);

        await database.Cases.ExecuteAsync(id, new DispatchCase(unit.Id), database.Actor());

        await using var db = database.NewContext();
        var notices = await db.Notices.Where(n => n.CaseId == id).ToListAsync();
        var staff = database.Directory.Staff.Where(s => s.UnitId == unit.Id).ToList();
        Assert.NotEmpty(staff);
        Assert.Equal(staff.Select(s => s.Id).Order(), notices.Select(n => n.StaffId!.Value).Order());
        Assert.All(notices, n =>
        {
            Assert.Equal(NoticeKind.Dispatched, n.Kind);
            Assert.Equal(NoticeState.Pending, n.State);
            Assert.Contains(unit.Name, n.Text);
        });
        Assert.Equal(notices.Count, notices.Select(n => n.Key).Distinct().Count());
    }

    [Fact]
    public async Task Dispatch_RolledBackBeforeCommit_LeavesNeitherTheDispatchNorItsNotice()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, unit) = await PendingDispatchAsync(database);

        await using (var db = database.NewContext())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var stored = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
            stored.Dispatch(unit, [], DeadlineRules.Default, database.Actor().Actor, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            Assert.NotEmpty(await db.Notices.Where(n => n.CaseId == id).ToListAsync());
            // The process dies here: the transaction never commits.
            await transaction.RollbackAsync();
        }

        await using var after = database.NewContext();
        Assert.Empty(await after.Notices.Where(n => n.CaseId == id).ToListAsync());
        Assert.DoesNotContain(await after.TimelineEvents.Where(e => e.CaseId == id).ToListAsync(), e => e.Type == CaseEventType.Dispatched);
    }

    [Fact]
    public async Task OneSaveDispatchingSeveralCases_TellsEachStaffMemberOnce_NamingTheOthers()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (first, unit) = await PendingDispatchAsync(database);
        var (second, _) = await PendingDispatchAsync(database);
        var (third, _) = await PendingDispatchAsync(database);

        await using (var db = database.NewContext())
        {
            var now = database.Clock.GetUtcNow().UtcDateTime;
            foreach (var stored in await db.Cases.Include(c => c.Parts).Where(c => c.Id == first || c.Id == second || c.Id == third).ToListAsync())
                stored.Dispatch(unit, [], DeadlineRules.Default, database.Actor().Actor, now);
            await db.SaveChangesAsync();
        }

        await using var after = database.NewContext();
        var numbers = await after.Cases.Where(c => c.Id == first || c.Id == second || c.Id == third).Select(c => c.Number).ToListAsync();
        var notices = await after.Notices.Where(n => n.Kind == NoticeKind.Dispatched).ToListAsync();
        var staff = database.Directory.Staff.Where(s => s.UnitId == unit.Id && s.Phone != "").ToList();
        Assert.Equal(staff.Select(s => s.Id).Order(), notices.Select(n => n.StaffId!.Value).Order());
        Assert.All(notices, n =>
        {
            Assert.Contains("同批另有2件", n.Text);
            Assert.All(numbers, number => Assert.Contains(number, n.Text));
        });
    }

    [Fact]
    public async Task Rejection_TellsTheReporterWhoLeftAPhone_NotUrgently()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;

        await database.Cases.ExecuteAsync(id, new RejectCase("不属于受理范围"), database.Actor());

        await using var db = database.NewContext();
        var notice = Assert.Single(await db.Notices.Where(n => n.CaseId == id).ToListAsync());
        Assert.Equal(NoticeKind.CaseRejected, notice.Kind);
        Assert.Equal("13812345678", notice.Phone);
        Assert.Null(notice.StaffId);
        Assert.False(notice.IsUrgent);
    }

    [Fact]
    public async Task EditedTemplate_IsUsedByTheNextNotice_AndAudited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var admin = database.Service<NoticeAdministration>();
        await admin.SaveTemplateAsync(database.Actor("Administrator"), NoticeKind.Dispatched, new("新案件{number}请签收", 0));
        var (id, unit) = await PendingDispatchAsync(database);

        await database.Cases.ExecuteAsync(id, new DispatchCase(unit.Id), database.Actor());

        await using var db = database.NewContext();
        var number = (await db.Cases.SingleAsync(c => c.Id == id)).Number;
        Assert.All(await db.Notices.Where(n => n.CaseId == id).ToListAsync(), n => Assert.Equal($"新案件{number}请签收", n.Text));
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.Action == CommandCenter.Infrastructure.Access.AuditActions.NoticeTemplateSaved);
        Assert.Equal(1, (await admin.TemplatesAsync()).Single(t => t.Kind == NoticeKind.Dispatched).Revision);
    }

    [Fact]
    public async Task Dispatch_ReadsNoTemplateRows_AndKeepsTheRevisionItsNoticesWereWrittenFrom()
    {
        // Listening before the database exists: EF Core looks again only now and then whether anyone listens.
        using var commands = new ExecutedCommands();
        await using var database = await TestDatabase.CreateAsync();
        await database.Service<NoticeAdministration>().SaveTemplateAsync(database.Actor("Administrator"), NoticeKind.Dispatched, new("新案件{number}请签收", 0));
        var (id, unit) = await PendingDispatchAsync(database);
        var seen = commands.Texts.Count;

        await database.Cases.ExecuteAsync(id, new DispatchCase(unit.Id), database.Actor());

        // Other tests run beside this one: only this database's commands count.
        var ours = commands.Texts.Skip(seen).Where(c => c.DataSource == database.Path).ToList();
        Assert.Contains(ours, c => c.Text.Contains("INSERT INTO \"Notices\""));
        Assert.DoesNotContain(ours, c => c.Text.Contains("\"NoticeTemplates\""));
        await using var db = database.NewContext();
        var notices = await db.Notices.Where(n => n.CaseId == id).ToListAsync();
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal(1, n.TemplateRevision));
    }

    [Fact]
    public async Task NoticeOfAKindNeverEdited_IsWrittenFromTheShippedText_AtRevisionZero()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;

        await database.Cases.ExecuteAsync(id, new RejectCase("不属于受理范围"), database.Actor());

        await using var db = database.NewContext();
        var notice = Assert.Single(await db.Notices.Where(n => n.CaseId == id).ToListAsync());
        Assert.Equal(0, notice.TemplateRevision);
    }

    [Fact]
    public async Task Template_WithAnUnknownPlaceholder_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var admin = database.Service<NoticeAdministration>();

        await Assert.ThrowsAsync<CommandCenter.Domain.Common.DomainValidationException>(() =>
            admin.SaveTemplateAsync(database.Actor("Administrator"), NoticeKind.Dispatched, new("案件{numbr}", 0)));
    }

    internal static async Task<(Guid Id, HandlingUnit Unit)> PendingDispatchAsync(TestDatabase database)
    {
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Street), database.Actor());
        var unit = database.Directory.Units.First(u => u.Level == HandlingLevel.Street && database.Directory.Staff.Any(s => s.UnitId == u.Id));
        return (id, unit);
    }
}
