using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Search;

/// <summary>
/// One row of a search, read as JSON with exactly one of its documents set, so Marten's own
/// serializer reads all three kinds from one query.
/// </summary>
public sealed class SearchHit
{
    public Review? Review { get; set; }
    public Film? Film { get; set; }
    public Person? Person { get; set; }

    public object Document => (object?)Review ?? (object?)Film ?? Person ?? throw new InvalidOperationException("A search hit holds no document.");
}
