using Styrkort.Accounts.Sie.Internal;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Accounts.Sie;

/// <summary>
/// Reads SIE files (types 1–4, SIE 4B). Input that cannot be read throws <see cref="InputErrorsException"/> with line
/// and column; anything readable is returned with warnings an accountant should see. Never reads past what it is given,
/// and takes time linear in the size of the file, whatever its bytes.
/// </summary>
public static class SieReader
{
    public static SieReadResult Read(string path)
    {
        if (!File.Exists(path)) throw new StyrkortException(new SourceLocation(path, 0, 0), "SIE file not found");
        return Read(File.ReadAllBytes(path), path);
    }

    public static SieReadResult Read(byte[] bytes, string source) => SieParser.Parse(bytes, source);
}
