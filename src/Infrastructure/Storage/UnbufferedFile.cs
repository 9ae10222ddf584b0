using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// Creates a file opened with Linux's <c>O_DIRECT</c> (.NET's <see cref="FileOptions"/> cannot ask for it). Returns
/// null where direct I/O is unavailable (another OS or CPU, or a file system that refuses the flag), and
/// the caller opens the file the ordinary way, which also reports any other error as the usual .NET exception.
/// </summary>
public static partial class UnbufferedFile
{
    private const int WriteOnly = 0x1;
    private const int Create = 0x40;
    private const int Exclusive = 0x80;
    private const int CloseOnExec = 0x80000;
    private const int Permissions = 0b110_100_100; // 0644

    public static SafeFileHandle? TryCreate(string path)
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

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);
}
