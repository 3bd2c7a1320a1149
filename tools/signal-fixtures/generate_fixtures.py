#!/usr/bin/env python3
"""Reference fixtures for tests/Seismic.Signal.Tests (filters, taper, detrend, Tukey, resampling, rotation).

Regenerate (from the repository root; needs Debian's numpy and scipy, no ObsPy):

    apt-get install python3-numpy python3-scipy
    /usr/bin/python3 tools/signal-fixtures/generate_fixtures.py

It writes tests/Seismic.Signal.Tests/Fixtures/*.json, which are checked in so the .NET tests need no
Python. The output is deterministic (fixed seeds; numbers rounded to 10 significant digits, well
below the tests' 1e-5 tolerance). Made with scipy 1.10.1 and numpy 1.24.2 (Debian bookworm).

What is the reference for what:
* Butterworth filters: scipy.signal.butter(order, corners, btype, output='sos', fs=fs), applied with
  scipy.signal.sosfilt (causal, ObsPy's zerophase=False) and, for zero phase, ObsPy's recipe: sosfilt
  forward, then sosfilt over the reversed result, reversed back (no padding; not sosfiltfilt).
* Detrend: numpy mean and scipy.signal.detrend(type='linear').
* Tukey: scipy.signal.windows.tukey(M, alpha, sym=True).
* Cosine taper: ObsPy is not packaged for Debian, so obspy.signal.invsim.cosine_taper and the
  window-length rule of obspy.core.trace.Trace.taper(type='cosine') are transcribed below from ObsPy 1.4.
* Resampling: scipy.signal.resample_poly(x, up, down) with its defaults (Kaiser beta 5.0, zero padding).
* Rotation: ObsPy's rotate_ne_rt formulas (transcribed) and, for sensors off north/east, a least-squares
  solve of the sensor projections (N cos az + E sin az) with numpy.linalg.
"""
import json
import math
import os

import numpy as np
import scipy
import scipy.signal as ss

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "Seismic.Signal.Tests", "Fixtures"))


def rounded(values):
    return [float("%.10g" % v) for v in np.asarray(values, dtype=float).ravel()]


