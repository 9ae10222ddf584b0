using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>The two Linux file calls .NET has no API for: opening with <c>O_DIRECT</c> and flushing a directory.</summary>
public static partial class LinuxFiles
{
    private const int ReadOnly = 0x0;
    private const int WriteOnly = 0x1;
    private const int Create = 0x40;
    private const int Exclusive = 0x80;
    private const int CloseOnExec = 0x80000;
    private const int Permissions = 0b110_100_100; // 0644

    /// <summary>
    /// Creates a file opened with <c>O_DIRECT</c>. Returns null where direct I/O is unavailable (another OS or CPU, or
    /// a file system that refuses the flag), and the caller opens the file the ordinary way, which also reports any
    /// other error as the usual .NET exception.
    /// </summary>
    public static SafeFileHandle? TryCreateUnbuffered(string path)
    {
        // O_DIRECT's value differs between Linux architectures.
        int? direct = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 0x4000,
            Architecture.Arm64 => 0x10000,
            _ => null,
        };
        if (!OperatingSystem.IsLinux() || direct is null)
        {
            return null;
        }

        var descriptor = Open(path, WriteOnly | Create | Exclusive | CloseOnExec | direct.Value, Permissions);
        return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>
    /// Flushes a directory to disk, which is what makes a rename into it durable on Linux (the file's own flush does
    /// not cover the directory entry). Elsewhere nothing to do.
    /// </summary>
    public static void FlushDirectory(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var descriptor = Open(path, ReadOnly | CloseOnExec, 0);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open the folder '{path}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (Fsync(descriptor) != 0)
        {
            throw new IOException($"Cannot flush the folder '{path}' (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);
}
