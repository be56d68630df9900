# The test suite's pre-imported fork server for the real pdd (a "zygote"; helpers/pdd-fork.ts hands its client out
# as `pdd`). Tests only: the action and CLI still exec whatever `pdd-command` names; here that is a small client
# (pdd_fork_client.py) that asks this server for one `pdd <argv>` run. Issue 15: every real pdd start paid ~3 CPU-s
# importing litellm, openai, pydantic, pandas, textual … before doing anything.
#
#   python pdd_fork_server.py <socket> <modules file> <neutral cwd> <neutral home>
#
# What is imported here, once: every module `import pdd.cli` loads EXCEPT pdd's own (`pdd`, `pdd.*`), listed in
# <modules file> by a probe process (probe()). pdd's own modules are imported in each child, after it has the
# client's cwd and environment, because they capture both at import: Path.cwd() in pdd/architecture_sync.py
# (ARCHITECTURE_JSON_PATH, PROMPTS_DIR) and pdd/llm_invoke.py (the project's llm_model.csv, chosen at import),
# pdd/path_resolution.py, PDD_* variables in pdd/__init__.py, pdd/llm_invoke.py, pdd/agentic_sync_runner.py, and a
# `git` run. That leaves ~0.5 of the ~3.3 CPU-s of the import in each child.
#
# Audit of the third-party import (os.environ / os.getenv / os.getcwd wrapped during it; module globals scanned for
# the neutral cwd and HOME afterwards), pdd-cli 0.0.310 on Python 3.12:
# - environment: ~370 variables, nearly all litellm's (litellm/constants.py), openai's, textual's, pandas', numpy's,
#   locale (LANG, LC_ALL, LANGUAGE), PYTHON*. (rich's COLUMNS, LINES, TERM, NO_COLOR are read by the Consoles pdd's
#   own modules make, so in the child: the third-party import makes none.) The client
#   keys the server on the values of EVERY variable except the ones helpers/pdd-fork.ts's EXEMPT lists (HOME, PATH,
#   PWD, PDD_*, GITHUB_*, …: values that differ between tests); this server checks at start that its import read
#   none of those (check_exempt), so a new reader fails loudly instead of leaking one test's value into another.
#   Exceptions, by reason: gitpython's import runs `git version` with a copy of the whole environment
#   (git/cmd.py, Git.execute): nothing of it is kept, so reads from there do not count; HOME is read by sysconfig
#   for the user site folder, which is fixed up (below).
# - cwd and HOME captured at import: rich._IMPORT_CWD, multiprocessing.process.ORIGINAL_DIR, litellm's proxy_cli
#   (`sys.path.append(os.getcwd())`), site.USER_BASE / USER_SITE and sysconfig's `userbase`. The server imports in
#   a neutral cwd and HOME of its own and records every module global (and dict / list entry one level down) that
#   holds either; each child replaces them with its own cwd and HOME (fixups()).
# - threads: none are running after the import (checked at start: the server refuses to fork with more than one).
# - rich Consoles made at import would decide colour and width from the environment and from whether stdout is a
#   terminal: the third-party import makes none, and the server's stdout and stderr are a log file, like the
#   product's pipes, should one appear.
import gc
import io
import json
import os
import selectors
import signal
import socket
import struct
import sys
import threading
import time
import traceback

# -u / PYTHONUNBUFFERED (part of the server's key) as the server started.
UNBUFFERED = bool(os.environ.get("PYTHONUNBUFFERED"))
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD, signal.SIGPIPE)


def exempt(name):
    """Mirror of exempt() in pdd_fork_client.py (the client's config, passed on in PDD_FORK_EXEMPT)."""
    cfg = json.loads(os.environ.get("PDD_FORK_EXEMPT", "{}"))
    if any(name.startswith(p) for p in cfg.get("keep", [])):
        return False
    return (
        name in cfg.get("names", [])
        or any(name.startswith(p) for p in cfg.get("prefixes", []))
        or any(name.endswith(p) for p in cfg.get("suffixes", []))
    )


def probe(modules_file):
    """Lists what `import pdd.cli` loads besides pdd's own modules, in import order (a fresh interpreter)."""
    code = (
        "import sys\nbefore = set(sys.modules)\nimport pdd.cli\n"
        "names = [m for m in sys.modules if m not in before and m != 'pdd' and not m.startswith('pdd.')]\n"
        f"open({modules_file + '.tmp'!r}, 'w').write('\\n'.join(names))\n"
    )
    import subprocess

    subprocess.run([sys.executable, "-c", code], check=True, stdin=subprocess.DEVNULL)
    os.replace(modules_file + ".tmp", modules_file)


