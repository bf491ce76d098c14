using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>An attachment is made only from a stored photo's id, and only such a path is read back as a photo.</summary>
public class AttachmentTests
{
    private static readonly Guid Photo = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void OfPhoto_StoredPhoto_PointsAtThisSystemsAddress()
    {
        var attachment = Attachment.OfPhoto(Photo, "image/jpeg", 2);

        Assert.Equal(("photo-2.jpg", "image/jpeg", "/photos/0f8fad5bd9cb469fa16570867728950e", Photo),
            (attachment.FileName, attachment.ContentType, attachment.Path, attachment.PhotoId));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "image/jpeg", 1, "PhotoNotStored")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", "text/html", 1, "NotAPhoto")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", "image/jpeg", Case.MaxAttachments + 1, "TooManyAttachments")]
    public void OfPhoto_NotAStoredPhoto_ThrowsForPhotoIds(string id, string contentType, int number, string code) =>
        Expect.Invalid(code, "photoIds", () => Attachment.OfPhoto(Guid.Parse(id), contentType, number));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://127.0.0.1:9/x.png")]
    [InlineData("//evil.example/photos/0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("/photos/0f8fad5bd9cb469fa16570867728950e?x=javascript:alert(1)")]
    [InlineData("demo/photos/0101-report.jpg")]
    public void PhotoIdOf_AnyOtherPath_IsNull(string? path) => Assert.Null(Attachment.PhotoIdOf(path));
}
