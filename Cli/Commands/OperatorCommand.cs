using System.CommandLine;
using k8s;
using MizarNF.ControlPlane.Kubernetes;
using MizarNF.ControlPlane.Nodes;

namespace MizarNF.Cli.Commands;

/// <summary>
/// <c>mizarnf operator --kubernetes</c>: the control plane fed by the Kubernetes API (CRDs, Pods,
/// Nodes), leading through a Lease; the entry point of deploy/operator-deployment.yaml. Never run
/// against a live cluster (see README).
/// </summary>
internal static class OperatorCommand
{
    public static Command Create()
    {
        var kubernetes = new Option<bool>("--kubernetes") { Description = "read the desired state from the Kubernetes API (in-cluster config, else ~/.kube/config)", Required = true };
        var c = new Command("operator", "run the control plane as a long-lived operator") { kubernetes };
        c.SetAction(async (r, ct) =>
        {
            var config = KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildConfigFromConfigFile();
            using var client = new Kubernetes(config);
            using var nodes = new GrpcNodeApiFactory(TimeSpan.FromSeconds(10));
            var op = new KubernetesOperator(client, nodes);
            Console.WriteLine($"operator {op.Identity}: competing for the lease, watching mizarnf.io/v1 objects, Pods and Nodes");
            try
            {
                await op.RunAsync(ct);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return c;
    }
}
