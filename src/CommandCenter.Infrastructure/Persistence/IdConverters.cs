using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommandCenter.Infrastructure.Persistence;

// The typed ids are stored as the ints they wrap: the same columns with the same values as before they had types.

internal sealed class UnitIdConverter() : ValueConverter<UnitId, int>(id => id.Value, value => new UnitId(value));

internal sealed class CourtyardIdConverter() : ValueConverter<CourtyardId, int>(id => id.Value, value => new CourtyardId(value));

internal sealed class CommunityIdConverter() : ValueConverter<CommunityId, int>(id => id.Value, value => new CommunityId(value));

internal sealed class StaffIdConverter() : ValueConverter<StaffId, int>(id => id.Value, value => new StaffId(value));

internal sealed class GridIdConverter() : ValueConverter<GridId, int>(id => id.Value, value => new GridId(value));

internal sealed class StreetIdConverter() : ValueConverter<StreetId, int>(id => id.Value, value => new StreetId(value));

internal sealed class DistrictIdConverter() : ValueConverter<DistrictId, int>(id => id.Value, value => new DistrictId(value));

internal sealed class BuildingIdConverter() : ValueConverter<BuildingId, int>(id => id.Value, value => new BuildingId(value));

internal sealed class HomeIdConverter() : ValueConverter<HomeId, int>(id => id.Value, value => new HomeId(value));

internal sealed class ResidentIdConverter() : ValueConverter<ResidentId, int>(id => id.Value, value => new ResidentId(value));

internal sealed class OwnerIdConverter() : ValueConverter<OwnerId, int>(id => id.Value, value => new OwnerId(value));

internal sealed class FacilityIdConverter() : ValueConverter<FacilityId, long>(id => id.Value, value => new FacilityId(value));
