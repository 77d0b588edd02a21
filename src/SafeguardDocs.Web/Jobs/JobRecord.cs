namespace SafeguardDocs.Web.Jobs;

/// <summary>Where a background job is. Stored by name (lower case) in the <c>Jobs</c> table.</summary>
public enum JobState
{
    /// <summary>Waiting for a free worker.</summary>
    Queued,

    /// <summary>Being worked on now.</summary>
    Running,

    /// <summary>Finished; its results are in its result folder.</summary>
    Succeeded,

    /// <summary>Stopped with a message saying why; it can be run again.</summary>
    Failed,

    /// <summary>Stopped by its owner; it can be run again.</summary>
    Cancelled,

    /// <summary>The app stopped while it ran (found <c>running</c> at the next start); it can be run again.</summary>
    Interrupted,
}

/// <summary>
/// One background job (a pack run, a PDF conversion, …), as the database keeps it so that its state
/// survives a closed tab or a restart. Nothing here names a person: the message is in the app's words,
/// the label is a reference at most.
/// </summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }

    /// <summary>What the job does, for example <c>aup-pack</c>; it picks the <see cref="IJobHandler"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The account that started it (an account id); only its owner may see, cancel, run again or delete it.</summary>
    public required string OwnerId { get; set; }

    public JobState State { get; set; }

    /// <summary>Work done so far (for example family packs written).</summary>
    public int Done { get; set; }

    /// <summary>Work to do in all; 0 while not yet known.</summary>
    public int Total { get; set; }

    /// <summary>What happened, in words for the owner, without personal data.</summary>
    public string? Message { get; set; }

    /// <summary>A short label to list it by (for a pack, its reference). Never personal data.</summary>
    public string? Label { get; set; }

    /// <summary>At most one job with the same key is queued or running at a time (for a pack, its reference).</summary>
    public string? ExclusiveKey { get; set; }

    /// <summary>The kind's own settings for the run (JSON), without personal data; the inputs themselves are files in the input folder.</summary>
    public string? Parameters { get; set; }

    /// <summary>The result folder, relative to the data folder (<c>jobs/{id}/result</c>).</summary>
    public required string ResultFolder { get; set; }

    /// <summary>How many times it has been started.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>True while it is waiting or being worked on.</summary>
    public bool IsActive => State is JobState.Queued or JobState.Running;

    /// <summary>True when it stopped without finishing, so it can be run again (its inputs are still kept).</summary>
    public bool CanRunAgain => State is JobState.Failed or JobState.Cancelled or JobState.Interrupted;
}
