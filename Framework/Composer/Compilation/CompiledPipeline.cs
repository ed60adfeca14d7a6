using MizarNF.Composer.Pipeline;

namespace MizarNF.Composer.Compilation;

/// <summary>An object file built from a rendered pipeline.</summary>
/// <param name="Rendered">The C it was built from.</param>
/// <param name="ObjectPath">The ELF object (in the cache).</param>
/// <param name="SourcePath">The rendered C, kept beside the object for debugging.</param>
/// <param name="Hash">The cache key: a hash of the source, the headers and the compiler's arguments.</param>
/// <param name="FromCache">True when no compile was needed.</param>
public sealed record CompiledPipeline(RenderedPipeline Rendered, string ObjectPath, string SourcePath, string Hash, bool FromCache);
