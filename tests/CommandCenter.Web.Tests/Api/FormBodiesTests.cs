using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Api;

/// <summary>How FormBodies classifies what the form reader throws; TestServer cannot make Kestrel's own body-size refusal.</summary>
public sealed class FormBodiesTests
{
    [Fact]
    public async Task KestrelsBodyTooLarge_Keeps413()
    {
        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() =>
            PostAsync(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task BodyCutOff_Is400()
    {
        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => PostAsync(new IOException("Unexpected end of Stream.")));

        Assert.Equal(StatusCodes.Status400BadRequest, refused.StatusCode);
        Assert.IsType<IOException>(refused.InnerException);
    }

    private static Task PostAsync(Exception whenRead)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Body = new FailingStream(whenRead);
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, null, "form"));
        return new ApplicationBuilder(http.RequestServices).UseFormBodies().Build()(http);
    }

    private sealed class FailingStream(Exception failure) : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw failure;

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw failure;
    }
}
