using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// What one command asks for, and how the answers become the request: built by <see cref="CommandCatalog"/>,
/// rendered by <see cref="CommandFields"/> in the console's <see cref="CommandDialog"/> and on the phone's task page;
/// the fields hold the answers while the form is open.
/// </summary>
/// <param name="BuildAsync">Makes the request from the answers and the ids of the photos taken with it (none on the console).</param>
/// <param name="TakesPhotos">Whether photos may travel with the request; only the phone takes them.</param>
/// <param name="Title">What the dialog calls the command when not its plain name (a hotline case's rating is a 回访).</param>
/// <param name="FollowedBy">A second request sent with this one as one step (受理并派遣), made from the same answers.</param>
public sealed record CommandForm(
    CaseCommand Command,
    IReadOnlyList<FormField> Fields,
    Func<IReadOnlyList<Guid>, CancellationToken, Task<CaseCommandRequest>> BuildAsync,
    string? Hint = null,
    bool TakesPhotos = false,
    string? Title = null,
    Func<CaseCommandRequest>? FollowedBy = null)
{
    /// <summary>Every required question answered: only then is the request built and sent.</summary>
    public bool IsComplete => Fields.All(f => !f.Required || f.HasValue);

    /// <summary>The requests the answers make, in the order they run.</summary>
    public async Task<IReadOnlyList<CaseCommandRequest>> BuildStepsAsync(IReadOnlyList<Guid> photoIds, CancellationToken cancellationToken)
    {
        var first = await BuildAsync(photoIds, cancellationToken);
        return FollowedBy is { } then ? [first, then()] : [first];
    }
}

/// <summary>One question of a command form. <see cref="LabelKey"/> is a "Field.*" resource key.</summary>
public abstract class FormField(string labelKey, bool required)
{
    public string LabelKey { get; } = labelKey;
    public bool Required { get; } = required;
    public abstract bool HasValue { get; }
}

public sealed class TextField(string labelKey, bool required, int lines = 3) : FormField(labelKey, required)
{
    public int Lines { get; } = lines;
    public string? Value { get; set; }
    public override bool HasValue => !string.IsNullOrWhiteSpace(Value);
}

/// <summary>An option as the dialog shows it: a key to bind to and a text to read.</summary>
public sealed record Choice(string Key, string Text);

/// <summary>The dialog's view of a choice: keys and texts, whatever the values are.</summary>
public abstract class ChoiceField(string labelKey, bool required) : FormField(labelKey, required)
{
    public abstract IReadOnlyList<Choice> Choices { get; }
    public string? SelectedKey { get; set; }
    public override bool HasValue => SelectedKey is not null;
}

/// <summary>A single choice among typed values. A required choice with one option comes already chosen.</summary>
public sealed class ChoiceField<T> : ChoiceField
{
    private readonly OptionList<T> _options;

    public ChoiceField(string labelKey, bool required, IEnumerable<(T Value, string Text)> options) : base(labelKey, required)
    {
        _options = new OptionList<T>(options);
        if (required && Choices.Count == 1) SelectedKey = Choices[0].Key;
    }

    public ChoiceField(string labelKey, bool required, IEnumerable<(T Value, string Text)> options, T selected)
        : this(labelKey, required, options) => SelectedKey = _options.KeyOf(selected) ?? SelectedKey;

    public override IReadOnlyList<Choice> Choices => _options.Choices;

    /// <summary>The chosen value; default when nothing is chosen (use a nullable T for an optional choice).</summary>
    public T? Value => SelectedKey is { } key ? _options.ValueOf(key) : default;
}

/// <summary>The dialog's view of a multiple choice, which may be left empty.</summary>
public abstract class MultiChoiceField(string labelKey) : FormField(labelKey, required: false)
{
    public abstract IReadOnlyList<Choice> Choices { get; }
    public IReadOnlyCollection<string> SelectedKeys { get; set; } = [];
    public override bool HasValue => SelectedKeys.Count > 0;
}

public sealed class MultiChoiceField<T>(string labelKey, IEnumerable<(T Value, string Text)> options) : MultiChoiceField(labelKey)
{
    private readonly OptionList<T> _options = new(options);

    public override IReadOnlyList<Choice> Choices => _options.Choices;

    public IReadOnlyList<T> Values => [.. SelectedKeys.Select(_options.ValueOf)];
}

/// <summary>Typed values behind the string keys the dialog binds to.</summary>
internal sealed class OptionList<T>
{
    private readonly List<T> _values;

    public OptionList(IEnumerable<(T Value, string Text)> options)
    {
        var list = options.ToList();
        _values = [.. list.Select(o => o.Value)];
        Choices = [.. list.Select((o, i) => new Choice(i.ToString(CultureInfo.InvariantCulture), o.Text))];
    }

    public IReadOnlyList<Choice> Choices { get; }

    public T ValueOf(string key) => _values[int.Parse(key, CultureInfo.InvariantCulture)];

    public string? KeyOf(T value) => _values.IndexOf(value) is >= 0 and var index ? Choices[index].Key : null;
}

/// <summary>A date and a time of day, both in China time, as the people who set deadlines think of them.</summary>
public sealed class DateTimeField(string labelKey, bool required, DateTime? initialUtc) : FormField(labelKey, required)
{
    public DateTime? Date { get; set; } = initialUtc is { } utc ? ChinaTimeText.ToLocal(utc).Date : null;
    public TimeSpan? Time { get; set; } = initialUtc is { } utc ? WholeMinutes(ChinaTimeText.ToLocal(utc).TimeOfDay) : null;
    public override bool HasValue => Date is not null && Time is not null;

    public DateTime? Utc => Date is { } date && Time is { } time ? ChinaTimeText.ToUtc(date, time) : null;

    /// <summary>The picker shows minutes; a deadline must not carry seconds nobody can see.</summary>
    private static TimeSpan WholeMinutes(TimeSpan time) => new(time.Hours, time.Minutes, 0);
}
