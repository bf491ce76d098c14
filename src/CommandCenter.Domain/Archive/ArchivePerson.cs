namespace CommandCenter.Domain.Archive;

/// <summary>A person of the archive, resident or owner: their name, and their ID and phone numbers only ever sealed.</summary>
public abstract class ArchivePerson : ArchiveRecord
{
    public string Name { get; protected set; } = "";
    public string? IdNumberCipher { get; private set; }
    public string? IdNumberLookup { get; private set; }
    public string? IdNumberMasked { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? PhoneLookup { get; private set; }
    public string? PhoneMasked { get; private set; }

    protected void SetNumbers(SealedNumber? idNumber, SealedNumber? phone)
    {
        (IdNumberCipher, IdNumberLookup, IdNumberMasked) = (idNumber?.Cipher, idNumber?.Lookup, idNumber?.Masked);
        (PhoneCipher, PhoneLookup, PhoneMasked) = (phone?.Cipher, phone?.Lookup, phone?.Masked);
    }
}
