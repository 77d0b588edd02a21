namespace SafeguardDocs.Web.Jobs;

/// <summary>A kind of job the runner knows, and its lane (read without making the handler).</summary>
public sealed record JobHandlerRegistration(string Kind, JobLane Lane);

public static class JobServiceCollectionExtensions
{
    /// <summary>The job runner (a singleton, also the hosted worker). Add handlers with <see cref="AddJobHandler{THandler}"/>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, JobOptions? options = null)
    {
        services.AddSingleton(options ?? new JobOptions());
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    /// <summary>Registers a handler for its kind; it is made in a fresh scope for each run.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind, JobLane lane)
        where THandler : class, IJobHandler
    {
        services.AddScoped<IJobHandler, THandler>();
        services.AddSingleton(new JobHandlerRegistration(kind, lane));
        return services;
    }
}
