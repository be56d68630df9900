# Loaded by every Python the tests start with the real PDD (TEST_COST_ENV in ../pdd-venv.ts puts this folder on
# PYTHONPATH): pdd itself, the pytest and example runs it starts, PDD's decision code asked by the live checks.
# Tests only: the action never sets PYTHONPATH for pdd.
#
# 1. Python's cyclic garbage collector runs less often: importing PDD (litellm, openai, pydantic) builds ~600,000
#    long-lived objects, and the default thresholds (700, 10, 10) walk them again and again (~0.6 of the ~4 CPU-s of
#    that import). Collection still runs, young generations every 50,000 allocations; nothing PDD does depends on
#    when unreachable cycles are freed.
# 2. At exit, after every other exit handler (registered first, so run last): one full collection, which frees
#    (and finalizes) whatever is garbage by then, then gc.freeze(). The interpreter's teardown then clears the
#    modules without walking those ~600,000 objects again in its own collections (~1.2 of pdd's ~5.5 CPU-s when
#    it only imports). Streams are still flushed and objects still freed by reference counting; what the teardown
#    no longer collects are cycles that only form while the modules are cleared, which the OS frees at exit.
import atexit
import gc

gc.set_threshold(50_000, 20, 100)


def _freeze_before_teardown():
    gc.collect()
    gc.freeze()


atexit.register(_freeze_before_teardown)


# 3. Pydantic models are built on first use instead of when their class is made (pydantic's own `defer_build`,
#    made the default for every model): importing PDD defines ~2,400 models (litellm's proxy and provider types,
#    openai's, PDD's server routes), of which a sync uses a few dozen. The default config is set when pydantic's
#    `_internal._config` is first imported, without importing pydantic in Pythons that do not (pytest, examples).
class _DeferPydanticBuild:
    """A meta path finder that only watches for `pydantic._internal._config` and edits its defaults once run."""

    target = "pydantic._internal._config"

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.target:
            return None
        import importlib.machinery
        import sys

        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_then_defer(module):
            exec_module(module)
            module.config_defaults["defer_build"] = True

        spec.loader.exec_module = exec_then_defer
        return spec


import sys as _sys

_sys.meta_path.insert(0, _DeferPydanticBuild())


# 4. Measurement only (unset in CI): with SYNC_TEST_PY_LOG=<file>, each Python appends one TSV line at exit:
#    start and end (epoch s), its pid, its ancestors' pids (to find the vitest worker, hence the test file, with
#    the worker pid and times that helpers/cpu-log.ts writes), its own and its waited-for children's CPU-s, argv.
#    helpers/py-log-report.ts joins the two logs into real pdd starts and Python CPU per test file. A pdd run by the
#    fork server (pdd_fork_server.py) calls this again in its child, with the client's pid as the first ancestor.
def _log_python_run(parent=None):
    import os
    import time

    log = os.environ.get("SYNC_TEST_PY_LOG")
    if not log:
        return
    start = time.time()

    def ancestors():
        pids, pid = [], parent or os.getppid()
        for _ in range(12):
            pids.append(str(pid))
            try:
                with open(f"/proc/{pid}/stat") as f:
                    pid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                break
            if pid <= 1:
                break
        return ",".join(pids)

    chain = ancestors()

    def write():
        t = os.times()
        argv = " ".join(_sys.argv)[:300].replace("\t", " ").replace("\n", " ")
        row = [f"{start:.3f}", f"{time.time():.3f}", str(os.getpid()), chain]
        row += [f"{t.user + t.system:.2f}", f"{t.children_user + t.children_system:.2f}", argv]
        with open(log, "a") as f:
            f.write("\t".join(row) + "\n")

    atexit.register(write)


_log_python_run()
