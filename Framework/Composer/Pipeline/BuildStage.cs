namespace MizarNF.Composer.Pipeline;

/// <summary>Where building a pipeline failed.</summary>
public enum BuildStage
{
    /// <summary>Scriban could not parse or render a template.</summary>
    Template,

    /// <summary>clang rejected the rendered C.</summary>
    Compile,

    /// <summary>libbpf or the kernel's verifier rejected the object.</summary>
    Load,

    /// <summary>A plugin or its descriptor is unusable.</summary>
    Plugin,
}
