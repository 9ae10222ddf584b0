using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>Multipart form fields in any order relative to the file, and the bounds on how many are read.</summary>
public sealed class UploadFormFieldTests(UploadsFactory factory) : IClassFixture<UploadsFactory>
{
    [Fact]
    public async Task Fields_sent_after_the_file_are_applied()
    {
        var tenant = await factory.RegisterAsync();
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Uploads.Text("after")), "file", "after.txt" },
            { new StringContent("shots"), "folder" },
            { new StringContent("launch"), "tags" },
            { new StringContent("true"), "isPublic" },
        };

        var response = await tenant.Owner.PostAsync("/api/v1/uploads", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("shots", upload["folder"]!.GetValue<string>());
        Assert.Equal("launch", upload["tags"]![0]!.GetValue<string>());
        Assert.True(upload["isPublic"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_invalid_field_after_the_file_is_400_and_nothing_is_stored()
    {
        var tenant = await factory.RegisterAsync();
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Uploads.Text("bad")), "file", "bad.txt" },
            { new StringContent("not-a-uuid"), "taskId" },
        };

        var response = await tenant.Owner.PostAsync("/api/v1/uploads", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var usage = (await tenant.Owner.GetFromJsonAsync<JsonObject>("/api/v1/uploads/usage"))!;
        Assert.Equal(0, usage["usedBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task More_than_32_fields_is_400_too_many_form_fields()
    {
        var tenant = await factory.RegisterAsync();
        var content = new MultipartFormDataContent();
        for (var i = 0; i < 33; i++)
        {
            content.Add(new StringContent("x"), $"extra{i}");
        }

        content.Add(new ByteArrayContent(Uploads.Text("many")), "file", "many.txt");

        var response = await tenant.Owner.PostAsync("/api/v1/uploads", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("too_many_form_fields", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Field_bytes_beyond_64_KiB_are_413()
    {
        var tenant = await factory.RegisterAsync();
        var content = new MultipartFormDataContent();
        for (var i = 0; i < 17; i++)
        {
            content.Add(new StringContent(new string('x', 4000)), $"extra{i}");
        }

        content.Add(new ByteArrayContent(Uploads.Text("big")), "file", "big.txt");

        var response = await tenant.Owner.PostAsync("/api/v1/uploads", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("form_fields_too_large", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_larger_than_the_plans_file_limit_plus_the_margin_is_413()
    {
        var tenant = await factory.RegisterAsync();
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Uploads.Text("small")), "file", "small.txt" },
            { new ByteArrayContent(new byte[UploadsFactory.MaxUploadBytes + 1024 * 1024 + 1]), "padding", "padding.bin" },
        };

        var response = await tenant.Owner.PostAsync("/api/v1/uploads", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
