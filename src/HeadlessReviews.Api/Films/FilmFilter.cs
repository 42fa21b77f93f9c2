using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Films;

/// <summary>The <c>where</c> of <c>films</c>: every condition given must hold.</summary>
public sealed class FilmFilter
{
    public string? Genre { get; set; }
    public Certificate? Certificate { get; set; }
    public int? Year { get; set; }
    public string? PersonId { get; set; }

    public void ApplyTo(KeysetQuery query)
    {
        if (Genre is not null)
            query.Where("exists (select 1 from jsonb_array_elements_text(d.data->'Genres') as genre where lower(genre) = lower(^))", Genre);
        if (Certificate is not null)
            query.Where("d.data->>'Certificate' = ^", Certificate.Value.ToString());
        if (Year is not null)
            query.Where("d.year = ^", Year.Value);
        if (PersonId is not null)
        {
            var person = GlobalId.DecodeAs(PersonId, "Person") ?? throw new UserInputError("where.personId", "`personId` is not the id of a Person.");
            query.Where("d.credited_person_ids @> array[^]", person);
        }
    }

    public static KeysetQuery Query(IReadOnlyList<FilmOrder>? orderBy)
    {
        var order = (orderBy is { Count: > 0 } ? orderBy : [new FilmOrder()]).Select(o => o.ToSortKey()).ToList();
        order.Add(new SortKey("d.id", "uuid", Descending: false));
        var signature = "films:" + string.Join(",", order.Select(k => $"{k.Expression}{(k.Descending ? "-" : "+")}"));
        return new KeysetQuery($"{Tables.Films} d", order, signature) { Data = DocumentJson.RevisionedColumns("d") };
    }
}