def preload(modules_file):
    """Imports the listed modules with os.environ reads recorded; returns {variable: set of reader files}."""
    reads = {}
    Env = type(os.environ)

    def note(key):
        frame = sys._getframe(2)
        while frame is not None and (frame.f_code.co_filename.startswith("<frozen") or frame.f_code is note.__code__):
            frame = frame.f_back
        where = (frame.f_code.co_filename, frame.f_code.co_name) if frame else ("?", "?")
        reads.setdefault(key, set()).add(where)

    class Audit(Env):
        def __getitem__(self, key):
            note(key)
            return super().__getitem__(key)

        def __contains__(self, key):
            note(key)
            return super().__contains__(key)

    os.environ.__class__ = Audit
    try:
        for name in open(modules_file).read().split("\n"):
            if name and name not in sys.modules:
                try:
                    __import__(name)
                except Exception:
                    pass  # C-extension aliases (_openssl, _cython_*) that only exist under another name
    finally:
        os.environ.__class__ = Env
    return reads


def check_exempt(reads):
    bad = []
    for key, places in reads.items():
        # gitpython's import runs `git version` (Git.execute) with a copy of the whole environment, kept nowhere.
        kept = {f"{f}:{fn}" for f, fn in places if not (f.endswith(os.path.join("git", "cmd.py")) and fn == "execute")}
        if kept and exempt(key) and key != "HOME":
            bad.append(f"{key} (read by {', '.join(sorted(kept))})")
    if bad:
        raise SystemExit("pdd fork server: the import reads variables the key leaves out: " + "; ".join(bad))


def captured(cwd, home):
    """Where module globals hold the import's cwd or HOME: (module, name, key or None, kind)."""
    import pathlib

    def kind(v):
        if isinstance(v, (str, pathlib.PurePath)):
            s = str(v)
            for k, root in (("cwd", cwd), ("home", home)):
                if s == root or s.startswith(root + os.sep):
                    return k
        return None

    found = []
    for mod_name, mod in list(sys.modules.items()):
        d = getattr(mod, "__dict__", None)
        if not isinstance(d, dict) or mod_name == "__main__":
            continue
        for name, v in list(d.items()):
            if mod_name == "sys" and name in ("argv", "orig_argv"):
                continue  # the child's own argv replaces these
            if kind(v):
                found.append((mod_name, name, None, kind(v)))
            elif isinstance(v, dict):
                found += [(mod_name, name, k, kind(x)) for k, x in list(v.items()) if kind(x)]
            elif isinstance(v, list):
                found += [(mod_name, name, i, kind(x)) for i, x in enumerate(v) if kind(x)]
    return found


def fixups(found, old, new):
    """In a child: the captured cwd / HOME values, re-rooted at the client's (same type: str or Path)."""
    for mod_name, name, key, k in found:
        holder = vars(sys.modules[mod_name])
        if key is not None:
            holder = holder[name]
            name = key
        v = holder[name]
        s = str(v)
        holder[name] = type(v)(new[k] + s[len(old[k]) :])


def std_stream(fd, name, like):
    """sys.std* for `fd` as CPython's create_stdio makes it (Python/pylifecycle.c), encoding as the server's."""
    write = fd != 0
    unbuffered = write and UNBUFFERED
    buf = io.open(fd, "wb" if write else "rb", buffering=0 if unbuffered else -1, closefd=False)
    raw = buf if unbuffered else buf.raw
    raw.name = name
    line = not unbuffered and (os.isatty(fd) or fd == 2)
    s = io.TextIOWrapper(buf, like.encoding, like.errors, "\n", line, unbuffered)
    s.mode = "w" if write else "r"
    return s


def exit_code(e):
    """What the interpreter does with an uncaught SystemExit (Python/pythonrun.c _Py_HandleSystemExit)."""
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


def finish(code, sig=None):
    """A normal interpreter exit: non-daemon threads joined, atexit handlers, std streams flushed."""
    try:
        threading._shutdown()
    except Exception:
        pass
    import atexit

    atexit._run_exitfuncs()
    for s in (sys.stdout, sys.stderr):
        try:
            s.flush()
        except Exception:
            code = code or 120
    if sig is not None:
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    os._exit(code)


def run_child(req, fds, state):
    """In the forked child: become `pdd <argv>` in the client's cwd, environment and stdio; never returns."""
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)
    for fd in state["close"]:
        os.close(fd)
    os.setsid()
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(req["cwd"])
    os.umask(req["umask"])
    os.environ.clear()
    os.environ.update(req["env"])
    home = os.path.expanduser("~")
    fixups(state["found"], state["old"], {"cwd": os.getcwd(), "home": home})
    sys.argv = list(req["argv"])
    sys.path[0] = os.path.dirname(os.path.realpath(state["pdd"]))
    sys.stdin = sys.__stdin__ = std_stream(0, "<stdin>", state["like"][0])
    sys.stdout = sys.__stdout__ = std_stream(1, "<stdout>", state["like"][1])
    sys.stderr = sys.__stderr__ = std_stream(2, "<stderr>", state["like"][2])
    if os.environ.get("SYNC_TEST_PY_LOG") and "sitecustomize" in sys.modules:
        sys.modules["sitecustomize"]._log_python_run(req["pid"])
    code, sig = 0, None
    try:
        # pip's console script for pdd (venv/bin/pdd): sys.argv[0] without `-script.pyw` / `.exe`, then
        # sys.exit(cli()).
        import re

        sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
        from pdd.cli import cli

        sys.exit(cli())
    except SystemExit as e:
        code = exit_code(e)
    except BaseException as e:
        try:
            sys.excepthook(type(e), e, e.__traceback__)
        except Exception:
            pass
        code, sig = 1, (signal.SIGINT if isinstance(e, KeyboardInterrupt) else None)
    finish(code, sig)


