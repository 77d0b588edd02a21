using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Web.Jobs;

namespace SafeguardDocs.Web.Tests;

/// <summary>A job for the runner's tests: reports progress, waits for its gate (when it has one), writes one result file.</summary>
public sealed class GatedJob : IJobHandler
{
    public const string KindName = "test-gated";

    /// <summary>Gates by job parameter; a job whose parameter has no gate runs straight through.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    public static ConcurrentDictionary<string, TaskCompletionSource> Started { get; } = new();

    public string Kind => KindName;

    public JobLane Lane => JobLane.Light;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var name = context.Parameters ?? "";
        context.Report(1, 3);
        Started.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (Gates.TryGetValue(name, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (name.StartsWith("fail", StringComparison.Ordinal))
        {
            return JobOutcome.Failure("The input could not be used.");
        }

        var input = await File.ReadAllTextAsync(Path.Combine(context.InputFolder, "in.txt"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(context.ResultFolder, "out.txt"), input.ToUpperInvariant(), cancellationToken);
        context.Report(3, 3);
        return JobOutcome.Success("Done.");
    }

    public static void AddTo(IServiceCollection services) => services.AddJobHandler<GatedJob>(KindName, JobLane.Light);
}

public sealed class JobRunnerTests
{
    private static Task<JobSubmission> Submit(JobRunner runner, string name, string? key = null) =>
        runner.SubmitAsync(new JobRequest(GatedJob.KindName, "owner-1") { Parameters = name, ExclusiveKey = key, Label = "T-1" },
            (folder, ct) => File.WriteAllTextAsync(Path.Combine(folder, "in.txt"), "result of " + name, ct));

    private static TaskCompletionSource Gate(string name) => GatedJob.Gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private static Task Started(string name) => GatedJob.Started.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_job_runs_to_its_result_with_owner_only_files_and_its_input_removed()
    {
        using var host = new WebHost(services: GatedJob.AddTo);
        _ = host.Server;
        var runner = host.Services.GetRequiredService<JobRunner>();
        var submitted = await Submit(runner, "plain-" + Guid.NewGuid());
        submitted.Accepted.ShouldBeTrue();
        submitted.Job!.State.ShouldBe(JobState.Queued);

        var job = (await runner.WaitAsync(submitted.Job.Id, TimeSpan.FromSeconds(30)))!;
        job.State.ShouldBe(JobState.Succeeded);
        job.Message.ShouldBe("Done.");
        (job.Done, job.Total).ShouldBe((3, 3));
        job.Attempts.ShouldBe(1);
        job.StartedUtc.ShouldNotBeNull();
        job.FinishedUtc.ShouldNotBeNull();
        job.ResultFolder.ShouldBe(Path.Combine("jobs", job.Id.ToString("N"), "result"));
        var result = Path.Combine(host.DataFolder, job.ResultFolder, "out.txt");
        (await File.ReadAllTextAsync(result)).ShouldStartWith("RESULT OF PLAIN-");
        Directory.Exists(runner.InputFolder(job.Id)).ShouldBeFalse("the uploaded input is kept only until the job has done its work");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(result).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(runner.JobFolder(job.Id)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(runner.JobsFolder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        (await runner.ListAsync(GatedJob.KindName, "owner-1")).Select(j => j.Id).ShouldBe([job.Id]);
        (await runner.ListAsync(GatedJob.KindName, "someone-else")).ShouldBeEmpty();
        (await runner.DeleteAsync(job.Id)).ShouldBeTrue();
        Directory.Exists(runner.JobFolder(job.Id)).ShouldBeFalse();
        (await runner.FindAsync(job.Id)).ShouldBeNull();
        (await runner.DeleteAsync(job.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_jobs_with_one_key_never_overlap_the_second_is_refused_with_the_reason()
    {
        using var host = new WebHost(services: GatedJob.AddTo);
        _ = host.Server;
        var runner = host.Services.GetRequiredService<JobRunner>();
        var name = "gated-" + Guid.NewGuid();
        var gate = Gate(name);
        var first = await Submit(runner, name, key: "PACK-1");
        await Started(name);

        var second = await Submit(runner, name, key: "PACK-1");
        second.Accepted.ShouldBeFalse();
        second.Blocking.ShouldBe(first.Job!.Id);
        second.Refusal!.ShouldContain("already in progress");
        second.Refusal!.ShouldContain("never overlap");
        Directory.EnumerateDirectories(runner.JobsFolder).Count().ShouldBe(1, "a refused job leaves no files");

        (await Submit(runner, "plain-" + Guid.NewGuid(), key: "PACK-2")).Accepted.ShouldBeTrue("another key is not held up");
        gate.SetResult();
        (await runner.WaitAsync(first.Job.Id, TimeSpan.FromSeconds(30)))!.State.ShouldBe(JobState.Succeeded);
        (await Submit(runner, name, key: "PACK-1")).Accepted.ShouldBeTrue("once the first has finished, the pack can run again");
    }

    [Fact]
    public async Task A_cancelled_job_keeps_its_input_and_runs_again_to_the_end()
    {
        using var host = new WebHost(services: GatedJob.AddTo);
        _ = host.Server;
        var runner = host.Services.GetRequiredService<JobRunner>();
        var name = "gated-" + Guid.NewGuid();
        Gate(name);
        var submitted = await Submit(runner, name);
        await Started(name);
        (await runner.FindAsync(submitted.Job!.Id))!.State.ShouldBe(JobState.Running);

        (await runner.CancelAsync(submitted.Job.Id)).ShouldBeNull();
        var cancelled = (await runner.WaitAsync(submitted.Job.Id, TimeSpan.FromSeconds(30)))!;
        cancelled.State.ShouldBe(JobState.Cancelled);
        cancelled.CanRunAgain.ShouldBeTrue();
        Directory.Exists(runner.InputFolder(cancelled.Id)).ShouldBeTrue();
        (await runner.CancelAsync(submitted.Job.Id))!.ShouldContain("nothing to cancel");

        GatedJob.Gates.TryRemove(name, out _);
        (await runner.RunAgainAsync(cancelled.Id)).ShouldBeNull();
        var again = (await runner.WaitAsync(cancelled.Id, TimeSpan.FromSeconds(30)))!;
        again.State.ShouldBe(JobState.Succeeded);
        again.Attempts.ShouldBe(2);
        (await runner.RunAgainAsync(cancelled.Id))!.ShouldContain("finished");
    }

    [Fact]
    public async Task A_failed_job_says_why_and_a_queued_one_can_be_cancelled_before_it_starts()
    {
        using var host = new WebHost(services: GatedJob.AddTo);
        _ = host.Server;
        var runner = host.Services.GetRequiredService<JobRunner>();
        var failed = (await runner.WaitAsync((await Submit(runner, "fail-" + Guid.NewGuid())).Job!.Id, TimeSpan.FromSeconds(30)))!;
        failed.State.ShouldBe(JobState.Failed);
        failed.Message.ShouldBe("The input could not be used.");
        Directory.Exists(runner.InputFolder(failed.Id)).ShouldBeTrue("a failed job keeps its input so it can run again");

        // Three light slots: hold them, then a fourth waits in the queue and can be cancelled there.
        var names = Enumerable.Range(0, 3).Select(i => $"hold-{i}-{Guid.NewGuid()}").ToList();
        var gates = names.Select(Gate).ToList();
        foreach (var name in names)
        {
            await Submit(runner, name);
        }

        await Task.WhenAll(names.Select(Started));
        var waiting = await Submit(runner, "plain-" + Guid.NewGuid());
        await Task.Delay(300);
        (await runner.FindAsync(waiting.Job!.Id))!.State.ShouldBe(JobState.Queued);
        (await runner.CancelAsync(waiting.Job.Id)).ShouldBeNull();
        (await runner.FindAsync(waiting.Job.Id))!.State.ShouldBe(JobState.Cancelled);
        gates.ForEach(g => g.SetResult());
    }

    [Fact]
    public async Task A_restart_marks_a_running_job_interrupted_and_it_can_be_run_again()
    {
        var data = Directory.CreateTempSubdirectory("sgd-web-restart-").FullName;
        try
        {
            var name = "crash-" + Guid.NewGuid();
            Guid id;
            using (var first = new WebHost(services: GatedJob.AddTo, dataFolder: data))
            {
                _ = first.Server;
                var runner = first.Services.GetRequiredService<JobRunner>();
                Gate(name);
                id = (await Submit(runner, name)).Job!.Id;
                await Started(name);
            }

            // A process that died without stopping cleanly leaves the row "running", as it was while the job ran.
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, Data.DataFolder.DatabaseFile)};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE Jobs SET State = 'running', FinishedUtc = NULL, Message = NULL";
                command.ExecuteNonQuery().ShouldBe(1);
            }

            using var second = new WebHost(services: GatedJob.AddTo, dataFolder: data);
            _ = second.Server;
            var again = second.Services.GetRequiredService<JobRunner>();
            var interrupted = (await again.FindAsync(id))!;
            interrupted.State.ShouldBe(JobState.Interrupted);
            interrupted.Message!.ShouldContain("Run it again");
            interrupted.FinishedUtc.ShouldNotBeNull();

            GatedJob.Gates.TryRemove(name, out _);
            (await again.RunAgainAsync(id)).ShouldBeNull();
            (await again.WaitAsync(id, TimeSpan.FromSeconds(30)))!.State.ShouldBe(JobState.Succeeded);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Stopping_the_app_ends_a_running_job_as_interrupted()
    {
        using var host = new WebHost(services: GatedJob.AddTo);
        _ = host.Server;
        var runner = host.Services.GetRequiredService<JobRunner>();
        var name = "stop-" + Guid.NewGuid();
        Gate(name);
        var submitted = await Submit(runner, name);
        await Started(name);
        await runner.StopAsync(CancellationToken.None);
        var job = (await runner.FindAsync(submitted.Job!.Id))!;
        job.State.ShouldBe(JobState.Interrupted);
        job.CanRunAgain.ShouldBeTrue();
    }

    [Fact]
    public async Task Deleting_a_running_job_stops_it_and_removes_every_file()
    {
        using var host = new WebHost(services: GatedJob.AddTo);
        _ = host.Server;
        var runner = host.Services.GetRequiredService<JobRunner>();
        var name = "delete-" + Guid.NewGuid();
        Gate(name);
        var submitted = await Submit(runner, name);
        await Started(name);
        (await runner.DeleteAsync(submitted.Job!.Id)).ShouldBeTrue();
        (await runner.FindAsync(submitted.Job.Id)).ShouldBeNull();
        Directory.Exists(runner.JobFolder(submitted.Job.Id)).ShouldBeFalse();
    }
}
