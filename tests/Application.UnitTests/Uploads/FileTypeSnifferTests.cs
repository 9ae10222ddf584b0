using System.Text;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class FileTypeSnifferTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    private static readonly byte[] Pe = [.. "MZ"u8, 0x90, 0, 3, 0];
    private static readonly byte[] Elf = [0x7F, .. "ELF"u8, 2, 1, 1];
    private static readonly byte[] MachO = [0xCF, 0xFA, 0xED, 0xFE, 7, 0];

    public static TheoryData<byte[], string, string, UploadKind> Allowed => new()
    {
        { Png, "a.png", "image/png", UploadKind.Image },
        { Jpeg, "a.jpg", "image/jpeg", UploadKind.Image },
        { [.. "GIF89a"u8, 1, 0], "a.gif", "image/gif", UploadKind.Image },
        { [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8], "a.webp", "image/webp", UploadKind.Image },
        { [.. "%PDF-1.7\n"u8], "a.pdf", "application/pdf", UploadKind.Document },
        { [0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0], "a.mp4", "video/mp4", UploadKind.Video },
        { [0, 0, 0, 0x14, .. "ftypqt  "u8, 0, 0], "a.mov", "video/quicktime", UploadKind.Video },
        { [0x1A, 0x45, 0xDF, 0xA3, 1], "a.webm", "video/webm", UploadKind.Video },
        { [.. "a,b\n1,2\n"u8], "a.csv", "text/csv", UploadKind.Document },
        { [.. "{\"a\":1}"u8], "a.json", "application/json", UploadKind.Document },
        { [.. "hello, wörld"u8], "notes.txt", "text/plain", UploadKind.Document },
        { [0x50, 0x4B, 0x03, 0x04, 20, 0], "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", UploadKind.Document },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_types_are_recognised_by_their_magic_bytes(byte[] header, string name, string contentType, UploadKind kind)
    {
        var result = FileTypeSniffer.Sniff(header, null, name);

        Assert.True(result.Allowed, result.Reason);
        Assert.Equal(contentType, result.ContentType);
        Assert.Equal(kind, result.Kind);
    }

    [Theory]
    [InlineData("photo.png", "image/png")]
    [InlineData("photo.png", null)]
    [InlineData("setup.exe", "application/octet-stream")]
    public void Windows_executables_are_refused_whatever_they_claim(string name, string? declared) =>
        Assert.False(FileTypeSniffer.Sniff(Pe, declared, name).Allowed);

    [Fact]
    public void Elf_and_mach_o_binaries_and_scripts_are_refused()
    {
        Assert.False(FileTypeSniffer.Sniff(Elf, null, "tool").Allowed);
        Assert.False(FileTypeSniffer.Sniff(MachO, null, "tool").Allowed);
        Assert.False(FileTypeSniffer.Sniff("#!/bin/sh\nrm -rf /"u8.ToArray(), "text/plain", "run.txt").Allowed);
    }

    [Fact]
    public void Content_contradicting_the_declared_type_is_refused()
    {
        var result = FileTypeSniffer.Sniff(Png, "application/pdf", "a.pdf");

        Assert.False(result.Allowed);
        Assert.Contains("image/png", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_contradicting_the_extension_is_refused() =>
        Assert.False(FileTypeSniffer.Sniff(Jpeg, null, "document.pdf").Allowed);

    [Fact]
    public void Aliases_and_parameters_of_declared_types_are_understood() =>
        Assert.True(FileTypeSniffer.Sniff(Jpeg, "image/JPG; charset=binary", "a.jpeg").Allowed);

    [Fact]
    public void A_plain_zip_and_unknown_binaries_are_refused()
    {
        Assert.False(FileTypeSniffer.Sniff([0x50, 0x4B, 0x03, 0x04, 20, 0], null, "archive.zip").Allowed);
        Assert.False(FileTypeSniffer.Sniff([0, 1, 2, 3, 0, 0xFF], null, "blob.bin").Allowed);
    }

    [Fact]
    public void Dangerous_extensions_are_refused_even_with_text_content() =>
        Assert.False(FileTypeSniffer.Sniff(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "text/plain", "page.html").Allowed);

    [Fact]
    public void Declared_types_for_signed_uploads_must_be_allowed_and_match_the_name()
    {
        Assert.True(FileTypeSniffer.CheckDeclared("image/png", "a.png").Allowed);
        Assert.False(FileTypeSniffer.CheckDeclared("application/x-msdownload", "a.exe").Allowed);
        Assert.False(FileTypeSniffer.CheckDeclared("image/png", "a.pdf").Allowed);
    }
}