def read_request(conn):
    """One request: a 4-byte length, then that much JSON; the client's stdin, stdout, stderr ride on the first part."""
    data, fds, _flags, _addr = socket.recv_fds(conn, 1 << 16, 3)
    if len(data) < 4 or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        raise ValueError("bad request")
    (n,) = struct.unpack("!I", data[:4])
    data = data[4:]
    while len(data) < n:
        more = conn.recv(n - len(data))
        if not more:
            raise ValueError("short request")
        data += more
    return json.loads(data), fds


class Server:
    def __init__(self, path, state):
        self.path, self.state = path, state
        self.sel = selectors.DefaultSelector()
        self.children = {}  # pid -> connection
        self.conns = {}  # connection -> pid
        self.forks = 0
        self.idle_since = time.monotonic()
        self.wake_r, wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, lambda *_: None)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        tmp = f"{path}.{os.getpid()}"
        self.listener.bind(tmp)
        self.listener.listen(64)
        os.rename(tmp, path)  # clients see the socket only once it answers
        self.sel.register(self.listener, selectors.EVENT_READ, "accept")
        self.sel.register(self.wake_r, selectors.EVENT_READ, "signal")
        state["close"] = [self.listener.fileno(), self.wake_r, wake_w]

    def serve(self):
        while True:
            for key, _ in self.sel.select(timeout=30):
                if key.data == "accept":
                    conn, _ = self.listener.accept()
                    self.sel.register(conn, selectors.EVENT_READ, "request")
                elif key.data == "signal":
                    sigs = os.read(self.wake_r, 512)
                    if any(b in sigs for b in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)):
                        return
                    self.reap()
                elif key.data == "request":
                    self.request(key.fileobj)
                else:
                    self.closed(key.fileobj)
            if not self.children and time.monotonic() - self.idle_since > 900:
                return  # nobody stopped us (an interrupted run): go after 15 idle minutes

    def request(self, conn):
        self.sel.unregister(conn)
        try:
            req, fds = read_request(conn)
        except (ValueError, OSError):
            conn.close()
            return
        if threading.active_count() != 1:
            raise SystemExit(f"pdd fork server: {threading.active_count()} threads, will not fork")
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                self.state["close"] = self.state["close"] + [c.fileno() for c in self.conns] + [conn.fileno()]
                run_child(req, fds, self.state)
            finally:
                traceback.print_exc()
                os._exit(70)  # never back into the server's loop
        for fd in fds:
            os.close(fd)
        self.forks += 1
        self.children[pid] = conn
        self.conns[conn] = pid
        conn.sendall(f"P {pid}\n".encode())
        self.sel.register(conn, selectors.EVENT_READ, "watch")

    def closed(self, conn):
        """The client closed its end (it exited or was killed): the child's process group goes with it."""
        pid = self.conns.pop(conn, None)
        self.sel.unregister(conn)
        conn.close()
        if pid is not None:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass

    def reap(self):
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            if not self.children:
                self.idle_since = time.monotonic()
            if conn is not None and conn in self.conns:
                try:
                    conn.sendall(f"X {status}\n".encode())
                except OSError:
                    pass

    def stop(self):
        for pid in list(self.children):
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.unlink(self.path)
        except OSError:
            pass
        t = os.times()
        print(f"stopped: {self.forks} forks, cpu self {t.user + t.system:.2f} children "
              f"{t.children_user + t.children_system:.2f}", flush=True)


def main(path, modules_file, cwd, home, pdd):
    os.chdir(cwd)
    if not os.path.exists(modules_file):
        probe(modules_file)
    reads = preload(modules_file)
    check_exempt(reads)
    if threading.active_count() != 1:
        raise SystemExit(f"pdd fork server: the import left {threading.active_count()} threads running")
    state = {
        "found": captured(cwd, home),
        "old": {"cwd": cwd, "home": home},
        "pdd": pdd,
        "like": (sys.stdin, sys.stdout, sys.stderr),
    }
    print("captured cwd/HOME:", [f"{m}.{n}" + ("" if k is None else f"[{k!r}]") for m, n, k, _ in state["found"]])
    gc.collect()
    gc.freeze()  # the imported objects stay out of every child's collections (and its copy-on-write pages)
    server = Server(path, state)
    print(f"ready: pid {os.getpid()}", flush=True)
    try:
        server.serve()
    finally:
        server.stop()


if __name__ == "__main__":
    main(*sys.argv[1:6])
