#!/usr/bin/env python3
"""Training speed of the seed's CNN-dense model in PyTorch, the reference `./build.sh bench training` compares
TorchSharp's libs/Seismic.Training/Models/CnnDense.cs with.

The same network (SPEC.md section 3): blocks of Conv1d (valid) -> BatchNorm (Keras eps 1e-3, momentum 0.99 ->
torch 0.01) -> ReLU -> Dropout -> MaxPool(2, 2), flatten (channel-major, as CnnDense.cs), dense layers each
followed by ReLU and dropout, then two one-logit heads. The same step as TrainingStep.cs: forward in training
mode, the two-head loss (class-weighted BCE on logits; the classifier term averaged over events only) plus
L2 * sum(w^2) over the convolution and hidden dense kernels, backward, AdamW(lr 1e-4, eps 1e-7, weight decay 1e-6).
The input is channels-last [batch, samples, 3], transposed inside the network, as in TorchSharp.

Prints one line of key=value pairs (parameters, steps, seconds, samples_per_second, ...), which the C# benchmark
parses. Needs only torch (Debian: apt-get install python3-torch).
"""
import argparse
import time

import torch
from torch import nn


class CnnDense(nn.Module):
    def __init__(self, window, filters, kernels, dense_units, dropout):
        super().__init__()
        self.convs = nn.ModuleList()
        self.norms = nn.ModuleList()
        channels, length = 3, window
        for f, k in zip(filters, kernels):
            self.convs.append(nn.Conv1d(channels, f, k))
            self.norms.append(nn.BatchNorm1d(f, eps=1e-3, momentum=0.01))
            length = (length - k + 1) // 2
            channels = f
        features = channels * length
        self.dense = nn.ModuleList()
        for units in dense_units:
            self.dense.append(nn.Linear(features, units))
            features = units
        self.dropout = nn.Dropout(dropout)
        self.detector = nn.Linear(features, 1)
        self.classifier = nn.Linear(features, 1)
        for m in list(self.convs) + list(self.dense) + [self.detector, self.classifier]:
            nn.init.xavier_uniform_(m.weight)  # Keras glorot_uniform: the same fans for Conv1d and Linear
            nn.init.zeros_(m.bias)

    def forward(self, x):
        x = x.transpose(1, 2)
        for conv, norm in zip(self.convs, self.norms):
            x = self.dropout(torch.relu(norm(conv(x))))
            x = nn.functional.max_pool1d(x, 2, 2)
        x = x.flatten(1)
        for layer in self.dense:
            x = self.dropout(torch.relu(layer(x)))
        return self.detector(x), self.classifier(x)

    def l2_penalty(self, l2):
        total = torch.zeros((), dtype=torch.float32)
        for m in list(self.convs) + list(self.dense):
            total = total + m.weight.square().sum()
        return total * l2


def weighted_bce(logits, target, weight0=1.0, weight1=1.0):
    ce = nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none")
    return ce * (target * (weight1 - weight0) + weight0)


def two_head_loss(detector_logits, classifier_logits, detector_target, classifier_target):
    detector = weighted_bce(detector_logits, detector_target).mean()
    is_event = detector_target
    classifier = (weighted_bce(classifier_logits, classifier_target) * is_event).sum() / is_event.sum().clamp_min(1)
    return detector + classifier, detector, classifier


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--window", type=int, default=9601)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--steps", type=int, default=10, help="timed steps (fewer when --max-seconds runs out)")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--max-seconds", type=float, default=300.0, help="stop timing after this many seconds")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--filters", default="32,128,128")
    p.add_argument("--kernels", default="7,7,3")
    p.add_argument("--dense", default="128,128")
    p.add_argument("--dropout", type=float, default=0.001)
    p.add_argument("--l2", type=float, default=0.001)
    p.add_argument("--params-only", action="store_true", help="print the parameter count and stop")
    a = p.parse_args()
    ints = lambda s: [int(v) for v in s.split(",") if v]

    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    model = CnnDense(a.window, ints(a.filters), ints(a.kernels), ints(a.dense), a.dropout)
    parameters = sum(p.numel() for p in model.parameters())
    if a.params_only:
        print(f"parameters={parameters} torch={torch.__version__}")
        return
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, eps=1e-7, weight_decay=1e-6)

    generator = torch.Generator().manual_seed(7)
    windows = torch.randn(a.batch, a.window, 3, generator=generator)
    detector_labels = torch.randint(0, 2, (a.batch, 1), generator=generator).float()
    classifier_labels = torch.randint(0, 2, (a.batch, 1), generator=generator).float()

    def step():
        model.train()
        optimizer.zero_grad()
        detector_logits, classifier_logits = model(windows)
        total, detector, classifier = two_head_loss(detector_logits, classifier_logits, detector_labels, classifier_labels)
        penalty = model.l2_penalty(a.l2)
        loss = total + penalty
        loss.backward()
        optimizer.step()
        return loss.item(), detector.item(), classifier.item(), penalty.item()

    for _ in range(a.warmup):
        step()
    steps, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while steps < a.steps:
        loss = step()[0]
        steps += 1
        if time.perf_counter() - start >= a.max_seconds:
            break
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"parameters={parameters} steps={steps} batch={a.batch} seconds={seconds:.4f} cpu_seconds={cpu_seconds:.4f} "
          f"samples_per_second={steps * a.batch / seconds:.3f} last_loss={loss:.6f} "
          f"threads={torch.get_num_threads()} torch={torch.__version__}")


if __name__ == "__main__":
    main()
