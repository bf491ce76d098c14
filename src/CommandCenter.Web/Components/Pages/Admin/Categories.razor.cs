using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>The two-level taxonomy: a row opens in the form; saving a code adds it or changes it, retired ones included.</summary>
public sealed partial class Categories
{
    private IReadOnlyList<Category> _categories = [];
    private CategoryForm _form = new();

    [Inject] public required CategoryAdministration Administration { get; init; }

    protected override void OnInitialized() => Reload();

    private void Reload() => _categories = Administration.List();

    private void Edit(Category category) => _form = new CategoryForm
    {
        Code = category.Code, Name = category.Name, NameEn = category.NameEn,
        Level = category.DefaultLevel, Urgency = category.DefaultUrgency, Active = category.IsActive,
    };

    private Task SaveAsync() => RunAsync(
        () => Administration.SaveAsync(_form.Code ?? "", new CategoryInput(_form.Name, _form.NameEn, _form.Level, _form.Urgency, _form.Active), By),
        () =>
        {
            Reload();
            return Task.CompletedTask;
        });

    private sealed class CategoryForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public HandlingLevel Level { get; set; } = HandlingLevel.Courtyard;
        public Urgency Urgency { get; set; } = Urgency.Normal;
        public bool Active { get; set; } = true;
    }
}
