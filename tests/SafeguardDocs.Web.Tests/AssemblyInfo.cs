// The web tests start many copies of the app, each with its own background job worker, and Chromium.
// Run one test class at a time: on a 2-core machine, classes in parallel starve each other's jobs and
// browser waits, and a test that fails for want of a core says nothing about the product.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
