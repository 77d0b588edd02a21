namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>Small models for engine tests: a school with classes of pupils (lists inside lists).</summary>
public sealed record School(string Name, IReadOnlyList<SchoolClass> Classes)
{
    public DateOnly? Opened { get; init; }

    public SchoolClass? Reception { get; init; }

    /// <summary>A field: never seen by templates (only properties are).</summary>
#pragma warning disable CA1051 // a public field on purpose: templates must not see it
    public string Motto = "unseen";
#pragma warning restore CA1051

    /// <summary>Anything: its members are only known when rendering.</summary>
    public object? Extra { get; init; }

    public string Shout() => Name.ToUpperInvariant();
}

public sealed record SchoolClass(string Name, IReadOnlyList<Pupil> Pupils);

public sealed record Pupil(string Name, DateOnly DateOfBirth);

/// <summary>A model whose member names would be Scriban words or hide a template function.</summary>
public sealed record Awkward(string End, DateOnly Date, Inner Inner);

public sealed record Inner(bool This, string Fine);

internal static class ScribanModels
{
    public static School School(int classes = 2, int pupils = 3) => new(
        "Westbrook Primary",
        [.. Enumerable.Range(1, classes).Select(c => new SchoolClass(
            $"Class {c}",
            [.. Enumerable.Range(1, pupils).Select(p => new Pupil($"Pupil {c}.{p}", new DateOnly(2015, 1, 1).AddDays((c * 40) + p)))]))])
    {
        Opened = new DateOnly(1998, 9, 7),
    };
}
