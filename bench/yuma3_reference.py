"""Times bactensor/yuma-simulation's `Yuma3` for bench/epoch.ts, on the graph the fast epoch gets.

Imports `Yuma3` and `YumaConfig` from a checkout of bactensor/yuma-simulation (commit 2b976fd) named by
the environment variable YUMA_SIMULATION_DIR, and only calls them. Reads one JSON line on stdin:
`{"weights": [[u16, ...], ...], "stakes": [...]}`, the validators' weight rows over the miners and their
stakes. W and S become float32 tensors (torch's default dtype, as the simulation builds them); the
bonds each call returns are passed to the next, as the simulation carries them between epochs.

Line protocol, one answer line per command (the caller alternates its own batches with these, so both
sides meet the same machine load):
  first line out: {"torch": version, "threads": n, "dtype": "float32"}, or {"error": why} and exit
  `time B`: run B calls, print the process CPU seconds per call
  `result`: print one call's server incentive and normalised validator reward as JSON
"""

import json
import os
import sys
import time


def load_yuma3():
    """Yuma3 and YumaConfig from the checkout, or a sentence saying why they cannot be imported."""
    root = os.environ.get("YUMA_SIMULATION_DIR", "")
    if not root:
        return "YUMA_SIMULATION_DIR is not set"
    sys.path.insert(0, os.path.join(root, "src"))
    try:
        from yuma_simulation._internal.yumas import Yuma3, YumaConfig
    except Exception as error:  # noqa: BLE001 - any import failure means no comparison
        return f"cannot import yuma_simulation._internal.yumas from {root}/src ({type(error).__name__}: {error})"
    return Yuma3, YumaConfig


def main():
    loaded = load_yuma3()
    if isinstance(loaded, str):
        print(json.dumps({"error": loaded}), flush=True)
        return
    Yuma3, YumaConfig = loaded
    import torch

    torch.set_num_threads(1)
    graph = json.loads(sys.stdin.readline())
    W = torch.tensor(graph["weights"], dtype=torch.float32)
    S = torch.tensor(graph["stakes"], dtype=torch.float32)
    num_validators, num_servers = W.shape
    state = {"B": None}

    def epoch():
        out = Yuma3(
            W,
            S,
            num_servers=num_servers,
            num_validators=num_validators,
            use_full_matrices=True,
            B_old=state["B"],
            config=YumaConfig(),
        )
        state["B"] = out["validator_bonds"]
        return out

    for _ in range(50):
        epoch()
    print(
        json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "dtype": str(W.dtype)}),
        flush=True,
    )
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "time":
            batch = int(words[1])
            t0 = time.process_time()
            for _ in range(batch):
                epoch()
            print((time.process_time() - t0) / batch, flush=True)
        elif words[0] == "result":
            out = epoch()
            print(
                json.dumps(
                    {
                        "incentive": out["server_incentive"].tolist(),
                        "dividends": out["validator_reward_normalized"].tolist(),
                    }
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
