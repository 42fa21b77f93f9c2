using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using Marten;

namespace HeadlessReviews.Api.Importing.LegacyAddresses;

/// <summary>Root field <c>nodeByLegacyUrl</c>: the item an address of the old site pointed at, for redirects.</summary>
public sealed class LegacyAddressQueries(IEnumerable<NodeSource> sources) : IQueryFields
{
    private readonly Dictionary<string, NodeSource> _sources = sources.ToDictionary(source => source.TypeName);

    public void AddTo(QueryType query)
    {
        query.Field<NodeInterface>("nodeByLegacyUrl")
            .Description("The item an address of the site it was imported from pointed at — its permalink (with or without scheme, host and trailing slash), its `?p=` short link, or the address of an earlier slug — so a frontend can redirect old links. Null when no imported item had that address, or the caller may not see it.")
            .Argument<NonNullGraphType<StringGraphType>>("url", $"An old address: `https://films.example.org/2014/02/review-her/`, `/2014/02/review-her`, `?p=2102`. At most {LegacyUrl.MaxLength} characters.")
            .Resolve().WithServices<IQuerySession, IServiceProvider>().ResolveAsync(async (context, session, services) =>
            {
                var url = context.GetArgument<string>("url");
                if (url.Length > LegacyUrl.MaxLength)
                    throw new UserInputError("url", $"`url` may be at most {LegacyUrl.MaxLength} characters; it has {url.Length}.");
                if (LegacyUrl.Key(url) is not { } key) return null;
                var address = await session.LoadAsync<LegacyAddress>(key, context.CancellationToken);
                return address is not null && _sources.TryGetValue(address.TypeName, out var source) ? source.Load(services, address.NodeId) : null;
            });
    }
}
