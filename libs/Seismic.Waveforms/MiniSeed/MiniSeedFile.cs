using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>Reading a miniSEED file or buffer straight to trace segments, with the problems of both steps.</summary>
public static class MiniSeedFile
{
    public static TraceAssembly ReadTraces(string path, MiniSeedReadOptions? readOptions = null, TraceAssemblyOptions? assemblyOptions = null)
        => ReadTraces(File.ReadAllBytes(path), readOptions, assemblyOptions);

    public static TraceAssembly ReadTraces(ReadOnlyMemory<byte> data, MiniSeedReadOptions? readOptions = null, TraceAssemblyOptions? assemblyOptions = null)
    {
        var read = MiniSeedReader.Read(data, readOptions);
        var strict = readOptions?.Strict ?? false;
        var options = assemblyOptions ?? (strict ? new TraceAssemblyOptions { Strict = true } : TraceAssemblyOptions.Default);
        return TraceAssembler.Assemble(read.Records, options, read.Problems);
    }
}
