using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class FileNameSanitizerTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\cmd.png", "cmd.png")]
    [InlineData("/var/www/../secret.txt", "secret.txt")]
    [InlineData("..", "file")]
    [InlineData("....", "file")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("  report.pdf  ", "report.pdf")]
    [InlineData("a\u0000b\u001fc.txt", "abc.txt")]
    [InlineData("bad<>:\"|?*name.png", "bad_______name.png")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("résumé 2026.pdf", "résumé 2026.pdf")]
    public void Names_keep_only_a_safe_last_segment(string? input, string expected) =>
        Assert.Equal(expected, FileNameSanitizer.Sanitize(input));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = FileNameSanitizer.Sanitize(new string('a', 400) + ".png");

        Assert.Equal(255, name.Length);
        Assert.EndsWith(".png", name, StringComparison.Ordinal);
    }
}
