# Loaded by every Python the tests start with the real PDD (TEST_COST_ENV in ../pdd-venv.ts puts this folder on
# PYTHONPATH): pdd itself, the pytest and example runs it starts, PDD's decision code asked by the live checks.
# Python's cyclic garbage collector runs less often: importing PDD (litellm, openai, pydantic) builds ~600,000
# long-lived objects, and the default thresholds (700, 10, 10) walk them again and again (~0.6 of the ~4 CPU-s of
# that import). Collection still runs, young generations every 50,000 allocations; nothing PDD does depends on when
# unreachable cycles are freed. Tests only: the action never sets PYTHONPATH for pdd.
import gc

gc.set_threshold(50_000, 20, 100)
