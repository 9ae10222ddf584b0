using NovaPulse.Infrastructure.Storage.Cloudinary;

namespace NovaPulse.Infrastructure.Tests.Storage;

public sealed class CloudinarySignatureTests
{
    /// <summary>The worked example of Cloudinary's "Generating authentication signatures" page.</summary>
    [Fact]
    public void Matches_the_documented_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["timestamp"] = "1315060510",
            ["public_id"] = "sample_image",
            ["eager"] = "w_400,h_300,c_pad|w_260,h_200,c_crop",
            ["api_key"] = "1234",
            ["file"] = "ignored",
            ["resource_type"] = "image",
            ["cloud_name"] = "demo",
        };

        Assert.Equal("eager=w_400,h_300,c_pad|w_260,h_200,c_crop&public_id=sample_image&timestamp=1315060510", CloudinarySignature.StringToSign(parameters));
        Assert.Equal("bfd09f95f331f558cbd1320e67aa8d488770583e", CloudinarySignature.Sign(parameters, "abcd"));
    }

    [Fact]
    public void Sha256_signatures_are_64_hex_characters_and_differ_from_sha1()
    {
        var parameters = new Dictionary<string, string> { ["public_id"] = "x", ["timestamp"] = "1" };

        var sha256 = CloudinarySignature.Sign(parameters, "secret", "sha256");

        Assert.Equal(64, sha256.Length);
        Assert.NotEqual(CloudinarySignature.Sign(parameters, "secret"), sha256);
    }

    [Fact]
    public void Delivery_signatures_have_the_s_dash_dash_form()
    {
        var signature = CloudinarySignature.DeliverySignature("c_thumb,w_256,h_256/abc/def", "secret");

        Assert.Matches("^s--[A-Za-z0-9_-]{8}--$", signature);
    }
}
