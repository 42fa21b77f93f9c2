using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>What every post of one import shares: the source, the options, and what the first pass and earlier posts found.</summary>
public sealed record ImportContext(
    string Site,
    WxrChannel Channel,
    WordPressImportOptions Options,
    CatalogueIndex Catalogue,
    Attachments Attachments)
{
    public ConversionOptions Conversion { get; } = Options.MediaBaseUrl is { } media ? ConversionOptions.WithMediaBaseUrl(media) : ConversionOptions.Default;
}
