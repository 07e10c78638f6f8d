"""Yuma 3 epoch (without liquid alpha) vectorised in torch, the comparison point of bench/epoch.ts.

Reads the benchmark graphs as one JSON line on stdin (the same inputs the TypeScript fast epoch gets:
stake weights in raw units, u16 weight and bond rows, LastUpdate, BlockAtRegistration, stored permits
and the chain's hyperparameters), then times batches of epochs on request, on one thread in float64
(process CPU time, so other load on the machine stays out of the figures); see `main`.
The algorithm is spec section 7 with dense n x n tensors; consensus is a vectorised stake-weighted
median (sort each column, cumulative stake, first score whose cumulative stake exceeds the minority).
"""

import json
import sys
import time

import torch

GRID = 2.0**32


def to_grid(x):
    """Truncate to the chain's I32F32 grid."""
    return torch.floor(x * GRID) / GRID


def u16_ratio(x):
    """u16 / 65535 read into I32F32 (truncating), as a Python float."""
    return float(int(x) * 2**32 // 65535) / GRID


def dense(rows, n):
    """Dense float64 matrix from [column, value] rows."""
    m = torch.zeros((n, n), dtype=torch.float64)
    for i, row in enumerate(rows[:n]):
        if row:
            cols = torch.tensor([c for c, _ in row if c < n], dtype=torch.long)
            vals = torch.tensor([v for c, v in row if c < n], dtype=torch.float64)
            m[i, cols] = vals
    return m


def weighted_median_cols(stake, scores, kappa):
    """Per column: the smallest score whose cumulative stake (scores sorted) exceeds sum - kappa."""
    m = scores.shape[0]
    if m == 0:
        return torch.zeros(scores.shape[1], dtype=torch.float64)
    vals, idx = torch.sort(scores, dim=0)
    cum = torch.cumsum(stake[idx], dim=0)
    above = cum > (stake.sum() - kappa)
    first = torch.where(above.any(0), above.to(torch.uint8).argmax(0), torch.full_like(idx[0], m - 1))
    return vals.gather(0, first.unsqueeze(0)).squeeze(0)


def epoch(g):
    """One Yuma 3 epoch (no liquid alpha) on prepared tensors; returns incentive, dividends, bonds."""
    n = g["n"]
    p = g["params"]
    owner = g["owner"]
    # Stake (7.2): normalise, truncate to the grid.
    s = g["stake"]
    total = s.sum()
    s = to_grid(s / total) if total > 0 else s
    # Permits (7.3): stored ones (owner forced) this epoch; top-k nonzero for the next.
    permit = g["permit"].clone()
    new_permit = s > 0
    k = p["maxAllowedValidators"]
    if n >= k:
        order = torch.sort(s, stable=True).indices
        new_permit[order[: n - k]] = False
    if owner is not None:
        permit[owner] = True
        new_permit[owner] = True
    active = g["last_update"] + g["cutoff"] >= g["block"]
    active_stake = s * (active & permit)
    a_sum = active_stake.sum()
    if a_sum > 0:
        active_stake = active_stake / a_sum
    # Weights (7.4): permitted rows, no self-weight (owner keeps it), no outdated, row-normalised.
    w = g["weights"] * permit.unsqueeze(1)
    w = w.masked_fill(g["diag"], 0.0)
    w = w.masked_fill(g["last_update"].unsqueeze(1) <= g["reg"].unsqueeze(0), 0.0)
    row_sum = w.sum(1, keepdim=True)
    w = torch.where(row_sum > 0, w / torch.where(row_sum > 0, row_sum, torch.ones_like(row_sum)), w)
    # Consensus, clipping, trust, incentive (7.5).
    rows = active_stake > 0
    voters = active_stake[rows]
    consensus = weighted_median_cols(voters / voters.sum(), w[rows], g["kappa"])
    clipped = torch.minimum(w, consensus.unsqueeze(0))
    trust = clipped.sum(1)
    ranks = active_stake @ clipped
    r_sum = ranks.sum()
    incentive = ranks / r_sum if r_sum > 0 else ranks
    # Bonds (7.6, Yuma 3, fixed alpha): W_b, EMA with the stored proportions, column-normalised.
    w_b = w + g["beta"] * (clipped - w)
    bonds = torch.floor(g["bonds"] * GRID / 65535) / GRID
    bonds = bonds.masked_fill((g["last_tempo"] <= g["reg"]).unsqueeze(0), 0.0)
    ema = g["alpha"] * w_b + (1 - g["alpha"]) * bonds
    col_sum = ema.sum(0)
    norm = ema / torch.where(col_sum > 0, col_sum, torch.ones_like(col_sum))
    dividends = (norm @ incentive) * active_stake
    d_sum = dividends.sum()
    if d_sum > 0:
        dividends = dividends / d_sum
    # Emission (7.7).
    total = (incentive + dividends).sum()
    rao = g["rao"]
    if total > 0:
        server = torch.floor(incentive / total * rao)
        validator = torch.floor(dividends / total * rao)
    else:
        server = torch.floor(incentive * rao)
        validator = torch.floor((active_stake if a_sum > 0 else s) * rao)
    stored = torch.floor(ema * 65535) * new_permit.unsqueeze(1)
    return incentive, dividends, trust, server, validator, stored


def prepare(case):
    """Tensors for one graph (built once, outside the timing)."""
    n = case["n"]
    p = case["params"]
    owner = case["ownerUid"]
    diag = torch.eye(n, dtype=torch.bool)
    if owner is not None:
        diag[owner, owner] = False
    last_step = case["lastMechanismStepBlock"]
    block = case["block"]
    return {
        "n": n,
        "params": p,
        "owner": owner,
        "block": block,
        "cutoff": max(1, p["activityCutoffFactorMilli"] * case["tempo"] // 1000),
        "last_tempo": max(0, block - case["tempo"]) if last_step == 0 else last_step + 1,
        "stake": torch.tensor(case["stake"], dtype=torch.float64),
        "permit": torch.tensor(case["validatorPermit"], dtype=torch.bool),
        "last_update": torch.tensor(case["lastUpdate"], dtype=torch.float64),
        "reg": torch.tensor(case["blockAtRegistration"], dtype=torch.float64),
        "weights": dense(case["weights"], n),
        "bonds": dense(case["bonds"], n),
        "diag": diag,
        "kappa": u16_ratio(p["kappa"]),
        "beta": 1.0 if p["bondsPenalty"] >= 65535 else u16_ratio(p["bondsPenalty"]),
        "alpha": 1 - float(int(p["bondsMovingAverage"] / 1e6 * GRID)) / GRID,
        "rao": float(case["raoEmission"]),
    }


def main():
    """Line protocol: the graphs as one JSON line, then commands, one per line, each answered by one line.

    `time K B`: run B epochs of graph K, print the process CPU seconds per epoch.
    `result K`: print graph K's incentive and dividends as JSON.
    The caller alternates torch and TypeScript batches, so both sides meet the same machine load.
    """
    torch.set_num_threads(1)
    cases = [prepare(case) for case in json.loads(sys.stdin.readline())]
    for g in cases:
        for _ in range(20):
            epoch(g)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        g = cases[int(words[1])]
        if words[0] == "time":
            batch = int(words[2])
            t0 = time.process_time()
            for _ in range(batch):
                epoch(g)
            print((time.process_time() - t0) / batch, flush=True)
        elif words[0] == "result":
            incentive, dividends = epoch(g)[:2]
            print(json.dumps({"incentive": incentive.tolist(), "dividends": dividends.tolist()}), flush=True)


if __name__ == "__main__":
    main()
