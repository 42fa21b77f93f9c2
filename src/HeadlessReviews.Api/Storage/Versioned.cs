using JasperFx;

namespace HeadlessReviews.Api.Storage;

/// <summary>A document read with its version beside it (<see cref="DocumentJson.Beside"/>).</summary>
public sealed record Versioned<T>(T Document, int Version) where T : IRevisioned
{
    /// <summary>The document, its version set from Marten's column.</summary>
    public T Value
    {
        get
        {
            Document.Version = Version;
            return Document;
        }
    }
}
