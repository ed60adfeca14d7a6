using System.Diagnostics;
using MizarNF.Cni.Tests.Fixtures;

namespace MizarNF.Cni.Tests.Runtime;

/// <summary>
/// Debian's podman as the container runtime of one testbed node, configured only through files
/// of its own (CONTAINERS_CONF, CONTAINERS_STORAGE_CONF: CNI backend with mizarnf-cni as the
/// "mizarnf" network, runc, cgroupfs, vfs storage, low ulimits) in a temporary directory, and run
/// inside the node's network namespace. Nothing under /etc is read for networks or written.
/// A busybox image is imported from Debian's busybox-static: no registry is needed.
/// </summary>
public sealed class PodmanHost : IDisposable
{
    public const string Image = "localhost/mizarnf-busybox:test";
    private readonly string _dir;
    private readonly string _nodeNetns;

    public PodmanHost(string name, string nodeNetns, string socket)
    {
        _nodeNetns = nodeNetns;
        _dir = Directory.CreateTempSubdirectory($"mizarnf-podman-{name}-").FullName;
        var netd = Directory.CreateDirectory(Path.Combine(_dir, "net.d")).FullName;
        File.WriteAllText(Path.Combine(_dir, "containers.conf"), $"""
            [containers]
            default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

            [network]
            network_backend = "cni"
            cni_plugin_dirs = ["{Path.GetDirectoryName(Repo.CniPlugin)}", "{Repo.ReferencePlugins}"]
            network_config_dir = "{netd}"

            [engine]
            runtime = "runc"
            cgroup_manager = "cgroupfs"
            events_logger = "none"
            tmp_dir = "{_dir}/tmp"
            """);
        File.WriteAllText(Path.Combine(_dir, "storage.conf"), $"""
            [storage]
            driver = "vfs"
            graphroot = "{_dir}/storage"
            runroot = "{_dir}/run"
            """);
        // Debian 12's podman (libcni 1.1) speaks CNI up to 1.0.0.
        File.WriteAllText(Path.Combine(netd, "10-mizarnf.conflist"), $$"""
            {"cniVersion": "1.0.0", "name": "mizarnf", "plugins": [
              {"type": "mizarnf-cni", "socket": "{{socket}}", "timeoutSeconds": 10, "waitForEndpointSeconds": 5}]}
            """);
        try
        {
            ImportBusybox();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Runs podman in the node's namespace: exit code and output.</summary>
    public (int Exit, string Output) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("nsenter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"--net={_nodeNetns}", "--", "podman" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["CONTAINERS_CONF"] = Path.Combine(_dir, "containers.conf");
        psi.Environment["CONTAINERS_STORAGE_CONF"] = Path.Combine(_dir, "storage.conf");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"podman {string.Join(' ', args)} did not exit");
        }

        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Removes every container (CNI DEL through the plugin) and image, then the directory.</summary>
    public void Dispose()
    {
        try
        {
            Run("rm", "--all", "--force", "--time", "0");
            Run("rmi", "--all", "--force");
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private void ImportBusybox()
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(_dir, "rootfs")).FullName;
        foreach (var d in new[] { "bin", "etc", "proc", "sys", "dev", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(rootfs, d));
        }

        File.Copy("/bin/busybox", Path.Combine(rootfs, "bin", "busybox"));
        foreach (var applet in new[] { "sh", "ping", "ip", "sleep", "cat", "hostname" })
        {
            File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
        }

        var tar = Path.Combine(_dir, "busybox.tar");
        Shell("tar", "-C", rootfs, "-cf", tar, ".");
        var (exit, output) = Run("import", tar, Image);
        if (exit != 0)
        {
            throw new InvalidOperationException($"podman import failed: {output}");
        }
    }

    private static void Shell(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {err}");
        }
    }
}