def write(name, payload):
    payload = {"generator": "tools/signal-fixtures/generate_fixtures.py",
               "scipy": scipy.__version__, "numpy": np.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")


def test_signal(rng, n, fs):
    """Red noise with an offset, a slow trend and a transient: something like a raw seismogram."""
    t = np.arange(n) / fs
    noise = np.cumsum(rng.standard_normal(n)) * 0.2 + rng.standard_normal(n)
    burst = 8.0 * np.exp(-((t - t[-1] * 0.4) / 0.8) ** 2) * np.sin(2 * np.pi * 3.0 * t)
    return 50.0 + 0.5 * t + noise + burst


# ---------------------------------------------------------------- filters
def filters(rng):
    inputs = {"40": test_signal(rng, 400, 40.0), "100": test_signal(rng, 600, 100.0)}
    specs = [
        ("highpass", 4, [1.5], 40.0),   # the seed's high-pass before resampling
        ("highpass", 4, [1.5], 100.0),
        ("highpass", 2, [0.5], 40.0),
        ("highpass", 3, [2.0], 100.0),
        ("lowpass", 4, [5.0], 40.0),
        ("lowpass", 1, [3.0], 100.0),
        ("lowpass", 5, [12.0], 40.0),
        ("bandpass", 4, [2.0, 8.0], 40.0),  # the seed's band-pass on beams
        ("bandpass", 3, [1.0, 5.0], 100.0),
        ("bandpass", 1, [2.0, 8.0], 40.0),
        ("bandpass", 5, [0.5, 15.0], 40.0),
    ]
    cases = []
    for btype, order, corners, fs in specs:
        wn = corners[0] if len(corners) == 1 else corners
        sos = ss.butter(order, wn, btype=btype, output="sos", fs=fs)
        x = inputs[str(int(fs))]
        causal = ss.sosfilt(sos, x)
        zerophase = ss.sosfilt(sos, ss.sosfilt(sos, x)[::-1])[::-1]
        cases.append({"type": btype, "order": order, "cornersHz": corners, "sampleRateHz": fs,
                      "causal": rounded(causal), "zeroPhase": rounded(zerophase)})
    write("filters.json", {"inputs": {k: rounded(v) for k, v in inputs.items()}, "cases": cases})


# ------------------------------------------------------- conditioning
def obspy_cosine_taper(npts, p):
    """obspy.signal.invsim.cosine_taper(npts, p, halfcosine=True), transcribed."""
    if p == 0.0 or p == 1.0:
        frac = int(npts * p / 2.0)
    else:
        frac = int(npts * p / 2.0 + 0.5)
    idx1, idx2, idx3, idx4 = 0, frac - 1, npts - frac, npts - 1
    if idx1 == idx2:
        idx2 += 1
    if idx3 == idx4:
        idx3 -= 1
    cos_win = np.zeros(npts)
    cos_win[idx1:idx2 + 1] = 0.5 * (1.0 - np.cos(np.pi * (np.arange(idx1, idx2 + 1) - float(idx1)) / (idx2 - idx1)))
    cos_win[idx2 + 1:idx3] = 1.0
    cos_win[idx3:idx4 + 1] = 0.5 * (1.0 + np.cos(np.pi * (float(idx3) - np.arange(idx3, idx4 + 1)) / (idx4 - idx3)))
    if idx1 == idx2:
        cos_win[idx1] = 0.0
    if idx3 == idx4:
        cos_win[idx3] = 0.0
    return cos_win


def obspy_trace_taper(data, fs, max_percentage, max_length):
    """obspy.core.trace.Trace.taper(max_percentage, type='cosine', max_length, side='both'), transcribed."""
    npts = len(data)
    limits = []
    if max_percentage is not None:
        limits.append(int(max_percentage * npts))
    if max_length is not None:
        limits.append(int(max_length * fs))
    limits.append(int(npts / 2))
    wlen = min(limits)
    sides = obspy_cosine_taper(2 * wlen if 2 * wlen == npts else 2 * wlen + 1, 1.0)
    taper = np.hstack((sides[:wlen], np.ones(npts - 2 * wlen), sides[len(sides) - wlen:]))
    return data * taper


def conditioning(rng):
    x = test_signal(rng, 401, 40.0)
    tapers = []
    for n, fs, frac, max_len in [(401, 40.0, None, 2.0), (401, 40.0, 0.05, None), (401, 40.0, 0.1, 1.0),
                                 (400, 40.0, None, 10.0), (7, 40.0, 0.5, None), (3, 40.0, 0.5, None),
                                 (400, 40.0, 0.5, None)]:
        data = x[:n]
        tapers.append({"length": n, "sampleRateHz": fs, "maxFraction": frac, "maxLengthSeconds": max_len,
                       "expected": rounded(obspy_trace_taper(data, fs, frac, max_len))})
    tukeys = [{"length": m, "alpha": a, "expected": rounded(ss.windows.tukey(m, a, sym=True))}
              for m, a in [(51, 0.5), (50, 0.25), (10, 1.0), (64, 0.1), (40, 0.0)]]
    write("conditioning.json", {
        "input": rounded(x),
        "demeaned": rounded(x - x.mean()),
        "linearDetrended": rounded(ss.detrend(x, type="linear")),
        "tapers": tapers,
        "tukey": tukeys,
    })


# --------------------------------------------------------- resampling
def resampling(rng):
    cases = []
    for fs_in, fs_out in [(100.0, 40.0), (200.0, 40.0), (50.0, 40.0), (20.0, 40.0), (40.0, 20.0), (100.0, 50.0)]:
        n = int(8 * fs_in)
        t = np.arange(n) / fs_in
        x = (rng.standard_normal(n) + 3.0 * np.sin(2 * np.pi * 1.3 * t)
             + 2.0 * np.sin(2 * np.pi * 0.45 * fs_in * t))  # a tone above the new Nyquist, to be removed
        g = math.gcd(int(fs_in), int(fs_out))
        up, down = int(fs_out) // g, int(fs_in) // g
        y = ss.resample_poly(x, up, down)
        cases.append({"inputRateHz": fs_in, "outputRateHz": fs_out, "up": up, "down": down,
                      "input": rounded(x), "expected": rounded(y)})
    write("resampling.json", {"cases": cases})


# ----------------------------------------------------------- rotation
def rotate_ne_rt(n, e, ba):
    """obspy.signal.rotate.rotate_ne_rt, transcribed."""
    ba = math.radians(ba)
    r = -e * math.sin(ba) - n * math.cos(ba)
    t = -e * math.cos(ba) + n * math.sin(ba)
    return r, t


def rotation(rng):
    north = rng.standard_normal(40)
    east = rng.standard_normal(40)
    ne_cases = []
    for baz in [0.0, 37.5, 90.0, 123.0, 250.0, 359.0]:
        r, t = rotate_ne_rt(north, east, baz)
        ne_cases.append({"backAzimuthDeg": baz, "radial": rounded(r), "transverse": rounded(t)})
    sensor_cases = []
    for az1, az2, baz in [(3.5, 95.0, 48.0), (90.0, 0.0, 200.0), (358.0, 87.0, 310.0), (0.0, 90.0, 123.0)]:
        a1, a2 = math.radians(az1), math.radians(az2)
        h1 = north * math.cos(a1) + east * math.sin(a1)
        h2 = north * math.cos(a2) + east * math.sin(a2)
        m = np.array([[math.cos(a1), math.sin(a1)], [math.cos(a2), math.sin(a2)]])
        n_rec, e_rec = np.linalg.solve(m, np.vstack([h1, h2]))
        r, t = rotate_ne_rt(n_rec, e_rec, baz)
        sensor_cases.append({"azimuth1Deg": az1, "azimuth2Deg": az2, "backAzimuthDeg": baz,
                             "horizontal1": rounded(h1), "horizontal2": rounded(h2),
                             "north": rounded(n_rec), "east": rounded(e_rec),
                             "radial": rounded(r), "transverse": rounded(t)})
    write("rotation.json", {"north": rounded(north), "east": rounded(east),
                            "northEastCases": ne_cases, "sensorCases": sensor_cases})


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240611)
    filters(rng)
    conditioning(rng)
    resampling(rng)
    rotation(rng)


if __name__ == "__main__":
    main()
