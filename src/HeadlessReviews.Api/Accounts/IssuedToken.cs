namespace HeadlessReviews.Api.Accounts;

/// <summary>A token just created, with the one sight of its secret the caller will ever get.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);
