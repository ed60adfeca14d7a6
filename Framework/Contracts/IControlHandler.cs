using MizarNF.Contracts.Control;

namespace MizarNF.Contracts;

/// <summary>
/// Turns a function's desired state into map contents. Requests are JSON documents whose shape
/// the function defines, so a host can program any function without knowing it at compile time.
/// Handlers validate a whole request before they write anything, and are idempotent: applying
/// the same request twice writes nothing the second time.
/// </summary>
public interface IControlHandler
{
    /// <summary>The function this handler belongs to (matches <see cref="NetworkFunctionDescriptor.Name"/>).</summary>
    string Function { get; }

    /// <summary>Called once the node's pipelines are loaded, with access to their maps.</summary>
    void Bind(IMapProvider maps);

    /// <summary>Applies one request; throws <see cref="ControlValidationException"/> (and writes nothing) when it is invalid.</summary>
    ControlResult Apply(ControlRequest request);

    /// <summary>The state the maps hold now, as JSON, for "read state" calls.</summary>
    string DescribeState();
}
