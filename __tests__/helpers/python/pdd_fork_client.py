# The client of the test suite's pdd fork server (pdd_fork_server.py; helpers/pdd-fork.ts writes the executable
# that runs main() and hands it out as `pdd`). It sends its argv, cwd, environment, umask and its own stdin, stdout
# and stderr (SCM_RIGHTS) to the server for its environment, starting that server first if none runs; forwards
# SIGTERM, SIGINT and SIGHUP to the child's process group; and exits as the child did (its code, or its signal).
# If this process dies (the product SIGKILLs a pdd's process group when it overruns, and after it exits), the
# server sees the connection close and kills the child's process group.
import fcntl
import hashlib
import json
import os
import signal
import socket
import struct
import sys
import time


def exempt(name, cfg):
    """Variables left out of the server key: values that differ between tests and that importing reads not."""
    if any(name.startswith(p) for p in cfg["keep"]):
        return False
    return (
        name in cfg["names"]
        or any(name.startswith(p) for p in cfg["prefixes"])
        or any(name.endswith(p) for p in cfg["suffixes"])
    )


def server_key(env, cfg):
    kept = sorted((k, v) for k, v in env.items() if not exempt(k, cfg["exempt"]))
    data = json.dumps([cfg["python"], cfg["pdd"], kept]).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        return s
    except OSError:
        s.close()
        return None


def start_server(cfg, key, env):
    """Starts the server for this key (under a lock: one start however many clients race) and connects."""
    import subprocess

    state = cfg["state"]
    path = os.path.join(state, key + ".sock")
    with open(os.path.join(state, key + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        conn = connect(path)
        if conn is not None:
            return conn
        home = os.path.join(state, key + ".home")
        cwd = os.path.join(state, key + ".cwd")
        os.makedirs(home, exist_ok=True)
        os.makedirs(cwd, exist_ok=True)
        server_env = {k: v for k, v in env.items() if not exempt(k, cfg["exempt"])}
        with open(os.path.join(state, key + ".env"), "w") as f:
            json.dump(server_env, f, indent=0, sort_keys=True)  # what the key covers: to see why two servers differ
        server_env.update(HOME=home, PATH=env.get("PATH", ""), PDD_FORK_EXEMPT=json.dumps(cfg["exempt"]))
        modules = os.path.join(state, "modules.txt")
        args = [cfg["python"], cfg["server"], path, modules, cwd, home, cfg["pdd"]]
        with open(os.path.join(state, key + ".log"), "ab") as log:
            proc = subprocess.Popen(
                args, cwd=cwd, env=server_env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True,
            )
        with open(os.path.join(state, key + ".pid"), "w") as f:
            f.write(str(proc.pid))
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            conn = connect(path)
            if conn is not None:
                return conn
            time.sleep(0.05)
        raise SystemExit(f"pdd fork server did not start (exit {proc.poll()}): see {log.name}")


def main(cfg):
    if cfg["state"] and not os.path.isdir(cfg["state"]):
        sys.stderr.write(f"pdd fork client: no server folder {cfg['state']} (the test run is over)\n")
        os._exit(1)
    env = dict(os.environ)
    key = server_key(env, cfg)
    conn = connect(os.path.join(cfg["state"], key + ".sock")) or start_server(cfg, key, env)
    mask = os.umask(0)
    os.umask(mask)
    req = json.dumps({"argv": sys.argv, "cwd": os.getcwd(), "env": env, "umask": mask, "pid": os.getpid()}).encode()
    pending = []
    child = [None]

    def forward(sig, _frame):
        if child[0] is None:
            pending.append(sig)
            return
        try:
            os.killpg(child[0], sig)
        except OSError:
            pass

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, forward)
    socket.send_fds(conn, [struct.pack("!I", len(req)) + req], [0, 1, 2])
    replies = conn.makefile("rb")
    status = None
    for line in replies:
        kind, value = line.split()
        if kind == b"P":
            child[0] = int(value)
            for sig in pending:
                forward(sig, None)
        elif kind == b"X":
            status = int(value)
            break
    if status is None:
        sys.stderr.write("pdd fork client: the server closed the connection before the run ended\n")
        os._exit(1)
    # os._exit: no exit handlers of this process (sitecustomize's measurement row is the child's to write).
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    os._exit(os.waitstatus_to_exitcode(status))
