using System.Globalization;

namespace Seismic.Configuration.Binding;

/// <summary>
/// A settings record that checks its own values after binding. The binder calls it only when the record
/// and everything below it bound cleanly, so an implementation may trust every non-nullable property.
/// </summary>
internal interface IValidatable
{
    void Validate(Validator validator);
}

/// <summary>
/// Collects semantic errors for one record. Properties are named with nameof and turned into the
/// record's key path, so an error always points at the key (and line) the user has to change.
/// </summary>
internal sealed class Validator(string keyPrefix, Action<string, string> report)
{
    public static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    public void Require(bool condition, string property, string reason)
    {
        if (!condition)
        {
            Fail(KeyNames.ToSnakeCase(property), reason);
        }
    }

    /// <summary>Reports an error at a key path relative to this record, for checks that span sections.</summary>
    public void Fail(string relativeKeyPath, string reason) =>
        report(keyPrefix.Length == 0 ? relativeKeyPath : $"{keyPrefix}.{relativeKeyPath}", reason);

    public void Positive(double value, string property) =>
        Require(value > 0, property, $"must be positive, got {Format(value)}");

    public void NotNegative(double value, string property) =>
        Require(value >= 0, property, $"must not be negative, got {Format(value)}");

    public void AtLeastOne(int value, string property) =>
        Require(value >= 1, property, $"must be at least 1, got {value}");

    public void Probability(double value, string property) =>
        Require(value is >= 0 and <= 1, property, $"must be a probability in [0, 1], got {Format(value)}");

    /// <summary>Strictly between 0 and 1: a share where neither none nor all makes sense.</summary>
    public void Fraction(double value, string property) =>
        Require(value is > 0 and < 1, property, $"must be a fraction in (0, 1), got {Format(value)}");

    public void NotBlank(string value, string property) =>
        Require(!string.IsNullOrWhiteSpace(value), property, "must not be empty");
}
