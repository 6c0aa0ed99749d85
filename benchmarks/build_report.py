"""What the build benchmark prints: each build's figures, the growth across sizes, and a verdict per target (issue 8)."""
from __future__ import annotations

FULL_BUILD_MEETINGS = 10_000
FULL_BUILD_WALL_S = 600
FULL_BUILD_PEAK_MIB = 2048
ADDED_MEETING_WALL_S = 10
LINEAR_TOLERANCE = 1.2  # per-meeting cost at the largest size over that at the smallest: above this, growth is not linear


def print_build(label: str, build: dict) -> None:
    print(f"{label}: {build['pages']} pages ({build['rendered']} rendered, {build['loaded']} of {build['municipalities']} "
          f"municipalities loaded) in {build['wall_s']} s wall, {build['cpu_s']} s CPU, "
          f"peak memory {build['peak_total_mib']} MiB all processes together (largest process {build['peak_mib']} MiB); "
          f"{build['pages_per_s']} pages per wall s, {build['pages_per_cpu_s']} per CPU s; "
          f"output {build['output_bytes'] / 2**20:.0f} MiB in {build['output_files']} files", flush=True)


def print_comparison(comparison: dict) -> None:
    if comparison["identical"]:
        print(f"  incremental site vs full build: identical: yes ({comparison['files']} files)", flush=True)
        return
    parts = [f"{comparison[key + '_count']} {label}: {', '.join(comparison[key])}"
             for key, label in (("differing", "differing"), ("only_in_first", "only in the incremental site"),
                                ("only_in_second", "only in the full build"))
             if comparison[key + "_count"]]
    print("  incremental site vs full build: identical: no\n    " + "\n    ".join(parts), flush=True)


def print_steps(steps: dict) -> None:
    """The step-by-step serial build: each step's wall time and the peak memory by its end."""
    line = "  ".join(f"{name} {s['wall_s']}s/{s['cpu_s']}s CPU/{s['peak_mib']:.0f}MiB" + (" FAILED" if "error" in s else "")
                     for name, s in steps["steps"].items())
    print(f"steps (serial, one process): {steps['wall_s']} s wall, {steps['cpu_s']} s CPU, peak {steps['peak_mib']} MiB\n"
          f"  {line}", flush=True)
    for name, step in steps["steps"].items():
        if "error" in step:
            print(f"  {name} failed: {step['error']}", flush=True)


def mkdocs_ratios(mkdocs: dict, build: dict) -> dict:
    """Our time per page over MkDocs' time per page, by CPU time and by wall time (below 1: we are faster)."""
    pages = max(build["pages"] or 1, 1)
    return {f"ratio_per_page_{kind[:-2]}": round((build[kind] / pages) / (mkdocs[kind] / mkdocs["pages"]), 3)
            for kind in ("cpu_s", "wall_s")}


def print_mkdocs(mkdocs: dict) -> None:
    print(f"mkdocs: {mkdocs['pages']} pages in {mkdocs['wall_s']} s wall, {mkdocs['cpu_s']} s CPU, peak {mkdocs['peak_mib']} MiB, "
          f"search_index.json {(mkdocs['search_index_bytes'] or 0) / 2**20:.0f} MiB\n"
          f"  time per page, ours / MkDocs: {mkdocs['ratio_per_page_cpu']} by CPU, {mkdocs['ratio_per_page_wall']} by wall clock",
          flush=True)


def per_meeting(result: dict) -> tuple[float, float]:
    """CPU milliseconds and MiB of peak memory (all processes together) per meeting of the full build."""
    full = result["full"]
    return 1000 * full["cpu_s"] / result["meetings"], full["peak_total_mib"] / result["meetings"]


def print_growth(results: list[dict]) -> None:
    """Per-meeting CPU time and peak memory for each size: constant (or falling) when the build grows linearly."""
    print("\nGrowth (full build):\n  meetings   pages   wall s   CPU s  peak MiB  CPU ms/meeting  MiB/meeting")
    for r in results:
        full, (cpu_ms, mib) = r["full"], per_meeting(r)
        print(f"  {r['meetings']:>8}  {full['pages']:>6}  {full['wall_s']:>7.1f}  {full['cpu_s']:>6.1f}  {full['peak_total_mib']:>8.0f}  "
              f"{cpu_ms:>14.0f}  {mib:>11.2f}")


