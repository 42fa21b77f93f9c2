namespace HeadlessReviews.Api.Editing;

/// <summary>
/// The fields of an update: a field left out stays as it is, a field given as null is cleared. Both
/// read as null, so the input also says which fields were given (a mutation: those present in the
/// request; a restore or an import: all it sets).
/// </summary>
public abstract class PatchFields
{
    public IReadOnlySet<string> Given { get; set; } = new HashSet<string>();

    public bool Has(string field) => Given.Contains(field);
}
