namespace HeadlessReviews.Api.Security;

/// <summary>The roles of DESIGN.md; anonymous callers are readers.</summary>
public static class Roles
{
    public const string Reader = "READER";
    public const string Editor = "EDITOR";
    public const string Moderator = "MODERATOR";
    public const string Admin = "ADMIN";

    /// <summary>Reads drafts as they will look once published (a frontend's preview mode); writes nothing.</summary>
    public const string Preview = "PREVIEW";
}