def verdicts(results: list[dict]) -> list[dict]:
    """One verdict per target of issue 8: met (True/False, None when this run did not measure it) and the figure."""
    return [full_build_verdict(results, f"full build of {FULL_BUILD_MEETINGS:,} meetings < {FULL_BUILD_WALL_S // 60} min",
                               lambda f: (f["wall_s"] < FULL_BUILD_WALL_S, f"{f['wall_s']} s wall, {f['cpu_s']} s CPU")),
            full_build_verdict(results, f"peak memory of that build (all processes together) < {FULL_BUILD_PEAK_MIB // 1024} GiB",
                               lambda f: (f["peak_total_mib"] < FULL_BUILD_PEAK_MIB,
                                          f"{f['peak_total_mib']} MiB (largest process {f['peak_mib']} MiB)")),
            every_size(results, "added", f"one added meeting rebuilt < {ADDED_MEETING_WALL_S} s",
                       lambda a: (a["wall_s"] < ADDED_MEETING_WALL_S,
                                  f"{a['wall_s']} s wall, {a['cpu_s']} s CPU ({a['rendered']} pages rendered)")),
            every_size(results, "added", "incremental build identical to a full build, byte for byte",
                       lambda a: (a["comparison"]["identical"], "yes" if a["comparison"]["identical"] else "no")),
            every_size(results, "mkdocs", "faster than MkDocs per page (ours / MkDocs, CPU and wall)",
                       lambda m: (max(m["ratio_per_page_cpu"], m["ratio_per_page_wall"]) < 1,
                                  f"{m['ratio_per_page_cpu']} CPU, {m['ratio_per_page_wall']} wall")),
            linear_verdict(results, 0, "time grows linearly (CPU ms per meeting, largest size / smallest)"),
            linear_verdict(results, 1, "memory grows linearly (peak MiB per meeting, largest size / smallest)")]


def full_build_verdict(results: list[dict], target: str, judge) -> dict:
    """Judged on the largest size of 10,000 meetings or more, when this run had one."""
    measured = [r for r in results if r["meetings"] >= FULL_BUILD_MEETINGS]
    if not measured:
        return {"target": target, "met": None, "figure": f"largest size run: {max(r['meetings'] for r in results):,}"}
    largest = max(measured, key=lambda r: r["meetings"])
    met, figure = judge(largest["full"])
    return {"target": target, "met": met, "figure": f"{figure} at {largest['meetings']:,} meetings"}


def every_size(results: list[dict], part: str, target: str, judge) -> dict:
    """Met when ``judge`` passes at every size that measured ``part``."""
    judged = [(r["meetings"], *judge(r[part])) for r in results if part in r]
    if not judged:
        return {"target": target, "met": None, "figure": "skipped in this run"}
    return {"target": target, "met": all(ok for _, ok, _ in judged),
            "figure": "; ".join(f"{figure} at {meetings:,}" for meetings, _, figure in judged)}


def linear_verdict(results: list[dict], which: int, target: str) -> dict:
    if len({r["meetings"] for r in results}) < 2:
        return {"target": target, "met": None, "figure": "needs two sizes"}
    small, large = min(results, key=lambda r: r["meetings"]), max(results, key=lambda r: r["meetings"])
    first, last = per_meeting(small)[which], per_meeting(large)[which]
    growth = last / first
    return {"target": target, "met": growth <= LINEAR_TOLERANCE,
            "figure": f"{first:.3g} at {small['meetings']:,} -> {last:.3g} at {large['meetings']:,} (x{growth:.2f})"}


def print_verdicts(judged: list[dict]) -> None:
    print("\nTargets (issue 8):")
    for v in judged:
        state = {True: "met", False: "NOT MET", None: "not measured"}[v["met"]]
        print(f"  {state:<12}  {v['target']}: {v['figure']}")
