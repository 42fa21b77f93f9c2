using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Tests.Importing.WordPress;

public sealed class PhpUnserializerTests
{
    [Fact]
    public void Real_looking_attachment_metadata_is_read_as_a_tree()
    {
        const string meta = """a:5:{s:5:"width";i:1200;s:6:"height";i:800;s:4:"file";s:22:"2014/02/her-poster.jpg";s:5:"sizes";a:1:{s:9:"thumbnail";a:3:{s:4:"file";s:22:"her-poster-150x150.jpg";s:5:"width";i:150;s:6:"height";i:150;}}s:10:"image_meta";a:4:{s:8:"aperture";d:2.8;s:7:"caption";s:0:"";s:11:"orientation";i:0;s:8:"keywords";a:0:{}}}""";
        Assert.True(PhpUnserializer.TryParse(meta, out var value, out var error), error);
        var root = Assert.IsType<PhpArray>(value);
        Assert.Equal(new PhpInteger(1200), root["width"]);
        var thumbnail = (PhpArray)((PhpArray)root["sizes"]!)["thumbnail"]!;
        Assert.Equal(new PhpString("her-poster-150x150.jpg"), thumbnail["file"]);
        Assert.Equal(new PhpFloat(2.8), ((PhpArray)root["image_meta"]!)["aperture"]);
    }

    [Fact]
    public void String_lengths_count_UTF8_bytes()
    {
        // "Amélie – 東京" is 10 characters but 18 bytes in UTF-8.
        Assert.True(PhpUnserializer.TryParse("a:1:{i:0;s:18:\"Amélie – 東京\";}", out var value, out var error), error);
        Assert.Equal(new PhpString("Amélie – 東京"), ((PhpArray)value!)["0"]);
        Assert.False(PhpUnserializer.TryParse("s:12:\"Amélie – 東京\";", out _, out _));
    }

    [Fact]
    public void Booleans_null_negative_numbers_and_objects_are_read()
    {
        Assert.True(PhpUnserializer.TryParse("""a:4:{s:1:"b";b:1;s:1:"n";N;i:-3;d:-0.5;s:1:"o";O:8:"stdClass":1:{s:1:"x";i:1;}}""", out var value, out var error), error);
        var array = (PhpArray)value!;
        Assert.Equal(new PhpBoolean(true), array["b"]);
        Assert.Same(PhpNull.Instance, array["n"]);
        Assert.Equal(new PhpFloat(-0.5), array["-3"]);
        var obj = Assert.IsType<PhpObject>(array["o"]);
        Assert.Equal("stdClass", obj.ClassName);
        Assert.Equal(new PhpInteger(1), obj["x"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not serialised")]
    [InlineData("a:2:{s:5:\"width\";i:1200;")]
    [InlineData("s:50:\"short\";")]
    [InlineData("i:12x;")]
    [InlineData("a:1:{a:0:{}i:1;}")]
    [InlineData("b:2;")]
    [InlineData("i:99999999999999999999;")]
    [InlineData("s:-1:\"\";")]
    [InlineData("r:1;")]
    [InlineData("i:1;extra")]
    public void Malformed_input_is_a_failure_with_a_reason(string text)
    {
        Assert.False(PhpUnserializer.TryParse(text, out var value, out var error));
        Assert.Null(value);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = string.Concat(Enumerable.Repeat("a:1:{i:0;", 10_000)) + "N;" + new string('}', 10_000);
        Assert.False(PhpUnserializer.TryParse(deep, out _, out var error));
        Assert.Contains("nested", error);
    }

    [Fact]
    public void Attachment_metadata_accessor_tolerates_string_sizes_and_rejects_non_arrays()
    {
        Assert.True(AttachmentMetadata.TryRead("""a:2:{s:5:"width";s:3:"640";s:6:"height";s:4:"auto";}""", out var metadata, out _));
        Assert.Equal(new AttachmentMetadata(640, null, null), metadata);
        Assert.False(AttachmentMetadata.TryRead("i:5;", out _, out var error));
        Assert.NotNull(error);
        Assert.False(AttachmentMetadata.TryRead("a:1:{s:5:\"width\"", out _, out _));
    }
}
