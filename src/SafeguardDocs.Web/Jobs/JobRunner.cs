using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Jobs;

/// <summary>What to run: the kind, its owner and, optionally, the one-at-a-time key, parameters and label.</summary>
public sealed record JobRequest(string Kind, string OwnerId)
{
    /// <summary>While a job with this key is queued or running, another is refused (see <see cref="JobSubmission.Refusal"/>).</summary>
    public string? ExclusiveKey { get; init; }

    public string? Parameters { get; init; }

    public string? Label { get; init; }
}

/// <summary>The job made, or why none was (another with the same key is queued or running).</summary>
public sealed record JobSubmission(JobRecord? Job, string? Refusal, Guid? Blocking = null)
{
    public bool Accepted => Job is not null;
}

/// <summary>How many jobs of each lane run at once.</summary>
public sealed record JobOptions
{
    public int HeavySlots { get; init; } = 1;

    public int LightSlots { get; init; } = 3;

    /// <summary>How often the database is looked at for queued jobs when nothing has signalled one.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often progress is written to the database while a job runs.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// The background job runner: jobs live in the <c>Jobs</c> table and their files under
/// <c>{data}/jobs/{id}/</c> (<c>input/</c> as submitted, <c>result/</c> as made; owner-only). A hosted
/// worker runs queued jobs oldest first, with bounded concurrency per <see cref="JobLane"/>. A job can be
/// cancelled, run again when it failed, was cancelled or interrupted, and deleted with its files. At
/// start, every job left <c>running</c> by a previous process becomes <c>interrupted</c>.
/// <para>
/// Callers check who may touch a job (<see cref="JobRecord.OwnerId"/>); this class does not.
/// </para>
/// </summary>
public sealed partial class JobRunner : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<JobRunner> log;
    private readonly JobOptions options;
    private readonly Dictionary<string, JobLane> lanes;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Guid, RunningJob> running = new();
    private CancellationToken stopping;

    public JobRunner(IServiceScopeFactory scopes, IEnumerable<JobHandlerRegistration> handlers, WebSettings settings, TimeProvider clock, ILogger<JobRunner> log, JobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.scopes = scopes;
        this.clock = clock;
        this.log = log;
        this.options = options ?? new JobOptions();
        lanes = handlers.ToDictionary(h => h.Kind, h => h.Lane, StringComparer.Ordinal);
        JobsFolder = Path.Combine(settings.DataFolder, "jobs");
        DataFolderPath = settings.DataFolder;
    }

    /// <summary><c>{data}/jobs</c>.</summary>
    public string JobsFolder { get; }

    private string DataFolderPath { get; }

    public string JobFolder(Guid id) => Path.Combine(JobsFolder, id.ToString("N"));

    public string InputFolder(Guid id) => Path.Combine(JobFolder(id), "input");

    public string ResultFolder(Guid id) => Path.Combine(JobFolder(id), "result");

