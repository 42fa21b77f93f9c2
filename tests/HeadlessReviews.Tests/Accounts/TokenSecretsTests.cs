using System.Buffers.Text;
using HeadlessReviews.Api.Accounts;

namespace HeadlessReviews.Tests.Accounts;

/// <summary>Secrets: their shape and randomness, their hash, and the constant-time comparison.</summary>
public sealed class TokenSecretsTests
{
    [Fact]
    public void Generated_secrets_carry_the_prefix_and_256_random_bits()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => TokenSecrets.Generate()).ToList();

        Assert.All(secrets, secret =>
        {
            Assert.StartsWith("hr_", secret, StringComparison.Ordinal);
            Assert.Equal(32, Base64Url.DecodeFromChars(secret.AsSpan(3)).Length);
            Assert.True(TokenSecrets.IsWellFormed(secret), secret);
        });
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Hash_is_the_stable_lower_case_hex_SHA_256_of_the_secret()
    {
        // The FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.Hash("abc"));

        var secret = TokenSecrets.Generate();
        var hash = TokenSecrets.Hash(secret);
        Assert.Equal(hash, TokenSecrets.Hash(secret));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, TokenSecrets.Hash(secret + "x"));
        Assert.DoesNotContain(secret[3..], hash, StringComparison.Ordinal);
    }

    [Fact]
    public void HashesEqual_compares_whole_hashes()
    {
        var hash = TokenSecrets.Hash("hr_first_secret_of_the_test");
        var other = TokenSecrets.Hash("hr_other_secret_of_the_test");

        Assert.True(TokenSecrets.HashesEqual(hash, TokenSecrets.Hash("hr_first_secret_of_the_test")));
        Assert.False(TokenSecrets.HashesEqual(hash, other));
        Assert.False(TokenSecrets.HashesEqual(hash, hash[..^1]));
        Assert.False(TokenSecrets.HashesEqual(hash, hash[..^1] + (hash[^1] == '0' ? '1' : '0')));
        Assert.False(TokenSecrets.HashesEqual(hash, ""));
    }

    [Theory]
    [InlineData("hr_0123456789abcd", true)] // 17 characters, the shortest accepted
    [InlineData("hr_0123456789abc", false)] // 16
    [InlineData("hr_test_admin-TOKEN_0123456789", true)]
    [InlineData("", false)]
    [InlineData("hr_0123456789abcd ef", false)]
    [InlineData("hr_0123456789abcd+ef", false)]
    [InlineData("hr_0123456789abcd/ef", false)]
    [InlineData("hr_0123456789abcdef=", false)]
    [InlineData("hr_0123456789abcdé", false)]
    [InlineData("hr_0123456789abcd,hr_0123456789abcd", false)]
    public void IsWellFormed_accepts_letters_digits_underscores_and_hyphens_of_a_sane_length(string secret, bool expected) =>
        Assert.Equal(expected, TokenSecrets.IsWellFormed(secret));

    [Fact]
    public void IsWellFormed_bounds_the_length_at_199()
    {
        Assert.True(TokenSecrets.IsWellFormed("hr_" + new string('a', 196)));
        Assert.False(TokenSecrets.IsWellFormed("hr_" + new string('a', 197)));
    }
}
