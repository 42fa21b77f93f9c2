using GraphQL.Types;

namespace HeadlessReviews.Api.Films;

public sealed class CertificateEnum : EnumerationGraphType<Certificate>
{
    public CertificateEnum()
    {
        Name = "Certificate";
        Description = "A BBFC age rating. GraphQL names cannot start with a digit, so `12A` is `TWELVE_A`; `Film.certificateLabel` has the printed form.";
        foreach (var value in Values)
        {
            value.Description = Describe((Certificate)value.Value!);
            // The BBFC writes it R18; the default naming would make it R_18.
            if ((Certificate)value.Value! == Certificate.R18) value.Name = "R18";
        }
    }

    private static string Describe(Certificate certificate) => certificate switch
    {
        Certificate.U => "U: suitable for all.",
        Certificate.PG => "PG: parental guidance.",
        Certificate.TwelveA => "12A: suitable for 12 years and over; younger children only with an adult (cinemas).",
        Certificate.Twelve => "12: suitable for 12 years and over (home release).",
        Certificate.Fifteen => "15: suitable only for 15 years and over.",
        Certificate.Eighteen => "18: suitable only for adults.",
        Certificate.R18 => "R18: adults only, licensed premises.",
        _ => certificate.Label(),
    };
}
