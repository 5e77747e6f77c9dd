using System.Net;
using System.Net.Http.Headers;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>The world's files: one small file its owner uploaded.</summary>
public sealed partial record PartnershipWorld
{
    public Guid FileId { get; init; }

    private async Task<PartnershipWorld> WithFilesAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/files?name=probe.txt&type=text/plain"));
        request.Content = new ByteArrayContent("Probe file"u8.ToArray());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await Owner.Http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return this with
        {
            FileId = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid(),
        };
    }
}
