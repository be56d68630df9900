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
