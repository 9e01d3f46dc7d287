"""``make mutate``: mutation testing (mutmut) of the modules where a silent bug costs most,
one module at a time, and each module's score. See docs/testing.md.

    python tools/mutate.py                        # every module marked ready below
    python tools/mutate.py bot/validation/rules.py  # one module (any of TARGETS)
    python tools/mutate.py --score                # the scores of the last runs, no run
    python tools/mutate.py --again [MODULE]       # only the mutants not killed yet: the
                                                  # survivors and those not run (resumes)

mutmut mutates the files listed in pyproject.toml ([tool.mutmut] only_mutate) and keeps its
results in mutants/; a run of one module tests only the mutants of that module (mutmut's
names are ``dotted.module.x_function__mutmut_N``), with the tests that run its code.

A surviving mutant is either killed by a new test or written off in tools/equivalent_mutants
(``name  reason``, one a line) when no test can tell it from the code: the run fails while a
survivor is neither. ``mutmut show NAME`` prints a mutant's diff.
"""

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    """A module to mutate: all its functions, or only ``functions`` (the access checks of a
    module that also holds other helpers). ``ready`` is False while the module is rewritten:
    it is configured and can be run by name, but ``make mutate`` skips it."""

    path: str
    functions: tuple[str, ...] = ()
    ready: bool = True

    @property
    def dotted(self) -> str:
        return self.path.removesuffix(".py").replace("/", ".")

    def patterns(self) -> list[str]:
        """mutmut name patterns selecting this target's mutants."""
        if not self.functions:
            return [f"{self.dotted}.*"]
        # ``x_name*``, not ``x_name__mutmut_*``: mutmut also matches it against the functions'
        # names to choose the tests of its clean run
        return [f"{self.dotted}.x_{name}*" for name in self.functions]

    def selects(self, mutant: str) -> bool:
        module, _, name = mutant.rpartition(".")
        if module != self.dotted:
            return False
        prefixes = tuple(f"x_{f}__mutmut_" for f in self.functions)
        return not prefixes or name.startswith(prefixes)


TARGETS = (
    # the arithmetic rules
    Target("bot/validation/rules.py"),
    # choosing the agency and the figure, "which one?" included: the modules that settle the
    # agency or ask back (naming.py, with the "which one?" window) and the figure or "which
    # figure?" (which.py)
    Target("bot/answers/naming.py"),
    Target("bot/answers/which.py"),
    # the rest of the way to an agency and a figure (being rewritten: later)
    Target("bot/agencies/resolve.py", ready=False),
    Target("bot/agencies/identify.py", ready=False),
    Target("bot/questions/fields.py", ready=False),
    Target("bot/questions/intent.py", ready=False),
    Target("bot/questions/years.py", ready=False),
    Target("bot/answers/engine.py", ready=False),
    Target("bot/answers/figures.py", ready=False),
    Target("bot/answers/single.py", ready=False),
    # access checks
    Target("handlers/access.py"),
    Target("handlers/common.py", ("is_admin", "admin_pressed", "is_allowed", "is_private")),
    # reminders: planning, claiming, sending
    Target("bot/reminders/plan.py"),
    Target("bot/reminders/tracking.py"),
    Target("bot/reminders/outbox.py"),
    Target("handlers/reminders.py"),
    Target("bot/service/reminders.py"),
    Target("store/subscriptions.py"),
    # the parse limits
    Target("bot/parser/workers.py"),
    # the store's writes
    Target("store/writes.py"),
)

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
EQUIVALENTS = ROOT / "tools" / "equivalent_mutants"


def equivalents() -> dict[str, str]:
    """The mutants written off as equivalent, with the reason of each."""
    found = {}
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            found[name] = reason.strip()
    return found


def mutmut(*args: str) -> int:
    # through -c: a worker process started by multiprocessing must not re-import mutmut's
    # __main__ (it reads its config from the current directory, which a test may change)
    code = "import sys; from mutmut.__main__ import cli; sys.argv[0] = 'mutmut'; cli()"
    return subprocess.call([sys.executable, "-c", code, *args], cwd=ROOT)


def results() -> dict[str, str]:
    """Every mutant's status, from mutmut's result files (mutants/**/*.py.meta)."""
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415

    statuses: dict[str, str] = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            statuses[name] = status_by_exit_code[code]
    return statuses


def score(targets: list[Target]) -> tuple[list[str], int]:
    """Per module: mutants, killed, equivalent, the score, and each survivor; with the number
    of survivors neither killed nor written off."""
    statuses, written_off = results(), equivalents()
    lines, unexplained = [], 0
    for target in targets:
        mine = {name: status for name, status in statuses.items() if target.selects(name)}
        counts = Counter(mine.values())
        killed = sum(n for status, n in counts.items() if status in KILLED)
        same = sum(
            1 for name, status in mine.items() if status not in KILLED and name in written_off
        )
        rate = f"{100 * killed / len(mine):.1f}%" if mine else "not run"
        lines.append(f"{target.path}: {killed}/{len(mine)} killed ({rate}), {same} equivalent")
        for name, status in sorted(mine.items()):
            if status in KILLED:
                continue
            reason = written_off.get(name)
            unexplained += reason is None
            lines.append(f"    {status}: {name}" + (f"  (equivalent: {reason})" if reason else ""))
    return lines, unexplained


def survivors(target: Target) -> list[str]:
    """The mutants of ``target`` that the last runs did not kill: survivors, and those not run
    yet (named to mutmut, they run even where mutmut holds a verdict; unnamed, they would not)."""
    return sorted(n for n, s in results().items() if target.selects(n) and s not in KILLED)


def main(argv: list[str]) -> int:
    only_score, again = "--score" in argv, "--again" in argv
    named = [a for a in argv if not a.startswith("--")]
    by_path = {t.path: t for t in TARGETS}
    unknown = [n for n in named if n not in by_path]
    if unknown:
        print(f"not a mutation target: {unknown}; the targets are:", *by_path, sep="\n  ")
        return 2
    targets = [by_path[n] for n in named] or [t for t in TARGETS if t.ready]
    status = 0
    if not only_score:
        for target in targets:
            names = survivors(target) if again else target.patterns()
            if names:
                print(f"== mutating {target.path}", flush=True)
                status = mutmut("run", *names) or status
    lines, unexplained = score(targets)
    print("\n".join(lines))
    if unexplained:
        print(f"{unexplained} surviving mutants are neither killed nor in {EQUIVALENTS.name}")
    return status or int(unexplained > 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
