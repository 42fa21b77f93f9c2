namespace HeadlessReviews.Api.Films;

/// <summary>The British Board of Film Classification's age ratings.</summary>
public enum Certificate
{
    U,
    PG,
    TwelveA,
    Twelve,
    Fifteen,
    Eighteen,
    R18,
}

public static class CertificateLabels
{
    /// <summary>The label printed on posters and tickets ("12A", "15").</summary>
    public static string Label(this Certificate certificate) => certificate switch
    {
        Certificate.U => "U",
        Certificate.PG => "PG",
        Certificate.TwelveA => "12A",
        Certificate.Twelve => "12",
        Certificate.Fifteen => "15",
        Certificate.Eighteen => "18",
        Certificate.R18 => "R18",
        _ => throw new ArgumentOutOfRangeException(nameof(certificate), certificate, null),
    };
}
