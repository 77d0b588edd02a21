namespace SafeguardDocs.TestSupport;

/// <summary>Runs code that must not hang: fails the test when it has not returned in time.</summary>
public static class Bounded
{
    public static T Run<T>(Func<T> work, int seconds = 20)
    {
        var task = Task.Run(work);
        if (!task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            throw new TimeoutException($"Did not return within {seconds} s: it hangs.");
        }

        return task.GetAwaiter().GetResult();
    }
}
