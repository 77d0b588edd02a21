namespace SafeguardDocs.Web.Jobs;

/// <summary>
/// Which pool of workers runs a kind of job: <see cref="Heavy"/> for long runs that use every core
/// (one at a time), <see cref="Light"/> for jobs of a few seconds (a few at once).
/// </summary>
public enum JobLane
{
    Heavy,
    Light,
}

/// <summary>
/// Does one kind of job. Register with <see cref="JobServiceCollectionExtensions.AddJobHandler{THandler}"/>;
/// a handler is made in its own service scope for each run.
/// </summary>
public interface IJobHandler
{
    /// <summary>The <see cref="JobRecord.Kind"/> it runs.</summary>
    string Kind { get; }

    JobLane Lane { get; }

    /// <summary>
    /// Runs the job: read from <see cref="JobContext.InputFolder"/>, write to <see cref="JobContext.ResultFolder"/>
    /// (emptied before each attempt), report progress, and stop promptly when <paramref name="cancellationToken"/>
    /// fires (throw <see cref="OperationCanceledException"/> or return). An exception fails the job with a
    /// general message (its own text is not shown or logged, as it might quote a value).
    /// </summary>
    Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken);
}

/// <summary>How a run ended, with a message for the owner (no personal data).</summary>
public sealed record JobOutcome(bool Succeeded, string Message)
{
    public static JobOutcome Success(string message) => new(true, message);

    public static JobOutcome Failure(string message) => new(false, message);
}

/// <summary>What a handler is given for one run.</summary>
public sealed class JobContext
{
    private int done;
    private int total;
    private int version;

    internal JobContext(JobRecord job, string inputFolder, string resultFolder, IServiceProvider services)
    {
        JobId = job.Id;
        OwnerId = job.OwnerId;
        Parameters = job.Parameters;
        InputFolder = inputFolder;
        ResultFolder = resultFolder;
        Services = services;
    }

    public Guid JobId { get; }

    public string OwnerId { get; }

    /// <summary>The <see cref="JobRecord.Parameters"/> given when it was submitted.</summary>
    public string? Parameters { get; }

    /// <summary>The files given when it was submitted (owner-only); removed once the job succeeds or is deleted.</summary>
    public string InputFolder { get; }

    /// <summary>Where to write the results (owner-only, empty at the start of each attempt).</summary>
    public string ResultFolder { get; }

    /// <summary>The run's service scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Reports progress; thread-safe and cheap (the database is updated a few times a second at most).</summary>
    public void Report(int doneSoFar, int totalWork)
    {
        Volatile.Write(ref done, doneSoFar);
        Volatile.Write(ref total, totalWork);
        Interlocked.Increment(ref version);
    }

    internal (int Done, int Total, int Version) Snapshot() => (Volatile.Read(ref done), Volatile.Read(ref total), Volatile.Read(ref version));
}
