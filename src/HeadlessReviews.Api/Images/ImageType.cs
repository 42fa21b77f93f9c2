using GraphQL.Types;

namespace HeadlessReviews.Api.Images;

public sealed class ImageType : ObjectGraphType<Image>
{
    public ImageType()
    {
        Name = "Image";
        Description = "A picture (poster, portrait) with what a screen reader should say about it.";
        Field(x => x.Url).Description("Absolute URL of the image file.");
        Field(x => x.AltText).Description("Text alternative for readers who cannot see the image.");
        Field(x => x.Width, nullable: true).Description("Width in pixels, when known.");
        Field(x => x.Height, nullable: true).Description("Height in pixels, when known.");
    }
}
