namespace HeadlessReviews.Api.Editing;

/// <summary>
/// What deleting a <typeparamref name="T"/> does to a feature above it that refers to it (a person's credits
/// on films, a film's reviews, a review's comments), registered by that feature so that <typeparamref name="T"/>'s
/// own feature need not know it. Same contract as <see cref="DeleteCascade{T}"/>.
/// </summary>
public interface IDeletionCascade<in T>
{
    Task<UserError?> ApplyAsync(T document, bool cascade, CancellationToken cancellationToken);
}

public static class DeletionCascades
{
    /// <summary>Every registered cascade in registration order, as one step; the first refusal stops the deletion.</summary>
    public static DeleteCascade<T> AsStep<T>(this IEnumerable<IDeletionCascade<T>> cascades) => async (document, cascade, cancellationToken) =>
    {
        foreach (var each in cascades)
            if (await each.ApplyAsync(document, cascade, cancellationToken) is { } refusal) return refusal;
        return null;
    };
}
