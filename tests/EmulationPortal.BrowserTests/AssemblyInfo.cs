// One Chromium and one Kestrel host at a time: on a 2-core runner, parallel browser classes starve each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
