using System.Globalization;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// One row of the time-limit policy table: the limits for cases of a category (or any)
/// and urgency (or any) at one level. The scope is fixed once created; the limits may
/// change, and each change raises <see cref="Revision"/> so a case can record which
/// revision of which policy set its deadline.
/// </summary>
public sealed class TimePolicy
{
    public const double MinWarningShare = 0.05;
    public const double MaxWarningShare = 0.99;
    /// <summary>延期 a unit may be granted per round unless a policy says otherwise.</summary>
    public const int DefaultMaxPostponements = 2;
    /// <summary>The most 延期 a policy may allow per round.</summary>
    public const int MostPostponements = 10;
    /// <summary>The longest total extension a policy may allow; beyond it is a deferral (缓办), not a postponement.</summary>
    public static readonly TimeSpan LongestExtensionAllowed = TimeSpan.FromDays(365);

    private TimePolicy() { }

    public int Id { get; private set; }
    /// <summary>A group code (two digits), an item code (four digits), or null for any category.</summary>
    public string? CategoryCode { get; private set; }
    /// <summary>The urgency it applies to, or null for any.</summary>
    public Urgency? Urgency { get; private set; }
    public HandlingLevel Level { get; private set; }
    public TimeSpan SignFor { get; private set; }
    public TimeSpan Handling { get; private set; }
    public double WarningShare { get; private set; }
    public TimeBasis Basis { get; private set; }
    /// <summary>What follows a missed sign-for at twice the limit.</summary>
    public SignForLapse SignForLapse { get; private set; } = SignForLapse.ReturnToDispatch;
    /// <summary>A case that goes overdue (district handling limit, or a sign-for limit that only reminds) is 督办'd by the timer.</summary>
    public bool AutoSuperviseOnOverdue { get; private set; } = true;
    /// <summary>How long a case may wait to be taken in, dispatched and checked; an empty limit runs no clock.</summary>
    public WaitingLimits Waiting { get; private set; } = WaitingLimits.None;
    /// <summary>延期 a unit may be granted in one round.</summary>
    public int MaxPostponements { get; private set; } = DefaultMaxPostponements;
    /// <summary>How far, in total, 延期 may move a round's handling deadline from where it first stood.</summary>
    public TimeSpan LongestExtension { get; private set; }
    /// <summary>1 when created, raised by every update that changes something.</summary>
    public int Revision { get; private set; }

    /// <summary>
    /// Creates a policy at revision 1, refusing any invalid scope or limit; a missed sign-for returns to dispatch
    /// unless said otherwise, and 延期 may add at most one more handling limit in <see cref="DefaultMaxPostponements"/> grants.
    /// </summary>
    public static TimePolicy Create(
        int id, string? categoryCode, Urgency? urgency, HandlingLevel level,
        TimeSpan signFor, TimeSpan handling, double warningShare, TimeBasis basis,
        SignForLapse signForLapse = SignForLapse.ReturnToDispatch, bool autoSuperviseOnOverdue = true,
        int maxPostponements = DefaultMaxPostponements, TimeSpan? longestExtension = null, WaitingLimits? waiting = null)
    {
        if (categoryCode is not null && !(categoryCode.Length is 2 or 4 && categoryCode.All(char.IsAsciiDigit)))
            throw new DomainValidationException("InvalidCategoryCode", $"'{categoryCode}' is neither a group code (two digits) nor an item code (four digits).", "categoryCode");
        if (urgency is { } u) KnownValue.Of(u, "urgency");
        KnownValue.Of(level, "level");
        ValidateLimits(signFor, handling, warningShare, basis, signForLapse);
        var extension = longestExtension ?? handling;
        ValidatePostponements(maxPostponements, extension);

        return new TimePolicy
        {
            Id = id,
            CategoryCode = categoryCode,
            Urgency = urgency,
            Level = level,
            SignFor = signFor,
            Handling = handling,
            WarningShare = warningShare,
            Basis = basis,
            SignForLapse = signForLapse,
            AutoSuperviseOnOverdue = autoSuperviseOnOverdue,
            Waiting = (waiting ?? WaitingLimits.None).Validated(),
            MaxPostponements = maxPostponements,
            LongestExtension = extension,
            Revision = 1,
        };
    }

    /// <summary>
    /// Sets new limits, all or none; a new revision when any of them differs. No automatic-督办 switch,
    /// 延期 limit or waiting limits: the policy keeps its own.
    /// </summary>
    public void Update(
        TimeSpan signFor, TimeSpan handling, double warningShare, TimeBasis basis, SignForLapse signForLapse, bool? autoSuperviseOnOverdue = null,
        int? maxPostponements = null, TimeSpan? longestExtension = null, WaitingLimits? waiting = null)
    {
        ValidateLimits(signFor, handling, warningShare, basis, signForLapse);
        var autoSupervise = autoSuperviseOnOverdue ?? AutoSuperviseOnOverdue;
        var postponements = maxPostponements ?? MaxPostponements;
        var extension = longestExtension ?? LongestExtension;
        ValidatePostponements(postponements, extension);
        var waits = (waiting ?? Waiting).Validated();
        if (signFor == SignFor && handling == Handling && warningShare == WarningShare && basis == Basis && signForLapse == SignForLapse
            && autoSupervise == AutoSuperviseOnOverdue && postponements == MaxPostponements && extension == LongestExtension && waits == Waiting) return;

        SignFor = signFor;
        Handling = handling;
        WarningShare = warningShare;
        Basis = basis;
        SignForLapse = signForLapse;
        AutoSuperviseOnOverdue = autoSupervise;
        Waiting = waits;
        MaxPostponements = postponements;
        LongestExtension = extension;
        Revision++;
    }

    private static void ValidatePostponements(int maxPostponements, TimeSpan longestExtension)
    {
        if (maxPostponements is < 0 or > MostPostponements)
            throw new DomainValidationException("MaxPostponementsOutOfRange", $"At most {MostPostponements} postponements per round, and not fewer than none.", "maxPostponements");
        if (longestExtension <= TimeSpan.Zero || longestExtension > LongestExtensionAllowed)
            throw new DomainValidationException("LongestExtensionOutOfRange",
                $"The longest extension must be longer than zero and at most {LongestExtensionAllowed.TotalDays:0} days.", "longestExtension");
    }

    private static void ValidateLimits(TimeSpan signFor, TimeSpan handling, double warningShare, TimeBasis basis, SignForLapse signForLapse)
    {
        if (signFor <= TimeSpan.Zero)
            throw new DomainValidationException("SignForNotPositive", "The sign-for limit must be longer than zero.", "signFor");
        if (handling <= TimeSpan.Zero)
            throw new DomainValidationException("HandlingNotPositive", "The handling limit must be longer than zero.", "handling");
        if (signFor >= handling)
            throw new DomainValidationException("SignForNotShorterThanHandling", "The sign-for limit must be shorter than the handling limit.", "signFor");
        if (warningShare is not (>= MinWarningShare and <= MaxWarningShare))
            throw new DomainValidationException("WarningShareOutOfRange", string.Create(CultureInfo.InvariantCulture, $"The warning share must be between {MinWarningShare} and {MaxWarningShare}."), "warningShare");
        KnownValue.Of(basis, "basis");
        KnownValue.Of(signForLapse, "signForLapse");
    }
}
