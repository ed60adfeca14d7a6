using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using MizarNF.ControlPlane.Kubernetes.Resources;

namespace MizarNF.ControlPlane.Kubernetes.Watching;

/// <summary>
/// List-then-watch of one resource, as client-go's reflector does: the watch resumes from the last
/// resourceVersion seen (list, event or bookmark); when the API server answers 410 Gone (the
/// version was compacted away) it lists again and turns the difference into events, including
/// Deleted for objects that vanished in between. Each event becomes a <see cref="WorkItem"/> on
/// the operator's queue, in the order received.
/// </summary>
internal sealed class ResourceWatch<T>(ResourceSource<T> source, Func<WatchEventType, T, WorkItem> toWork, TimeSpan retryDelay, ILogger logger)
    where T : class, IMetadata<V1ObjectMeta>
{
    private readonly Dictionary<string, T> _known = new(StringComparer.Ordinal);
    private string? _resourceVersion;

    public ResourceKind Kind => source.Kind;

    /// <summary>Lists every object, remembers them and the version to watch from; returns them.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await source.List(cancellationToken);
        _known.Clear();
        foreach (var item in list.Items)
        {
            _known[Key(item)] = item;
        }

        _resourceVersion = list.ResourceVersion;
        Log.Listed(logger, Kind.ToString(), list.Items.Count, _resourceVersion ?? string.Empty);
        return list.Items;
    }

    /// <summary>Watches until cancelled (after <see cref="ListAsync"/>), re-watching when a stream ends and re-listing on 410 Gone.</summary>
    public async Task WatchAsync(ChannelWriter<WorkItem> queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gone = false;
            var events = 0;
            try
            {
                await foreach (var (type, obj) in source.Watch(_resourceVersion, e => gone |= IsGone(e, logger, Kind), cancellationToken))
                {
                    events++;
                    await OnEventAsync(queue, type, obj, cancellationToken);
                }
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Gone)
            {
                gone = true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.WatchFailed(logger, Kind.ToString(), e.Message);
                events = 0;
            }

            if (gone)
            {
                await RelistAsync(queue, cancellationToken);
            }
            else if (events == 0)
            {
                await Task.Delay(retryDelay, cancellationToken);
            }
        }
    }

    private async Task OnEventAsync(ChannelWriter<WorkItem> queue, WatchEventType type, T obj, CancellationToken cancellationToken)
    {
        if (obj.Metadata?.ResourceVersion is { Length: > 0 } version)
        {
            _resourceVersion = version;
        }

        if (type is WatchEventType.Bookmark or WatchEventType.Error || obj.Metadata?.Name is null)
        {
            return;
        }

        if (type == WatchEventType.Deleted)
        {
            _known.Remove(Key(obj));
        }
        else
        {
            _known[Key(obj)] = obj;
        }

        await queue.WriteAsync(toWork(type, obj), cancellationToken);
    }

    private async Task RelistAsync(ChannelWriter<WorkItem> queue, CancellationToken cancellationToken)
    {
        Log.WatchExpired(logger, Kind.ToString(), _resourceVersion ?? string.Empty);
        while (true)
        {
            var before = new Dictionary<string, T>(_known, StringComparer.Ordinal);
            try
            {
                var items = await ListAsync(cancellationToken);
                foreach (var item in items)
                {
                    await queue.WriteAsync(toWork(WatchEventType.Modified, item), cancellationToken);
                }

                foreach (var last in before.Where(p => !_known.ContainsKey(p.Key)).Select(p => p.Value))
                {
                    await queue.WriteAsync(toWork(WatchEventType.Deleted, last), cancellationToken);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.WatchFailed(logger, Kind.ToString(), e.Message);
                await Task.Delay(retryDelay, cancellationToken);
            }
        }
    }

    /// <summary>True for 410 Gone (sent inside the stream as an ERROR event with a Status); other errors are logged.</summary>
    private static bool IsGone(Exception error, ILogger logger, ResourceKind kind)
    {
        if (error is KubernetesException { Status.Code: (int)HttpStatusCode.Gone })
        {
            return true;
        }

        Log.WatchFailed(logger, kind.ToString(), error.Message);
        return false;
    }

    private static string Key(T obj) => $"{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}";
}
