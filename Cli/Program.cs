using System.CommandLine;
using MizarNF.Cli.Commands;

var root = new RootCommand("MizarNF: multi-tenant networking for Kubernetes in eBPF")
{
    PipelineCommand.Create(),
    TestbedCommand.Create(),
    DemoCommand.Create(),
    OperatorCommand.Create(),
};
foreach (var c in ControlPlaneCommands.Create())
{
    root.Subcommands.Add(c);
}

return root.Parse(args).Invoke();
