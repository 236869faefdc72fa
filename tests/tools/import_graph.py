"""The import graph of the `orchestration` package, for a reader and for the layout's review.

    python -m tests.tools.import_graph            # counts, then one line per package arrow
    python -m tests.tools.import_graph --counts   # the counts only

Counted with grimp (import-linter's graph), imports inside functions included:
- modules: every module of the package;
- arrows: module-to-module imports within the package;
- package arrows: imports between the top-level folders and modules of `orchestration`;
- back-arrows: the package arrows that close a cycle (the target reaches the source back), the
  imports a layered house has none of.
"""

from __future__ import annotations

import argparse

import grimp

PACKAGE = "orchestration"


def top(module: str) -> str:
    """orchestration.sources.feeds -> sources; orchestration.cli -> cli."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(package)"


def reaches(arrows: set[tuple[str, str]], start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for source, target in arrows:
            if source == here and target not in seen:
                if target == goal:
                    return True
                seen.add(target)
                todo.append(target)
    return False


def measure() -> dict:
    graph = grimp.build_graph(PACKAGE, include_external_packages=False)
    modules = sorted(graph.modules)
    arrows = {(m, t) for m in modules for t in graph.find_modules_directly_imported_by(m)}
    packages = {(top(m), top(t)) for m, t in arrows if top(m) != top(t)}
    back = sorted((s, t) for s, t in packages if reaches(packages, t, s))
    return {"modules": len(modules), "arrows": len(arrows),
            "package_arrows": sorted(packages), "back_arrows": back}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", action="store_true", help="the counts only")
    args = parser.parse_args()
    found = measure()
    print(f"modules {found['modules']}, arrows {found['arrows']}, package arrows "
          f"{len(found['package_arrows'])}, back-arrows {len(found['back_arrows'])}")
    if not args.counts:
        back = set(found["back_arrows"])
        for source, target in found["package_arrows"]:
            print(f"  {source} -> {target}" + ("   (back-arrow)" if (source, target) in back
                                                else ""))


if __name__ == "__main__":
    main()
