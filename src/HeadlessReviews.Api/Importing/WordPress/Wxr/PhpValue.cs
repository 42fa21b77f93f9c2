namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>A value read from PHP's serialize() format, as WordPress stores structured postmeta.</summary>
public abstract record PhpValue;

public sealed record PhpString(string Value) : PhpValue;

public sealed record PhpInteger(long Value) : PhpValue;

public sealed record PhpFloat(double Value) : PhpValue;

public sealed record PhpBoolean(bool Value) : PhpValue;

public sealed record PhpNull : PhpValue
{
    public static PhpNull Instance { get; } = new();
}

/// <summary>One entry of a PHP array or object; integer keys are kept as their decimal text.</summary>
public sealed record PhpEntry(string Key, PhpValue Value);

/// <summary>A PHP array: an ordered map, keys unique.</summary>
public sealed record PhpArray(IReadOnlyList<PhpEntry> Entries) : PhpValue
{
    public PhpValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key)?.Value;
}

/// <summary>A PHP object (O:), read as its class name and properties; nothing is instantiated.</summary>
public sealed record PhpObject(string ClassName, IReadOnlyList<PhpEntry> Properties) : PhpValue
{
    public PhpValue? this[string key] => Properties.FirstOrDefault(e => e.Key == key)?.Value;
}
