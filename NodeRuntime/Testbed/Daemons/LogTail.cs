using System.Text;

namespace MizarNF.Testbed;

/// <summary>The last lines of a daemon's log, for error messages.</summary>
internal static class LogTail
{
    private const int MaxBytes = 8192;

    public static string Read(string path, int lines = 20)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = (int)Math.Min(file.Length, MaxBytes);
            file.Seek(-length, SeekOrigin.End);
            var buffer = new byte[length];
            file.ReadExactly(buffer);
            var text = Encoding.UTF8.GetString(buffer).TrimEnd();
            var all = text.Split('\n');
            return text.Length == 0 ? "(empty)" : string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException e)
        {
            return $"(unreadable: {e.Message})";
        }
    }
}
