using System.Text;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// Latin letters for Cyrillic (Russian and Ukrainian, close to the BGN/PCGN tables), Greek and Japanese kana
/// (Hepburn), so a slug made from such a title is readable rather than "untitled". Accented Latin is left
/// to <see cref="Editing.Slugs"/>, which folds it; ideographs have no table here and are left as they are.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = Build();

    private static readonly Dictionary<string, string> KanaDigraphs = BuildDigraphs();

    public static string ToLatin(string text)
    {
        var latin = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var kana = ToHiragana(c);
            // Small tsu doubles the next consonant: きって → kitte.
            if (kana == 'っ' && i + 1 < text.Length && Letters.TryGetValue(ToHiragana(text[i + 1]), out var following) && following.Length > 0)
            {
                latin.Append(following[0] == 'c' ? 't' : following[0]);
                continue;
            }
            if (i + 1 < text.Length && KanaDigraphs.TryGetValue(new string([kana, ToHiragana(text[i + 1])]), out var digraph))
            {
                latin.Append(digraph);
                i++;
                continue;
            }
            // The long-vowel mark repeats the vowel before it: スーパー → suupaa.
            if (c == 'ー' && latin.Length > 0 && "aeiou".Contains(latin[^1], StringComparison.Ordinal))
            {
                latin.Append(latin[^1]);
                continue;
            }
            if (Letters.TryGetValue(kana, out var letters)) latin.Append(char.IsUpper(c) ? Capitalised(letters) : letters);
            else latin.Append(c);
        }
        return latin.ToString();
    }

    private static string Capitalised(string letters) => letters.Length == 0 ? letters : char.ToUpperInvariant(letters[0]) + letters[1..];

    // Katakana sit 0x60 above their hiragana, so one table serves both.
    private static char ToHiragana(char c) => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c;

    private static Dictionary<char, string> Build()
    {
        var table = new Dictionary<char, string>();
        void Add(string from, string to)
        {
            var parts = to.Split(' ');
            for (var i = 0; i < from.Length; i++) table[from[i]] = parts[i] == "_" ? "" : parts[i];
        }
        // Cyrillic, lower case; upper case maps to the same letters (capitalised by the caller).
        Add("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґўђјљњћџѓќѕ",
            "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i ye yi g u dj j lj nj c dz gj kj dz");
        foreach (var (lower, latin) in table.ToList()) table[char.ToUpperInvariant(lower)] = latin;
        // Greek, with the tonos forms.
        var greek = new Dictionary<char, string>();
        void AddGreek(string from, string to)
        {
            var parts = to.Split(' ');
            for (var i = 0; i < from.Length; i++) { greek[from[i]] = parts[i]; greek[char.ToUpperInvariant(from[i])] = parts[i]; }
        }
        AddGreek("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ", "a v g d e z i th i k l m n x o p r s s t y f ch ps o a e i i o y o i y i y");
        foreach (var (k, v) in greek) table[k] = v;
        // Hiragana (katakana are folded onto these).
        Add("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわゐゑをん",
            "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo ya yu yo ra ri ru re ro wa i e o n");
        Add("がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽぁぃぅぇぉゃゅょゎゔ",
            "ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po a i u e o ya yu yo wa vu");
        table['っ'] = "";
        table['・'] = " ";
        table['ヴ'] = "vu";
        return table;
    }

    private static Dictionary<string, string> BuildDigraphs()
    {
        var digraphs = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new (string Kana, string Latin)[]
        {
            ("き", "ky"), ("ぎ", "gy"), ("し", "sh"), ("じ", "j"), ("ち", "ch"), ("に", "ny"), ("ひ", "hy"),
            ("び", "by"), ("ぴ", "py"), ("み", "my"), ("り", "ry"),
        };
        foreach (var (kana, latin) in rows)
        {
            digraphs[kana + "ゃ"] = latin + "a";
            digraphs[kana + "ゅ"] = latin + "u";
            digraphs[kana + "ょ"] = latin + "o";
        }
        return digraphs;
    }
}
