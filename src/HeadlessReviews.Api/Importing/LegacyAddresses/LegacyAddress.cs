namespace HeadlessReviews.Api.Importing.LegacyAddresses;

/// <summary>
/// An address an item had on the site it was imported from (its permalink, short link or an earlier
/// slug's address), keyed by <see cref="LegacyUrl.Key"/>, so frontends can redirect every old link.
/// </summary>
public sealed class LegacyAddress
{
    /// <summary>The address's key (<see cref="LegacyUrl.Key"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The GraphQL type of the item (<c>Review</c>, <c>Film</c>, <c>Person</c>).</summary>
    public string TypeName { get; set; } = "";

    public Guid NodeId { get; set; }

    /// <summary>The address as the source wrote it.</summary>
    public string Url { get; set; } = "";

    /// <summary>Addresses of one item, keyed; those that are no address of an item are left out.</summary>
    public static IEnumerable<LegacyAddress> Of(string typeName, Guid nodeId, IEnumerable<string> urls) =>
        urls.Select(url => (Key: LegacyUrl.Key(url), Url: url))
            .Where(address => address.Key is not null)
            .DistinctBy(address => address.Key)
            .Select(address => new LegacyAddress { Id = address.Key!, TypeName = typeName, NodeId = nodeId, Url = address.Url });
}
