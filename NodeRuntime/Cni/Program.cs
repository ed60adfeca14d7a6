using MizarNF.Cni.Invocation;
using MizarNF.Cni.Results;
using MizarNF.Cni.Spec;
using MizarNF.Cni.Verbs;

// mizarnf-cni: a CNI 1.1.0 plugin. The runtime gives the command in CNI_* variables and the
// network configuration on stdin; the result (ADD, VERSION) or the error goes to stdout as the
// spec's JSON, with exit code 0 or 1. Everything else is the node daemon's job.
var stdout = Console.OpenStandardOutput();
var version = CniVersions.Latest;
try
{
    var env = CniEnvironment.Read(Environment.GetEnvironmentVariable);
    byte[] stdin;
    try
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        stdin = buffer.ToArray();
    }
    catch (IOException e)
    {
        throw new CniException(CniErrorCode.IoFailure, "cannot read the network configuration from stdin", e.Message);
    }

    if (env.Command == "VERSION" && stdin.Length == 0)
    {
        ResultWriter.Version(stdout);
        return 0;
    }

    var conf = NetConf.Parse(stdin, env.Command);
    version = CniVersions.Supported.Contains(conf.CniVersion) ? conf.CniVersion : CniVersions.Latest;
    switch (env.Command)
    {
        case "VERSION": ResultWriter.Version(stdout); break;
        case "ADD": AddVerb.Run(env, conf, stdout); break;
        case "DEL": DelVerb.Run(env, conf); break;
        case "CHECK": CheckVerb.Run(env, conf); break;
        case "STATUS": StatusVerb.Run(conf); break;
        default: GcVerb.Run(conf); break;
    }

    return 0;
}
catch (CniException e)
{
    ResultWriter.Error(stdout, version, e);
    return 1;
}
