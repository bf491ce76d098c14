namespace CommandCenter.Domain.Archive;

/// <summary>
/// An ID number or phone number as the archive keeps it (PIPL): the number encrypted, a keyed hash to
/// find it by, and its masked form to show. The domain never holds the key; the infrastructure seals.
/// </summary>
public sealed record SealedNumber(string Cipher, string Lookup, string Masked);

/// <summary>Seals a number; implemented where the keys are.</summary>
public interface INumberSealer
{
    SealedNumber Seal(string number, Func<string, string?> mask);

    string Open(string cipher);

    string LookupOf(string number);
}
