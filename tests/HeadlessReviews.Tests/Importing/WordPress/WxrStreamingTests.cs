using System.Text;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Tests.Importing.WordPress;

public sealed class WxrStreamingTests
{
    [Fact]
    public void A_large_export_is_read_item_by_item_from_a_file()
    {
        const int count = 5_000;
        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                var export = WxrFixtures.Export("@ITEMS@");
                var at = export.IndexOf("@ITEMS@", StringComparison.Ordinal);
                writer.Write(export[..at]);
                for (var i = 1; i <= count; i++)
                {
                    writer.Write($"<item><title>Review &#8211; Film {i}</title><wp:post_id>{i}</wp:post_id>");
                    writer.Write($"<content:encoded><![CDATA[{new string('x', 2_000)}]]></content:encoded>");
                    writer.Write($"<wp:comment><wp:comment_id>{i}</wp:comment_id></wp:comment></item>\n");
                }
                writer.Write(export[(at + 7)..]);
            }

            using var file = File.OpenRead(path);
            using var reader = WxrReader.Open(file);
            long expected = 0, seen = 0;
            foreach (var item in reader.ReadItems())
            {
                expected++;
                Assert.Equal(expected, item.PostId);
                seen++;
            }
            Assert.Equal(count, seen);

            using var again = File.OpenRead(path);
            Assert.Equal(count, WxrScan.Validate(again).Comments);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
