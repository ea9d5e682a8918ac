#!/usr/bin/env python3
"""numpy reference for `sakip sensitivity`: the same math (weights, matrix product, ranking,
quantiles) on the same sub-component values and the same random numbers.

It reproduces sakip's replicate streams (xoshiro256** seeded through SplitMix64 from the seed and
the replicate index) in vectorised numpy, so the two results can be compared exactly. Scores sum
sub-components in rubric order, as sakip does, so ties and ranks agree to the last bit.

  sensitivity_reference.py VALUES.npz SAMPLES SPREAD SEED > result.json
Prints the JSON summary to stdout and the time of the math alone to stderr.
"""
import json
import sys
import time

import numpy as np

M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix(state):
    state = state + np.uint64(0x9E3779B97F4A7C15)
    z = state
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return state, z ^ (z >> np.uint64(31))


def rotl(x, k):
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


def replicate_units(seed, samples, dimensions):
    """u[k, d]: the d-th number in [0, 1) of replicate k, as sakip draws it."""
    k = np.arange(samples, dtype=np.uint64)
    with np.errstate(over="ignore"):
        state = np.uint64(seed) ^ (k * np.uint64(0xD1B54A32D192ED03))
        _, inner = splitmix(state)          # Xoshiro256StarStar(seed:stream:) draws one SplitMix value...
        mix = inner                          # ...and seeds a second SplitMix64 with it
        s = []
        for _ in range(4):
            mix, value = splitmix(mix)
            s.append(value)
        s0, s1, s2, s3 = s
        out = np.empty((samples, dimensions))
        for d in range(dimensions):
            result = rotl(s1 * np.uint64(5), 7) * np.uint64(9)
            t = s1 << np.uint64(17)
            s2 = s2 ^ s0
            s3 = s3 ^ s1
            s1 = s1 ^ s2
            s0 = s0 ^ s3
            s2 = s2 ^ t
            s3 = rotl(s3, 45)
            out[:, d] = (result >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)
    return out


def rank_rows(scores):
    """Competition ranks (1224) and fractional ranks (1 2.5 2.5 4) of each row, highest first.
    Without ties both are the inverse permutation of the sort; rows with ties take the slow path."""
    order = np.argsort(-scores, axis=1)
    ordered = np.take_along_axis(scores, order, axis=1)
    n = scores.shape[1]
    position = np.broadcast_to(np.arange(1, n + 1), scores.shape)
    ranks = np.empty(scores.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, position, axis=1)
    fractional = ranks.astype(np.float64)
    tied_rows = np.nonzero((ordered[:, 1:] == ordered[:, :-1]).any(axis=1))[0]
    for r in tied_rows:
        row = ordered[r]
        new = np.ones(n, dtype=bool)
        new[1:] = row[1:] != row[:-1]
        first = np.maximum.accumulate(np.where(new, np.arange(1, n + 1), 0))
        last_of_run = np.ones(n, dtype=bool)
        last_of_run[:-1] = new[1:]
        last = np.minimum.accumulate(np.where(last_of_run, np.arange(1, n + 1), n + 1)[::-1])[::-1]
        ranks[r, order[r]] = first
        fractional[r, order[r]] = (first + last) / 2
    return ranks, fractional


def main():
    data = np.load(sys.argv[1])
    samples, spread, seed = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    values = data["values"]                  # units x subs, share of weight achieved
    component_of = data["component_of"]      # subs
    component_weights = data["component_weights"]
    shares = data["shares"]                  # nominal share of each sub in its component
    bounds = data["bounds"]                  # grade lower bounds, highest first
    units, subs = values.shape
    comps = len(component_weights)

    start = time.perf_counter()
    u = replicate_units(seed, samples, comps + subs)
    # Weights exactly as sakip computes them (same operations, same order).
    comp = component_weights[None, :] * (1 + spread * (2 * u[:, :comps] - 1))
    total = 0.0
    for c in range(comps):
        total += component_weights[c]
    csum = np.zeros(samples)
    for c in range(comps):
        csum = csum + comp[:, c]
    comp = comp * (total / csum)[:, None]
    w = shares[None, :] * (1 + spread * (2 * u[:, comps:] - 1))
    ssum = np.zeros((samples, comps))
    for s_ in range(subs):
        ssum[:, component_of[s_]] += w[:, s_]
    w = w / ssum[:, component_of] * comp[:, component_of]

    # Scores: sub-components added in rubric order (replicates x units), in place.
    scores = np.zeros((samples, units))
    term = np.empty((samples, units))
    for s_ in range(subs):
        np.multiply(w[:, s_:s_ + 1], values[None, :, s_], out=term)
        scores += term
    ranks, fractional = rank_rows(scores)
    q05, median, q95 = np.quantile(ranks, [0.05, 0.5, 0.95], axis=0)
    band = np.full(scores.shape, len(bounds) - 1)
    for i in range(len(bounds) - 1, -1, -1):
        band = np.where(scores > bounds[i] + 1e-9, i, band)
    probabilities = np.stack([(band == g).mean(axis=0) for g in range(len(bounds))], axis=1)
    # Mean Spearman rho of each replicate against the nominal ranking.
    nominal = np.zeros(units)
    for s_ in range(subs):
        nominal += values[:, s_] * (shares[s_] * component_weights[component_of[s_]])
    fr = fractional
    fn = rank_rows(nominal[None, :])[1][0]
    m = (units + 1) / 2
    rho = ((fr - m) * (fn - m)).sum(axis=1) / np.sqrt(((fr - m) ** 2).sum(axis=1) * ((fn - m) ** 2).sum())
    elapsed = time.perf_counter() - start

    json.dump({"q05": q05.tolist(), "median": median.tolist(), "q95": q95.tolist(),
               "grade_probabilities": probabilities.tolist(), "mean_spearman_rho": float(rho.mean())}, sys.stdout)
    print(f"{elapsed:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
