using System.Collections.Frozen;
using GraphQL.Types;

namespace HeadlessReviews.Api.Reviews;

public sealed class ReviewBodyType : ObjectGraphType<ReviewBody>
{
    /// <summary>The fields a body read without its Markdown and plain text answers (<see cref="Review.BodyHtmlOnly"/>).</summary>
    public static readonly FrozenSet<string> HtmlOnlyFields = FrozenSet.ToFrozenSet(["__typename", "html", "pullQuotes"], StringComparer.Ordinal);

    public ReviewBodyType()
    {
        Name = "ReviewBody";
        Description = "The text of a review in the forms a frontend needs.";
        Field(x => x.Markdown).Description("The source as the editor wrote it (CommonMark).");
        Field(x => x.Html).Description("Rendered HTML, sanitised: safe to insert into a page as it is.");
        Field(x => x.Text).Description("Plain text, paragraphs separated by a blank line: for previews, feeds and voice.");
        Field(x => x.PullQuotes).Description("The pull-quotes (the body's block quotes) as plain text, in order.");
    }
}
