namespace SafeguardDocs.Core.Cases.ViewingDecision;

public static class ViewingDecisionKind
{
    public const string Name = "viewing-decision";
    public const string View = "view";
    public const string NotView = "not-view";

    /// <summary>Why a property that could hold imagery is refused, wherever it appears in the file.</summary>
    public const string NoImageryReason =
        "A viewing record must never hold the imagery, a copy, a link to it or a file of it: copying, saving or sharing indecent imagery of a child is illegal, even in a safeguarding record. Remove this property and describe what was seen, without reproducing it, in \"viewing.summary\" (seed 001, \"If it is necessary to view the imagery\").";

    /// <summary>Property names that could carry imagery. Refused anywhere in the file, whatever their case.</summary>
    public static IReadOnlyList<string> ImageryPropertyNames { get; } =
    [
        "image", "images", "imageData", "imageUrl", "imagePath", "imageFile",
        "photo", "photos", "photograph", "photographs", "picture", "pictures",
        "screenshot", "screenshots", "thumbnail", "thumbnails",
        "video", "videos", "media", "attachment", "attachments",
        "file", "files", "base64", "dataUri", "blob",
    ];

    public static CaseKind<ViewingDecisionCase, ViewingDecisionView> Kind { get; } = new(
        Name,
        new ViewingDecisionRules(),
        "Record of a decision to view, or not to view, youth-produced imagery (seed 001; seed 000 §4)",
        c => c.Child?.Name,
        c => c.Signature?.Date ?? (c.Viewing?.DateTime is { } viewed ? DateOnly.FromDateTime(viewed) : null),
        ViewingDecisionView.Create)
    {
        RefusedProperties = ImageryPropertyNames.ToDictionary(n => n, _ => NoImageryReason, StringComparer.OrdinalIgnoreCase),
    };
}
