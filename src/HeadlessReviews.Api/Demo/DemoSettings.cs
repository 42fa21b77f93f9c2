namespace HeadlessReviews.Api.Demo;

/// <summary>Bound from <c>HeadlessReviews</c>: <c>HeadlessReviews__SeedDemoData=true</c> loads the demo catalogue into an empty store.</summary>
public sealed class DemoSettings
{
    public const string Section = "HeadlessReviews";

    public bool SeedDemoData { get; set; }
}
