using Seismic.TestSupport;
using Seismic.Datasets.SeisBench;
using Seismic.Datasets.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Datasets.Tests.SeisBench;

/// <summary>
/// Reads a written dataset with h5py the way SeisBench's WaveformDataset does (data_format scalars,
/// one dataset per trace_name under data/), so the file is checked by the reference HDF5 library,
/// not only by the library that wrote it.
/// </summary>
public sealed class SeisBenchH5pyTests(ITestOutputHelper output) : IDisposable
{
    private const string Script = """
        import csv, os, sys
        import h5py, numpy as np

        folder = sys.argv[1]
        def fail(message):
            print("FAIL: " + message)
            sys.exit(1)

        with h5py.File(os.path.join(folder, "waveforms.hdf5"), "r") as f:
            if set(f.keys()) != {"data", "data_format"}:
                fail("top-level groups are %s" % sorted(f.keys()))
            g = f["data_format"]
            # SeisBench: {key: g_data_format[key][()] for key in g_data_format.keys()}, bytes decoded.
            fmt = {k: g[k][()] for k in g.keys()}
            fmt = {k: v.decode() if isinstance(v, bytes) else v for k, v in fmt.items()}
            for key in ["dimension_order", "component_order", "sampling_rate", "measurement", "unit", "instrument_response"]:
                if key not in fmt:
                    fail("data_format has no " + key)
                if g[key].shape != ():
                    fail("data_format/%s is not a scalar: shape %s" % (key, g[key].shape))
            if fmt["dimension_order"] != "CW": fail("dimension_order %r" % fmt["dimension_order"])
            if fmt["component_order"] != "ZTR": fail("component_order %r" % fmt["component_order"])
            if float(fmt["sampling_rate"]) != 40.0: fail("sampling_rate %r" % fmt["sampling_rate"])
            if fmt["measurement"] != "velocity": fail("measurement %r" % fmt["measurement"])

            with open(os.path.join(folder, "metadata.csv"), newline="") as m:
                rows = list(csv.DictReader(m))
            if len(rows) != len(f["data"].keys()):
                fail("%d metadata rows, %d datasets" % (len(rows), len(f["data"].keys())))
            for i, row in enumerate(rows):
                d = f["data"][row["trace_name"]]
                if d.dtype != np.float32: fail("%s dtype %s" % (row["trace_name"], d.dtype))
                if d.shape != (3, 50): fail("%s shape %s" % (row["trace_name"], d.shape))
                if int(row["trace_npts"]) != d.shape[1]: fail("trace_npts %s" % row["trace_npts"])
                if row["trace_component_order"] != "ZTR": fail("trace_component_order " + row["trace_component_order"])
                expected = np.array([[i * 1000 + c * 100 + t * 0.5 for t in range(50)] for c in range(3)], dtype=np.float32)
                if not np.array_equal(d[()], expected): fail("%s samples differ" % row["trace_name"])
        print("OK %d traces" % len(rows))
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_be_readable_by_h5py_as_seisbench_reads_it()
    {
        // No silent pass: ./build.sh test installs Debian's python3-h5py, so its absence is a set-up fault to report.
        var unavailable = Python.WhyH5pyIsUnavailable();
        Assert.True(unavailable is null, $"h5py is needed for this check ({unavailable}); install python3-h5py or run ./build.sh test");
        SmallDatasets.Write(_folder.Path, events: 2, noise: 1);

        var (exitCode, text) = Python.Run(Script, [_folder.Path]);

        output.WriteLine(text);
        Assert.True(exitCode == 0, text);
        Assert.Contains("OK 3 traces", text);
    }
}
