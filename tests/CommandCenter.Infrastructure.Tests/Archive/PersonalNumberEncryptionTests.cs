using System.Text;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Archive;

/// <summary>The database file holds no ID number or phone number in plain text; the vault opens them again.</summary>
public sealed class PersonalNumberEncryptionTests
{
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13912345678";

    [Fact]
    public async Task TheDatabaseFile_HoldsNoNumberInPlainText_AndTheVaultOpensThem()
    {
        string path;
        await using (var database = await TestDatabase.CreateAsync())
        {
            path = database.Path;
            var vault = database.Service<PersonalNumberVault>();
            var courtyard = database.Directory.Courtyards.First();
            var now = database.Clock.GetUtcNow().UtcDateTime;
            var home = Home.Record(new HomeId(900_001), courtyard.Id, null, "9-9-909", 89.5m, AreaSource.Registry, HomeUse.Home, ArchiveSource.LandRegistry, now);
            var resident = Resident.Record(new ResidentId(900_001), home.Id, "张三", 1, Relation.Head, null, ResidentTags.ElderlyAlone,
                vault.Seal(IdNumber, PersonalData.MaskIdNumber), vault.Seal(Phone, PersonalData.MaskPhone), ArchiveSource.ResidentBook, now);
            var owner = Owner.Record(new OwnerId(900_001), OwnerKind.Person, "张三", vault.Seal(IdNumber, PersonalData.MaskIdNumber),
                vault.Seal(Phone, PersonalData.MaskPhone), ArchiveSource.LandRegistry, now);
            await using (var db = database.NewContext())
            {
                db.AddRange(home, resident, owner, Ownership.Record(home.Id, owner.Id, true, ArchiveSource.LandRegistry, now));
                await db.SaveChangesAsync();
            }

            await using (var db = database.NewContext())
            {
                var stored = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == resident.Id);
                Assert.Equal((IdNumber, Phone), (vault.Open(stored.IdNumberCipher!), vault.Open(stored.PhoneCipher!)));
                Assert.Equal(("110***********002X", "139****5678"), (stored.IdNumberMasked, stored.PhoneMasked));
                // Found by number through the keyed hash, never by the number itself.
                Assert.Equal(resident.Id, (await db.Residents.AsNoTracking().SingleAsync(r => r.PhoneLookup == vault.LookupOf(Phone))).Id);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var number in new[] { IdNumber, Phone })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(number)) < 0, $"{number} is in {Path.GetFileName(file)} in plain text");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(number)) < 0, $"{number} is in {Path.GetFileName(file)} as UTF-16");
            }
        }
    }
}
