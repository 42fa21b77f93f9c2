using GraphQL.Types;

namespace HeadlessReviews.Api.Images;

public sealed class ImageInputType : InputObjectGraphType<ImageInput>
{
    public ImageInputType()
    {
        Name = "ImageInput";
        Description = "A picture: where it is and what it shows.";
        Field<NonNullGraphType<StringGraphType>>("url").Description("Absolute http(s) URL of the image file.");
        Field<NonNullGraphType<StringGraphType>>("altText").Description("What a screen reader should say, 1 to 300 characters.");
        Field(x => x.Width, nullable: true).Description("Width in pixels.");
        Field(x => x.Height, nullable: true).Description("Height in pixels.");
    }
}
