#!/usr/bin/env python3
"""Inference speed of Seismic's networks in PyTorch, the reference `./build.sh bench inference` compares ONNX Runtime with.

The C# benchmark builds the network in TorchSharp, exports it to ONNX and writes its weights (state_dict, float32,
in a manifest ARCH.json + ARCH.weights) and a batch of input windows with ONNX Runtime's logits for them. This
script builds the same network (CnnDense as in cnn_dense_train.py, CompactNet as libs/Seismic.Training/Models/
CompactNet.cs, with the same module names so the state_dict keys match), loads those weights, checks its logits
against ONNX Runtime's (max_abs_diff), then times eval-mode forward passes under torch.inference_mode() at each
batch size. Prints one line of key=value pairs. Needs only torch (Debian: apt-get install python3-torch).
"""
import argparse
import json
import time

import torch
from torch import nn

from cnn_dense_train import CnnDense


class CompactNet(nn.Module):
    """libs/Seismic.Training/Models/CompactNet.cs: strided stem, depthwise-separable blocks, time-segment averages, two heads."""

    def __init__(self, stem_filters, block_filters, kernel, segments):
        super().__init__()
        pad = kernel // 2
        self.stem = nn.Conv1d(3, stem_filters, kernel, stride=2, padding=pad, bias=False)
        self.stemNorm = nn.BatchNorm1d(stem_filters, eps=1e-3)
        self.depthwise, self.depthwiseNorms = nn.ModuleList(), nn.ModuleList()
        self.pointwise, self.pointwiseNorms = nn.ModuleList(), nn.ModuleList()
        channels = stem_filters
        for filters in block_filters:
            self.depthwise.append(nn.Conv1d(channels, channels, kernel, stride=2, padding=pad, groups=channels, bias=False))
            self.depthwiseNorms.append(nn.BatchNorm1d(channels, eps=1e-3))
            self.pointwise.append(nn.Conv1d(channels, filters, 1, bias=False))
            self.pointwiseNorms.append(nn.BatchNorm1d(filters, eps=1e-3))
            channels = filters
        self.segments = segments
        self.detector = nn.Linear(channels * segments, 1)
        self.classifier = nn.Linear(channels * segments, 1)

    def forward(self, x):
        x = x.transpose(1, 2)
        x = torch.relu(self.stemNorm(self.stem(x)))
        for dw, dwn, pw, pwn in zip(self.depthwise, self.depthwiseNorms, self.pointwise, self.pointwiseNorms):
            x = torch.relu(dwn(dw(x)))
            x = torch.relu(pwn(pw(x)))
        x = nn.functional.adaptive_avg_pool1d(x, self.segments).flatten(1)
        return self.detector(x), self.classifier(x)


def load_weights(model, manifest, weights_path):
    raw = open(weights_path, "rb").read()
    state = model.state_dict()
    loaded = set()
    for entry in manifest["tensors"]:
        name = entry["name"]
        if name not in state:
            continue
        count = 1
        for d in entry["shape"]:
            count *= d
        values = torch.frombuffer(bytearray(raw[entry["offset"]:entry["offset"] + 4 * count]), dtype=torch.float32)
        state[name].copy_(values.reshape(entry["shape"]))
        loaded.add(name)
    missing = [k for k, v in state.items() if k not in loaded and v.dtype.is_floating_point]
    if missing:
        raise SystemExit(f"weights missing for {missing}")
    return len(loaded)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--manifest", required=True, help="ARCH.json written by the C# benchmark")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=5.0, help="time each batch size this long")
    p.add_argument("--batches", default="1,64")
    a = p.parse_args()
    manifest = json.load(open(a.manifest))
    folder = a.manifest.rsplit("/", 1)[0]
    torch.set_num_threads(a.threads)

    h = manifest["hyperparameters"]
    window = manifest["window"]
    if manifest["architecture"] == "compact":
        model = CompactNet(h["stem_filters"], h["block_filters"], h["kernel_size"], h["time_segments"])
    else:
        model = CnnDense(window, h["filters"], h["kernel_sizes"], h["dense_units"], 0.0)
    loaded = load_weights(model, manifest, f"{folder}/{manifest['weights']}")
    model.eval()

    # The same windows as ONNX Runtime saw, and its logits: the same network with the same weights.
    count = manifest["check_windows"]
    windows = torch.frombuffer(bytearray(open(f"{folder}/{manifest['input']}", "rb").read()), dtype=torch.float32).reshape(count, window, 3)
    expected = torch.frombuffer(bytearray(open(f"{folder}/{manifest['expected']}", "rb").read()), dtype=torch.float32).reshape(count, 2)
    with torch.inference_mode():
        detector, classifier = model(windows)
    diff = (torch.cat([detector, classifier], dim=1) - expected).abs().max().item()

    figures = [f"architecture={manifest['architecture']}", f"tensors={loaded}", f"max_abs_diff={diff:.3g}",
               f"max_abs_logit={expected.abs().max().item():.3g}"]
    for batch in [int(b) for b in a.batches.split(",")]:
        x = windows[:batch] if batch <= count else torch.randn(batch, window, 3)
        with torch.inference_mode():
            model(x)  # warm-up
            runs, start = 0, time.perf_counter()
            while True:
                model(x)
                runs += 1
                if time.perf_counter() - start >= a.seconds:
                    break
        seconds = time.perf_counter() - start
        figures.append(f"batch{batch}={runs * batch / seconds:.2f}")
    figures += [f"threads={torch.get_num_threads()}", f"torch={torch.__version__}"]
    print(" ".join(figures))


if __name__ == "__main__":
    main()
