namespace HeadlessReviews.Api.Accounts;

/// <summary>An API token: its roles and the SHA-256 hash of its secret (the secret itself is shown once, never stored).</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
