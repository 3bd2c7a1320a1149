// MSBuild inline task (RoslynCodeTaskFactory, Type="Class"; compiled against .NET Standard, hence no newer APIs):
// see README.md beside this file for why.
// It edits the ELF file in place, in managed code, so the build needs neither patchelf nor a compiler.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PatchLibTorchSharpGlibcxx : Task
{
    private const string MissingVersion = "GLIBCXX_3.4.32";

    // GCC 13's <iostream> references this symbol (an asm ".globl", no call and no relocation) only to
    // pull in the libstdc++ that initialises the standard streams itself. Nothing else at GLIBCXX_3.4.32
    // may be patched away: a real call into GCC 13's libstdc++ would then fail at run time.
    private static readonly HashSet<string> SymbolsSafeToUnversion = new() { "_ZSt21ios_base_library_initv" };

    private const uint ShtRela = 4;
    private const uint ShtRel = 9;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;
    private const ushort VerNdxGlobal = 1;

    /// <summary>The copies of libLibTorchSharp.so in the build or publish output; those that do not exist are skipped.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The libstdc++ the loader will use; when it already defines GLIBCXX_3.4.32 nothing is patched.</summary>
    [Required]
    public string SystemLibStdCxx { get; set; } = "";

    public override bool Execute()
    {
        var targets = Files.Select(f => f.ItemSpec).Where(File.Exists).ToList();
        if (targets.Count == 0)
            return true;

        if (!File.Exists(SystemLibStdCxx))
        {
            Log.LogWarning("TorchSharp glibcxx patch: {0} not found; libLibTorchSharp.so is left as is.", SystemLibStdCxx);
            return true;
        }
        if (Contains(File.ReadAllBytes(SystemLibStdCxx), Encoding.ASCII.GetBytes(MissingVersion + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp glibcxx patch: {0} has {1}; nothing to patch.", SystemLibStdCxx, MissingVersion);
            return true;
        }

        foreach (var path in targets)
        {
            try
            {
                PatchFile(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Log.LogError("TorchSharp glibcxx patch: cannot patch {0}: {1}", path, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private void PatchFile(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (!Patch(elf, path))
            return;

        // Write a new file and move it over the old one instead of writing in place: if the copy in
        // the output were a hard link into the NuGet cache, the cache must stay untouched.
        // File.Copy keeps the file's permissions; overwriting the copy's content keeps them too.
        var temporary = path + ".glibcxx-patch.tmp";
        File.Copy(path, temporary, true);
        using (var stream = new FileStream(temporary, FileMode.Truncate, FileAccess.Write))
            stream.Write(elf, 0, elf.Length);
        File.Delete(path);
        File.Move(temporary, path);
        Log.LogMessage(MessageImportance.High, "TorchSharp glibcxx patch: {0} no longer requires {1} (the system libstdc++ lacks it).", path, MissingVersion);
    }

    /// <summary>Marks the GLIBCXX_3.4.32 requirement weak and unversions its one symbol; false when there is nothing to do.</summary>
    private bool Patch(byte[] elf, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");

        var sections = ReadSections(elf);
        var verneed = sections.SingleOrDefault(s => s.Type == ShtGnuVerneed);
        var dynsym = sections.SingleOrDefault(s => s.Type == ShtDynsym);
        var versym = sections.SingleOrDefault(s => s.Type == ShtGnuVersym);
        if (verneed is null || dynsym is null || versym is null)
            throw new InvalidDataException("no dynamic symbol version tables");

        var (auxOffset, versionIndex) = FindVernaux(elf, verneed, sections[(int)verneed.Link]);
        if (auxOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp glibcxx patch: {0} does not require {1}.", path, MissingVersion);
            return false;
        }

        var dynstr = sections[(int)dynsym.Link];
        var symbolCount = (int)(dynsym.Size / 24);
        var versioned = new List<int>();
        for (var i = 0; i < symbolCount; i++)
        {
            if ((U16(elf, versym.Offset + 2 * i) & 0x7fff) == versionIndex)
                versioned.Add(i);
        }

        var unsafeSymbols = versioned.Select(i => SymbolName(elf, dynsym, dynstr, i)).Where(n => !SymbolsSafeToUnversion.Contains(n)).ToList();
        if (unsafeSymbols.Count > 0)
            throw new InvalidDataException($"it needs {MissingVersion} for {string.Join(", ", unsafeSymbols)}, which this workaround cannot supply; use a host whose libstdc++ comes from GCC 13 or later");

        foreach (var relocations in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsym.Index))
        {
            var entrySize = relocations.Type == ShtRela ? 24 : 16;
            for (long offset = relocations.Offset; offset + entrySize <= relocations.Offset + relocations.Size; offset += entrySize)
            {
                var symbol = (int)(BitConverter.ToUInt64(elf, (int)offset + 8) >> 32);
                if (versioned.Contains(symbol))
                    throw new InvalidDataException($"{SymbolName(elf, dynsym, dynstr, symbol)} is relocated, so it is really used and cannot be dropped");
            }
        }

        var flags = U16(elf, auxOffset + 4);
        if ((flags & VerFlgWeak) != 0 && versioned.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharp glibcxx patch: {0} is already patched.", path);
            return false;
        }

        // A weak version need only warns under `ldd -v` when the version is missing; the loader goes on.
        WriteU16(elf, auxOffset + 4, (ushort)(flags | VerFlgWeak));
        foreach (var symbol in versioned)
            WriteU16(elf, versym.Offset + 2 * symbol, VerNdxGlobal);
        return true;
    }

    private static (long AuxOffset, int VersionIndex) FindVernaux(byte[] elf, Section verneed, Section strings)
    {
        long need = verneed.Offset;
        while (true)
        {
            var auxCount = U16(elf, need + 2);
            long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (var i = 0; i < auxCount; i++)
            {
                var name = CString(elf, strings.Offset + BitConverter.ToUInt32(elf, (int)aux + 8));
                if (name == MissingVersion)
                    return (aux, U16(elf, aux + 6) & 0x7fff);
                var nextAux = BitConverter.ToUInt32(elf, (int)aux + 12);
                if (nextAux == 0)
                    break;
                aux += nextAux;
            }
            var nextNeed = BitConverter.ToUInt32(elf, (int)need + 12);
            if (nextNeed == 0)
                return (-1, -1);
            need += nextNeed;
        }
    }

    private static List<Section> ReadSections(byte[] elf)
    {
        var headerOffset = (long)BitConverter.ToUInt64(elf, 0x28);
        var headerSize = U16(elf, 0x3a);
        var count = U16(elf, 0x3c);
        var sections = new List<Section>(count);
        for (var i = 0; i < count; i++)
        {
            var h = (int)(headerOffset + (long)i * headerSize);
            sections.Add(new Section(
                i,
                BitConverter.ToUInt32(elf, h + 4),
                (long)BitConverter.ToUInt64(elf, h + 24),
                (long)BitConverter.ToUInt64(elf, h + 32),
                BitConverter.ToUInt32(elf, h + 40)));
        }
        return sections;
    }

    private static string SymbolName(byte[] elf, Section dynsym, Section dynstr, int index) =>
        CString(elf, dynstr.Offset + BitConverter.ToUInt32(elf, (int)(dynsym.Offset + 24L * index)));

    private static string CString(byte[] elf, long offset)
    {
        var end = Array.IndexOf(elf, (byte)0, (int)offset);
        return Encoding.ASCII.GetString(elf, (int)offset, end - (int)offset);
    }

    private static ushort U16(byte[] elf, long offset) => BitConverter.ToUInt16(elf, (int)offset);

    private static void WriteU16(byte[] elf, long offset, ushort value)
    {
        elf[offset] = (byte)value;
        elf[offset + 1] = (byte)(value >> 8);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var start = Array.IndexOf(haystack, needle[0]); start >= 0 && start <= haystack.Length - needle.Length; start = Array.IndexOf(haystack, needle[0], start + 1))
        {
            var match = true;
            for (var i = 1; i < needle.Length && match; i++)
                match = haystack[start + i] == needle[i];
            if (match)
                return true;
        }
        return false;
    }

    private sealed class Section
    {
        public Section(int index, uint type, long offset, long size, uint link)
        {
            Index = index;
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
        }

        public int Index { get; }
        public uint Type { get; }
        public long Offset { get; }
        public long Size { get; }
        public uint Link { get; }
    }
}
