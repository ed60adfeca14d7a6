namespace MizarNF.Testbed;

/// <summary>
/// Removes everything of a prefix, from its state file and by name, so that it works after an Up
/// that failed half way or a process that died: the processes in its namespaces, the namespaces
/// (and with them every link and XDP attachment), /run/mizarnf/&lt;prefix&gt; and the pin roots.
/// Tries every step and reports all failures together.
/// </summary>
internal static class TestbedTeardown
{
    public static void Run(TestbedLayout layout, IProgress<string>? progress)
    {
        var state = TestbedStateFile.TryRead(layout);
        var listed = new HashSet<string>(state?.Namespaces ?? [], StringComparer.Ordinal);
        var namespaces = Netns.List()
            .Where(n => layout.IsOwnNamespaceName(n) || listed.Contains(n))
            // Pods, then nodes, the underlay last: the reverse of creation.
            .OrderBy(n => n == layout.UnderlayNamespace ? 2 : layout.IsOwnNamespaceName(n) ? 1 : 0)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        var errors = new List<Exception>();

        // A namespace with a process in it outlives its name, and so would its links.
        Try(errors, () => Processes.KillAndWait(namespaces.SelectMany(Netns.Pids).ToList()));
        foreach (var ns in namespaces)
        {
            Try(errors, () =>
            {
                if (Netns.Delete(ns))
                {
                    progress?.Report($"deleted namespace {ns}");
                }
            });
        }

        Try(errors, () => DeleteDirectory(layout.RunDirectory, progress));
        foreach (var pinRoot in PinRoots(layout, state))
        {
            Try(errors, () => DeleteDirectory(pinRoot, progress));
        }

        RemoveIfEmpty(TestbedLayout.PinParent);
        RemoveIfEmpty(Path.GetDirectoryName(layout.RunDirectory)!);

        if (errors.Count > 0)
        {
            throw new AggregateException($"Could not remove everything of testbed {layout.Prefix}.", errors);
        }
    }

    private static IEnumerable<string> PinRoots(TestbedLayout layout, TestbedState? state)
    {
        var byName = Directory.Exists(TestbedLayout.PinParent)
            ? Directory.EnumerateDirectories(TestbedLayout.PinParent).Where(d => layout.IsOwnPinRootName(Path.GetFileName(d)))
            : [];
        return byName.Concat(state?.Nodes.Select(n => layout.PinRoot(n.Name)) ?? []).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes a shared parent directory once the last testbed has left it (another may be using it).</summary>
    private static void RemoveIfEmpty(string path)
    {
        try
        {
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
        catch (IOException)
        {
            // Another testbed made something there meanwhile: it is theirs to remove.
        }
    }

    /// <summary>Deletes a directory tree; on bpffs, unlinking a pinned file unpins its object.</summary>
    private static void DeleteDirectory(string path, IProgress<string>? progress)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            progress?.Report($"removed {path}");
        }
    }

    private static void Try(List<Exception> errors, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            errors.Add(e);
        }
    }
}