    /// <summary>
    /// Queues a job. <paramref name="writeInput"/> is given the job's (new, owner-only) input folder to
    /// put the job's files in before it is queued; if it throws, nothing is kept. Refused, with the reason,
    /// while a job with the same <see cref="JobRequest.ExclusiveKey"/> is queued or running.
    /// </summary>
    public async Task<JobSubmission> SubmitAsync(JobRequest request, Func<string, CancellationToken, Task>? writeInput = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.NewGuid();
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            if (await BlockingAsync(db, request.Kind, request.ExclusiveKey, null, cancellationToken) is { } blocking)
            {
                return new JobSubmission(null, RefusalFor(blocking), blocking.Id);
            }

            var input = InputFolder(id);
            CreatePrivateFolder(input);
            try
            {
                if (writeInput is not null)
                {
                    await writeInput(input, cancellationToken);
                }

                Restrict(JobFolder(id));
                var job = new JobRecord
                {
                    Id = id,
                    Kind = request.Kind,
                    OwnerId = request.OwnerId,
                    State = JobState.Queued,
                    ExclusiveKey = request.ExclusiveKey,
                    Parameters = request.Parameters,
                    Label = request.Label,
                    ResultFolder = Path.GetRelativePath(DataFolderPath, ResultFolder(id)),
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                db.Jobs.Add(job);
                await db.SaveChangesAsync(cancellationToken);
                Signal();
                return new JobSubmission(job, null);
            }
            catch
            {
                DeleteFolder(JobFolder(id));
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The job as stored now (no tracking), or null.</summary>
    public async Task<JobRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebDb>().Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>An owner's jobs of a kind, newest first.</summary>
    public async Task<IReadOnlyList<JobRecord>> ListAsync(string kind, string ownerId, int take = 50, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebDb>().Jobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.OwnerId == ownerId).OrderByDescending(j => j.CreatedUtc).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Cancels a queued job at once, or asks a running one to stop (it becomes <c>cancelled</c> when its
    /// handler returns). Returns the reason when there is nothing to cancel.
    /// </summary>
    public async Task<string?> CancelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null)
            {
                return "There is no job with that id.";
            }

            if (job.State == JobState.Queued)
            {
                job.State = JobState.Cancelled;
                job.Message = "Cancelled before it started.";
                job.FinishedUtc = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }

            if (job.State == JobState.Running && running.TryGetValue(id, out var run))
            {
                run.CancelledByOwner = true;
                await run.Cancellation.CancelAsync();
                return null;
            }

            return "It is not queued or running, so there is nothing to cancel.";
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Queues again a job that failed, was cancelled or was interrupted, with the same inputs. Returns the
    /// reason when it cannot be (finished, still active, its inputs gone, or another with its key active).
    /// </summary>
    public async Task<string?> RunAgainAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null)
            {
                return "There is no job with that id.";
            }

            if (!job.CanRunAgain)
            {
                return job.IsActive ? "It is already queued or running." : "It finished; start a new run instead.";
            }

            if (!Directory.Exists(InputFolder(id)))
            {
                return "Its uploaded files are no longer kept; start a new run instead.";
            }

            if (await BlockingAsync(db, job.Kind, job.ExclusiveKey, id, cancellationToken) is { } blocking)
            {
                return RefusalFor(blocking);
            }

            job.State = JobState.Queued;
            job.Message = null;
            job.Done = 0;
            job.Total = 0;
            job.StartedUtc = null;
            job.FinishedUtc = null;
            await db.SaveChangesAsync(cancellationToken);
            Signal();
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes a job and every file it kept, stopping it first if it runs. False when there is no such job.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Task? stopped = null;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (running.TryGetValue(id, out var run))
            {
                run.CancelledByOwner = true;
                run.Deleted = true;
                await run.Cancellation.CancelAsync();
                stopped = run.Completion.Task;
            }
        }
        finally
        {
            gate.Release();
        }

        if (stopped is not null)
        {
            await stopped.WaitAsync(cancellationToken);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            DeleteFolder(JobFolder(id));
            if (job is null)
            {
                return false;
            }

            db.Jobs.Remove(job);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Waits until the job is no longer queued or running (or is gone); for tests and tools.</summary>
    public async Task<JobRecord?> WaitAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            var job = await FindAsync(id, limit.Token);
            if (job is null || !job.IsActive)
            {
                return job;
            }

            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary>Marks jobs a previous process left running as interrupted, before any request is served.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Jobs.Where(j => j.State == JobState.Running).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Interrupted)
                    .SetProperty(j => j.FinishedUtc, now)
                    .SetProperty(j => j.Message, "The app stopped while this ran. Run it again to finish it."),
                cancellationToken);
        }

        CreatePrivateFolder(JobsFolder);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
            {
                LogDispatchFailed(log, e.GetType().Name);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(options.PollInterval);
            try
            {
                await wake.Reader.WaitToReadAsync(wait.Token);
                wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException)
            {
                // Polled again after the interval, or stopping.
            }
        }

        // The app is stopping: running jobs are told to stop and end as interrupted.
        await Task.WhenAll(running.Values.Select(r => r.Completion.Task));
    }

    private void Signal() => wake.Writer.TryWrite(true);

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        await gate.WaitAsync(stoppingToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var queued = await db.Jobs.Where(j => j.State == JobState.Queued).OrderBy(j => j.CreatedUtc).Take(100).ToListAsync(stoppingToken);
            foreach (var job in queued)
            {
                if (!lanes.TryGetValue(job.Kind, out var lane))
                {
                    job.State = JobState.Failed;
                    job.Message = "This app has nothing that runs jobs of this kind.";
                    job.FinishedUtc = clock.GetUtcNow().UtcDateTime;
                    continue;
                }

                var busy = running.Values.Count(r => r.Lane == lane);
                if (busy >= (lane == JobLane.Heavy ? options.HeavySlots : options.LightSlots))
                {
                    continue;
                }

                job.State = JobState.Running;
                job.StartedUtc = clock.GetUtcNow().UtcDateTime;
                job.Attempts++;
                job.Done = 0;
                job.Total = 0;
                job.Message = null;
                var run = new RunningJob(lane, CancellationTokenSource.CreateLinkedTokenSource(stoppingToken));
                running[job.Id] = run;
                var snapshot = Copy(job);
                _ = Task.Run(() => RunAsync(snapshot, run), CancellationToken.None);
            }

            await db.SaveChangesAsync(stoppingToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunAsync(JobRecord job, RunningJob run)
    {
        var token = run.Cancellation.Token;
        JobState state;
        string message;
        JobContext? context = null;
        using var progressStop = new CancellationTokenSource();
        Task progressLoop = Task.CompletedTask;
        try
        {
            var result = ResultFolder(job.Id);
            DeleteFolder(result);
            CreatePrivateFolder(result);
            using var scope = scopes.CreateScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().First(h => h.Kind == job.Kind);
            context = new JobContext(job, InputFolder(job.Id), result, scope.ServiceProvider);
            progressLoop = ProgressLoopAsync(job.Id, context, progressStop.Token);
            var outcome = await handler.RunAsync(context, token);
            if (token.IsCancellationRequested)
            {
                (state, message) = Stopped(run);
            }
            else
            {
                (state, message) = (outcome.Succeeded ? JobState.Succeeded : JobState.Failed, outcome.Message);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            (state, message) = Stopped(run);
        }
#pragma warning disable CA1031 // A job's failure must never take the worker down; it is recorded on the job.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The exception's own text may quote a value from the input, so only its type is logged.
            LogJobFailed(log, job.Id, e.GetType().Name);
            (state, message) = (JobState.Failed, "The job stopped on an unexpected error. Run it again; if it fails again, tell your administrator.");
        }

        await progressStop.CancelAsync();
        await progressLoop;
        try
        {
            Restrict(JobFolder(job.Id));
            if (!run.Deleted)
            {
                if (state == JobState.Succeeded)
                {
                    // The uploaded inputs are kept only as long as needed: until the job has done its work.
                    DeleteFolder(InputFolder(job.Id));
                }

                await FinishAsync(job.Id, state, message, context);
            }
        }
#pragma warning disable CA1031 // Recorded as interrupted at the next start at worst.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogJobFailed(log, job.Id, e.GetType().Name);
        }
        finally
        {
            // Only this run: once it is recorded as finished, "run again" may already have started the next one.
            running.TryRemove(new KeyValuePair<Guid, RunningJob>(job.Id, run));
            run.Cancellation.Dispose();
            run.Completion.TrySetResult();
            Signal();
        }
    }

    private static (JobState, string) Stopped(RunningJob run) =>
        run.CancelledByOwner
            ? (JobState.Cancelled, "Cancelled. Run it again to make everything, or delete it.")
            : (JobState.Interrupted, "The app stopped while this ran. Run it again to finish it.");

    private async Task FinishAsync(Guid id, JobState state, string message, JobContext? context)
    {
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id);
            if (job is null)
            {
                return;
            }

            job.State = state;
            job.Message = message;
            job.FinishedUtc = clock.GetUtcNow().UtcDateTime;
            if (context is not null)
            {
                var (done, total, _) = context.Snapshot();
                job.Done = done;
                job.Total = total;
            }

            await db.SaveChangesAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ProgressLoopAsync(Guid id, JobContext context, CancellationToken stop)
    {
        var written = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ProgressInterval, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var (done, total, version) = context.Snapshot();
            if (version == written)
            {
                continue;
            }

            written = version;
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<WebDb>().Jobs.Where(j => j.Id == id && j.State == JobState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, total), CancellationToken.None);
            }
            catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                // A busy database: the next report catches up.
            }
        }
    }

    private static async Task<JobRecord?> BlockingAsync(WebDb db, string kind, string? key, Guid? except, CancellationToken cancellationToken) =>
        key is null
            ? null
            : await db.Jobs.AsNoTracking().FirstOrDefaultAsync(
                j => j.Kind == kind && j.ExclusiveKey == key && j.Id != except && (j.State == JobState.Queued || j.State == JobState.Running), cancellationToken);

    private static string RefusalFor(JobRecord blocking) =>
        blocking.State == JobState.Running
            ? "A run of the same one is already in progress, and two runs never overlap. Wait for it to finish (or cancel it), then start again."
            : "A run of the same one is already waiting to start, and two runs never overlap. Wait for it to finish (or cancel it), then start again.";

    private static JobRecord Copy(JobRecord job) => new()
    {
        Id = job.Id,
        Kind = job.Kind,
        OwnerId = job.OwnerId,
        State = job.State,
        Parameters = job.Parameters,
        Label = job.Label,
        ExclusiveKey = job.ExclusiveKey,
        ResultFolder = job.ResultFolder,
        Attempts = job.Attempts,
        CreatedUtc = job.CreatedUtc,
        StartedUtc = job.StartedUtc,
    };

    /// <summary>A folder only the app's account can open.</summary>
    internal static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Every folder and file under <paramref name="folder"/> readable by the owner only.</summary>
    internal static void Restrict(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var directory = Directory.Exists(entry);
            File.SetUnixFileMode(entry, directory ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} stopped on an unexpected {ExceptionType}.")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for queued jobs failed with {ExceptionType}; trying again shortly.")]
    private static partial void LogDispatchFailed(ILogger logger, string exceptionType);

    private sealed class RunningJob(JobLane lane, CancellationTokenSource cancellation)
    {
        public JobLane Lane { get; } = lane;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool CancelledByOwner;

        public volatile bool Deleted;
    }
}
