namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Names of Marten's document tables, for the hand-written SQL of lists and batches
/// (a test proves they match what Marten creates).
/// </summary>
public static class Tables
{
    public const string Films = "public.mt_doc_film";
    public const string People = "public.mt_doc_person";
    public const string Reviews = "public.mt_doc_review";
    public const string Comments = "public.mt_doc_comment";
}
