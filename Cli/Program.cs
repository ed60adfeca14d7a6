using System.CommandLine;
using MizarNF.Cli.Commands;

var root = new RootCommand("MizarNF: multi-tenant networking for Kubernetes in eBPF")
{
    PipelineCommand.Create(),
    TestbedCommand.Create(),
};
return root.Parse(args).Invoke();
