namespace HeadlessReviews.Api.Editing;

/// <summary>A catalogue document to delete (a film, a person), at the version the deletion is based on.</summary>
public sealed class DeleteInput
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }

    /// <summary>Also change or delete what refers to it; without it, a document others refer to stays (<c>IN_USE</c>).</summary>
    public bool Cascade { get; set; }
}
