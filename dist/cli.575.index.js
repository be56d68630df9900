export const id = 575;
export const ids = [575];
export const modules = {

/***/ 7527:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ isExecutable),
/* harmony export */   a: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/** Finding executables the way the OS would, without running them. */


/** Whether `file` is a regular file this process may execute. */
function isExecutable(file) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile())
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The executable file `name` in `env`'s PATH (absolute entries only when `absoluteOnly`), or null. */
function findOnPath(name, env, absoluteOnly = false) {
    const key = Object.keys(env).find(k => k.toUpperCase() === 'PATH') ?? 'PATH';
    for (const dir of (env[key] ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (dir === '' || (absoluteOnly && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(dir)))
            continue;
        const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name);
        if (isExecutable(file))
            return file;
    }
    return null;
}


/***/ }),

/***/ 8248:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F_: () => (/* binding */ pddVersion),
  WF: () => (/* binding */ runPdd)
});

// UNUSED EXPORTS: MAX_LINE_CHARS, PddExecutableError

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/process.js
var process = __webpack_require__(1391);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/executables.js
var executables = __webpack_require__(7527);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/pdd-version.js
/**
 * The installed pdd-cli version, read without starting pdd. `pdd --version` imports all of PDD (litellm first):
 * about 4 s of CPU on a 2-core runner, paid by every run before any unit is touched. When the command is pip's
 * console script for pdd (`#!<venv python>` … `from pdd.cli import cli`), the venv's own interpreter answers in
 * ~50 ms from the package metadata, after checking that it can find the `pdd` package. Anything else (a wrapper, a
 * shell script, `uv run pdd`, an interpreter that does not start) gets `null`, and the caller asks pdd itself.
 */




/** What pip writes into a console script for pdd-cli's `pdd = pdd.cli:cli` entry point. */
const CONSOLE_SCRIPT = /^from pdd\.cli import cli$/m;
/**
 * Asks the interpreter for the distribution's version, after finding (not importing: that is the 4 s) the `pdd`
 * package. Nothing for a pdd imported from a git checkout (an editable install): there `pdd --version` shows a
 * version derived from the checkout's tags (`pdd/__init__.py`), so the caller asks pdd itself.
 */
const QUERY = [
    'import importlib.metadata as m, importlib.util as u, pathlib as p',
    "s = u.find_spec('pdd')",
    "git = s is not None and s.origin is not None and (p.Path(s.origin).resolve().parents[1] / '.git').exists()",
    "print(m.version('pdd-cli') if s is not None and s.origin is not None and not git else '')"
].join('\n');
/** A version as pip writes it (PEP 440 shapes: `0.0.310`, `1.2.0rc1`, `0.1.dev3+g1a2b`). */
const VERSION = /^[0-9][0-9A-Za-z.+!_-]*$/;
/**
 * The pdd-cli version behind `command` when it is pip's console script for pdd, else `null`. `cwd` must be a
 * folder without a `pdd` package of its own (the interpreter looks there first).
 */
async function installedPddVersion(command, env, cwd) {
    if (command.length !== 1 || !command[0])
        return null;
    const script = resolveExecutable(command[0], env);
    if (!script)
        return null;
    const python = await consoleScriptPython(script);
    if (!python)
        return null;
    const r = await (0,process/* runProcess */.R)(python, ['-c', QUERY], {
        cwd,
        env,
        signal: AbortSignal.timeout(30_000)
    }).catch(() => null);
    const version = r?.code === 0 ? r.stdout.trim() : '';
    return VERSION.test(version) ? version : null;
}
/** `file` as the OS would find it: a path as given (relative to the current folder), a bare name on `PATH`. */
function resolveExecutable(file, env) {
    if (!file.includes('/'))
        return (0,executables/* findOnPath */.a)(file, env, true);
    return (0,executables/* isExecutable */.T)(external_node_path_.resolve(file)) ? external_node_path_.resolve(file) : null;
}
/** The interpreter of pip's console script for pdd (a plain absolute `#!` line), else `null`. */
async function consoleScriptPython(script) {
    const handle = await external_node_fs_.promises.open(script, 'r').catch(() => null);
    if (!handle)
        return null;
    try {
        const buf = Buffer.alloc(4096);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        const text = buf.subarray(0, bytesRead).toString('utf8');
        const shebang = /^#!(\/\S+)[ \t]*\r?\n/.exec(text);
        if (!shebang?.[1] || !CONSOLE_SCRIPT.test(text))
            return null;
        return (0,executables/* isExecutable */.T)(shebang[1]) ? shebang[1] : null;
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/adapters/temp.js
var temp = __webpack_require__(9518);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/pdd-process.js
/**
 * Runs `pdd` as a child process: argv only (never a shell), its own process group, a timeout and an abort signal
 * that reach everything it started, output streamed line by line and a tail kept for the report.
 */







/** The executable could not be started at all. */
class PddExecutableError extends Error {
    executable;
    errno;
    constructor(executable, errno, message) {
        super(message);
        this.executable = executable;
        this.errno = errno;
        this.name = 'PddExecutableError';
    }
}
/** Runs one `pdd` command to its end, its timeout or its abort, and never rejects for a non-zero exit. */
async function runPdd(opts) {
    const [file, ...args] = opts.argv;
    if (file === undefined)
        throw new PddExecutableError('', 'EINVAL', 'pdd command is empty');
    const started = Date.now();
    const out = new LineCollector('stdout', opts);
    const err = new LineCollector('stderr', opts);
    if (opts.signal?.aborted)
        return finish({ code: null, signal: null, cancelled: true }, started, out, err);
    const child = (0,external_node_child_process_.spawn)(file, args, {
        cwd: opts.cwd,
        env: opts.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true
    });
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    const stop = new GroupStopper(child.pid, opts.graceMs ?? 10_000);
    const cleanup = watch(opts, stop, started);
    return new Promise((resolve, reject) => {
        child.on('error', (e) => {
            cleanup();
            reject(executableError(file, e));
        });
        // A finished sync must not leave helpers (test runners, agent CLIs) writing into a worktree that is about
        // to be committed, and a helper holding the pipes open would otherwise delay 'close' for ever.
        child.on('exit', () => (0,process/* killGroup */.i)(child.pid, 'SIGKILL'));
        child.on('close', (code, signal) => {
            cleanup();
            out.end();
            err.end();
            const ending = {
                code,
                signal,
                timedOut: stop.reason === 'timeout',
                cancelled: stop.reason === 'cancel'
            };
            resolve(finish(ending, started, out, err));
        });
    });
}
/** Starts the timeout, the abort listener and the heartbeat; returns what stops them. */
function watch(opts, stop, started) {
    const timer = setTimeout(() => stop.stop('timeout'), opts.timeoutMs);
    const onAbort = () => stop.stop('cancel');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const beat = opts.onHeartbeat;
    const heartbeat = beat
        ? setInterval(() => beat(Date.now() - started), opts.heartbeatMs ?? 30_000)
        : undefined;
    return () => {
        clearTimeout(timer);
        if (heartbeat)
            clearInterval(heartbeat);
        opts.signal?.removeEventListener('abort', onAbort);
        stop.dispose();
    };
}
/**
 * The version `<command> --version` prints (`pdd, version 0.0.310` → `0.0.310`). pip's console script for pdd is
 * answered from its venv's metadata instead ({@link installedPddVersion}): the same answer without ~4 s of imports.
 */
async function pddVersion(command, env, timeoutMs = 120_000) {
    // Even `pdd --version` creates litellm_cache.sqlite/ in its working directory: keep it out of the repository.
    const cwd = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,temp/* scratchRoot */.P)(), 'pdd-version-'));
    try {
        const installed = await installedPddVersion(command, env, cwd);
        if (installed)
            return installed;
        const r = await runPdd({ argv: [...command, '--version'], cwd, env, timeoutMs, graceMs: 2_000 });
        const shown = command.join(' ');
        const seconds = Number((timeoutMs / 1000).toFixed(1));
        if (r.timedOut)
            throw new Error(`\`${shown} --version\` did not answer within ${seconds} s`);
        const text = [...r.stdoutTail, ...r.stderrTail].join('\n');
        const m = /\bpdd(?:-cli)?, version (\S+)/.exec(text);
        if (r.code !== 0 || !m?.[1]) {
            const tail = r.stderrTail.concat(r.stdoutTail).slice(-5).join(' | ');
            throw new Error(`\`${shown} --version\` did not print "pdd, version X" (exit code ${r.code}): ${tail}`);
        }
        return m[1];
    }
    finally {
        (0,external_node_fs_.rmSync)(cwd, { recursive: true, force: true });
    }
}
function executableError(file, e) {
    if (e.code === 'ENOENT') {
        return new PddExecutableError(file, e.code, `pdd executable not found: ${file} (set pdd-command or install pdd-cli)`);
    }
    if (e.code === 'EACCES')
        return new PddExecutableError(file, e.code, `pdd executable is not executable: ${file}`);
    return new PddExecutableError(file, e.code ?? 'UNKNOWN', `cannot start pdd executable ${file}: ${e.message}`);
}
function finish(end, started, out, err) {
    return {
        code: end.code,
        signal: end.signal,
        timedOut: end.timedOut ?? false,
        cancelled: end.cancelled ?? false,
        stdoutTail: out.tail,
        stderrTail: err.tail,
        stdout: out.all.join('\n'),
        durationMs: Date.now() - started
    };
}
/** SIGTERM to the whole group, then SIGKILL after the grace period. The first reason wins. */
class GroupStopper {
    pid;
    graceMs;
    reason = null;
    kill;
    constructor(pid, graceMs) {
        this.pid = pid;
        this.graceMs = graceMs;
    }
    stop(reason) {
        if (this.reason !== null)
            return;
        this.reason = reason;
        (0,process/* killGroup */.i)(this.pid, 'SIGTERM');
        this.kill = setTimeout(() => (0,process/* killGroup */.i)(this.pid, 'SIGKILL'), this.graceMs);
    }
    dispose() {
        if (this.kill)
            clearTimeout(this.kill);
    }
}
/**
 * A line longer than this is passed on in pieces of this size: output with no line end (a generated test writing
 * megabytes on one line) never grows one string without bound, which ended the run with "Invalid string length".
 */
const MAX_LINE_CHARS = 64 * 1024;
/** Splits a byte stream into lines (`\n`, `\r\n` and a lone `\r` each end one), keeping a tail and all lines. */
class LineCollector {
    stream;
    opts;
    tail = [];
    all = [];
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    partial = '';
    lastWasCr = false;
    chars = 0;
    constructor(stream, opts) {
        this.stream = stream;
        this.opts = opts;
    }
    push(chunk) {
        this.feed(this.decoder.write(chunk));
    }
    end() {
        this.feed(this.decoder.end());
        if (this.partial !== '')
            this.emit(this.partial);
        this.partial = '';
    }
    feed(text) {
        // A `\r\n` split across two chunks is one line end.
        const body = this.lastWasCr && text.startsWith('\n') ? text.slice(1) : text;
        this.lastWasCr = body.endsWith('\r');
        if (body === '')
            return;
        const parts = body.split(/\r\n|\r|\n/);
        const rest = parts.pop() ?? '';
        for (const part of parts) {
            this.emit(this.partial + part);
            this.partial = '';
        }
        this.partial += rest;
        while (this.partial.length > MAX_LINE_CHARS) {
            this.emit(this.partial.slice(0, MAX_LINE_CHARS));
            this.partial = this.partial.slice(MAX_LINE_CHARS);
        }
    }
    emit(line) {
        this.opts.onLine?.(this.stream, line);
        this.tail.push(line);
        if (this.tail.length > (this.opts.tailLines ?? 40))
            this.tail.shift();
        if (this.stream !== 'stdout')
            return;
        this.all.push(line);
        this.chars += line.length + 1;
        const max = this.opts.maxStdoutChars ?? 16 * 1024 * 1024;
        while (this.chars > max && this.all.length > 1)
            this.chars -= (this.all.shift() ?? '').length + 1;
    }
}


/***/ }),

/***/ 4024:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ linkNodeModules),
/* harmony export */   IO: () => (/* binding */ installNodeTool),
/* harmony export */   Ub: () => (/* binding */ PINNED_TSX_VERSION)
/* harmony export */ });
/* unused harmony export RuntimeInstallError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1391);
/**
 * Runtimes the action provides itself (docs/architecture.md "Runtimes"): npm tools PDD's language table runs
 * through `npx` (`npx tsx {file}` for TypeScript and TSX), installed pinned into the tool cache and cached between
 * jobs like pdd-cli. PDD's `npx` finds them through a `node_modules` link beside each group's worktree
 * (see {@link linkNodeModules}), so it never downloads anything and never asks.
 */




/** The `tsx` the action installs for PDD's `npx tsx {file}` (TypeScript, TSX). */
const PINNED_TSX_VERSION = '4.23.15';
/** A failure to provide a runtime, with what to change. */
class RuntimeInstallError extends Error {
    name = 'RuntimeInstallError';
}
/**
 * Provides `<name>@<version>` in `<toolDir>/<name>-<version>-<platform>-<arch>/node_modules`, restored from the job
 * cache when it holds it, else installed with npm (no install scripts, no lockfile, no audit) and saved.
 */
async function installNodeTool(o) {
    if (!/^[a-z0-9@][a-z0-9@/._-]*$/.test(o.name) || !/^\d+\.\d+\.\d+$/.test(o.version))
        throw new RuntimeInstallError(`Not an exact npm package version: ${o.name}@${o.version}.`);
    const node = await nodeMajor(o.env);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2__.join(o.toolDir, `${o.name}-${o.version}-${process.platform}-${process.arch}`);
    // esbuild (under tsx) ships one binary per platform, so the key holds platform and architecture.
    const key = `pdd-sync-${o.name}-${process.platform}-${process.arch}-node${node}-${o.name}-${o.version}`;
    const nodeModules = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'node_modules');
    const done = (cacheHit) => ({ ...o, nodeModules, cacheHit });
    if (!ready(dir, o.name) && o.cache) {
        const hit = await o.cache.restore(dir, key).catch((e) => {
            o.reporter.warning(`Could not restore ${o.name} from the cache: ${e.message}`);
            return false;
        });
        if (hit && (await works(dir, o)))
            return done(true);
    }
    if (ready(dir, o.name) && (await works(dir, o)))
        return done(false);
    await build(dir, o);
    if (!(await works(dir, o)))
        throw new RuntimeInstallError(`${o.name} ${o.version} was installed in ${dir} but does not start.`);
    if (o.cache)
        await o.cache.save(dir, key).catch((e) => o.reporter.warning(`Cache not saved: ${e.message}`));
    return done(false);
}
function ready(dir, name) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, '.complete')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'node_modules', '.bin', name));
}
/** `<bin> --version` answers with the pinned version. */
async function works(dir, o) {
    const r = await (0,_process_js__WEBPACK_IMPORTED_MODULE_3__/* .runProcess */ .R)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'node_modules', '.bin', o.name), ['--version'], {
        cwd: dir,
        env: o.env
    }).catch(() => null);
    return r?.code === 0 && `${r.stdout}\n${r.stderr}`.includes(o.version);
}
async function build(dir, o) {
    o.reporter.info(`Installing ${o.name} ${o.version} into ${dir}.`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    // A package.json of its own keeps npm from walking up into a project above the tool cache.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'package.json'), '{"private":true}\n');
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts'];
    const r = await (0,_process_js__WEBPACK_IMPORTED_MODULE_3__/* .runProcess */ .R)('npm', [...args, `${o.name}@${o.version}`], {
        cwd: dir,
        env: { ...o.env, npm_config_update_notifier: 'false' }
    }).catch((e) => ({ code: -1, stdout: '', stderr: e.message }));
    if (r.code !== 0) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        const tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n');
        throw new RuntimeInstallError(`npm install ${o.name}@${o.version} failed (exit code ${r.code}): ${tail}. PDD runs TypeScript with ` +
            '`npx tsx`; add an actions/setup-node step, or check that the npm registry is reachable.');
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, '.complete'), `${o.version}\n`);
}
/** The major version of the `node` PDD will run (`20`); part of the cache key. */
async function nodeMajor(env) {
    const r = await (0,_process_js__WEBPACK_IMPORTED_MODULE_3__/* .runProcess */ .R)('node', ['--version'], { cwd: node_path__WEBPACK_IMPORTED_MODULE_2__.sep, env }).catch(() => null);
    const m = r?.code === 0 ? /^v(\d+)\./.exec(r.stdout.trim()) : null;
    if (!m)
        throw new RuntimeInstallError('PDD runs TypeScript with `npx tsx`, and no `node` is on PATH: add an actions/setup-node step.');
    return m[1];
}
/**
 * Makes `nodeModules` the `node_modules` folder of `dir` (the parent of a group's worktree): `npx <bin>` run
 * anywhere below finds `<dir>/node_modules/.bin/<bin>` by walking up (a project's own `node_modules` is nearer and
 * wins). Nothing is written into the worktree, so nothing of it can be committed.
 */
function linkNodeModules(dir, nodeModules) {
    const link = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'node_modules');
    if (lstatSafe(link))
        return;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)(nodeModules, link, 'dir');
}
function lstatSafe(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 5128:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V5: () => (/* binding */ checkedBotBranch),
/* harmony export */   lu: () => (/* binding */ botBranchUnmerged)
/* harmony export */ });
/* unused harmony export botBranchInUse */
/* harmony import */ var _publish_bot_commit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8076);
/* harmony import */ var _settings_validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7625);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2185);



/** `--branch`, or `pdd-sync/<current branch>`, refused when it is not a branch of its own or is checked out. */
async function checkedBotBranch(git, given) {
    const current = await git.currentBranch();
    const branch = given ?? `pdd-sync/${current ?? 'detached'}`;
    const problem = (0,_settings_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .botBranchProblem */ .JA)(branch, { base: current ?? 'HEAD', current });
    if (problem !== null)
        throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--branch "${branch}" ${problem}.`);
    const inUse = await botBranchInUse(git, branch);
    if (inUse !== null)
        throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--branch "${branch}" ${inUse}.`);
    return branch;
}
/**
 * Why the bot branch cannot be moved: it is checked out in another work tree of the repository (`git worktree
 * add … pdd-sync/main`), where moving it would show the bot's commits as staged reversals; null when it is not.
 * (The checked-out branch of this work tree is refused earlier, by `botBranchProblem`.)
 */
async function botBranchInUse(git, branch) {
    const holders = await git.worktreesAt(branch);
    if (holders.length === 0)
        return null;
    return (`is checked out in ${holders.join(', ')}: moving it there would show the bot's commits as staged ` +
        `reversals; remove that work tree (git worktree remove) or pass another --branch`);
}
/**
 * Why the bot branch may not be moved to `head`: an earlier run's commits on it changed files whose content never
 * reached `head` (not merged, squash-merged or cherry-picked), so moving it would drop paid work (or a person's)
 * and pay for it again (docs/architecture.md "Modes"); null when the branch is absent or landed.
 */
async function botBranchUnmerged(git, branch, to) {
    const { head } = to;
    const tip = await git.commitOf(`refs/heads/${branch}`);
    if (tip === null || head === null || tip === head)
        return null;
    const left = await git.unlandedPaths(head, tip);
    if (left.length === 0)
        return null;
    const commits = await git.commitsBetween(head, tip);
    const groups = [...new Set(commits.flatMap(c => (0,_publish_bot_commit_js__WEBPACK_IMPORTED_MODULE_0__/* .botCommitOf */ .yB)(c)?.basename ?? []))];
    const what = groups.length > 0 ? ` (${groups.join(', ')})` : '';
    const files = left.length === 1 ? '1 file' : `${left.length} files`;
    return (`holds ${commits.length} commit(s)${what} whose changes to ${files} are not in ${to.name}: ${to.by} ` +
        `and would drop that work; merge it first (git merge ${branch}; a squash merge counts, ` +
        `also one made on the remote once pulled), ` +
        `push it for review (git push origin ${branch}), pass another --branch, or delete it to discard the work ` +
        `(git branch -D ${branch})${to.then ?? ''}`);
}


/***/ }),

/***/ 707:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ recordCliRun)
/* harmony export */ });
/* harmony import */ var _execute_execute_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8370);
/* harmony import */ var _publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7090);
/* harmony import */ var _publish_run_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6932);



/**
 * Writes the run record the action writes (run-record.ts) to the local notes ref, so that a later `run` (or
 * the action, once the notes are pushed) restores the state this run paid for and does not pay again, on any
 * branch the results are merged into (the planner matches fingerprints by content). With `--push`, the bot
 * branch is pushed (lease-protected) and the notes are merged and pushed as the action does (fetch → merge →
 * push, never forced).
 */
async function recordCliRun(o) {
    const out = { recorded: false, pushed: [] };
    const head = o.result.head ?? o.base;
    const record = (0,_publish_run_record_js__WEBPACK_IMPORTED_MODULE_2__/* .toRunRecord */ .U)(o.result, {
        runId: o.runId,
        trigger: 'cli',
        baseSha: o.base,
        createdAt: new Date().toISOString(),
        pddVersion: o.pddVersion
    });
    // The record first: whatever happens to the pushes, the local notes hold what this run paid for.
    const w = await (0,_publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__/* .writeRunRecord */ .MJ)({
        git: o.git,
        remote: o.push ?? null,
        ref: o.notesRef,
        object: head,
        record,
        identity: _execute_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .BOT */ .WN
    });
    out.recorded = true;
    if (o.push === undefined)
        return out;
    if (w.pushed)
        out.pushed.push(`Run record pushed to ${o.push} ${o.notesRef}.`);
    else
        o.reporter.warning(`The run record is only in the local ${o.notesRef}: ${w.error ?? 'not pushed'}`);
    if (head !== o.base && o.result.branch)
        await pushBotBranch(o, o.push, o.result.branch, out);
    return out;
}
/** Pushes the local bot branch with a lease; a failure is a warning (the results stay on the local branch). */
async function pushBotBranch(o, remote, branch, out) {
    try {
        // Loaded only with --push: the publisher reaches the GitHub client (a chunk of its own, see src/cli/main.ts).
        const { publishBranch } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(97)]).then(__webpack_require__.bind(__webpack_require__, 3097));
        const b = await publishBranch({
            git: o.git,
            remote,
            branch,
            localRef: `refs/heads/${branch}`,
            base: o.base,
            identity: _execute_execute_js__WEBPACK_IMPORTED_MODULE_0__/* .BOT */ .WN,
            overwriteHumanCommits: false,
            allowWorkflowChanges: true
        });
        if (b.operation === 'pushed' || b.operation === 'unchanged')
            out.pushed.push(b.message);
        else
            o.reporter.warning(b.message);
    }
    catch (e) {
        o.reporter.warning(`${branch} was not pushed to ${remote}: ${e.message}`);
    }
}


/***/ }),

/***/ 9399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W3: () => (/* binding */ RUN_USAGE),
  ug: () => (/* binding */ parseRunArgs),
  kB: () => (/* binding */ runKeyOf),
  o4: () => (/* binding */ runRequestOf),
  ye: () => (/* binding */ shaOf),
  IS: () => (/* binding */ shardOf),
  hb: () => (/* binding */ withPushRemote)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/options.js + 1 modules
var options = __webpack_require__(2185);
// EXTERNAL MODULE: ./build/tmp/js/src/settings/ranges.js
var ranges = __webpack_require__(9773);
// EXTERNAL MODULE: ./build/tmp/js/src/settings/matrix-input.js
var matrix_input = __webpack_require__(559);
// EXTERNAL MODULE: ./build/tmp/js/src/settings/paths.js
var paths = __webpack_require__(3555);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/tmp/js/src/settings/command-words.js

/**
 * How a `pdd-command` value (input or `--pdd-command`) becomes an argv, never run through a shell (README
 * "Inputs"): a JSON array of strings is taken as the argv; a value that names an existing file is that one
 * executable, spaces and all; anything else is split on whitespace (`uvx --from pdd-cli pdd`).
 */
function commandWords(raw) {
    const value = raw.trim();
    if (value.startsWith('['))
        return jsonWords(value) ?? [];
    if (isFile(value))
        return [value];
    return value.split(/\s+/).filter(Boolean);
}
/** Why a `pdd-command` value cannot be used (a bad JSON array, nothing in it), or null. */
function commandProblem(raw) {
    const value = raw.trim();
    if (value === '')
        return 'is empty';
    if (value.startsWith('[') && jsonWords(value) === null)
        return 'starts with "[" but is not a JSON array of non-empty strings (["/path/to/pdd", "--flag"])';
    return null;
}
function jsonWords(value) {
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return null;
    }
    if (!Array.isArray(parsed) || parsed.length === 0)
        return null;
    if (!parsed.every((w) => typeof w === 'string' && w !== '' && !w.includes('\0')))
        return null;
    return parsed;
}
function isFile(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli/run-options.js
/**
 * The options of `pdd-sync run`: its help text, its parser, and the checks of every value, done before anything
 * runs (not when the executor first needs a value).
 */






/** Help text of `pdd-sync run`. */
const RUN_USAGE = `Usage: pdd-sync run [options]

Plans, then runs the real 'pdd --force sync <basename>' for every group with work, each in its own git worktree,
within one budget; commits what synced to a local bot branch and writes the run record to the local notes
(refs/notes/pdd-sync), so a later run does not pay again for what this one synced, wherever it is merged.
Planning options as for 'pdd-sync plan' (but --no-force: the run always passes --force), and:
  --budget DOLLARS            budget of this run (default 5)
  --daily-budget DOLLARS      cap of all recorded runs per UTC day (run records in the notes)
  --monthly-budget DOLLARS    cap of all recorded runs per UTC month
  --push [REMOTE]             also push the bot branch and the notes to REMOTE (default origin)
  --concurrency N             groups synced at once (default 2)
  --budget-policy fit|ordered fit: skip a group that does not fit and go on with smaller ones; ordered: stop at it
  --timeout-minutes-per-group N  time limit of one group's sync (default 30; old name --timeout-minutes-per-unit)
  --max-attempts N            pdd sync --max-attempts (default 3)
  --strength S, --temperature T  pdd --strength / --temperature
  --pdd-command CMD           the pdd executable: a file path taken whole, a JSON array, else words split on
                              spaces; never a shell (default: pdd)
  --cloud                     use PDD Cloud (PDD_JWT_TOKEN) instead of --local
  --agentic-fallback          let PDD run agent CLIs when fix/crash/verify fail (spend outside the budget)
  --max-run-minutes N         stop starting groups (and cut running ones) in time to finish within N minutes
  --keep-partial              commit what a failed unit left, marked as partial (default: discard it)
  --branch NAME               local bot branch (default pdd-sync/<current branch>)
  --result FILE               write the RunResult JSON to FILE
  --logs DIR                  keep each run's logs (every group's full pdd output, a failed group's crash logs
                              and debug snapshot; redacted) in DIR/pdd-sync-logs-<run>/ (default: the git dir's
                              pdd-sync/logs folder); the newest 20 run folders there stay, older ones are removed
  --withhold-env NAMES        comma-separated variable names or globs never passed to pdd, and redacted from
                              everything printed, written or committed (GitHub and Actions credentials always are)
  --json                      print the RunResult JSON instead of a table
Fan-out (one leg of 'pdd-sync plan --shards N'; then 'pdd-sync finalize'):
  --shard K                   run as shard K: sync only --units (ids, comma- or newline-separated), write no run
                              record and no bot branch, and leave the commits and partial result in
                              refs/pdd-sync/runs/<run key>/shard-K (pushed to the --push remote, if any)
  --run-key KEY               the run the shards belong to (default: local)
  --base-sha SHA              the plan's baseSha: refuse to run when HEAD is elsewhere`;
const RUN_OPTIONS = {
    ...options/* PLAN_OPTIONS */.VN,
    budget: { type: 'string' },
    concurrency: { type: 'string' },
    'budget-policy': { type: 'string' },
    'timeout-minutes-per-group': { type: 'string' },
    'timeout-minutes-per-unit': { type: 'string' },
    'max-attempts': { type: 'string' },
    strength: { type: 'string' },
    temperature: { type: 'string' },
    'pdd-command': { type: 'string' },
    cloud: { type: 'boolean' },
    'agentic-fallback': { type: 'boolean' },
    'keep-partial': { type: 'boolean' },
    'max-run-minutes': { type: 'string' },
    branch: { type: 'string' },
    result: { type: 'string' },
    logs: { type: 'string' },
    'daily-budget': { type: 'string' },
    'monthly-budget': { type: 'string' },
    push: { type: 'string' },
    'withhold-env': { type: 'string' },
    shard: { type: 'string' },
    'run-key': { type: 'string' },
    'base-sha': { type: 'string' }
};
/** Parses the arguments of `pdd-sync run` (`--push` alone means `--push origin`). */
function parseRunArgs(args) {
    return (0,external_node_util_.parseArgs)({ args: withPushRemote(args), options: RUN_OPTIONS, strict: true }).values;
}
/** Checks every value of `pdd-sync run` that is not a planning option. */
function runRequestOf(values) {
    const policy = values['budget-policy'] ?? 'fit';
    if (policy !== 'fit' && policy !== 'ordered')
        throw new options/* UsageError */.eb(`--budget-policy must be fit or ordered; got "${policy}".`);
    const requested = (0,options/* inRange */.r4)('--budget', values.budget, ranges/* RANGES */.$.budget) ?? 5;
    const caps = {
        daily: (0,options/* inRange */.r4)('--daily-budget', values['daily-budget'], ranges/* RANGES */.$.budget),
        monthly: (0,options/* inRange */.r4)('--monthly-budget', values['monthly-budget'], ranges/* RANGES */.$.budget)
    };
    const settings = {
        concurrency: (0,options/* wholeInRange */.KY)('--concurrency', values.concurrency, ranges/* RANGES */.$.concurrency) ?? 2,
        budgetPolicy: policy,
        timeoutMinutes: (0,options/* inRange */.r4)('--timeout-minutes-per-group', values['timeout-minutes-per-group'], ranges/* RANGES */.$.timeoutMinutes) ??
            (0,options/* inRange */.r4)('--timeout-minutes-per-unit', values['timeout-minutes-per-unit'], ranges/* RANGES */.$.timeoutMinutes) ??
            30,
        maxAttempts: (0,options/* wholeInRange */.KY)('--max-attempts', values['max-attempts'], ranges/* RANGES */.$.maxAttempts) ?? 3,
        pddCloud: values.cloud ?? false,
        strength: (0,options/* inRange */.r4)('--strength', values.strength, ranges/* RANGES */.$.strength),
        temperature: (0,options/* inRange */.r4)('--temperature', values.temperature, ranges/* RANGES */.$.temperature),
        agenticFallback: values['agentic-fallback'] ?? false,
        keepPartial: values['keep-partial'] ?? false,
        maxRunMinutes: (0,options/* inRange */.r4)('--max-run-minutes', values['max-run-minutes'], ranges/* RANGES */.$.maxRunMinutes)
    };
    const given = values['pdd-command'] ?? 'pdd';
    const commandWhy = commandProblem(given);
    if (commandWhy !== null)
        throw new options/* UsageError */.eb(`--pdd-command ${JSON.stringify(given)} ${commandWhy}.`);
    const command = commandWords(given);
    const problem = values.result === undefined ? null : (0,paths/* writableFileProblem */._)(values.result);
    if (problem !== null)
        throw new options/* UsageError */.eb(`--result ${values.result} cannot be written: ${problem}.`);
    const withhold = withholdList(values['withhold-env']);
    if (values['no-force'])
        throw new options/* UsageError */.eb("--no-force is a 'pdd-sync plan' option: 'run' always runs 'pdd --force sync' (without --force a " +
            'non-interactive overwrite prompt aborts), so it plans as that decides.');
    return { requested, caps, settings, command, withhold, ...(values.logs ? { logs: values.logs } : {}) };
}
/** The fan-out options of `pdd-sync run`, checked; undefined without `--shard`. */
function shardOf(v) {
    if (v.shard === undefined) {
        if (v['run-key'] !== undefined || v['base-sha'] !== undefined)
            throw new options/* UsageError */.eb('--run-key and --base-sha go with --shard K.');
        return undefined;
    }
    const shard = (0,options/* optionalWhole */.od)('--shard', v.shard, 0, 255) ?? 0;
    const units = (0,matrix_input/* unitList */.J)(v.units ?? '');
    if (units.length === 0)
        throw new options/* UsageError */.eb('--shard K needs --units (the ids of its matrix leg).');
    return { shard, units, runKey: runKeyOf(v['run-key']), baseSha: shaOf('--base-sha', v['base-sha']) };
}
/** `--withhold-env`: names or globs; a value that is not one is refused without being echoed. */
function withholdList(raw) {
    const names = (raw ?? '')
        .split(/[\n,]/)
        .map(n => n.trim())
        .filter(Boolean);
    const bad = names.findIndex(n => !/^[A-Za-z_*?][A-Za-z0-9_*?-]*$/.test(n));
    if (bad !== -1)
        throw new options/* UsageError */.eb(`--withhold-env must list variable names or globs (e.g. DEPLOY_KEY,AWS_*); entry ${bad + 1} is not one.`);
    return names;
}
/** `--push` alone (last, or before another option) means `--push origin`: parseArgs has no optional values. */
function withPushRemote(args) {
    return args.flatMap((a, i) => {
        const next = args[i + 1];
        return a === '--push' && (next === undefined || next.startsWith('-')) ? ['--push=origin'] : [a];
    });
}
/** `--run-key`: a name a ref can hold (default `local`). */
function runKeyOf(raw) {
    const key = raw ?? 'local';
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(key))
        throw new options/* UsageError */.eb(`--run-key must be letters, digits, ".", "_" or "-"; got "${key}".`);
    return key;
}
/** A full commit id option, or undefined. */
function shaOf(name, raw) {
    if (raw === undefined)
        return undefined;
    if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(raw))
        throw new options/* UsageError */.eb(`${name} must be a full commit id.`);
    return raw;
}


/***/ }),

/***/ 5028:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AH: () => (/* binding */ TRAILER),
  jq: () => (/* binding */ renderCommitMessage)
});

// UNUSED EXPORTS: DEFAULT_COMMIT_MESSAGE

// EXTERNAL MODULE: ./build/tmp/js/src/settings/commit-inputs.js + 1 modules
var commit_inputs = __webpack_require__(2513);
;// CONCATENATED MODULE: ./build/tmp/js/src/markdown.js
/**
 * Escaping for text that comes from outside (PDD's reasons, file names, notices) and is put into GitHub Markdown:
 * the plan summary and the run summary tables, the checklist and its notes. One home, so every table cell escapes
 * the same way. Pure.
 */
/**
 * A closing keyword before an issue or pull request URL (`fixes https://github.com/o/r/issues/5`): GitHub closes
 * that issue when the pull request (or a commit saying it) is merged.
 */
const CLOSING_URL = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=:?\s+https?:\/\/\S+\/(?:issues|pull)\/\d)/gi;
/**
 * Text from outside (a reason PDD printed, a generated test's output) as GitHub must not act on it: no `#12`,
 * `GH-12` or `owner/repo#12` reference (linked, cross-referenced in that issue's timeline, and closed on merge
 * after `fixes`), no closing keyword before an issue URL. A zero-width space breaks each; the text reads the same.
 */
function defuseReferences(s) {
    if (!/#\d|GH-\d|\/(?:issues|pull)\/\d/i.test(s))
        return s;
    return s
        .replace(/#(?=\d)/g, '#\u200b')
        .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
        .replace(CLOSING_URL, m => `${m[0]}\u200b${m.slice(1)}`);
}
/**
 * Inline text: no HTML can open (so no `<!--` can swallow a marker and no `-->` can close one), `@name` does
 * not mention anyone, and no issue reference or closing keyword acts ({@link defuseReferences}).
 */
function escapeInline(s) {
    return defuseReferences(s
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@(?=\w)/g, '@\u200b'));
}
/** Whitespace and control characters, newlines included, collapsed to single spaces; trimmed. */
function flatten(s) {
    // Most text has only single spaces between words: then trimming is all there is to do (no new string per run).
    // eslint-disable-next-line no-control-regex
    if (!/[^\S ]|[\u0000-\u001f\u007f]| {2}/.test(s))
        return s.trim();
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}
/**
 * One Markdown table cell: one line; `|` cannot end the cell; a backtick cannot open a code span (inside one the
 * HTML escapes would show as written); backslashes stay literal; plus {@link escapeInline}.
 */
function mdCell(s) {
    return escapeInline(flatten(s).replace(/[\\`]/g, c => `\\${c}`)).replace(/\|/g, '\\|');
}
/** `s` as an inline code span, with a fence longer than any run of backticks inside. */
function codeSpan(s) {
    const runs = s.match(/`+/g) ?? [];
    const fence = '`'.repeat(Math.max(0, ...runs.map(r => r.length)) + 1);
    const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${s}${pad}${fence}`;
}
/**
 * Tag for a sentence the action composes around outside values: its own words and references (`#${number}`)
 * stay as written, so they stay links; every interpolated string is flattened and escaped inline
 * ({@link escapeInline}) in the Markdown form. Numbers are the action's (an event's pull request number); a
 * {@link Said} value is nested as it is.
 */
function said(words, ...values) {
    let text = words[0] ?? '';
    let markdown = text;
    values.forEach((v, i) => {
        const rest = words[i + 1] ?? '';
        if (typeof v === 'object') {
            text += v.text + rest;
            markdown += v.markdown + rest;
            return;
        }
        text += String(v) + rest;
        markdown += (typeof v === 'number' ? String(v) : escapeInline(flatten(v))) + rest;
    });
    return { text, markdown };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/commit-message.js



/**
 * The message of a group's commit (docs/architecture.md "Bot commits"): the workflow's template (input
 * `commit-message`) with its placeholders filled, ` [partial]` after the subject when every unit it holds
 * failed, a line for each unit kept by keep-partial, then the trailers that make it known as the bot's.
 */
/** The trailer names, in the order they are written (the last paragraph of the message). */
const TRAILER = {
    /** `<basename> (<languages>)`: the group the commit holds (one per commit). */
    group: 'PDD-Sync-Group',
    /** The id of each unit whose files the commit holds. */
    unit: 'PDD-Sync-Unit',
    /** The id of each unit the commit holds although it failed (keep-partial). */
    partial: 'PDD-Sync-Partial',
    /** The run that made the commit: the mark of a bot commit. */
    run: 'PDD-Sync-Run',
    /** What the group's sync cost, `$0.1234` or `unknown`. */
    cost: 'PDD-Sync-Cost'
};
const oneLine = (s) => s.replace(/[\r\n]+/g, ' ');
/** The whole commit message. */
function renderCommitMessage(i) {
    const languages = i.units.map(u => u.language).join(', ');
    const operations = [...new Set(i.units.flatMap(u => u.operations))].join(', ') || 'sync';
    const group = `${i.basename} (${languages})`;
    const values = {
        unit: group,
        basename: i.basename,
        languages,
        operations
    };
    const filled = (i.template ?? commit_inputs/* DEFAULT_COMMIT_MESSAGE */.Kb)
        .replace(/\r\n/g, '\n')
        .replace(commit_inputs/* COMMIT_PLACEHOLDER */.Ug, (all, name) => name in values ? oneLine(values[name]) : all)
        .trimEnd();
    const [subject = '', ...rest] = filled.split('\n');
    const partialOnly = i.units.length > 0 && i.units.every(u => u.partialReason !== undefined);
    const body = rest.join('\n').trim();
    const kept = i.units
        .filter(u => u.partialReason !== undefined)
        .map(u => `PARTIAL (failed, kept by keep-partial): ${u.id}: ${defuseReferences(oneLine(u.partialReason ?? ''))}`);
    const trailers = [
        `${TRAILER.group}: ${oneLine(group)}`,
        ...i.units.map(u => `${TRAILER.unit}: ${u.id}`),
        ...i.units.filter(u => u.partialReason !== undefined).map(u => `${TRAILER.partial}: ${u.id}`),
        `${TRAILER.run}: ${i.runId}`,
        `${TRAILER.cost}: ${i.cost === null ? 'unknown' : `$${i.cost.toFixed(4)}`}`
    ];
    const paragraphs = [
        `${subject}${partialOnly ? ' [partial]' : ''}`,
        ...(body ? [body] : []),
        ...(kept.length > 0 ? [kept.join('\n')] : []),
        trailers.join('\n')
    ];
    return `${paragraphs.join('\n\n')}\n`;
}


/***/ }),

/***/ 8370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WN: () => (/* binding */ BOT),
  Tj: () => (/* binding */ closePool),
  vY: () => (/* binding */ executePlan),
  K6: () => (/* binding */ prewarmedPool)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tmp/js/src/types.js
var types = __webpack_require__(7696);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/budget.js
/**
 * The job's budget ledger (docs/architecture.md "Budget"). Pure: no I/O.
 *
 * Before a group starts it is admitted: the remaining budget (total − spent − reserved by running groups) must
 * cover its estimate. The admitted amount is reserved and passed to `pdd sync --budget`, so concurrent groups
 * cannot jointly overspend. PDD checks its budget only between operations, so admission is the only hard cap;
 * after the sync the real cost is booked and the reservation released.
 */
/** Rounds dollars to 6 decimals, the precision of PDD's cost column. */
function dollars(x) {
    return Math.round(x * 1e6) / 1e6;
}
/** The per-job ledger: admit before a group starts, book after it ends. */
class BudgetLedger {
    total;
    spentSoFar = 0;
    reservations = new Map();
    bookings = [];
    headroom;
    constructor(total, opts = {}) {
        this.total = total;
        if (!Number.isFinite(total) || total < 0)
            throw new Error(`budget must be a number ≥ 0; got ${total}`);
        this.headroom = Math.max(1, opts.headroom ?? 1.5);
    }
    /** Dollars booked so far. */
    get spent() {
        return dollars(this.spentSoFar);
    }
    /** Dollars held by running groups. */
    get reserved() {
        let r = 0;
        for (const a of this.reservations.values())
            r += a.amount;
        return dollars(r);
    }
    /** What a new group could be admitted for now. */
    get available() {
        return Math.max(0, dollars(this.total - this.spentSoFar - this.reserved));
    }
    /** Whether a group of this estimate could ever start, once running groups release their reservations. */
    couldFit(estimate) {
        return dollars(this.total - this.spentSoFar) >= dollars(estimate) && this.total - this.spentSoFar > 0;
    }
    /**
     * Admits a group when the available budget covers its estimate, reserving up to `headroom` × estimate.
     * Returns null when it does not fit now. A group with a zero estimate still needs a positive `--budget`
     * (PDD refuses ≤ 0), so it gets what is available, and is refused when nothing is.
     */
    admit(group, estimate) {
        if (this.reservations.has(group))
            throw new Error(`group ${group} is already admitted`);
        const available = this.available;
        const need = dollars(Math.max(0, estimate));
        if (available <= 0 || available < need)
            return null;
        const amount = need === 0 ? available : dollars(Math.min(available, need * this.headroom));
        const a = { group, amount, estimate: need };
        this.reservations.set(group, a);
        return a;
    }
    /**
     * Admits a group with everything that is available, whatever its estimate (calibration: with no recorded
     * cost, PDD's table says nothing about this repository's model). Returns null when nothing is available.
     */
    admitRest(group, estimate) {
        if (this.reservations.has(group))
            throw new Error(`group ${group} is already admitted`);
        const amount = this.available;
        if (amount <= 0)
            return null;
        const a = { group, amount, estimate: dollars(Math.max(0, estimate)) };
        this.reservations.set(group, a);
        return a;
    }
    /** Books a finished group: its real cost, or its reservation when PDD's cost is unknown. */
    book(group, cost) {
        const a = this.reservations.get(group);
        if (!a)
            throw new Error(`group ${group} was not admitted`);
        this.reservations.delete(group);
        const known = cost !== null && Number.isFinite(cost) && cost >= 0;
        const booked = dollars(known ? cost : a.amount);
        this.spentSoFar += booked;
        const b = { group, booked, costKnown: known, overshoot: dollars(Math.max(0, booked - a.amount)) };
        this.bookings.push(b);
        return b;
    }
    /** Releases a reservation without spending (the group never started). */
    release(group) {
        this.reservations.delete(group);
    }
    /** Every booking so far, in order. */
    get history() {
        return this.bookings;
    }
}
/**
 * Calibration (docs/architecture.md "Budget"): a repository with no recorded cost has only PDD's table to estimate
 * from, which knows nothing of its model's prices (a $2.15 table estimate may really cost cents). Until a group
 * books a real cost, groups run one at a time, each admitted with all that is left. Every booked cost then gives
 * the run's own factor, Σ booked ÷ Σ table estimates of the groups that booked, and later groups are estimated as
 * their table estimate × that factor and admitted as usual (headroom, concurrency). Pure.
 */
class Calibration {
    booked = 0;
    table = 0;
    /** Groups run while calibrating (one at a time, with all that was left). */
    calibrated = [];
    /** Booked cost ÷ table estimate over the groups that booked a positive cost, null before any did. */
    get factor() {
        return this.booked > 0 && this.table > 0 ? this.booked / this.table : null;
    }
    /** True until a group booked a positive cost. */
    get active() {
        return this.factor === null;
    }
    /** The estimate of a group whose table estimate is `table`: scaled by the factor once there is one. */
    estimateOf(table) {
        const f = this.factor;
        return f === null ? table : dollars(table * f);
    }
    /** Notes a group admitted while calibrating. */
    started(group) {
        if (this.active)
            this.calibrated.push(group);
    }
    /** Learns from a finished group: its table estimate and the cost it booked (null: unknown, not learned). */
    observe(table, cost) {
        if (cost === null || !Number.isFinite(cost) || cost <= 0 || table <= 0)
            return;
        this.booked += cost;
        this.table += table;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/pdd-process.js + 1 modules
var pdd_process = __webpack_require__(8248);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/runtime-install.js
var runtime_install = __webpack_require__(4024);
// EXTERNAL MODULE: ./build/tmp/js/src/state/contained.js
var contained = __webpack_require__(8474);
// EXTERNAL MODULE: ./build/tmp/js/src/state/load.js + 2 modules
var load = __webpack_require__(1643);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/restore.js
/** A group's recorded state, written into its worktree before pdd starts (docs/architecture.md "The steps of a run", step 5). */


/**
 * Restores every member's state; a state folder that leaves the worktree (checked again here: the planner saw
 * the same tree) refuses the whole group before pdd starts, since PDD would write there too.
 */
function restoreAll(project, members) {
    try {
        for (const m of members) {
            const bad = (0,contained/* escapingComponent */.OY)(project, m.unit.metaDir);
            if (bad !== null)
                throw new contained/* ContainmentError */.h5(`state folder '${bad}' leaves the repository`);
            restoreState(project, m.unit, m.state);
        }
        return null;
    }
    catch (e) {
        if (e instanceof contained/* ContainmentError */.h5)
            return `${e.message}; refused, pdd was not started`;
        throw e;
    }
}
/** Writes the recorded fingerprint and run report where PDD reads them, unless the repository has its own. */
function restoreState(project, unit, state) {
    if (state.source !== 'notes' || !state.fingerprint)
        return;
    const stem = `${unit.metaDir}/${(0,load/* metaStem */.h2)(unit)}`;
    (0,contained/* writeContained */.DZ)(project, `${stem}.json`, JSON.stringify(state.fingerprint, null, 2));
    if (state.runReport)
        (0,contained/* writeContained */.DZ)(project, `${stem}_run.json`, JSON.stringify(state.runReport, null, 2));
}
function refusedGroup(members, reason, base) {
    const units = members.map(({ unit }) => ({
        id: unit.id,
        basename: unit.basename,
        language: unit.language,
        status: 'failed',
        operations: [],
        cost: 0,
        reason,
        duration: 0,
        fingerprint: null,
        runReport: null
    }));
    return { units, cost: 0, commit: null, base };
}

// EXTERNAL MODULE: ./build/tmp/js/src/pycompat/csv.js
var csv = __webpack_require__(9767);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/cost-csv.js
/**
 * PDD's `--output-cost` / `PDD_OUTPUT_COST_PATH` CSV (`pdd/track_cost.py`): one row per top-level
 * command, written by Python's `csv.DictWriter` (minimal quoting, `""` escapes, `\r\n` line ends). The header
 * decides the form: 13 columns, or 7 / 6 when the file was started by an older PDD. Pure.
 */

/** The 13 columns in the order PDD 0.0.310 writes them. */
const COST_COLUMNS = (/* unused pure expression or super */ null && ([
    'timestamp',
    'model',
    'command',
    'cost',
    'input_files',
    'output_files',
    'attempted_models',
    'requested_model',
    'resolved_model',
    'model_selection_outcome',
    'strength_used',
    'cli_version',
    'deepswe_manifest_date'
]));
/** The plain-text provenance columns and their {@link CostRow} keys. */
const OPTIONAL_TEXT = [
    ['requested_model', 'requestedModel'],
    ['resolved_model', 'resolvedModel'],
    ['model_selection_outcome', 'modelSelectionOutcome'],
    ['strength_used', 'strengthUsed'],
    ['cli_version', 'cliVersion'],
    ['deepswe_manifest_date', 'deepsweManifestDate']
];
/** Type guard for a {@link CostRow}, e.g. one read back from JSON. */
function isCostRow(x) {
    if (typeof x !== 'object' || x === null)
        return false;
    const r = x;
    const strings = (v) => Array.isArray(v) && v.every(s => typeof s === 'string');
    const optional = (k, ok) => r[k] === undefined || ok(r[k]);
    const isString = (v) => typeof v === 'string';
    return (typeof r.timestamp === 'string' &&
        typeof r.model === 'string' &&
        typeof r.command === 'string' &&
        (r.cost === null || (typeof r.cost === 'number' && Number.isFinite(r.cost))) &&
        strings(r.inputFiles) &&
        strings(r.outputFiles) &&
        optional('attemptedModels', strings) &&
        OPTIONAL_TEXT.every(([, key]) => optional(key, isString)));
}
/** Parses a whole cost CSV: a header row, then data rows. A malformed line is a problem, not an exception. */
function parseCostCsv(text) {
    const records = (0,csv/* readCsv */.N)(text);
    const first = records.shift();
    if (first === undefined)
        return { rows: [], problems: [] };
    const header = first.fields.map(f => f.trim());
    if (!header.includes('cost') || !header.includes('command')) {
        return { rows: [], problems: [`line ${first.line}: not a PDD cost CSV header: ${clip(first.raw)}`] };
    }
    return parseRecords(header, records);
}
/**
 * Cost of the rows appended between two reads of the same run-scoped CSV (`before` null = no file yet).
 * Null when the file is missing, was rewritten instead of appended to, holds a malformed new line, or gained
 * no row: PDD appends a row for every command that did not raise, so a missing row means the sync crashed.
 */
function sumNewCost(before, after) {
    if (after === null)
        return { cost: null, reason: 'cost file missing: PDD appended no row' };
    const old = before ?? '';
    if (!after.startsWith(old))
        return { cost: null, reason: 'cost file was rewritten, not appended to' };
    const added = old === '' ? parseCostCsv(after) : parseAppended(old, after);
    if (added.problems.length > 0)
        return { cost: null, reason: `malformed cost CSV: ${added.problems[0]}` };
    if (added.rows.length === 0)
        return { cost: null, reason: 'no cost row appended' };
    let sum = 0;
    for (const row of added.rows) {
        if (row.cost === null)
            return { cost: null, reason: `PDD recorded no cost for '${row.command}'` };
        sum += row.cost;
    }
    return { cost: roundMicro(sum) };
}
function parseAppended(before, after) {
    const head = (0,csv/* readCsv */.N)(before)[0];
    const header = head?.fields?.map(f => f.trim()) ?? [];
    if (!header.includes('cost'))
        return { rows: [], problems: [`not a PDD cost CSV header: ${clip(head?.raw)}`] };
    // Line numbers stay those of the whole file.
    const offset = before.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(before) ? 1 : 0);
    const records = (0,csv/* readCsv */.N)(after.slice(before.length)).map(r => ({ ...r, line: r.line + offset }));
    return parseRecords(header, records);
}
function parseRecords(header, records) {
    const rows = [];
    const problems = [];
    for (const rec of records) {
        if (rec.problem) {
            problems.push(`line ${rec.line}: ${rec.problem}`);
            continue;
        }
        if (rec.fields.length !== header.length) {
            problems.push(`line ${rec.line}: ${rec.fields.length} fields, header has ${header.length}`);
            continue;
        }
        const row = toRow(header, rec.fields);
        if (typeof row === 'string')
            problems.push(`line ${rec.line}: ${row}`);
        else
            rows.push(row);
    }
    return { rows, problems };
}
/** A row, or a message saying which cell is wrong. */
function toRow(header, fields) {
    const cell = new Map(header.map((h, i) => [h, fields[i] ?? '']));
    const get = (k) => cell.get(k) ?? '';
    const rawCost = get('cost').trim();
    const cost = rawCost === '' ? null : Number(rawCost);
    if (cost !== null && (!Number.isFinite(cost) || !/^[-+0-9.eE]+$/.test(rawCost))) {
        return `cost is not a number: ${clip(rawCost)}`;
    }
    if (cost !== null && cost < 0)
        return `cost is negative: ${rawCost}`;
    const row = {
        timestamp: get('timestamp'),
        model: get('model'),
        command: get('command'),
        cost,
        inputFiles: list(get('input_files')),
        outputFiles: list(get('output_files'))
    };
    if (cell.has('attempted_models'))
        row.attemptedModels = list(get('attempted_models'));
    for (const [col, key] of OPTIONAL_TEXT)
        if (cell.has(col))
            row[key] = get(col);
    return row;
}
function list(cell) {
    return cell === '' ? [] : cell.split(';');
}
function clip(s) {
    const t = s ?? '';
    return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}
/** Sums of floats such as 0.1 + 0.2 are reported to the micro-dollar, as PDD's own summary does. */
function roundMicro(n) {
    return Math.round(n * 1e6) / 1e6;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/spent.js
/**
 * What a group's pdd spent, for the ledger: the cost rows it appended to its run-scoped CSV when they are there
 * and well-formed; $0 when pdd stopped before its sync started (a Click usage error, a prompt it cannot find, a
 * traceback while it loaded) and left no row; otherwise null, "unknown", and the whole admission is booked
 * (docs/architecture.md "Budget"). Pure.
 */

/**
 * What `pdd sync` prints once its sync starts, before any LLM call: the "PDD Sync Starting" panel, a
 * language's "🚀 Syncing for language" line, a `PDD_PHASE:` marker, the final table's panel
 * (`pdd/sync_main.py` L800–824, `pdd/sync_orchestration.py` L2644).
 */
const SYNC_STARTED = /PDD Sync Starting|Syncing for language:|PDD_PHASE:|Overall status:/;
/** Dollars to book for a group's pdd, null when unknown (see the file's comment). */
function spentBy(ended, parsed, costCsv) {
    const evidence = sumNewCost(null, costCsv);
    if (evidence.cost !== null || costCsv !== null)
        return evidence.cost;
    return stoppedBeforeSync(ended, parsed) ? 0 : null;
}
/**
 * Whether pdd provably ended before its sync began: it exited non-zero on its own (not stopped), said why (a
 * usage error, no prompt found, a traceback), and printed nothing a started sync prints. `--quiet` hides the
 * sync's panel and language lines, so with it only a usage error counts: Click rejects options before any
 * command runs, and every `click.UsageError` of `pdd sync` is raised before sync_main's workflow.
 */
function stoppedBeforeSync(ended, parsed) {
    if (ended.code === null || ended.code === 0 || ended.timedOut || ended.cancelled)
        return false;
    // pdd that stops before its sync prints a few lines; a long output may have lost its first lines (16 Mi cap).
    if (ended.stdout.length > 1_000_000)
        return false;
    if (parsed.phases.length > 0 || SYNC_STARTED.test(ended.stdout))
        return false;
    const usage = ended.code === 2 && (parsed.usageError !== null || parsed.noPromptFiles !== null);
    if (usage)
        return true;
    const quiet = ended.argv.some(a => a === '--quiet' || a === '-q');
    return !quiet && parsed.traceback !== null;
}

// EXTERNAL MODULE: ./build/tmp/js/src/adapters/git.js + 14 modules
var git = __webpack_require__(7929);
// EXTERNAL MODULE: ./build/tmp/js/src/execute/commit-message.js + 1 modules
var commit_message = __webpack_require__(5028);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/stray-output.js
/**
 * Outputs PDD never writes: a symbolic link (PDD opens its outputs for writing, which follows a link, and never
 * creates one: pdd-cli 0.0.310 has no symlink call), something that is not a regular file (a named pipe, a
 * socket, a device), or a file too big to push. Generated code or a test can leave one where a unit's code,
 * example or test file belongs; the unit fails with a reason naming it, and it is never committed: a link out of
 * the worktree would put a link to `/etc/passwd` or `~/.ssh` on the bot branch, a link inside it a link without
 * its target, a huge file a push GitHub refuses.
 */


/**
 * The largest output committed: GitHub warns about a pushed file over 50 MiB and refuses one over 100 MiB, which
 * would fail the whole push. No source file PDD writes comes near it; a generated test's dump can.
 */
const MAX_OUTPUT_BYTES = 50 * 2 ** 20;
/** Why `rel` (relative to `root`) is not an output the run commits, or null when it is one (or is missing). */
function strayOutput(root, rel) {
    const folder = linkedFolder(root, rel);
    if (folder !== null)
        return `${rel} lies beyond ${folder}, ${linkWhy(root, folder, 'folder')}`;
    const abs = external_node_path_.join(root, rel);
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(abs);
    }
    catch {
        return null;
    }
    if (st.isFile() && st.size > MAX_OUTPUT_BYTES)
        return `${rel} is ${(st.size / 2 ** 20).toFixed(0)} MiB, over the ${MAX_OUTPUT_BYTES / 2 ** 20} MiB a file the bot commits may have`;
    if (st.isFile() || st.isDirectory())
        return null;
    if (!st.isSymbolicLink())
        return `${rel} is not a regular file`;
    return `${rel} is ${linkWhy(root, rel, 'file')}`;
}
/**
 * The first folder on the way to `rel` that is a symbolic link, or null. An output beyond one (generated code
 * that replaced `examples/` with a link to a folder elsewhere) was written outside the repository, or through a
 * link git cannot commit beyond: checking only the file itself found a regular file there, the unit failed
 * without a reason, and with keep-partial `git add` failed the group's whole commit.
 */
function linkedFolder(root, rel) {
    const parts = rel.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        try {
            if ((0,external_node_fs_.lstatSync)(external_node_path_.join(root, folder)).isSymbolicLink())
                return folder;
        }
        catch {
            return null;
        }
    }
    return null;
}
/** "a symbolic link (to where) …" for `rel`, a link below `root` standing for a file or a folder. */
function linkWhy(root, rel, as) {
    try {
        const real = (0,external_node_fs_.realpathSync)(external_node_path_.join(root, rel));
        const top = (0,external_node_fs_.realpathSync)(root);
        if (real === top || real.startsWith(top + external_node_path_.sep))
            return `a symbolic link (to ${external_node_path_.relative(top, real) || '.'}), not a ${as} PDD writes`;
    }
    catch {
        // A dangling link, or a loop: it leads nowhere inside the worktree either.
    }
    return 'a symbolic link out of the repository';
}
/**
 * Why the unit's prompt `rel` is not as a sync may leave it, or null: PDD may update a prompt but never deletes
 * one, so a missing prompt was deleted by something else (generated code, a test) and that deletion is never
 * committed (with keep-partial, merging the pull request would delete the prompt); else as {@link strayOutput}.
 */
function strayPrompt(root, rel, linkBefore) {
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(external_node_path_.join(root, rel));
    }
    catch {
        return `${rel}, the unit's prompt, was deleted during the sync`;
    }
    // A prompt the repository holds as a link (PDD reads it through the link) is the user's input: unchanged, it
    // is no output of the sync. Before, the unit failed after pdd was paid, and its files were discarded.
    if (st.isSymbolicLink() && linkBefore !== undefined && readLink(root, rel) === linkBefore)
        return null;
    return strayOutput(root, rel);
}
/** The link text of each member's prompt that is a symbolic link (read before pdd runs), by unit id. */
function promptLinks(project, members) {
    const links = new Map();
    for (const { unit } of members) {
        const text = readLink(project, unit.paths.prompt);
        if (text !== null)
            links.set(unit.id, text);
    }
    return links;
}
function readLink(root, rel) {
    try {
        return (0,external_node_fs_.readlinkSync)(external_node_path_.join(root, rel));
    }
    catch {
        return null;
    }
}
/** The first of the unit's prompt (if given) and `paths` that is stray, with why, or null. */
function firstStray(root, paths, prompt, promptLinkBefore) {
    const why = prompt ? strayPrompt(root, prompt, promptLinkBefore) : null;
    if (why !== null)
        return why;
    for (const p of paths) {
        const why = p === '' ? null : strayOutput(root, p);
        if (why !== null)
            return why;
    }
    return null;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/group-commit.js
/**
 * What a group commits in its worktree: the synced (and, with keep-partial, the failed) units' own files, with a
 * message from the `commit-message` template and the trailers (commit-message.ts). A file holding a secret is never committed.
 */






/**
 * The commit of the synced units' files (and with keep-partial what failed units left, the message says so),
 * unless a file holds a secret: checked now, so the verdict is final before the group lands.
 */
function commitJudged(c, judged) {
    const synced = judged.filter(j => j.status === 'synced');
    const kept = c.keepPartial ? judged.filter(j => j.status === 'failed') : [];
    // A link or a pipe, or a deleted prompt, is never committed (stray-output.ts), whoever left it there.
    const prompts = new Map([...synced, ...kept].map(j => [external_node_path_.posix.join(c.projectPrefix, j.unit.paths.prompt), j.unit.id]));
    const stray = (p) => {
        const id = prompts.get(p);
        return id === undefined ? strayOutput(c.wt.root, p) : strayPrompt(c.wt.root, p, c.promptLinks?.get(id));
    };
    const paths = [...synced, ...kept]
        .flatMap(j => unitPaths(c.projectPrefix, j.unit, c.tracked))
        .filter(p => stray(p) === null);
    if (paths.length === 0)
        return { pending: null, kept, synced };
    const message = (0,commit_message/* renderCommitMessage */.jq)({
        basename: c.basename,
        units: [...synced, ...kept].map(j => ({
            id: j.unit.id,
            language: j.unit.language,
            operations: j.result.operations,
            ...(kept.includes(j) ? { partialReason: j.result.reason ?? 'failed' } : {})
        })),
        runId: c.runId,
        cost: c.cost,
        template: c.commitTemplate
    });
    try {
        c.wt.refuseSecrets(paths);
    }
    catch (e) {
        if (!(e instanceof git/* SecretInFileError */._Z))
            throw e;
        return { pending: null, kept, synced, refused: e.message };
    }
    const known = c.known;
    return {
        pending: {
            wt: c.wt,
            paths,
            message,
            identity: c.identity,
            author: c.author,
            ...(known ? { known } : {})
        },
        kept,
        synced
    };
}
/**
 * The members' own files (repository-relative, `.pdd/meta` included) that are in the worktree before pdd runs:
 * a lent worktree holds only what git tracks (worktree-pool.ts), so git knows each of them and their commit
 * needs no `git add`. Read before the recorded state is restored (that writes `.pdd/meta` files git may not track).
 */
function heldBefore(root, prefix, members) {
    const meta = (u) => new Set([external_node_path_.posix.join(prefix, u.metaDir)]);
    const all = new Set(members.flatMap(({ unit }) => unitPaths(prefix, unit, meta(unit))));
    return new Set([...all].filter(p => (0,external_node_fs_.existsSync)(external_node_path_.join(root, p))));
}
/** A unit's own files: prompt, code, example, tests; `.pdd/meta` only where the repository tracks it. */
function unitPaths(prefix, unit, trackedMeta) {
    const p = unit.paths;
    const own = [p.prompt, p.code, p.example, p.test, ...unit.testFiles].filter(x => x !== '');
    const meta = [`${unit.metaDir}/${(0,load/* metaStem */.h2)(unit)}.json`, `${unit.metaDir}/${(0,load/* metaStem */.h2)(unit)}_run.json`];
    const metaDir = external_node_path_.posix.join(prefix, unit.metaDir);
    return [...own, ...(trackedMeta.has(metaDir) ? meta : [])].map(f => external_node_path_.posix.join(prefix, f));
}

// EXTERNAL MODULE: ./build/tmp/js/src/plan/plan.js + 40 modules
var plan = __webpack_require__(9546);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/reason.js
/** Turning what PDD printed into the one-line reason a checklist shows. Pure. */
/**
 * One readable line from whatever PDD printed: escape codes removed, control characters dropped, a text that
 * is mostly binary or a multi-line source file replaced by a sentence saying so, long text clipped.
 */
function cleanReason(s, max = 240) {
    const text = s
        // eslint-disable-next-line no-control-regex -- ANSI CSI and OSC sequences
        .replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g, '');
    // eslint-disable-next-line no-control-regex -- what no readable reason contains
    const junk = text.match(/[\x00-\x08\x0e-\x1f\x7f\ufffd]/g)?.length ?? 0;
    if (text.length > 0 && junk / text.length > 0.1)
        return 'PDD printed unreadable (binary) output instead of a reason';
    // eslint-disable-next-line no-control-regex -- dropped, as a terminal would not show them either
    const visible = text.replace(/[\x00-\x08\x0b-\x1f\x7f\ufffd]/g, '');
    const lines = visible.split('\n').filter(l => l.trim() !== '');
    if (lines.length >= 5 && looksLikeSource(visible.split('\n')))
        return 'PDD gave no reason, only file contents: see the pdd sync log of this unit';
    const one = clipLine(visible, max);
    return one === '' ? 'PDD reported no reason' : one;
}
/** Wrapped prose fills its lines; source has blank lines, indentation or code-shaped lines. */
function looksLikeSource(lines) {
    if (lines.length < 2)
        return /^\s*(import |from \S+ import |def |class |#!)/.test(lines[0] ?? '');
    const code = /^\s*(import |from \S+ import |def |class |@\w|#|\/\/|const |let |function |export |package |fn |use )/;
    return lines.some(l => l.trim() === '' || /^\s{2,}\S/.test(l) || code.test(l));
}
/** A checklist line stays readable: long reasons are cut at a word boundary. */
function clipLine(s, max = 240) {
    const t = oneLine(s);
    if (t.length <= max)
        return t;
    const cut = t.slice(0, max - 1);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}
/** Whitespace runs (newlines too) become one space. */
function oneLine(s) {
    return s.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/step-error.js
/**
 * What PDD printed about a failed step (pdd-cli 0.0.310), for the reason a checklist shows when PDD's Details
 * cell holds a file's source instead: the command that could not run (`npx canceled …`, `go: not found`), a
 * "… failed: …" message (`Agentic verify fallback failed: No agent providers are available …`), the failing
 * test's assertion, or the last error line. Pure.
 */

const LANGUAGE = /^\s*🚀 Syncing for language: (\S+?)\.\.\.\s*$/;
const PHASE = /^\s*PDD_PHASE: (\S+)\s*$/;
const TABLE = /PDD Sync Complete|^\s*┏/;
/** Patterns in the order they are preferred: the most actionable first. */
const PREFERRED = [
    // A command that could not run.
    /npx canceled due to missing packages.*$/,
    /(?:^|\s)(?:sh|bash|\/bin\/sh)(?::\s*\d+)?:\s*(\S+: (?:command )?not found)/,
    /\b(\S+): command not found/,
    /spawn \S+ ENOENT/,
    /No such file or directory: '[^']+'/,
    // A step's own failure message.
    /\b(?:Agentic|agentic) [\w ]*? failed: .+$/,
    /\bNo agent(?:ic)? (?:CLI )?providers? .+$/,
    // A failing assertion or an error raised by the program or test.
    /\b(?:AssertionError|assert\.\w+)\b.*$/,
    /\b[A-Z]\w*(?:Error|Exception)\b: .+$/,
    /^\s*(?:Error|error|ERROR): .+$/
];
/**
 * Per language, the most actionable failure line PDD printed in the section of its last step (stdout) or, when
 * that holds none, in stderr. Languages are keyed lower-case; '' holds what came before any language line.
 */
function stepErrors(stdout, stderr) {
    const sections = lastStepSections(stdout);
    const out = {};
    const fromErr = bestLine(stderr);
    for (const [language, lines] of Object.entries(sections)) {
        const best = bestLine(lines) ?? fromErr;
        if (best)
            out[language] = best;
    }
    if (Object.keys(out).length === 0 && fromErr)
        out[''] = fromErr;
    return out;
}
/** For each language, the lines after its last `PDD_PHASE:` marker, up to the next language or the table. */
function lastStepSections(lines) {
    const sections = {};
    let language = '';
    let done = false;
    for (const line of lines) {
        if (TABLE.test(line))
            done = true;
        const lang = LANGUAGE.exec(line)?.[1];
        if (lang) {
            language = lang.toLowerCase();
            done = false;
            sections[language] = [];
            continue;
        }
        if (PHASE.test(line)) {
            sections[language] = [];
            continue;
        }
        if (!done)
            (sections[language] ??= []).push(line);
    }
    return sections;
}
/** The first preferred pattern's last match in `lines`, cleaned to one line. */
function bestLine(lines) {
    const plain = lines.map(l => l.replace(/[│╭╮╰╯─┃]/g, ' ').trim()).filter(l => l !== '');
    for (const re of PREFERRED) {
        for (let i = plain.length - 1; i >= 0; i--) {
            const m = re.exec(plain[i]);
            if (!m)
                continue;
            const text = m[1] && re.source.includes('not found') ? m[1] : m[0];
            return clipLine(text.replace(/^npm error\s+/, ''), 200);
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/pdd-output.js
/**
 * Reads what `pdd sync` printed (pdd-cli 0.0.310, headless, NO_COLOR): the `PDD_PHASE:` markers
 * (`pdd/sync_orchestration.py` L2644–2751), the per-language lines and final "PDD Sync Complete" table and
 * panel (`pdd/sync_main.py` L812, L829, L1363–1402), and the messages that name a failure. Pure.
 */


const pdd_output_PHASE = /^\s*PDD_PHASE: (\S+)\s*$/;
const pdd_output_LANGUAGE = /^\s*🚀 Syncing for language: (\S+?)\.\.\.\s*$/;
const PANEL = /Total cost: \$([0-9.]+) \| Overall status: (Success|Failed)/;
const BUDGET = /Budget of \$([0-9.]+) exceeded\./;
const EXHAUSTED = /Budget exhausted\. Skipping sync for '([^']+)'\./;
const MODELS = /All candidate models failed\. Last error \(([^)]+)\)(?::\s*(.*))?/;
const NO_PROMPT = /No prompt files found for basename '([^']*)' in directory '([^']*)'/;
const EXCEPTION = /^(?:[A-Za-z_][\w.]*\.)?([A-Z]\w*(?:Error|Exception|Interrupt|Exit)|KeyboardInterrupt)(?::\s?(.*))?$/;
/** Parses a sync's output. stdout carries PDD's markers and table; stderr its logs and Click errors. */
function parseSyncOutput(stdout, stderr = '') {
    const out = stdout.split(/\r\n|\r|\n/);
    const err = stderr.split(/\r\n|\r|\n/);
    const all = [...out, ...err];
    const parsed = {
        ...scanPhases(out),
        stepErrors: stepErrors(out, err),
        languages: parseTable(out),
        overall: null,
        totalCost: null,
        budgetExceeded: firstMatch(all, BUDGET)?.[1] ?? null,
        budgetExhausted: all.flatMap(l => EXHAUSTED.exec(l)?.[1] ?? []),
        allModelsFailed: modelsFailed(all),
        noPromptFiles: null,
        usageError: usageError(err) ?? usageError(out),
        traceback: tracebackLine(err) ?? tracebackLine(out),
        costTrackingError: firstMatch(all, /Error tracking cost: (.*)$/)?.[1]?.trim() ?? null,
        aborted: all.some(l => l.trim() === 'Aborted!')
    };
    const panel = firstMatch(out, PANEL);
    if (panel) {
        parsed.totalCost = Number(panel[1]);
        parsed.overall = panel[2] === 'Success' ? 'Success' : 'Failed';
    }
    const noPrompt = firstMatch(all, NO_PROMPT);
    if (noPrompt)
        parsed.noPromptFiles = { basename: noPrompt[1] ?? '', directory: noPrompt[2] ?? '' };
    return parsed;
}
/** The output narrowed to one language of a multi-language sync: its table row and its phases. */
function languageView(parsed, language) {
    const lang = language.toLowerCase();
    return {
        ...parsed,
        phases: parsed.phasesByLanguage[lang] ?? [],
        phasesByLanguage: { [lang]: parsed.phasesByLanguage[lang] ?? [] },
        languages: parsed.languages.filter(r => r.language.toLowerCase() === lang),
        stepErrors: { [lang]: parsed.stepErrors[lang] ?? parsed.stepErrors[''] ?? '' },
        budgetExhausted: parsed.budgetExhausted.filter(l => l.toLowerCase() === lang)
    };
}
/** The operations PDD ran, in order, without `skip:` markers and the terminal `synced` / `conflict`. */
function operationsRun(phases) {
    return phases.filter(p => !p.startsWith('skip:') && p !== 'synced' && p !== 'conflict');
}
function scanPhases(lines) {
    const phases = [];
    const byLanguage = {};
    let language = '';
    for (const line of lines) {
        const lang = pdd_output_LANGUAGE.exec(line)?.[1];
        if (lang)
            language = lang.toLowerCase();
        const phase = pdd_output_PHASE.exec(line)?.[1];
        if (phase) {
            phases.push(phase);
            (byLanguage[language] ??= []).push(phase);
        }
    }
    return { phases, phasesByLanguage: byLanguage };
}
/** Rows of the last table whose header is `Language ┃ Status ┃ Cost (USD) ┃ Details`. */
function parseTable(lines) {
    let rows = [];
    let inTable = false;
    for (const line of lines) {
        const t = line.trim();
        if (/^┃\s*Language\s*┃\s*Status\s*┃\s*Cost/.test(t)) {
            rows = [];
            inTable = true;
        }
        else if (inTable && t.startsWith('└')) {
            inTable = false;
        }
        else if (inTable && t.startsWith('│')) {
            addRowLine(rows, t);
        }
    }
    return rows;
}
function addRowLine(rows, line) {
    const cells = line.slice(1, line.endsWith('│') ? -1 : undefined).split('│');
    if (cells.length < 4)
        return;
    const [language = '', status = '', cost = ''] = cells.slice(0, 3).map(c => c.trim());
    // The Details cell may itself contain '│'; Rich pads each cell with one space.
    const detail = cells.slice(3).join('│').replace(/^ /, '').trimEnd();
    const last = rows.at(-1);
    if (language === '' && last) {
        last.details.push(detail);
        refreshSummary(last);
        return;
    }
    if (status !== 'Success' && status !== 'Failed')
        return;
    const money = /^\$([0-9.]+)$/.exec(cost);
    const row = { language, status, cost: money ? Number(money[1]) : null, details: [detail] };
    refreshSummary(row);
    rows.push(row);
}
/** `Completed: generate, example; skipped: crash` (possibly wrapped over several lines). */
function refreshSummary(row) {
    if (row.status !== 'Success')
        return;
    const text = oneLine(row.details.join(' '));
    const completed = /^Completed: ([^;]+)/.exec(text)?.[1];
    const skipped = /(?:^|; )skipped: ([^;]+)/.exec(text)?.[1];
    const list = (s) => s
        .split(',')
        .map(x => x.trim())
        .filter(x => x !== '');
    row.completed = completed ? list(completed) : [];
    row.skipped = skipped ? list(skipped) : [];
}
/** PDD's "All candidate models failed" message, from the first line that has it. */
function modelsFailed(lines) {
    for (const line of lines) {
        const m = MODELS.exec(line);
        if (m)
            return modelsText(m);
    }
    return null;
}
function modelsText(m) {
    const detail = (m[2] ?? '').trim();
    return `All candidate models failed. Last error (${m[1]})${detail ? `: ${detail}` : ''}`;
}
function usageError(lines) {
    const usage = lines.findIndex(l => /^Usage: /.test(l));
    if (usage < 0)
        return null;
    const error = lines.slice(usage).find(l => l.startsWith('Error: '));
    return error ? error.slice('Error: '.length).trim() : null;
}
function tracebackLine(lines) {
    let start = -1;
    lines.forEach((l, i) => {
        if (l.includes('Traceback (most recent call last)'))
            start = i;
    });
    if (start < 0)
        return null;
    const found = lines
        .slice(start + 1)
        .map(l => l.trim())
        .filter(l => EXCEPTION.test(l));
    return found.at(-1) ?? null;
}
function firstMatch(lines, re) {
    for (const line of lines) {
        const m = re.exec(line);
        if (m)
            return m;
    }
    return null;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/failure-reason.js


/**
 * The most specific one-line reason a sync failed. PDD's Details cell is preferred, except when it is the
 * source of a file (crash and fix failures put the fixed program or test there, as pdd-cli 0.0.310 does):
 * then the reason is built from the last operation and the run report.
 */
function failureReason(parsed, runReport, lastPhase) {
    return cleanReason(rawFailureReason(parsed, runReport, lastPhase));
}
function rawFailureReason(parsed, runReport, lastPhase) {
    const phase = lastPhase ?? operationsRun(parsed.phases).at(-1);
    if (parsed.noPromptFiles) {
        const { basename, directory } = parsed.noPromptFiles;
        return `No prompt files found for basename '${basename}' in directory '${directory}'`;
    }
    if (parsed.usageError)
        return failure_reason_clip(`pdd usage error: ${parsed.usageError}`);
    const failed = parsed.languages.find(r => r.status === 'Failed');
    const printed = failed ? parsed.stepErrors[failed.language.toLowerCase()] || parsed.stepErrors[''] : '';
    const fromTable = failed ? reasonFromDetails(failed, runReport, phase, printed) : null;
    if (fromTable)
        return fromTable;
    if (parsed.budgetExceeded)
        return `Budget of $${parsed.budgetExceeded} exceeded.`;
    if (parsed.budgetExhausted.length > 0)
        return 'Budget exhausted: PDD skipped this language';
    if (parsed.allModelsFailed)
        return failure_reason_clip(withPhase(phase, parsed.allModelsFailed));
    if (parsed.traceback)
        return failure_reason_clip(`pdd crashed: ${parsed.traceback}`);
    if (parsed.aborted)
        return 'pdd aborted (an interactive prompt in a non-interactive run)';
    const report = runReport ? reportSummary(runReport) : null;
    if (report && phase)
        return `${phase} failed: ${report}`;
    if (parsed.overall === 'Failed')
        return withPhase(phase, 'PDD reported Overall status: Failed');
    return withPhase(phase, 'PDD reported no reason');
}
function reasonFromDetails(row, runReport, phase, printed) {
    const text = row.details.join('\n').trim();
    if (text === '' || text === 'Step failed')
        return null;
    if (text === 'Budget exhausted')
        return 'Budget exhausted: PDD skipped this language';
    const rest = text.replace(/^Sync failed:\s*/, '');
    const lines = rest.split('\n');
    if (rest === '' || looksLikeSource(lines)) {
        // The Details cell holds a program or test file: the reason is what PDD printed for the failed step.
        const report = runReport ? reportSummary(runReport) : null;
        const what = phase ? `${phase} failed` : 'sync failed';
        if (printed)
            return failure_reason_clip(`${what}: ${printed}`);
        return report ? `${what}: ${report}` : `${what}: PDD printed no reason (see the pdd sync log)`;
    }
    const models = modelsFailed([oneLine(rest)]);
    if (models)
        return failure_reason_clip(withPhase(/Exception during '([^']+)'/.exec(rest)?.[1] ?? phase, models));
    return failure_reason_clip(oneLine(rest));
}
function reportSummary(r) {
    const tests = `${r.tests_failed} test${r.tests_failed === 1 ? '' : 's'} failing, ${r.tests_passed} passing`;
    return `${tests} (exit code ${r.exit_code}, coverage ${r.coverage.toFixed(1)}%)`;
}
function withPhase(phase, text) {
    return phase ? `${phase}: ${text}` : text;
}
function failure_reason_clip(s, max = 240) {
    return clipLine(s, max);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/group-verdict.js





const SILENT = {
    info: () => undefined,
    notice: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    group: (_n, f) => f()
};
/**
 * The plan of the group's own units in its worktree after pdd ran. Only their prompts are discovered again (not
 * the whole worktree, once per group); if a member is then missing, the whole worktree is planned, so the
 * verdict never rests on the shortcut.
 */
async function replanGroup(ctx, project, members) {
    const ids = members.map(m => m.unit.id);
    const opts = {
        ...ctx.planOptions,
        repoRoot: project,
        notesRef: null,
        remote: null,
        // The verdict needs the files only (a unit is in sync by its own `.pdd/meta`): no run records, so no
        // REST call per group to the PR comment store.
        extraStores: [],
        scope: { trigger: 'workflow_dispatch', units: ids }
    };
    const own = await (0,plan/* planRepository */._B)({ ...opts, onlyPrompts: members.map(m => m.unit.paths.prompt) }, SILENT);
    if (ids.every(id => own.units.has(id)))
        return own;
    return (0,plan/* planRepository */._B)(opts, SILENT);
}
/** Post-conditions: PDD's exit code is not a success signal (it exits 0 when a sync ends "Overall status: Failed": `pdd/commands/maintenance.py`); the planner's verdict is. */
async function judge(ctx, project, members, parsed, run) {
    const after = await replanGroup(ctx, project, members);
    return members.map(({ unit }) => {
        const view = languageView(parsed, unit.language);
        const planned = after.plan.units.find(u => u.id === unit.id);
        const st = after.units.get(unit.id)?.state;
        const inSync = planned !== undefined && (0,types/* isInSync */.tU)(planned.operation) && st?.source === 'repository';
        const clean = run.code === 0 && !run.timedOut && !run.cancelled;
        // A link or a pipe where an output belongs fails the unit even when the planner reads through it.
        const stray = firstStray(project, outputsOf(unit), unit.paths.prompt, ctx.promptLinks?.get(unit.id));
        const ok = inSync && clean && stray === null;
        const reason = ok
            ? `in sync after ${operationsRun(view.phases).join(', ') || 'no operation'}`
            : inSync && clean
                ? `${stray ?? ''} (never committed)`
                : `${stray === null ? '' : `${stray} (read as missing, never committed); `}${whyFailed(run, view, planned?.operation, st?.runReport ?? null)}`;
        return {
            unit,
            status: ok ? 'synced' : 'failed',
            result: {
                id: unit.id,
                basename: unit.basename,
                language: unit.language,
                status: ok ? 'synced' : 'failed',
                operations: operationsRun(view.phases),
                cost: null,
                reason,
                fingerprint: st?.fingerprint ?? null,
                runReport: st?.runReport ?? null
            }
        };
    });
}
/** A unit's outputs, relative to its project. */
function outputsOf(unit) {
    return [unit.paths.code, unit.paths.example, unit.paths.test, ...unit.testFiles];
}
function whyFailed(run, view, next, report) {
    if (run.timedOut)
        return 'timed out: pdd was stopped (timeout-minutes-per-group)';
    if (run.cancelled)
        return 'cancelled: the run was stopped';
    const pdd = failureReason(view, report);
    if (run.code !== 0)
        return `pdd exited ${String(run.code)}: ${pdd}`;
    if (view.overall === 'Success' && next)
        return `PDD reported success, but the unit still needs ${next}`;
    return pdd;
}
/** PDD prints a cost per language in its table; otherwise the group's cost is split evenly. */
function unitCost(parsed, language, groupCost, n) {
    const row = parsed.languages.find(r => r.language.toLowerCase() === language.toLowerCase());
    if (row?.cost !== null && row?.cost !== undefined)
        return row.cost;
    return groupCost === null ? null : Math.round((groupCost / Math.max(1, n)) * 1e6) / 1e6;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/pdd-argv.js
/**
 * The one place that turns settings into a `pdd sync` command line and its environment (docs/architecture.md step 5,
 * as PDD launches its own child syncs: `pdd/agentic_sync_runner.py` `_build_command`, `_build_env`). Pure: no process, no file system.
 */
/**
 * The agent providers PDD 0.0.310 knows (`_DEFAULT_PROVIDER_PREFERENCE` in `pdd/agentic_common.py`). Listing
 * them in `PDD_AGENTIC_DISABLED_PROVIDERS` makes `run_agentic_task` — the only way PDD starts an agent CLI —
 * drop every one ("All agent providers failed permanently earlier this run"), so no spend escapes the ledger.
 */
const AGENT_PROVIDERS = ['anthropic', 'google', 'openai', 'opencode'];
/** Environment PDD gets for every sync, whatever the settings (as `pdd/agentic_sync_runner.py` `_build_env` and `pdd/ci_drift_heal.py` do). */
const BASE_ENV = {
    CI: '1',
    PDD_FORCE: '1',
    PDD_NO_INTERACTIVE: '1',
    PDD_AUTO_UPDATE: 'false',
    PDD_SUPPRESS_SETUP_REMINDER: '1',
    NO_COLOR: '1',
    TERM: 'dumb',
    PYTHONUNBUFFERED: '1',
    // Rich wraps at 80 columns when stdout is not a terminal, which splits PDD's final Details cell over many
    // table rows; a wider console keeps most reasons on one line. PDD itself drops COLUMNS for the tests it runs.
    COLUMNS: '200'
};
/**
 * Builds `pdd --force [--local] [--context C] [--strength S] [--temperature T] sync --budget B --max-attempts N
 * [--skip-verify] [--skip-tests] [--target-coverage X] --no-steer <basename>` and its environment.
 * Throws an Error naming the option when a number is out of the range PDD accepts.
 */
function buildSyncInvocation(opts) {
    validate(opts);
    const globals = ['--force'];
    if (opts.local)
        globals.push('--local');
    if (opts.context !== undefined)
        globals.push('--context', opts.context);
    if (opts.strength !== undefined)
        globals.push('--strength', num(opts.strength));
    if (opts.temperature !== undefined)
        globals.push('--temperature', num(opts.temperature));
    const sync = ['sync', '--budget', num(opts.budget), '--max-attempts', String(opts.maxAttempts)];
    if (opts.skipVerify)
        sync.push('--skip-verify');
    if (opts.skipTests)
        sync.push('--skip-tests');
    if (opts.targetCoverage !== undefined)
        sync.push('--target-coverage', num(opts.targetCoverage));
    // `--` would be safer against a basename starting with '-', but no prompt file name can make one.
    sync.push('--no-steer', opts.basename);
    const env = { ...BASE_ENV, PDD_OUTPUT_COST_PATH: opts.costFile };
    if (opts.local)
        env.PDD_FORCE_LOCAL = '1';
    if (!opts.agenticFallback) {
        env.PDD_AGENTIC_DISABLED_PROVIDERS = AGENT_PROVIDERS.map(p => `${p}:disabled-by-pdd-sync`).join(',');
    }
    return { argv: [...opts.command, ...globals, ...sync], env };
}
function validate(opts) {
    if (opts.command.length === 0 || opts.command.some(a => a === '')) {
        throw new Error(`pdd-command: expected an executable and its arguments, got ${JSON.stringify(opts.command)}`);
    }
    if (opts.basename === '' || opts.basename.startsWith('-')) {
        throw new Error(`basename: expected a unit basename, got ${JSON.stringify(opts.basename)}`);
    }
    if (!(Number.isFinite(opts.budget) && opts.budget > 0)) {
        throw new Error(`budget: expected a number of dollars > 0, got ${opts.budget}`);
    }
    if (!(Number.isInteger(opts.maxAttempts) && opts.maxAttempts >= 0)) {
        throw new Error(`max-attempts: expected an integer ≥ 0, got ${opts.maxAttempts}`);
    }
    inRange('strength', opts.strength, 0, 1);
    inRange('temperature', opts.temperature, 0, 2);
    inRange('target-coverage', opts.targetCoverage, 0, 100);
    if (opts.context !== undefined && (opts.context === '' || opts.context.startsWith('-'))) {
        throw new Error(`context: expected a .pddrc context name, got ${JSON.stringify(opts.context)}`);
    }
    if (opts.costFile === '')
        throw new Error('cost file: expected a path for PDD_OUTPUT_COST_PATH');
}
function inRange(name, value, min, max) {
    if (value === undefined)
        return;
    if (!(Number.isFinite(value) && value >= min && value <= max)) {
        throw new Error(`${name}: expected a number from ${min} to ${max}, got ${value}`);
    }
}
/** Decimal text Click's FLOAT parses (never exponent notation such as `1e-7`). */
function num(n) {
    const s = String(n);
    return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/failure-files.js


/** Each file PDD writes for a failed sync is kept up to this size (a debug snapshot is usually far smaller). */
const MAX_KEPT_FILE_BYTES = 5 * 1024 * 1024;
/**
 * The files PDD leaves in the project folder of a sync that went wrong (pdd-cli 0.0.310,
 * `sync_orchestration.py` and `core/dump.py`), relative to the project: the crash and fix error logs it hands to
 * its repair loops, the verify and fix results, its debug snapshots ("Debug snapshot saved … (attach when
 * reporting bugs)", `.pdd/core_dumps/pdd-core-*.json`) and each unit's sync log in its state folder.
 */
function failureFiles(project, members) {
    const top = failure_files_list(project).filter(f => f === 'crash.log' || f === 'fix_errors.log' || /_(verify|fix)_results\.log$/.test(f));
    const dumps = failure_files_list(external_node_path_.join(project, '.pdd', 'core_dumps'))
        .filter(f => /^pdd-core-.*\.json$/.test(f))
        .map(f => `.pdd/core_dumps/${f}`);
    const logs = [...new Set(members.map(m => m.unit.metaDir))].flatMap(dir => failure_files_list(external_node_path_.join(project, dir))
        .filter(f => f.endsWith('_sync.log'))
        .map(f => external_node_path_.posix.join(dir, f)));
    return [...top, ...dumps, ...logs].filter(f => isSmallFile(external_node_path_.join(project, f)));
}
/**
 * Copies {@link failureFiles} into `dest` (keeping their relative paths) before the worktree is removed. Never
 * throws: what cannot be copied is left out of the log artifact.
 */
function keepFailureFiles(project, dest, members) {
    const kept = [];
    for (const f of failureFiles(project, members)) {
        try {
            const to = external_node_path_.join(dest, 'pdd-files', f);
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(to), { recursive: true });
            (0,external_node_fs_.copyFileSync)(external_node_path_.join(project, f), to);
            kept.push(f);
        }
        catch {
            // Left out of the artifact.
        }
    }
    return kept;
}
function failure_files_list(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return [];
    }
}
/** A regular file (never a link: it could point anywhere on the runner) within the size limit. */
function isSmallFile(file) {
    try {
        const st = (0,external_node_fs_.lstatSync)(file);
        return st.isFile() && st.size <= MAX_KEPT_FILE_BYTES;
    }
    catch {
        return false;
    }
}
/**
 * Copies the files of a paid group whose commit could not be made or put on the bot branch (a full disk, a git
 * error) into `dest/unlanded/`, under their repository-relative paths, before its worktree is scrubbed: true when
 * every one of them that is a regular file was copied. Never throws.
 */
function keepUnlandedFiles(root, paths, dest) {
    let all = true;
    for (const p of paths) {
        const from = external_node_path_.join(root, p);
        if (!isRegularFile(from))
            continue;
        try {
            const to = external_node_path_.join(dest, 'unlanded', p);
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(to), { recursive: true });
            (0,external_node_fs_.copyFileSync)(from, to);
        }
        catch {
            all = false;
        }
    }
    return all;
}
function isRegularFile(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/live-log.js
/**
 * What a person watching the Actions log sees of one group's sync (docs/architecture.md "Logs"): a line when it
 * starts, PDD's lines live as they arrive (prefixed with the group, PDD's INFO/DEBUG logging left out), heartbeats
 * that name PDD's current phase, and at the end one collapsed group whose title carries the outcome and which
 * holds the same filtered lines. The whole output, unfiltered, goes to a file kept for the run's log artifact.
 * Everything goes through the caller's reporter, which redacts.
 */

// eslint-disable-next-line no-control-regex -- terminal colour codes are what is stripped
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
/**
 * Python logging records at INFO or DEBUG, as PDD's modules and LiteLLM format them: `2026-12-06 18:00:00,123 -
 * pdd.llm_invoke - INFO - …`, `INFO: …`, `DEBUG:name:…`, `18:00:00 - LiteLLM:INFO: utils.py:… - …`.
 */
const NOISE = [
    /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s+-\s+(?:\S+\s+-\s+)?(?:DEBUG|INFO)\s+-\s/,
    /^(?:DEBUG|INFO)(?::|\s+-\s)/,
    /\bLiteLLM(?:\s+\w+)?:(?:DEBUG|INFO)\b/
];
/** Whether a line of PDD's output is its INFO/DEBUG logging (kept in the artifact, not shown in the log). */
function isNoise(line) {
    const plain = line.replace(ANSI, '').trim();
    return NOISE.some(re => re.test(plain));
}
/** The phase a `PDD_PHASE: <name>` marker names (`sync_orchestration.py` prints one per operation), or null. */
function phaseOf(line) {
    const m = /^PDD_PHASE:\s*(\S.*)$/.exec(line.replace(ANSI, '').trim());
    return m?.[1]?.trim() ?? null;
}
const money = (n) => n === null || n === undefined ? 'cost unknown' : `$${n.toFixed(4)}`;
/** `▶ calculator: calculator_python, calculator_typescript · est. $0.0300 · admitted $0.0450`. */
function startLine(basename, units, estimate, admitted) {
    return `▶ ${basename}: ${units.join(', ')} · est. ${money(estimate)} · admitted ${money(admitted)}`;
}
/** What became of one unit, in a few words (`synced`, `crash failed`, `timed out`). */
function unitOutcome(u) {
    if (u.status !== 'failed')
        return u.status;
    if (/^timed out/.test(u.reason))
        return 'timed out';
    if (/^cancelled/.test(u.reason))
        return 'cancelled';
    const last = u.operations.at(-1);
    return last ? `${last} failed` : 'failed';
}
/**
 * The title of a finished group: `✅ backend/report · synced · $0.0016 · 17.5 s`, `❌ calculator · crash failed ·
 * …`; a group whose languages ended differently names each (`⚠️ calc · python synced, typescript fix failed · …`).
 */
function outcomeTitle(basename, units, cost, seconds) {
    const synced = units.filter(u => u.status === 'synced').length;
    const icon = synced === units.length && synced > 0 ? '✅' : synced === 0 ? '❌' : '⚠️';
    const each = units.map(unitOutcome);
    const what = new Set(each).size <= 1
        ? (each[0] ?? 'nothing ran')
        : units.map((u, i) => `${u.language} ${each[i]}`).join(', ');
    return `${icon} ${basename} · ${what} · ${money(cost)} · ${seconds.toFixed(1)} s`;
}
/** Lines kept for the group printed at the end (the live lines are not limited). */
const KEPT = 5000;
/** One group's log: live lines, heartbeats, the closing group and the full output file. */
class GroupLog {
    basename;
    reporter;
    shown = [];
    phase = null;
    file;
    hidden = 0;
    /** `fullLog`: where the whole output is written (for the artifact), or undefined to keep none. */
    constructor(basename, reporter, fullLog) {
        this.basename = basename;
        this.reporter = reporter;
        this.file = fullLog === undefined ? null : (0,external_node_fs_.createWriteStream)(fullLog, { flags: 'a' });
        // A file that cannot be written must not stop the sync: the log artifact then lacks it.
        this.file?.on('error', () => undefined);
    }
    /** One line of PDD's output, as it arrives. */
    line(stream, line) {
        this.file?.write(stream === 'stderr' ? `[stderr] ${line}\n` : `${line}\n`);
        const phase = phaseOf(line);
        if (phase !== null)
            this.phase = phase;
        if (isNoise(line)) {
            this.hidden++;
            return;
        }
        this.reporter.info(`[${this.basename}] ${line}`);
        if (this.reporter.folds === true && this.shown.length < KEPT)
            this.shown.push(line);
    }
    /** `[calculator] still running after 60 s, phase crash (admitted $0.05)`. */
    heartbeat(elapsedMs, admitted) {
        const phase = this.phase === null ? '' : `, phase ${this.phase}`;
        this.reporter.info(`[${this.basename}] still running after ${Math.round(elapsedMs / 1000)} s${phase} (admitted ${money(admitted)})`);
    }
    /** The last phase PDD named, if any. */
    get currentPhase() {
        return this.phase;
    }
    /**
     * Prints the group titled with the outcome; closes the file. Where groups fold (the Actions log) it holds the
     * filtered lines again, so that each group's output is one click away after the interleaved live lines; on a
     * terminal, which shows a group inline, the lines were just printed live and are not repeated.
     */
    async finish(title) {
        const shown = this.reporter.folds === true ? this.shown : [];
        const hidden = this.hidden;
        await this.reporter.group(title, () => {
            for (const l of shown)
                this.reporter.info(l);
            if (shown.length === KEPT)
                this.reporter.info(`… more lines in the log artifact`);
            if (hidden > 0)
                this.reporter.info(`(${hidden} INFO/DEBUG line(s) of PDD's logging left out; see the log artifact)`);
            return Promise.resolve();
        });
        await this.close();
    }
    /** Closes the full-output file (every line written so far is in it). */
    close() {
        const file = this.file;
        if (file === null || file.writableEnded)
            return Promise.resolve();
        return new Promise(resolve => file.end(() => resolve()));
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/stragglers.js

/** Environment variable that marks every process one group's `pdd sync` starts, however deep. */
const GROUP_TOKEN_ENV = 'PDD_SYNC_GROUP_TOKEN';
/**
 * Kills what a sync left running. PDD starts pytest and the example programs with `start_new_session=True`
 * (`pdd/pytest_output.py`, `pdd/sync_orchestration.py`), so killing pdd's process group does not reach them: a
 * sync stopped by its timeout left pytest running, orphaned, in the deleted worktree. They all inherit the
 * group's token in their environment; this finds them in /proc and SIGKILLs them, a few rounds in case one forked
 * meanwhile. Linux only: without /proc it finds nothing. Returns the pids killed.
 */
async function killStragglers(token, rounds = 3) {
    const needle = `${GROUP_TOKEN_ENV}=${token}\0`;
    const killed = new Set();
    for (let i = 0; i < rounds; i++) {
        const found = marked(needle);
        if (found.length === 0)
            break;
        for (const pid of found) {
            try {
                process.kill(pid, 'SIGKILL');
                killed.add(pid);
            }
            catch {
                // Gone meanwhile.
            }
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    return [...killed];
}
/**
 * Pids whose environment holds `needle` (a `KEY=value\0` entry). Zombies have no readable environment. Read
 * synchronously: a few hundred small /proc reads take milliseconds, where the same reads through the thread pool
 * wait for it once each, which on a loaded runner put a tenth of a second on every group.
 */
function marked(needle) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return [];
    }
    const hits = [];
    for (const p of names) {
        if (!/^\d+$/.test(p) || Number(p) === process.pid)
            continue;
        try {
            if (`\0${(0,external_node_fs_.readFileSync)(`/proc/${p}/environ`, 'latin1')}`.includes(`\0${needle}`))
                hits.push(Number(p));
        }
        catch {
            // Gone, or not ours to read.
        }
    }
    return hits;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/group.js















/** The group's time limit: its own, cut to what is left before the run's deadline (at least a second). */
function timeoutOf(ctx) {
    if (ctx.deadline === undefined)
        return ctx.timeoutMs;
    return Math.max(1000, Math.min(ctx.timeoutMs, ctx.deadline - Date.now()));
}
/**
 * Runs `pdd sync <basename>` for one group in a worktree of its own at `base` (worktree-pool.ts; with `anyBase`,
 * at whatever commit of the bot branch an idle worktree is: the group then depends on no other group of the
 * run, its commit is replayed onto the bot branch either way): restores the
 * recorded state and runs PDD. Resolves as soon as pdd ended, with what it booked, so that the next group can
 * start; `run` then judges each language by post-conditions (the planner must say it needs nothing), commits
 * exactly the synced units' own files and gives the worktree back. Failure is data, never an exception.
 */
async function runGroup(ctx, members, from, admitted, timer, anyBase = false) {
    const basename = members[0]?.unit.basename ?? '';
    const place = await ctx.places.acquire(from, anyBase).catch((e) => {
        throw new GroupNotStarted(e);
    });
    const base = place.head;
    timer?.mark('worktree');
    const logs = ctx.logDir === undefined ? undefined : logFolder(ctx.logDir, basename);
    const live = new GroupLog(basename, ctx.reporter, logs && external_node_path_.join(logs, 'pdd-output.log'));
    const g = {
        ctx,
        members,
        basename,
        base,
        place,
        live,
        logs,
        project: external_node_path_.join(place.dir, ctx.projectPrefix)
    };
    let held = true;
    const giveBack = async (head) => {
        if (!held)
            return;
        held = false;
        await live.close();
        ctx.places.release(place, head);
    };
    try {
        const known = heldBefore(place.dir, ctx.projectPrefix, members);
        const links = promptLinks(g.project, members);
        const outside = restoreAll(g.project, members);
        if (outside !== null) {
            await giveBack(base);
            return { cost: 0, run: Promise.resolve(refusedGroup(members, outside, base)), release: giveBack };
        }
        if (ctx.nodeModules)
            (0,runtime_install/* linkNodeModules */.C9)(place.scratch, ctx.nodeModules);
        for (const p of ctx.hiddenPrompts?.get(basename) ?? [])
            (0,external_node_fs_.rmSync)(external_node_path_.join(g.project, p), { force: true });
        const tracked = await trackedMeta(ctx, place.wt, members);
        await ctx.startGate?.catch((e) => {
            throw new GroupNotStarted(e);
        });
        timer?.mark('restore');
        const started = Date.now();
        const synced = await syncInWorktree(ctx, { ...g, scratch: place.scratch, admitted }, timer);
        // Nothing the sync left running may touch the worktree once it is judged: the sweep comes first.
        const run = synced.swept.then(() => finishGroup(g, { ...synced, tracked, known, links, started }, timer));
        return { cost: synced.cost, run, release: giveBack };
    }
    catch (e) {
        await giveBack(base);
        throw e;
    }
}
/** A group that failed before its pdd started (its worktree could not be made): nothing was spent. */
class GroupNotStarted extends Error {
    cause;
    constructor(cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
        this.name = 'GroupNotStarted';
    }
}
/** The verdict and commit of a group whose pdd ended. */
async function finishGroup(g, sync, timer) {
    const { ctx, members, basename, project } = g;
    const { run, parsed, cost } = sync;
    const judged = await judge({ ...ctx, promptLinks: sync.links }, project, members, parsed, run);
    timer?.mark('verdict');
    const duration = Math.round((Date.now() - sync.started) / 100) / 10;
    const { pending, kept, synced, refused } = commitJudged({
        ...ctx,
        wt: g.place.wt,
        basename,
        tracked: sync.tracked,
        known: sync.known,
        promptLinks: sync.links,
        cost
    }, judged);
    timer?.mark('commit');
    const units = judged.map(j => ({
        ...j.result,
        // A file holding a secret is never committed: the units it would have carried failed, with what was paid.
        ...(refused && (synced.includes(j) || kept.includes(j))
            ? { status: 'failed', reason: refused }
            : {}),
        duration,
        cost: unitCost(parsed, j.unit.language, cost, members.length),
        // Partial once its files are committed; the landing takes it back if they held no change.
        ...(pending && kept.includes(j) ? { partial: true } : {})
    }));
    await g.live.finish(outcomeTitle(basename, units, cost, duration));
    if (g.logs && units.some(u => u.status === 'failed'))
        keepFailureFiles(project, g.logs, members);
    return { units, cost, commit: null, base: g.base, ...(pending ? { pending } : {}) };
}
/** The members' `.pdd/meta` folders (repository-relative) that the repository tracks. */
async function trackedMeta(ctx, wt, members) {
    const dirs = [...new Set(members.map(m => external_node_path_.posix.join(ctx.projectPrefix, m.unit.metaDir)))];
    const known = ctx.trackedMeta ?? new Map();
    const asked = dirs.filter(d => !known.has(d));
    if (asked.length > 0) {
        const answer = wt.trackedUnder(asked);
        for (const d of asked)
            known.set(d, answer.then(list => list.includes(d)));
        // A git error is this group's (an infrastructure failure); the next group asks again.
        answer.catch(() => asked.forEach(d => known.delete(d)));
    }
    const flags = await Promise.all(dirs.map(d => known.get(d)));
    return new Set(dirs.filter((_, i) => flags[i]));
}
/**
 * Runs `pdd … sync <basename>` in the worktree; returns how it ended, its parsed output, the cost it booked and
 * `swept`: the sweep of what it left running (stragglers.ts), started on the next turn of the event loop so that
 * the slot's next group spawns its pdd first (the sweep reads all of /proc: milliseconds the slot would sit idle).
 */
async function syncInWorktree(ctx, g, timer) {
    // The worktree (and its scratch folder) served other groups before: only this group's costs count.
    const costFile = external_node_path_.join(g.scratch, 'cost.csv');
    (0,external_node_fs_.rmSync)(costFile, { force: true });
    const inv = buildSyncInvocation({ ...ctx.invocation, basename: g.basename, budget: g.admitted, costFile });
    const [file, ...args] = inv.argv;
    const token = (0,external_node_crypto_.randomUUID)();
    timer?.mark('spawn');
    const run = await (0,pdd_process/* runPdd */.WF)({
        argv: [file, ...args],
        cwd: g.project,
        env: { ...ctx.env, ...inv.env, [GROUP_TOKEN_ENV]: token },
        timeoutMs: timeoutOf(ctx),
        signal: ctx.signal,
        onLine: (s, line) => g.live.line(s, line),
        onHeartbeat: ms => g.live.heartbeat(ms, g.admitted)
    }).catch(async (e) => {
        // pdd could not be run or watched: sweep now, before the error leaves the group.
        await killStragglers(token);
        throw e;
    });
    timer?.mark('pdd');
    const swept = new Promise(resolve => setImmediate(resolve))
        .then(() => killStragglers(token))
        .then(() => timer?.mark('stragglers'));
    const parsed = parseSyncOutput(run.stdout, run.stderrTail.join('\n'));
    return { run, parsed, cost: spentBy({ ...run, argv: inv.argv }, parsed, readOrNull(costFile)), swept };
}
/** `<logDir>/<basename with / as __>/`, made. */
function logFolder(logDir, basename) {
    const dir = external_node_path_.join(logDir, basename.replace(/[^A-Za-z0-9._-]/g, '__'));
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return dir;
}
function readOrNull(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/execute/group-timing.js
var group_timing = __webpack_require__(7549);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/group-runner.js
/**
 * What the scheduler runs for each group (docs/architecture.md "Performance"): the group's sync, handed back as
 * soon as pdd ended (its cost booked, its slot free for the next group), then its verdict, commit and landing on
 * the bot branch beside the next group's sync; its worktree goes back to the pool at the bot branch's new head.
 */





/** The scheduler's `run`: one group, from the bot branch's head when it starts. */
function groupRunner(r) {
    return async (g, admission) => {
        r.reporter.info(startLine(g.id, g.units, g.estimate, admission.amount));
        const timer = (0,group_timing/* groupTimer */.Z)(g.id, r.planOptions.env, r.reporter);
        const base = r.bot.head;
        const members = r.members.get(g.id) ?? [];
        const paid = await runGroup(r.ctx, members, base, admission.amount, timer, !r.dependent.has(g.id)).catch((e) => ({
            // Unknown (the whole admission is booked) unless pdd never started.
            cost: e instanceof GroupNotStarted ? 0 : null,
            run: Promise.resolve(infrastructureFailure(r.planned, g, base, e, e instanceof GroupNotStarted ? 0 : null)),
            release: () => Promise.resolve()
        }));
        timer.mark('paid');
        // The slot is free now: the verdict, commit and landing go on beside the next group's sync.
        const outcome = paid.run
            .catch((e) => infrastructureFailure(r.planned, g, base, e, paid.cost))
            .then(async (run) => {
            await r.bot.land(run).catch((e) => notLanded(run, e, keepUnlanded(r.ctx, g.id, run)));
            timer.mark('land');
            r.runs.set(g.id, run);
            r.finished.push(...run.units);
            r.onProgress?.({ head: r.bot.head, units: r.finished.map(u => ({ ...u })) });
            const synced = run.units.filter(u => u.status === 'synced').map(u => u.id);
            return { ok: synced.length === run.units.length, synced, cost: run.cost };
        })
            .finally(() => paid.release(r.bot.head).finally(() => (timer.mark('released'), timer.done())));
        return { paid: true, cost: paid.cost, outcome };
    };
}
/**
 * A group whose run broke outside PDD (git, the file system): every unit failed, with the error as reason; `cost`
 * is what its pdd booked if it ran.
 */
function infrastructureFailure(p, g, base, e, cost = null) {
    const reason = reasonOf(e);
    return {
        units: notRun(p, g, 'failed', reason).map(u => ({ ...u, cost: null })),
        cost,
        commit: null,
        base
    };
}
/** The one-line reason of a group that could not run. */
function reasonOf(e) {
    return `could not run the group: ${e instanceof Error ? e.message : String(e)}`.split('\n')[0] ?? '';
}
/**
 * A group whose commit could not be put on the bot branch (a git error): its synced units are failed (their
 * files are not on the branch), their cost stays (it was paid); `kept` says where their files are.
 */
function notLanded(run, e, kept) {
    const error = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const why = `its commit could not be put on the bot branch: ${error}${kept}`;
    for (const u of run.units) {
        if (u.status !== 'synced' && !u.partial)
            continue;
        Object.assign(u, { status: 'failed', reason: why });
        delete u.partial;
        delete u.commit;
    }
    run.commit = null;
}
/**
 * Paid work is never lost: the files of a group whose commit failed go to the run's log folder (the action's
 * log artifact) before the worktree is scrubbed. What the reason then says about them.
 */
function keepUnlanded(ctx, basename, run) {
    const p = run.pending;
    if (!p || ctx.logDir === undefined)
        return '';
    try {
        const dest = logFolder(ctx.logDir, basename);
        if (keepUnlandedFiles(p.wt.root, p.paths, dest))
            return `; its files are kept in the run's logs (${external_node_path_.basename(dest)}/unlanded/)`;
    }
    catch {
        // Said below.
    }
    return "; its files could not all be copied to the run's logs";
}
/** Results of the units of a group that did not run. */
function notRun(p, g, status, reason) {
    return g.units.map(id => {
        const language = p.units.get(id)?.unit.language ?? '';
        return { id, basename: g.id, language, status, operations: [], cost: 0, reason };
    });
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/schedule.js
/**
 * Runs groups in dependency and priority order, at most `concurrency` at once, each admitted by the ledger
 * before it starts. A group whose dependency did not succeed is skipped; a group that does not fit is skipped
 * (after waiting for running groups when their unspent reservations would make it fit). A group that returned
 * a {@link PaidGroup} leaves its slot when paid; at most `concurrency` more groups finish in the background.
 */
async function schedule(opts) {
    return new Scheduler(opts).runAll();
}
/** The state of one {@link schedule} call. */
class Scheduler {
    opts;
    results = new Map();
    known;
    pending;
    running = new Map();
    /** Groups paid for (booked, slot free) whose outcome is not final yet. */
    finishing = new Map();
    /** Set by the `ordered` policy once a group did not fit: why every later group is skipped. */
    stopped = null;
    ignoreDeps = new Set();
    constructor(opts) {
        this.opts = opts;
        this.known = new Set(opts.groups.map(g => g.id));
        this.pending = [...opts.groups];
    }
    async runAll() {
        let told = false;
        while (this.pending.length > 0 || this.busy() > 0) {
            const progressed = this.admitPending();
            if (this.pending.length === 0 && !told) {
                told = true;
                this.opts.onAllStarted?.();
            }
            if (!progressed && this.busy() === 0 && this.pending.length > 0) {
                // Only groups waiting on each other remain (a cycle): run them in order, dependencies ignored.
                this.ignoreDeps.add(this.pending[0].id);
                continue;
            }
            if (this.busy() > 0 && !progressed)
                await Promise.race([...this.running.values(), ...this.finishing.values()]);
        }
        return this.opts.groups.map(g => this.results.get(g.id));
    }
    /** One pass over the pending groups while there is room; true when any of them left the queue. */
    admitPending() {
        let progressed = false;
        for (let i = 0; i < this.pending.length && this.hasRoom(); i++) {
            const step = this.consider(this.pending[i]);
            if (step === 'wait')
                continue;
            if (step === 'full')
                break; // wait for reservations to come back
            this.pending.splice(i--, 1);
            progressed = true;
        }
        return progressed;
    }
    consider(g) {
        const deps = this.ignoreDeps.has(g.id) ? [] : g.dependsOn.filter(d => this.known.has(d) && d !== g.id);
        const failedDep = deps.find(d => this.results.has(d) && !succeeded(this.results.get(d), g.needs));
        if (failedDep)
            return this.skip(g, 'skipped-dependency', `depends on ${failedDep}, which did not sync`);
        if (deps.some(d => !this.results.has(d)))
            return 'wait';
        const signal = this.opts.signal;
        if (signal?.aborted) {
            const reason = typeof signal.reason === 'string' ? signal.reason : 'the run was cancelled before it started';
            return this.skip(g, 'skipped-budget', reason);
        }
        if (this.stopped !== null)
            return this.skip(g, 'skipped-budget', this.stopped);
        return this.admitOrSkip(g);
    }
    admitOrSkip(g) {
        const { ledger, calibration } = this.opts;
        const estimate = calibration ? calibration.estimateOf(g.estimate) : g.estimate;
        const admission = this.admit(g, estimate);
        if (admission) {
            this.running.set(g.id, this.start(g, admission));
            return 'settled';
        }
        if (this.running.size > 0 && ledger.couldFit(estimate))
            return 'full';
        const reason = `estimated $${estimate.toFixed(2)} exceeds the $${ledger.available.toFixed(2)} left of the budget`;
        this.skip(g, 'skipped-budget', reason);
        if (this.opts.policy === 'ordered')
            this.stopped = `not started: an earlier group did not fit the budget (${reason})`;
        return 'settled';
    }
    skip(g, kind, reason) {
        this.results.set(g.id, { group: g, ran: false, notRun: { kind, reason } });
        return 'settled';
    }
    /** Groups running or finishing. */
    busy() {
        return this.running.size + this.finishing.size;
    }
    /** A slot is free, and no more than `concurrency` paid groups are still finishing. */
    hasRoom() {
        return this.running.size < this.limit() && this.busy() < 2 * this.limit();
    }
    limit() {
        return this.opts.calibration?.active ? 1 : Math.max(1, this.opts.concurrency);
    }
    admit(g, estimate) {
        const c = this.opts.calibration;
        if (!c?.active)
            return this.opts.ledger.admit(g.id, estimate);
        const a = this.opts.ledger.admitRest(g.id, estimate);
        if (a)
            c.started(g.id);
        return a;
    }
    start(g, admission) {
        const { ledger, calibration } = this.opts;
        return this.opts
            .run(g, admission)
            .catch((e) => ({ ok: false, cost: null, error: e }))
            .then(first => {
            ledger.book(g.id, first.cost);
            calibration?.observe(g.estimate, first.cost);
            this.running.delete(g.id);
            if (!('paid' in first)) {
                this.results.set(g.id, { group: g, ran: true, admission, outcome: first });
                return;
            }
            const final = first.outcome
                .catch((e) => ({ ok: false, cost: first.cost, error: e }))
                .then(outcome => {
                this.results.set(g.id, { group: g, ran: true, admission, outcome });
                this.finishing.delete(g.id);
            });
            this.finishing.set(g.id, final);
        });
    }
}
function succeeded(s, needs) {
    if (s === undefined || !s.ran)
        return false;
    const needed = needs?.filter(u => s.group.units.includes(u)) ?? [];
    if (needed.length === 0)
        return s.outcome.ok;
    const synced = s.outcome.synced ?? (s.outcome.ok ? s.group.units : []);
    return needed.every(u => synced.includes(u));
}

// EXTERNAL MODULE: ./build/tmp/js/src/adapters/temp.js
var temp = __webpack_require__(9518);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/bot-branch.js
/**
 * The bot branch a run's group commits land on, one at a time (docs/architecture.md "Performance"): a group's
 * commit is made when its turn comes, on the branch's head when no group that landed since the group's base
 * touched its files (a fast-forward: no replay), else on its base and replayed.
 */



/** The local bot branch, rebuilt from the run's base; `head` is where it is now. */
class BotBranch {
    git;
    ref;
    head;
    identity;
    base;
    replaying = Promise.resolve();
    /** Every landing of this run, oldest first. */
    landings = [];
    constructor(git, ref, head, identity, base = head) {
        this.git = git;
        this.ref = ref;
        this.head = head;
        this.identity = identity;
        this.base = base;
    }
    /**
     * Settles once the branch points at the run's base ({@link start}); rejects with git's error when it could not
     * be moved there. Landings wait for it.
     */
    ready = Promise.resolve();
    /** Points `refs/heads/<branch>` at `base` (whatever it held before). */
    static async reset(git, branch, base, identity) {
        const bot = BotBranch.start(git, branch, base, identity);
        await bot.ready;
        return bot;
    }
    /**
     * {@link reset}, not waited for: the branch is moved to `base` while the first groups get their worktrees
     * ready (docs/architecture.md "Performance"); `ready` says when it has. The caller keeps every pdd from
     * starting until then, so that no paid work is made for a branch that could not be reset.
     */
    static start(git, branch, base, identity) {
        const ref = `refs/heads/${branch}`;
        const bot = new BotBranch(git, ref, base, identity);
        bot.ready = git.commitOf(ref).then(old => git.updateRef(ref, base, old));
        bot.replaying = bot.ready.catch(() => undefined);
        return bot;
    }
    /**
     * Lands a group: makes its pending commit, if any, then moves the branch to include it. Landings are
     * serialised: each lands on the head the previous one left. A land that throws (a git error) rejects its own
     * promise only: the next group still lands, on the head left before it.
     */
    land(run) {
        const landed = this.replaying.then(async () => {
            const head = this.head;
            if (run.pending)
                await this.commit(run, run.pending, head);
            this.head = await land(this.git, this.ref, run, head, this.identity);
            if (this.head !== head)
                this.landings.push({ head: this.head, paths: pathsOf(run.pending) });
        });
        this.replaying = landed.catch(() => undefined);
        return landed;
    }
    /**
     * Makes a group's commit in its worktree: on `head` when no landing since the group's base touched its paths
     * (the landing is then a fast-forward), else on the base (replayed by {@link land}); never on a commit pdd made. A commit that holds no
     * change takes back the `partial` marks (nothing of the failed units was committed).
     */
    async commit(run, p, head) {
        const onHead = this.untouchedSince(run.base, p.paths);
        // On the group's base, not wherever the worktree's HEAD is: pdd (or generated code) may have committed there.
        run.commit = await p.wt.commitPathsOnto(onHead ? head : run.base, p.paths, p.message, p.identity, p.author, p.known);
        if (onHead && run.commit)
            run.base = head;
        if (!run.commit)
            for (const u of run.units)
                delete u.partial;
    }
    /** Whether no landing after `base` (a head this branch was at) may have changed any of `paths`. */
    untouchedSince(base, paths) {
        const from = base === this.base ? 0 : this.landings.findIndex(l => l.head === base) + 1;
        if (from === 0 && base !== this.base)
            return false;
        return this.landings.slice(from).every(l => l.paths !== null && !paths.some(p => l.paths?.has(p)));
    }
}
function pathsOf(p) {
    return p ? new Set(p.paths) : null;
}
/** Moves the bot branch to include a group's commit; a replay conflict fails the group's synced units. */
async function land(git, ref, run, head, who) {
    if (!run.commit)
        return head;
    let next = run.commit;
    if (run.base !== head)
        next = await git.replayWithoutWorktree(run.commit, head, who);
    if (next === undefined) {
        const scratch = await git.addWorktree(external_node_path_.join((0,temp/* scratchRoot */.P)(), `pdd-sync-replay-${(0,external_node_crypto_.randomUUID)()}`), head);
        try {
            next = await scratch.replay(run.commit, head, who);
        }
        finally {
            await git.removeWorktree(scratch.root);
        }
    }
    if (!next) {
        for (const u of run.units) {
            if (u.status === 'synced')
                Object.assign(u, {
                    status: 'conflict',
                    reason: 'replay conflict: another group changed the same files'
                });
        }
        return head;
    }
    await git.updateRef(ref, next, head);
    for (const u of run.units)
        if (u.status === 'synced' || u.partial)
            u.commit = next;
    return next;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/groups-of.js


/** Groups (one per basename) of the units that have work, in plan order, with group-level dependencies. */
function groupsOf(p, cannotRun) {
    const groups = new Map();
    const members = new Map();
    const planned = new Map(p.plan.units.map(u => [u.id, u]));
    for (const u of p.plan.units) {
        if (!(0,types/* hasWork */.OJ)(u.operation) || cannotRun.has(u.id))
            continue;
        const g = groups.get(u.basename) ?? { id: u.basename, units: [], dependsOn: [], estimate: 0 };
        g.units.push(u.id);
        g.estimate = dollars(g.estimate + u.estimatedCost);
        for (const d of u.dependsOn) {
            // Only a dependency that has work can hold this group back; one in sync already is satisfied.
            const dep = planned.get(d);
            if (!dep || (0,types/* isInSync */.tU)(dep.operation) || dep.basename === u.basename)
                continue;
            if (!g.dependsOn.includes(dep.basename))
                g.dependsOn.push(dep.basename);
            g.needs = [...(g.needs ?? []), d];
        }
        groups.set(u.basename, g);
        const entry = p.units.get(u.id);
        if (entry)
            members.set(u.basename, [...(members.get(u.basename) ?? []), entry]);
    }
    return { groups: [...groups.values()], members };
}
/**
 * On a schedule, the groups whose last successful sync is oldest go first (never synced: first of all), so a
 * budget that runs out leaves the most recently synced units waiting. Dependency order still applies on top.
 */
function prioritiseStalest(groups, p) {
    const lastSynced = (id) => p.history.forUnit(id).find(e => e.unit.status === 'synced')?.createdAt ?? '';
    const key = new Map(groups.map(g => [g.id, g.units.map(lastSynced).sort()[0] ?? '']));
    groups.sort((a, b) => (key.get(a.id) ?? '') < (key.get(b.id) ?? '') ? -1 : (key.get(a.id) ?? '') > (key.get(b.id) ?? '') ? 1 : 0);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/runtime-skips.js

/**
 * The units that cannot run on this runner (`missing`: id → reason) and, in plan order, the units with work that
 * depend on one of them: the first are `skipped-runtime`, the others `skipped-dependency`.
 */
function withDependents(p, missing) {
    const out = new Map();
    if (!missing || missing.size === 0)
        return out;
    for (let grew = true; grew;) {
        grew = false;
        for (const u of p.plan.units) {
            if (!(0,types/* hasWork */.OJ)(u.operation) || out.has(u.id))
                continue;
            const why = missing.get(u.id);
            const dep = u.dependsOn.find(d => out.has(d));
            if (why !== undefined)
                out.set(u.id, { kind: 'skipped-runtime', reason: why });
            else if (dep !== undefined)
                out.set(u.id, { kind: 'skipped-dependency', reason: `depends on ${dep}, which cannot run here` });
            else
                continue;
            grew = true;
        }
    }
    return out;
}
/** Per basename, the prompts of its units that must not run (hidden from `pdd sync <basename>`). */
function promptsOf(p, cannotRun) {
    const out = new Map();
    for (const u of p.plan.units)
        if (cannotRun.has(u.id))
            out.set(u.basename, [...(out.get(u.basename) ?? []), u.paths.prompt]);
    return out;
}
/** Results of the units skipped before anything ran: $0, no operation. */
function skippedForRuntime(p, cannotRun) {
    return p.plan.units
        .filter(u => cannotRun.has(u.id))
        .map(u => {
        const why = cannotRun.get(u.id);
        return {
            id: u.id,
            basename: u.basename,
            language: u.language,
            status: why.kind,
            operations: [],
            cost: 0,
            reason: why.reason
        };
    });
}

// EXTERNAL MODULE: ./build/tmp/js/src/trust/pdd-env.js
var pdd_env = __webpack_require__(3618);
// EXTERNAL MODULE: ./build/tmp/js/src/settings/commit-inputs.js + 1 modules
var commit_inputs = __webpack_require__(2513);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/worktree-pool.js
/**
 * The worktrees groups run in (docs/architecture.md "Performance"): one per group running or finishing (at most
 * twice the concurrency: a group's verdict, commit and landing overlap the next group's sync), reused from group
 * to group. Adding and removing a git worktree is serialised per repository (git races on `.git/worktrees`), so a
 * run of 40 groups that made a worktree for each waited in that queue 80 times; the pool makes them on first need
 * and scrubs a released one — to the bot branch's head, every untracked and ignored file removed (`reset --hard`,
 * `clean -ffdx`) — off the group's critical path. The next group gets one already at its base when there is one.
 */



/** Lends worktrees to groups and takes them back; `close` removes them all. */
class WorktreePool {
    git;
    ahead;
    idle = [];
    lent = new Map();
    /** Each removal, settled: null, or what it threw (kept until `close` reports it). */
    removals = [];
    made = 0;
    retired = false;
    /**
     * `ahead`: up to how many worktrees the pool makes before a group asks for one (at most twice the concurrency:
     * one per group running or finishing); see {@link prewarm}. 0 makes every one on demand.
     */
    constructor(git, ahead = 0) {
        this.git = git;
        this.ahead = ahead;
    }
    /**
     * Starts making `n` worktrees at `base` (no more than `ahead` in all) while the run still prepares (pdd's
     * version, the checks before spending), so that the first groups find them made. Never throws: a worktree that
     * could not be made is dropped and the group that would have had it makes its own (and reports the error).
     */
    prewarm(base, n) {
        try {
            while (this.made < Math.min(n, this.ahead) && !this.retired)
                this.idle.push(this.makeAhead(base));
        }
        catch {
            // No scratch folder could be made: the groups make their own worktrees, and report why they could not.
        }
    }
    /**
     * A clean worktree checked out (detached) at `base`: an idle one moved there, else a new one. With `anyBase`
     * (a group that depends on no other group of the run) an idle one is lent at the head it was scrubbed to (a
     * commit of the bot branch, see `release`): no checkout; `Place.head` says where it is.
     */
    async acquire(base, anyBase = false) {
        for (let slot = this.pick(base, anyBase); slot; slot = this.pick(base, anyBase)) {
            if ((await slot.ready) && (anyBase || (await this.moveTo(slot, base))))
                return this.lendAndSpare(slot);
            this.drop(slot);
        }
        return this.lendAndSpare(await this.make(base));
    }
    /**
     * Lends `slot`; when no idle worktree is left and fewer than `ahead` were made, the next one is made now, off
     * the group's path (the next group most likely starts while this one's commit and landing still hold it).
     */
    lendAndSpare(slot) {
        const place = this.lend(slot);
        if (this.idle.length === 0 && this.made < this.ahead)
            this.prewarm(slot.head, this.made + 1);
        return place;
    }
    /**
     * Takes a place back after its group: `head` is the commit to scrub it to (the bot branch's head once the group
     * landed). Scrubbing starts now and is awaited by the next `acquire` of this worktree only. After `retire` the
     * worktree is removed instead.
     */
    release(place, head) {
        const slot = this.lent.get(place.dir);
        if (!slot)
            return;
        this.lent.delete(place.dir);
        if (this.retired)
            return this.drop(slot);
        slot.head = head;
        slot.clean = false;
        slot.ready = slot.wt.scrubWorktree(head).then(() => (slot.clean = true), () => false);
        this.idle.push(slot);
    }
    /**
     * The idle worktree to lend next, taken out of the idle list: one already scrubbed rather than one still being
     * scrubbed (that would be waited for), and among those one already at `base` (no checkout).
     */
    pick(base, anyBase) {
        const rank = (s) => (s.clean ? 2 : 0) + (anyBase || s.head === base ? 1 : 0);
        let best = -1;
        for (let i = 0; i < this.idle.length; i++)
            if (best < 0 || rank(this.idle[i]) > rank(this.idle[best]))
                best = i;
        return best < 0 ? undefined : this.idle.splice(best, 1)[0];
    }
    /**
     * No group will ask for a worktree any more (every group of the run has started): the idle ones are removed
     * now, beside the last syncs, and each one given back from now on, so that the run's end waits for few removals.
     */
    retire() {
        this.retired = true;
        for (const slot of this.idle.splice(0))
            this.drop(slot);
    }
    /** Removes every worktree of the pool (once their groups ended); errors are returned, never thrown. */
    async close() {
        for (const slot of this.idle.splice(0))
            this.drop(slot);
        for (const slot of this.lent.values())
            this.drop(slot);
        this.lent.clear();
        const settled = await Promise.all(this.removals.splice(0));
        return settled.filter(e => e !== null);
    }
    lend(slot) {
        this.lent.set(slot.dir, slot);
        return { dir: slot.dir, scratch: slot.scratch, wt: slot.wt, head: slot.head };
    }
    async make(base) {
        const scratch = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,temp/* scratchRoot */.P)(), 'pdd-sync-group-'));
        // A distinct name per worktree: git names each worktree's administrative folder after it.
        const dir = external_node_path_.join(scratch, `wt-${++this.made}-${external_node_path_.basename(scratch)}`);
        try {
            const wt = await this.git.addWorktree(dir, base);
            return { dir, scratch, wt, head: base, ready: Promise.resolve(true), clean: true };
        }
        catch (e) {
            (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
            throw e;
        }
    }
    /** Moves a scrubbed worktree to `base` (nothing to do when it is there); false when git refused. */
    async moveTo(slot, base) {
        if (slot.head === base)
            return true;
        try {
            await slot.wt.checkoutDetached(base);
            slot.head = base;
            return true;
        }
        catch {
            return false;
        }
    }
    /** A worktree being made at `base`, not waited for: `ready` settles false (and `exists`) when git failed. */
    makeAhead(base) {
        const scratch = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,temp/* scratchRoot */.P)(), 'pdd-sync-group-'));
        const dir = external_node_path_.join(scratch, `wt-${++this.made}-${external_node_path_.basename(scratch)}`);
        const slot = {
            dir,
            scratch,
            wt: this.git.at(dir),
            head: base,
            ready: Promise.resolve(false),
            clean: false
        };
        slot.ready = this.git.addWorktree(dir, base).then(() => (slot.clean = true), () => (slot.exists = false));
        return slot;
    }
    drop(slot) {
        const removal = slot.ready
            .then(() => (slot.exists === false ? undefined : this.git.removeWorktree(slot.dir)))
            .finally(() => (0,external_node_fs_.rmSync)(slot.scratch, { recursive: true, force: true }));
        this.removals.push(removal.then(() => null, (e) => e ?? 'unknown error'));
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/execute.js














/** The bot identity commits and notes are made as. */
const BOT = commit_inputs/* ACTIONS_BOT */.aX;
/**
 * A worktree pool for a run at `concurrency` that already starts making the worktrees its groups will hold at
 * once at `base` — one per group running or finishing: twice the concurrency (the next groups start while the
 * first ones commit and land), no more than there are groups — so that they are made beside the run's
 * preparation (pdd's version, the checks) and the first syncs, not on the first groups' path. The caller passes
 * it as {@link ExecuteOptions.places} and closes it.
 */
function prewarmedPool(git, planned, base, concurrency) {
    const places = new WorktreePool(git, 2 * Math.max(1, concurrency));
    const groups = new Set(planned.plan.units.filter(u => (0,types/* hasWork */.OJ)(u.operation)).map(u => u.basename)).size;
    places.prewarm(base, Math.min(groups, 2 * Math.max(1, concurrency)));
    return places;
}
/**
 * Step 5 of docs/architecture.md: every group with work runs in its own worktree, admitted by the budget ledger, in
 * dependency order; the commits of synced groups are replayed onto the bot branch one at a time.
 */
async function executePlan(o) {
    // The bot branch moves once a landing: one `git update-ref --stdin` for the run, not a process a landing
    // (docs/architecture.md "Performance"); ended once every group has landed.
    (0,group_timing/* timelineMark */.X)('execute', o.planOptions.env);
    const refs = o.git.withRefTransactions();
    try {
        return await executeOn(o, refs);
    }
    finally {
        await refs.closeRefTransactions();
        (0,group_timing/* timelineMark */.X)('executed', o.planOptions.env);
    }
}
/** {@link executePlan}, the bot branch moved through `refs`. */
async function executeOn(o, refs) {
    const ledger = new BudgetLedger(o.budget);
    // The bot branch is reset beside the first groups' worktrees and restores; no pdd starts before it is.
    const bot = BotBranch.start(refs, o.branch, o.base, o.identity ?? BOT);
    const reset = bot.ready.then(() => (0,group_timing/* timelineMark */.X)('bot-branch', o.planOptions.env));
    reset.catch(() => undefined);
    const places = o.places ?? new WorktreePool(o.git, 2 * Math.max(1, o.concurrency));
    const ctx = await groupContext(o, places);
    ctx.startGate = reset;
    const cannotRun = withDependents(o.planned, o.runtimes?.missing);
    ctx.hiddenPrompts = promptsOf(o.planned, cannotRun);
    const { groups, members } = groupsOf(o.planned, cannotRun);
    if (o.planOptions.scope.trigger === 'schedule')
        prioritiseStalest(groups, o.planned);
    const runs = new Map();
    const finished = [];
    const stop = stopAtDeadline(o.deadline, o.signal);
    const calibration = o.planned.plan.calibrating && groups.length > 0 ? new Calibration() : undefined;
    const scheduled = await schedule({
        calibration,
        groups,
        ledger,
        concurrency: o.concurrency,
        policy: o.policy,
        signal: stop.signal,
        onAllStarted: () => places.retire(),
        run: groupRunner({ ...o, ctx, bot, members, runs, finished, dependent: dependentGroups(groups) })
    });
    stop.clear();
    (0,group_timing/* timelineMark */.X)('scheduled', o.planOptions.env);
    if (!o.places)
        await closePool(places, o.reporter);
    // A bot branch that could not be reset fails the run, as before any group starts (none of them spent).
    await reset;
    const units = unitsOf(o.planned, scheduled, runs, cannotRun);
    return {
        budget: o.budget,
        spent: ledger.spent,
        units,
        branch: o.branch,
        head: bot.head,
        baseSha: o.base,
        overshoot: dollars(ledger.history.reduce((a, b) => a + b.overshoot, 0)),
        cancelled: o.signal?.aborted ?? false,
        estimatedCost: o.planned.plan.estimatedCost,
        ...(calibration
            ? { calibration: { groups: calibration.calibrated, factor: calibration.factor ?? undefined } }
            : {})
    };
}
/** Removes every worktree of the pool; what git could not remove is a warning. */
async function closePool(places, reporter) {
    for (const e of await places.close())
        reporter.warning(`Could not remove a worktree: ${String(e)}`);
}
/** The groups that depend on another group of the run. */
function dependentGroups(groups) {
    const ids = new Set(groups.map(g => g.id));
    return new Set(groups.filter(g => g.dependsOn.some(d => d !== g.id && ids.has(d))).map(g => g.id));
}
/** What every group of the run shares. */
async function groupContext(o, places) {
    return {
        git: o.git,
        projectPrefix: external_node_path_.relative(o.git.root, await (0,promises_.realpath)(o.planOptions.repoRoot))
            .split(external_node_path_.sep)
            .join('/'),
        invocation: o.invocation,
        planOptions: o.planOptions,
        timeoutMs: o.timeoutMs,
        deadline: o.deadline,
        identity: o.identity ?? BOT,
        author: o.author,
        commitTemplate: o.commitTemplate,
        reporter: o.reporter,
        signal: o.signal,
        runId: o.runId ?? (0,external_node_crypto_.randomUUID)(),
        env: (0,pdd_env/* buildPddEnv */.u)(o.env ?? process.env, { withhold: o.withholdEnv }).env,
        keepPartial: o.keepPartial ?? false,
        places,
        trackedMeta: new Map(),
        nodeModules: o.runtimes?.nodeModules,
        logDir: o.logDir
    };
}
/** Every unit's result, in schedule order: groups that ran or not, runtime skips, then the units without work. */
function unitsOf(p, scheduled, runs, cannotRun) {
    const units = [];
    for (const s of scheduled) {
        const run = runs.get(s.group.id);
        if (run)
            units.push(...run.units);
        else if (!s.ran)
            units.push(...notRun(p, s.group, s.notRun.kind, s.notRun.reason));
        // Ran, but its runner threw before recording it: its units are failed, never left out of the result.
        else
            units.push(...notRun(p, s.group, 'failed', reasonOf(s.outcome.error)).map(u => ({ ...u, cost: null })));
    }
    units.push(...skippedForRuntime(p, cannotRun));
    units.push(...untouched(p));
    withEstimates(units, p);
    return units;
}
/** Each unit's planned estimate and prompt size, beside its actual cost (summary, run record). */
function withEstimates(units, p) {
    const planned = new Map(p.plan.units.map(u => [u.id, u]));
    for (const u of units) {
        const pu = planned.get(u.id);
        if (!pu)
            continue;
        u.estimate = pu.estimatedCost;
        if (pu.promptBytes !== undefined)
            u.promptBytes = pu.promptBytes;
    }
}
/**
 * The scheduler's stop signal: the caller's cancellation, or the deadline passing (its reason then says why
 * the groups not started yet did not run).
 */
function stopAtDeadline(deadline, signal) {
    if (deadline === undefined)
        return { signal, clear: () => undefined };
    const ac = new AbortController();
    const why = 'not started: the run is near its deadline (max-run-minutes) and keeps the rest to publish';
    const timer = setTimeout(() => ac.abort(why), Math.max(0, deadline - Date.now()));
    timer.unref();
    return {
        signal: signal ? AbortSignal.any([signal, ac.signal]) : ac.signal,
        clear: () => clearTimeout(timer)
    };
}
/** Units the plan found in sync (unchanged) or in conflict (a prompt edited together with derived files). */
function untouched(p) {
    return p.plan.units
        .filter(u => !(0,types/* hasWork */.OJ)(u.operation))
        .map(u => ({
        id: u.id,
        basename: u.basename,
        language: u.language,
        status: (0,types/* isInSync */.tU)(u.operation) ? 'unchanged' : 'conflict',
        operations: [],
        cost: 0,
        reason: (0,types/* isInSync */.tU)(u.operation) ? u.reason : `Manual merge required: ${u.reason}`
    }));
}


/***/ }),

/***/ 7549:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ timelineMark),
/* harmony export */   Z: () => (/* binding */ groupTimer)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/**
 * Where a group's time goes (docs/architecture.md "Performance"). `PDD_SYNC_TIMING=1`: the wall milliseconds of
 * each step of one group — worktree, state, pdd, straggler sweep, verdict, commit, landing — in one log line.
 * `PDD_SYNC_TIMELINE=<file>`: every step's end as a JSON line `{"t":<ms since the process started>,"group":<id>,
 * "ev":<step>}` appended to that file, with the run's own marks (`{"t":…,"ev":"execute"}`, no group) and the
 * process's exit, so that `bench/timeline.mjs` can show where slots sat idle and what the run did before the first
 * spawn and after the last exit. Both are debugging aids: neither changes what the run does.
 */

const NONE = { mark: () => undefined, done: () => undefined };
/** A timer for the group `id` when `env.PDD_SYNC_TIMING` is `1` or a timeline is kept, else one that does nothing. */
function groupTimer(id, env, reporter) {
    const file = timelineFile(env);
    const log = env.PDD_SYNC_TIMING === '1';
    if (!log && file === undefined)
        return NONE;
    const start = performance.now();
    if (file !== undefined)
        append(file, start, 'admitted', id);
    let last = start;
    const steps = [];
    return {
        mark(step) {
            const now = performance.now();
            if (file !== undefined)
                append(file, now, step, id);
            steps.push(`${step} ${(now - last).toFixed(0)} ms`);
            last = now;
        },
        done() {
            if (!log)
                return;
            const total = (performance.now() - start).toFixed(0);
            const at = `at ${start.toFixed(0)}–${performance.now().toFixed(0)} ms`;
            reporter.info(`timing: ${id} ${[...steps, `total ${total} ms`, at].join(' · ')}`);
        }
    };
}
/** Appends a run-level mark (no group) to the timeline, when one is kept; the first one also marks the exit. */
function timelineMark(ev, env = process.env) {
    const file = timelineFile(env);
    if (file === undefined)
        return;
    if (!exitMarked) {
        exitMarked = true;
        process.once('exit', () => append(file, performance.now(), 'exit'));
    }
    append(file, performance.now(), ev);
}
let exitMarked = false;
function timelineFile(env) {
    const file = env.PDD_SYNC_TIMELINE;
    return file === undefined || file === '' ? undefined : file;
}
function append(file, t, ev, group) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, JSON.stringify({ t: Math.round(t * 10) / 10, ev, ...(group ? { group } : {}) }) + '\n');
    }
    catch {
        // A debugging aid: a timeline that cannot be written never fails the run.
    }
}


/***/ }),

/***/ 7003:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ isComplete),
/* harmony export */   KG: () => (/* binding */ sortShards),
/* harmony export */   QC: () => (/* binding */ parseFinalized),
/* harmony export */   TZ: () => (/* binding */ confineReport),
/* harmony export */   hq: () => (/* binding */ parsePartial),
/* harmony export */   sq: () => (/* binding */ parseShardReport),
/* harmony export */   yu: () => (/* binding */ combineResults)
/* harmony export */ });
/* unused harmony export missingUnits */
/* harmony import */ var _state_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5222);

/** Reads a `shard.json`; throws on anything that is not one, naming what is wrong. */
function parseShardReport(text) {
    const v = JSON.parse(text);
    const ok = v.version === 1 &&
        Number.isInteger(v.shard) &&
        typeof v.head === 'string' &&
        typeof v.baseSha === 'string' &&
        typeof v.result === 'object' &&
        v.result !== null &&
        Array.isArray(v.result.units);
    if (!ok || !v.result)
        throw new Error('not a pdd-sync shard report (version 1)');
    const spent = v.result.spent;
    if (typeof spent !== 'number' || !Number.isFinite(spent) || spent < 0)
        throw new Error(`its "spent" (${JSON.stringify(spent) ?? 'missing'}) is not an amount of dollars`);
    const bad = v.result.units.findIndex(u => !(0,_state_record_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecordUnit */ .sg)(u));
    if (bad >= 0)
        throw new Error(`its unit ${bad + 1} is not a unit result`);
    return { promptPaths: {}, contextOf: {}, ...v };
}
/**
 * A report as far as it speaks for its own leg: the units of `spec` only, each once. Units of another leg (a
 * report copied or forged onto this leg's ref) would be listed and counted twice. `spent` is kept: it is what
 * the job paid. Returns the report and the ids left out.
 */
function confineReport(r, spec) {
    const allowed = new Set(spec.units);
    const seen = new Set();
    const dropped = [];
    const units = r.result.units.filter(u => {
        const keep = allowed.has(u.id) && !seen.has(u.id);
        if (keep)
            seen.add(u.id);
        else
            dropped.push(u.id);
        return keep;
    });
    return { report: { ...r, result: { ...r.result, units } }, dropped };
}
/** Reads a `finalized.json`; an unreadable one counts as nothing published. */
function parseFinalized(text) {
    if (text === null)
        return new Set();
    try {
        const v = JSON.parse(text);
        return new Set(Array.isArray(v.shards) ? v.shards.filter(n => Number.isInteger(n)) : []);
    }
    catch {
        return new Set();
    }
}
/** The units published of legs that were incomplete then (`partial` of a `finalized.json`). */
function parsePartial(text) {
    const out = new Map();
    if (text === null)
        return out;
    try {
        const v = JSON.parse(text);
        for (const [k, ids] of Object.entries(v.partial ?? {}))
            if (Number.isInteger(Number(k)) && Array.isArray(ids))
                out.set(Number(k), new Set(ids.filter(i => typeof i === 'string')));
    }
    catch {
        // An unreadable marker counts as nothing published.
    }
    return out;
}
/** Whether a report is its shard's last word (older reports have no `complete`: they are). */
function isComplete(r) {
    return r.complete !== false;
}
/** `<basename>_<language>` split at the last underscore (for a unit the finalize plan no longer has). */
function splitId(id) {
    const i = id.lastIndexOf('_');
    return i > 0 ? { basename: id.slice(0, i), language: id.slice(i + 1) } : { basename: id, language: '' };
}
/** The units of a shard that never reported: failed, cost unknown (the job may have spent before it died). */
function missingUnits(spec, known, except = new Set()) {
    return spec.units
        .filter(id => !except.has(id))
        .map(id => ({
        id,
        ...(known.get(id) ?? splitId(id)),
        status: 'failed',
        operations: [],
        cost: null,
        reason: `shard ${spec.shard} did not report`
    }));
}
/** Sorts the legs of the matrix by what is known of them. */
function sortShards(specs, reports, published, publishedUnits = new Map()) {
    const out = { reported: [], earlier: [], missing: [], publishedUnits };
    for (const spec of specs) {
        const r = reports.get(spec.shard);
        if (r)
            out.reported.push(r);
        else if (published.has(spec.shard))
            out.earlier.push(spec.shard);
        else
            out.missing.push(spec);
    }
    return out;
}
const round = (n) => Math.round(n * 1e6) / 1e6;
/**
 * What this finalize publishes of a reported leg: its units less those an earlier finalize published, and of an
 * incomplete report (a shard killed or cancelled midway) also its unfinished units, failed "did not report".
 */
function unitsOfReport(r, o, specs, known) {
    const before = o.publishedUnits.get(r.shard) ?? new Set();
    const units = r.result.units.filter(u => !before.has(u.id));
    const dropped = r.result.units.filter(u => before.has(u.id)).reduce((a, u) => a + (u.cost ?? 0), 0);
    const spent = Math.max(0, r.result.spent - dropped);
    const spec = specs.find(s => s.shard === r.shard);
    if (isComplete(r) || !spec)
        return { units, spent };
    const done = new Set([...before, ...r.result.units.map(u => u.id)]);
    return { units: [...units, ...missingUnits(spec, known, done)], spent };
}
/**
 * One result for the run from the shards' results (units in matrix order, the missing shards' units failed):
 * the budget is the sum of the shares of the legs this finalize publishes, `spent` the sum of their spend.
 */
function combineResults(o, specs, known) {
    const share = new Map(specs.map(s => [s.shard, s.budget]));
    const rs = o.reported.map(r => r.result);
    const parts = o.reported.map(r => unitsOfReport(r, o, specs, known));
    const units = [
        ...parts.flatMap(p => p.units),
        ...o.missing.flatMap(s => missingUnits(s, known, o.publishedUnits.get(s.shard)))
    ];
    const order = new Map(specs.flatMap(s => s.units).map((id, i) => [id, i]));
    units.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    const result = {
        budget: round([...o.reported.map(r => r.shard), ...o.missing.map(s => s.shard)].reduce((a, k) => a + (share.get(k) ?? 0), 0)),
        spent: round(parts.reduce((a, p) => a + p.spent, 0)),
        units
    };
    const overshoot = round(rs.reduce((a, r) => a + (r.overshoot ?? 0), 0));
    if (overshoot > 0)
        result.overshoot = overshoot;
    if (rs.some(r => r.cancelled))
        result.cancelled = true;
    const version = rs.find(r => r.pddVersion)?.pddVersion;
    if (version)
        result.pddVersion = version;
    const estimated = rs.filter(r => r.estimatedCost !== undefined);
    if (estimated.length > 0)
        result.estimatedCost = round(estimated.reduce((a, r) => a + (r.estimatedCost ?? 0), 0));
    const calibrated = rs.filter(r => r.calibration);
    if (calibrated.length > 0) {
        const factor = calibrated.find(r => r.calibration?.factor !== undefined)?.calibration?.factor;
        result.calibration = {
            groups: calibrated.flatMap(r => r.calibration?.groups ?? []),
            ...(factor !== undefined ? { factor } : {})
        };
    }
    return result;
}


/***/ }),

/***/ 7658:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ settleReservations),
/* harmony export */   NK: () => (/* binding */ releaseShardReservations),
/* harmony export */   nH: () => (/* binding */ shardRunId)
/* harmony export */ });
/* harmony import */ var _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7929);
/* harmony import */ var _publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7090);
/* harmony import */ var _publish_reservation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7976);
/* harmony import */ var _state_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5222);




/** The months a run reserving at `now` can have noted its reservation in: this one and the one before. */
function monthsAround(now) {
    const prev = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return [now.toISOString().slice(0, 7), prev.toISOString().slice(0, 7)];
}
/**
 * Lowers the open spend reservations of the matching runs (docs/architecture.md "Modes"): each run's lines are
 * replaced by one line of the new amount, created a millisecond after its latest, so that it stays the one
 * counted even where a concurrent `cat_sort_uniq` merge brings an older line back (the caps count a run's
 * latest reservation). Pushed like a reservation: fetch and merge, write, push, retry a lost race. Returns the
 * run ids settled.
 */
function settleReservations(o) {
    return (0,_publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__/* .withNotesLock */ .Ru)(o.git, async () => {
        const attempts = Math.max(1, o.attempts ?? 5);
        for (let attempt = 1;; attempt++) {
            if (o.remote !== null)
                await (0,_publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__/* .pullNotes */ .n_)(o.git, o.remote, o.ref, o.identity);
            const settled = await rewrite(o);
            if (o.remote === null || settled.length === 0)
                return settled;
            try {
                await o.git.pushNotes(o.remote, o.ref);
                return settled;
            }
            catch (e) {
                const text = e instanceof _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS ? e.stderr : e.message;
                if (!(0,_publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryablePushError */ .BQ)(text) || attempt >= attempts)
                    throw e;
                await new Promise(resolve => setTimeout(resolve, (0,_publish_notes_writer_js__WEBPACK_IMPORTED_MODULE_1__/* .backoffDelay */ .EY)(attempt)));
            }
        }
    });
}
async function rewrite(o) {
    const settled = [];
    for (const month of monthsAround((o.now ?? (() => new Date()))())) {
        const key = (0,_publish_reservation_js__WEBPACK_IMPORTED_MODULE_2__/* .reservationKey */ .Gq)(month);
        const text = (await o.git.readNote(o.ref, key)) ?? '';
        const latest = new Map();
        for (const r of (0,_state_record_js__WEBPACK_IMPORTED_MODULE_3__/* .parseNote */ .wd)(text).reservations.filter(x => o.match(x.runId))) {
            const prev = latest.get(r.runId);
            if (!prev || prev.createdAt < r.createdAt)
                latest.set(r.runId, r);
        }
        const changed = [...latest.values()].filter(r => o.amount(r) < r.amount);
        if (changed.length === 0)
            continue;
        const drop = new Set(changed.map(r => r.runId));
        const lines = text
            .split('\n')
            .map(l => l.trim())
            .filter(l => l !== '' && !(0,_state_record_js__WEBPACK_IMPORTED_MODULE_3__/* .parseNote */ .wd)(l).reservations.some(r => drop.has(r.runId)));
        for (const r of changed) {
            const createdAt = new Date(Date.parse(r.createdAt) + 1).toISOString();
            lines.push((0,_state_record_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRecord */ .bM)({ ...r, createdAt, amount: Math.max(0, o.amount(r)) }));
            settled.push(r.runId);
        }
        await o.git.writeNote(o.ref, key, [...new Set(lines)].sort().join('\n') + '\n', o.identity);
    }
    return settled;
}
/** The reservation id of a shard: `<run key>-shard-<k>-<random>`, so that finalize can find every attempt's. */
function shardRunId(runKey, shard, random) {
    return `${runKey}-shard-${shard}-${random}`;
}
/**
 * After the run record is written: every reservation of the run's shards (reported or not, every attempt) is
 * released, since the record now counts what the reported shards spent. A shard that never reported spent an
 * unknown amount, which from then on counts nowhere (its units are listed with cost unknown).
 */
async function releaseShardReservations(o) {
    if (!o.notesRef)
        return;
    const prefix = `${o.runKey}-shard-`;
    const released = await settleReservations({
        git: o.git,
        remote: o.remote,
        ref: o.notesRef,
        identity: o.identity,
        match: id => id.startsWith(prefix),
        amount: () => 0,
        now: o.now
    });
    if (released.length > 0)
        o.reporter.info(`Released ${released.length} shard spend reservation(s).`);
}


/***/ }),

/***/ 8076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ isHumanCommit),
/* harmony export */   yB: () => (/* binding */ botCommitOf)
/* harmony export */ });
/* unused harmony exports WEB_FLOW, trailersOf, hasBotTrailer */
/* harmony import */ var _execute_commit_message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5028);

/**
 * How a commit on the bot branch is known to be the action's (docs/architecture.md "Bot commits"): by the git
 * trailers every commit the action makes carries, and, for commits made before the trailers existed, by the
 * old way — author and committer are the bot, and the subject is `pdd-sync: <basename> (<languages>): …`.
 */
/** GitHub's committer of the commits it creates (and signs) through the API or the web interface. */
const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };
const GROUP = /^(.+) \(([^)]*)\)$/;
const OLD_SUBJECT = /^pdd-sync: (.+) \(([^)]*)\): .*$/;
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/;
/** The trailers of a message (its last paragraph's `Key: value` lines), values per key in order. */
function trailersOf(message) {
    const paragraphs = message
        .replace(/\r\n/g, '\n')
        .trimEnd()
        .split(/\n[ \t]*\n/);
    const last = paragraphs.length > 1 ? (paragraphs[paragraphs.length - 1] ?? '') : '';
    const out = new Map();
    for (const line of last.split('\n')) {
        const m = TRAILER_LINE.exec(line.trim());
        if (!m?.[1])
            continue;
        const key = m[1].toLowerCase();
        out.set(key, [...(out.get(key) ?? []), (m[2] ?? '').trim()]);
    }
    return out;
}
const get = (t, name) => t.get(name.toLowerCase()) ?? [];
/** Whether the message carries the run trailer, the mark of a commit the action made. */
function hasBotTrailer(message) {
    return get(trailersOf(message), _execute_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.run).some(v => v !== '');
}
/**
 * The group a bot commit holds: from `PDD-Sync-Group` (partial when every `PDD-Sync-Unit` is also a
 * `PDD-Sync-Partial`), else from an old commit's subject (partial when it ends in `[partial]`); null when
 * it names no group (not a unit commit, or not the bot's).
 */
function botCommitOf(c) {
    const t = trailersOf(c.message);
    const group = get(t, _execute_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.group)[0];
    if (group !== undefined && get(t, _execute_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.run).length > 0) {
        const m = GROUP.exec(group);
        if (!m?.[1])
            return null;
        const units = get(t, _execute_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.unit);
        const partial = new Set(get(t, _execute_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.partial));
        return {
            basename: m[1],
            name: group,
            partial: units.length > 0 && units.every(u => partial.has(u))
        };
    }
    const m = OLD_SUBJECT.exec(c.subject);
    if (!m?.[1])
        return null;
    return { basename: m[1], name: `${m[1]} (${m[2] ?? ''})`, partial: c.subject.endsWith('[partial]') };
}
/**
 * Whether a commit is someone else's work, not the bot's (emails compared case-insensitively):
 * - with the run trailer, it is the bot's when its committer is the bot (`bot`, the configured committer) or
 *   GitHub itself (a commit the API created and signed for `sign-commits`); a person who amends or
 *   cherry-picks a bot commit becomes its committer, so it is theirs;
 * - without it (a commit older than the trailers), it is the bot's only when author and committer are the bot.
 */
function isHumanCommit(c, bot) {
    const email = bot.email.toLowerCase();
    const committer = c.committerEmail.toLowerCase();
    if (hasBotTrailer(c.message))
        return committer !== email && committer !== WEB_FLOW.email;
    return c.authorEmail.toLowerCase() !== email || committer !== email;
}


/***/ }),

/***/ 7090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BQ: () => (/* binding */ isRetryablePushError),
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   MJ: () => (/* binding */ writeRunRecord),
/* harmony export */   Ru: () => (/* binding */ withNotesLock),
/* harmony export */   n_: () => (/* binding */ pullNotes)
/* harmony export */ });
/* unused harmony exports BACKOFF_MS, mergeNoteText */
/* harmony import */ var _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7929);
/* harmony import */ var _state_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5222);


/** Base delays between push attempts (gitgitgadget's first four waits), in ms; the last repeats. */
const BACKOFF_MS = [50, 500, 2000, 5000];
/**
 * The wait after failed attempt `attempt` (1-based): its base delay times a jitter factor in [0.75, 1.25).
 * The jittered ranges of successive bases do not overlap, so waits grow from one attempt to the next.
 */
function backoffDelay(attempt, random = Math.random) {
    const base = BACKOFF_MS[Math.min(Math.max(attempt, 1), BACKOFF_MS.length) - 1] ?? 5000;
    return Math.round(base * (0.75 + random() / 2));
}
/** Whether a failed fetch or push of notes is worth another fetch → merge → push round (a lost race). */
function isRetryablePushError(message) {
    return /non-fast-forward|fetch first|cannot lock ref|stale info|\[remote rejected\]|failed to push some refs/i.test(message);
}
/** The whole text of a note: its existing lines plus `line`, trimmed, sorted, unique, without blank lines. */
function mergeNoteText(existing, line) {
    const lines = new Set();
    for (const l of [...(existing ?? '').split('\n'), line])
        if (l.trim() !== '')
            lines.add(l.trim());
    return [...lines].sort().join('\n') + '\n';
}
/** One write at a time per repository in this process: local notes updates are not safe concurrently. */
const writeLocks = new Map();
/**
 * Writes a run record as one line of the note of `object` in `ref` and pushes the ref (docs/architecture.md step 6:
 * fetch to a scratch ref, `cat_sort_uniq` merge, never-forced push, retried). The record is written locally first, so the local notes hold it whatever happens.
 * Then, per attempt: force-fetch the remote ref into a scratch ref; adopt it when the local ref is missing, else
 * `git notes merge -s cat_sort_uniq`; rewrite the note as its sorted unique lines (no blank lines); push, not
 * forced — the server's fast-forward check is the compare-and-swap. A lost race (non-fast-forward, fetch first,
 * cannot lock ref, remote rejected, …) is retried after a jittered, growing wait; any other error, or running out
 * of attempts, returns `pushed: false` with the reason. Writers in one process are serialised per repository.
 */
async function writeRunRecord(o) {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(o.object)) {
        throw new Error(`A note must be attached to a full object id; got "${o.object}".`);
    }
    if (!o.ref.startsWith('refs/notes/'))
        throw new Error(`Notes refs live under refs/notes/; got "${o.ref}".`);
    return withNotesLock(o.git, () => write(o));
}
/** Runs `fn` after every notes write of this process in the same repository has ended (local notes updates are not safe concurrently). */
function withNotesLock(git, fn) {
    const key = git.root;
    const prev = writeLocks.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    writeLocks.set(key, next.catch(() => undefined));
    return next;
}
async function write(o) {
    const line = (0,_state_record_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRecord */ .bM)(o.record);
    await rewriteNote(o, line);
    if (o.remote === null)
        return { pushed: false, attempts: 0 };
    const attempts = Math.max(1, o.attempts ?? 5);
    const sleep = o.sleep ?? ((ms) => new Promise(resolve => setTimeout(resolve, ms)));
    let error = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            await pullNotes(o.git, o.remote, o.ref, o.identity);
            await rewriteNote(o, line);
            await o.git.pushNotes(o.remote, o.ref);
            return { pushed: true, attempts: attempt };
        }
        catch (e) {
            error = e.message;
            // Classify on the whole stderr: the message keeps only its last lines.
            if (!isRetryablePushError(e instanceof _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS ? e.stderr : error)) {
                return { pushed: false, attempts: attempt, error };
            }
            if (attempt < attempts)
                await sleep(backoffDelay(attempt, o.random));
        }
    }
    return { pushed: false, attempts, error: `gave up after ${attempts} attempts: ${error}` };
}
/**
 * Brings the remote notes into the local ref (as git-appraise and gitgitgadget share notes): force-fetch into a scratch ref,
 * adopt it when there is no local ref, else `git notes merge -s cat_sort_uniq`.
 */
async function pullNotes(git, remote, ref, identity) {
    const scratch = `refs/pdd-sync/writer/${ref.replace(/^refs\//, '')}`;
    try {
        if (!(await git.fetchRefInto(remote, ref, scratch)))
            return;
        const incoming = await git.commitOf(scratch);
        // Not retried: the ref stays what it is until a person fixes it; never overwritten (no forced push).
        if (incoming === null)
            throw new Error(`${ref} on ${remote} is not a notes commit (someone pushed another object to it); pdd-sync never ` +
                `overwrites it. Delete it (git push ${remote} :${ref}) or point it back at the notes history.`);
        const local = await git.commitOf(ref);
        if (local === null)
            await git.updateRef(ref, incoming, null);
        else if (local !== incoming)
            await git.mergeNotes(ref, scratch, identity);
    }
    finally {
        await git.deleteRef(scratch);
    }
}
/** Makes the note hold `line` and nothing but sorted unique non-blank lines; no commit when it already does. */
async function rewriteNote(o, line) {
    const existing = await o.git.readNote(o.ref, o.object);
    const text = mergeNoteText(existing, line);
    if (existing !== text)
        await o.git.writeNote(o.ref, o.object, text, o.identity);
}


/***/ }),

/***/ 7976:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ reservationKey),
/* harmony export */   NG: () => (/* binding */ reserveSpend)
/* harmony export */ });
/* unused harmony export RESERVATION_HOURS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _adapters_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7929);
/* harmony import */ var _state_notes_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8986);
/* harmony import */ var _state_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5222);
/* harmony import */ var _state_spend_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9583);
/* harmony import */ var _notes_writer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7090);






/** How long a reservation counts when its run never writes a final record: GitHub's longest job. */
const RESERVATION_HOURS = 6;
/** The 40-hex key a month's reservations are noted on: `git hash-object` of `pdd-sync:spend:<YYYY-MM>`. */
function reservationKey(month) {
    const text = `pdd-sync:spend:${month}`;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1')
        .update(`blob ${Buffer.byteLength(text)}\0${text}`)
        .digest('hex');
}
/**
 * Computes this run's budget under the daily and monthly caps and reserves it in the notes before anything is
 * spent. Per attempt: fetch and merge the remote notes (as run records are merged), sum earlier runs' spend and
 * other runs' open reservations, write this run's reservation line, push (never forced). The server's
 * fast-forward check makes this a compare-and-swap: a run whose push wins was computed from every reservation
 * pushed before it, so concurrent runs cannot jointly pass a cap. A lost race is retried; any other push
 * failure returns the budget computed from what this run saw, with a warning.
 */
function reserveSpend(o) {
    return (0,_notes_writer_js__WEBPACK_IMPORTED_MODULE_4__/* .withNotesLock */ .Ru)(o.git, () => reserve(o));
}
async function reserve(o) {
    const attempts = Math.max(1, o.attempts ?? 5);
    const sleep = o.sleep ?? ((ms) => new Promise(resolve => setTimeout(resolve, ms)));
    let error = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        let pulled = true;
        if (o.remote !== null) {
            pulled = await (0,_notes_writer_js__WEBPACK_IMPORTED_MODULE_4__/* .pullNotes */ .n_)(o.git, o.remote, o.ref, o.identity).then(() => true, (e) => ((error = e.message), false));
        }
        const computed = await compute(o);
        if (computed.effective.budget <= 0)
            return { ...computed, shared: true };
        await writeReservation(o, computed.summary.month, computed.effective.budget);
        if (o.remote === null)
            return { ...computed, shared: true };
        if (!pulled)
            return { ...computed, shared: false, warning: notShared(error) };
        try {
            await o.git.pushNotes(o.remote, o.ref);
            return { ...computed, shared: true };
        }
        catch (e) {
            error = e.message;
            if (!(0,_notes_writer_js__WEBPACK_IMPORTED_MODULE_4__/* .isRetryablePushError */ .BQ)(e instanceof _adapters_git_js__WEBPACK_IMPORTED_MODULE_1__/* .GitError */ .XS ? e.stderr : error) || attempt === attempts)
                return { ...computed, shared: false, warning: notShared(error) };
            await sleep((0,_notes_writer_js__WEBPACK_IMPORTED_MODULE_4__/* .backoffDelay */ .EY)(attempt, o.random));
        }
    }
    throw new Error('unreachable');
}
function notShared(error) {
    return `The spend reservation could not be pushed, so runs started at the same time may pass the caps together: ${error}`;
}
async function compute(o) {
    const read = await new _state_notes_store_js__WEBPACK_IMPORTED_MODULE_2__/* .NotesStore */ .D(o.git, { ref: o.ref, remote: null }).readRecords();
    const summary = (0,_state_spend_js__WEBPACK_IMPORTED_MODULE_5__/* .summarizeSpend */ .AC)({
        records: [...read.records, ...o.otherRecords],
        reservations: read.reservations ?? [],
        now: (o.now ?? (() => new Date()))(),
        excludeRunId: o.runId
    });
    return { effective: (0,_state_spend_js__WEBPACK_IMPORTED_MODULE_5__/* .effectiveBudget */ .P4)(o.budget, o.caps, summary), summary };
}
/** Sets this run's reservation line in the month's note, replacing a line an earlier attempt left. */
async function writeReservation(o, month, amount) {
    const now = (o.now ?? (() => new Date()))();
    const line = {
        schema: 1,
        kind: 'reservation',
        runId: o.runId,
        createdAt: now.toISOString(),
        amount,
        expiresAt: new Date(now.getTime() + RESERVATION_HOURS * 3_600_000).toISOString()
    };
    const key = reservationKey(month);
    const existing = (await o.git.readNote(o.ref, key)) ?? '';
    const mine = new Set((0,_state_record_js__WEBPACK_IMPORTED_MODULE_3__/* .parseNote */ .wd)(existing)
        .reservations.filter(r => r.runId === o.runId)
        .map(r => (0,_state_record_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRecord */ .bM)(r)));
    const lines = new Set();
    for (const l of existing.split('\n')) {
        const t = l.trim();
        if (t !== '' && !mine.has(t))
            lines.add(t);
    }
    lines.add((0,_state_record_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRecord */ .bM)(line));
    await o.git.writeNote(o.ref, key, [...lines].sort().join('\n') + '\n', o.identity);
}


/***/ }),

/***/ 6932:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ toRunRecord)
/* harmony export */ });
/**
 * The run record (docs/architecture.md "Contracts", schema 1) of a run: every unit's status, operations, cost, duration,
 * reason, and the `.pdd/meta` fingerprint and run report after the run — what the next run's planner restores.
 */
function toRunRecord(result, id) {
    return {
        schema: 1,
        runId: id.runId,
        trigger: id.trigger,
        baseSha: id.baseSha,
        createdAt: id.createdAt,
        budget: result.budget,
        spent: result.spent,
        ...(id.pddVersion ? { pddVersion: id.pddVersion } : {}),
        units: result.units.map((u) => ({
            id: u.id,
            basename: u.basename,
            language: u.language,
            status: u.status,
            operations: u.operations,
            cost: u.cost,
            duration: u.duration ?? 0,
            reason: u.reason,
            ...(u.promptBytes !== undefined ? { promptBytes: u.promptBytes } : {}),
            fingerprint: u.fingerprint ?? null,
            runReport: u.runReport ?? null
        }))
    };
}


/***/ }),

/***/ 9767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ readCsvLikePandas),
/* harmony export */   N: () => (/* binding */ readCsv)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5175);
/**
 * Reading CSV as PDD's Python does, on top of `csv-parse`: {@link readCsv} as `csv.reader`/`csv.DictReader`
 * (default excel dialect, `strict=False`) read PDD's cost CSV, {@link readCsvLikePandas} as `pd.read_csv`
 * reads `llm_model.csv` in `llm_invoke._load_model_data`. Tested against what Python itself returns
 * (`__tests__/fixtures/python-csv.json`, written by `scripts/gen-csv-fixture.py`).
 *
 * One known difference, reported instead of guessed: text after a closing quote (`"x"y`), which Python reads
 * as `xy` and csv-parse cannot reproduce, gives the record a {@link CsvRecord.problem}.
 */

const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];
const BREAK = /\r\n|\r|\n/g;
/** The records of `text`, blank lines left out as `csv.DictReader` does. Never throws. */
function readCsv(text) {
    const buf = Buffer.from(text, 'utf8');
    let unclosed = null;
    const parsed = [];
    (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(buf, {
        bom: false,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        record_delimiter: RECORD_DELIMITERS,
        skip_records_with_error: true,
        on_skip: (err, raw) => {
            if (err?.code === 'CSV_QUOTE_NOT_CLOSED')
                unclosed = raw ?? '';
            return undefined;
        },
        // `bytes`: where the record ends in `buf`, its line end included.
        on_record: (record, info) => {
            parsed.push({ record, end: info.bytes });
            return null;
        }
    });
    const out = [];
    const cursor = { byte: 0, line: 1 };
    for (const { record, end } of parsed) {
        const rec = take(buf, cursor, end);
        out.push({ ...rec, fields: record, ...closingQuoteProblem(record, rec.raw) });
    }
    if (unclosed !== null) {
        const rec = take(buf, cursor, buf.length);
        // Python keeps the open field up to the end of the file: the same as closing the quote there.
        const fields = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(`${rec.raw}"`, { relax_quotes: true, relax_column_count: true })[0] ?? [];
        out.push({ ...rec, fields, problem: 'a quoted field never ends' });
    }
    return out;
}
/** The text from the cursor to `end`, after the blank lines it skips; moves the cursor past it. */
function take(buf, cursor, end) {
    const chunk = buf.subarray(cursor.byte, end).toString('utf8');
    const lead = /^(?:\r\n|\r|\n)*/.exec(chunk)?.[0] ?? '';
    const line = cursor.line + countBreaks(lead);
    const raw = chunk.slice(lead.length);
    cursor.byte = end;
    cursor.line = line + countBreaks(raw);
    return { line, raw };
}
function countBreaks(s) {
    return s.match(BREAK)?.length ?? 0;
}
/** csv-parse reads `"x"y` as `"x"y`, Python as `xy`: such a record is flagged, since its fields cannot be trusted. */
function closingQuoteProblem(fields, raw) {
    if (!fields.some(f => f.startsWith('"')))
        return {};
    try {
        (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(raw, { relax_column_count: true, record_delimiter: RECORD_DELIMITERS });
        return {};
    }
    catch (e) {
        return e instanceof csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .CsvError */ .J$ && e.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? { problem: 'text follows a closing quote' }
            : {};
    }
}
/**
 * `pd.read_csv(path)` (C engine, defaults) as far as PDD's catalog needs: the BOM is dropped, blank and
 * whitespace-only lines are skipped, short rows are padded, a first data row with one extra field makes the
 * first column the index (for every row), and a longer row or an unclosed quote fails the whole file.
 */
function readCsvLikePandas(text) {
    const records = readCsv(text.replace(/^\ufeff/, '')).filter(r => !/^[ \t]*(?:\r\n|\r|\n)?$/.test(r.raw));
    const head = records.shift();
    if (head === undefined)
        return { error: 'No columns to parse from file' };
    for (const r of [head, ...records])
        if (r.problem)
            return { error: `line ${r.line}: ${r.problem}` };
    const width = head.fields.length;
    const indexed = records[0]?.fields.length === width + 1;
    const rows = [];
    for (const r of records) {
        const cells = indexed ? r.fields.slice(1) : r.fields;
        if (cells.length > width)
            return { error: `line ${r.line}: expected ${width} fields, saw ${r.fields.length}` };
        rows.push({ line: r.line, cells: [...cells, ...Array(width - cells.length).fill('')] });
    }
    return { columns: head.fields, rows };
}


/***/ }),

/***/ 2513:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aX: () => (/* binding */ ACTIONS_BOT),
  Ug: () => (/* binding */ COMMIT_PLACEHOLDER),
  Kb: () => (/* binding */ DEFAULT_COMMIT_MESSAGE)
});

// UNUSED EXPORTS: COMMIT_INPUTS, COMMIT_PLACEHOLDERS, commitTemplate, commitTemplateProblem, parsePerson, person

;// CONCATENATED MODULE: ./build/tmp/js/src/settings/readers.js

/** A bad input: names the input, the value and the expected form. */
class InputError extends Error {
    name = 'InputError';
}
/** `true`/`false` (also yes/no, on/off, 1/0). */
function bool(fallback) {
    return {
        kind: 'boolean',
        default: String(fallback),
        parse(raw, name) {
            const v = raw.toLowerCase();
            if (['true', 'yes', 'on', '1'].includes(v))
                return true;
            if (['false', 'no', 'off', '0'].includes(v))
                return false;
            throw new InputError(`Input "${name}" must be true or false; got "${raw}".`);
        }
    };
}
function decimalIn(raw, name, min, max) {
    const n = parseDecimal(raw);
    if (n === null || n < min || n > max)
        throw new InputError(`Input "${name}" must be a decimal number from ${min} to ${max} (no hex, exponent or Infinity); got "${raw}".`);
    return n;
}
/** A decimal number in [min, max]; `integer` rounds it down (a count). */
function decimal(fallback, min, max, integer = false) {
    return {
        kind: 'number',
        default: String(fallback),
        min,
        max,
        parse: (raw, name) => {
            const n = decimalIn(raw, name, min, max);
            return integer ? Math.floor(n) : n;
        }
    };
}
/** A decimal number in [min, max], or undefined when empty. */
function optionalDecimal(min, max) {
    return {
        kind: 'number',
        default: '',
        min,
        max,
        parse: (raw, name) => (raw === '' ? undefined : decimalIn(raw, name, min, max))
    };
}
/** One of `choices`. */
function choice(choices, fallback) {
    return {
        kind: 'choice',
        default: fallback,
        choices,
        parse(raw, name) {
            if (!choices.includes(raw))
                throw new InputError(`Input "${name}" must be one of ${choices.join(', ')}; got "${raw}".`);
            return raw;
        }
    };
}
/**
 * Text; `problem` returns the whole error message for a refused value (it names the input), or null. An empty
 * value (with an empty default) is undefined.
 */
function readers_text(fallback = '', problem) {
    return {
        kind: 'text',
        default: fallback,
        parse(raw, name) {
            if (raw === '')
                return undefined;
            const why = problem?.(raw, name) ?? null;
            if (why !== null)
                throw new InputError(why);
            return raw;
        }
    };
}
/**
 * A comma- or newline-separated list; `globs` keeps a comma inside braces (`calc_{python,typescript}`) in its
 * glob. `problem` refuses an entry (given its 1-based index) with the whole error message.
 */
function list(fallback = '', o = {}) {
    return {
        kind: 'list',
        default: fallback,
        parse(raw, name) {
            const items = o.globs
                ? splitGlobList(raw)
                : raw
                    .split(/[\n,]/)
                    .map(s => s.trim())
                    .filter(Boolean);
            items.forEach((item, i) => {
                const why = o.problem?.(item, i + 1, name) ?? null;
                if (why !== null)
                    throw new InputError(why);
            });
            return items;
        }
    };
}
/** A git branch name (`refs/heads/` is dropped), or undefined when empty. */
function branch() {
    return {
        kind: 'branch',
        default: '',
        parse(given, name) {
            const raw = given.replace(/^refs\/heads\//, '');
            if (raw === '')
                return undefined;
            const problem = branchNameProblem(raw);
            if (problem !== null)
                throw new InputError(`Input "${name}" must be a branch name such as pdd-sync/main; "${raw}" ${problem}.`);
            return raw;
        }
    };
}
/** A token: masked in the log as soon as it is read, never echoed. `expression` is action.yml's default. */
function secret(expression) {
    return { kind: 'secret', default: '', expression, parse: raw => raw };
}
/** An input of a later version: declared without a default, and refused when set (never silently ignored). */
function notImplemented() {
    return {
        kind: 'not-implemented',
        default: undefined,
        parse(raw, name) {
            if (raw !== '')
                throw new InputError(`Input "${name}" is not implemented yet in this version of pdd-sync-action; remove it.`);
            return undefined;
        }
    };
}
/** An input that no longer does anything: still declared (deprecated), and a warning when it is given. */
function removed(removal) {
    return { kind: 'removed', default: undefined, removal, parse: () => undefined };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/settings/commit-inputs.js

/** The github-actions bot, create-pull-request's default committer (and this action's default author). */
const ACTIONS_BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com'
};
/** The placeholders of input `commit-message`, and what each stands for. */
const COMMIT_PLACEHOLDERS = {
    unit: '`<basename> (<languages>)`, e.g. `calc (python, typescript)`',
    basename: 'the basename, e.g. `pkg/calc`',
    languages: 'the languages, comma-separated',
    operations: 'the operations PDD ran, comma-separated (`sync` when none was reported)'
};
/** The default of input `commit-message`: the subject every earlier version wrote. */
const DEFAULT_COMMIT_MESSAGE = 'pdd-sync: {unit}: {operations}';
/** A placeholder in a template: `{name}`. */
const COMMIT_PLACEHOLDER = /\{([^{}\s]*)\}/g;
/** What is wrong with a template (for the error naming the input), or null. */
function commitTemplateProblem(template) {
    if ((template.replace(/\r\n/g, '\n').split('\n')[0] ?? '').trim() === '')
        return 'its first line (the subject) is empty';
    for (const m of template.matchAll(COMMIT_PLACEHOLDER)) {
        const known = Object.keys(COMMIT_PLACEHOLDERS).map(k => `{${k}}`);
        if (!((m[1] ?? '') in COMMIT_PLACEHOLDERS))
            return `"{${m[1] ?? ''}}" is not a placeholder (use ${known.join(', ')})`;
    }
    return null;
}
/** Input `commit-message`: a template (the first line is the subject). */
function commitTemplate() {
    return {
        kind: 'text',
        default: DEFAULT_COMMIT_MESSAGE,
        parse(raw, name) {
            const problem = commitTemplateProblem(raw);
            if (problem)
                throw new InputError(`Input "${name}" is not a commit message template: ${problem}.`);
            return raw;
        }
    };
}
// create-pull-request's form: a name, then an email in angle brackets.
const PERSON = /^([^<>\r\n]+?)\s*<([^<>\s@]+@[^<>\s@]+)>$/;
/** `Display Name <email@address.com>` as author and committer, or null when it is not one. */
function parsePerson(raw) {
    const m = PERSON.exec(raw.trim());
    return m?.[1] && m[2] ? { name: m[1].trim(), email: m[2] } : null;
}
/** Input `author` or `committer`. */
function person() {
    return {
        kind: 'text',
        default: `${ACTIONS_BOT.name} <${ACTIONS_BOT.email}>`,
        parse(raw, name) {
            const p = parsePerson(raw);
            if (!p)
                throw new InputError(`Input "${name}" must be "Display Name <email@address.com>"; got "${raw.slice(0, 200)}".`);
            return p;
        }
    };
}
/** The rows of the input table (src/settings/inputs.ts) these inputs add, in action.yml's order. */
const COMMIT_INPUTS = {
    'commit-message': commitTemplate(),
    author: person(),
    committer: person(),
    'sign-commits': bool(false)
};


/***/ }),

/***/ 559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ unitList),
/* harmony export */   z: () => (/* binding */ parseMatrix)
/* harmony export */ });
/** Input `matrix` of the fan-out modes: the plan job's `matrix` output read back (docs/architecture.md "Modes"). */
/** The unit ids of a leg's `units` value (one a line; commas accepted too). */
function unitList(raw) {
    return raw
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(Boolean);
}
/**
 * Reads a `matrix` output back (input `matrix` of the finalize job); throws a readable error naming what is
 * wrong. Accepts the strings this version writes and, leniently, numbers and arrays.
 */
function parseMatrix(raw) {
    let v;
    try {
        v = JSON.parse(raw);
    }
    catch (e) {
        throw new Error(`the matrix is not JSON: ${e.message}`);
    }
    const include = v?.include;
    if (!Array.isArray(include))
        throw new Error('the matrix has no "include" list');
    const seen = new Set();
    return include.map((leg, i) => {
        const l = (leg ?? {});
        const shard = Number(l.shard);
        if (!Number.isInteger(shard) || shard < 0 || seen.has(shard))
            throw new Error(`matrix leg ${i + 1} has no valid, distinct "shard" index`);
        seen.add(shard);
        const units = Array.isArray(l.units)
            ? l.units.map(String)
            : typeof l.units === 'string'
                ? unitList(l.units)
                : null;
        if (!units)
            throw new Error(`matrix leg ${i + 1} has no "units"`);
        const budget = l.budget === undefined ? 0 : Number(l.budget);
        if (!Number.isFinite(budget) || budget < 0)
            throw new Error(`matrix leg ${i + 1} has a bad "budget"`);
        return { shard, units, budget };
    });
}


/***/ }),

/***/ 9583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ summarizeSpend),
/* harmony export */   IS: () => (/* binding */ hasCaps),
/* harmony export */   P4: () => (/* binding */ effectiveBudget)
/* harmony export */ });
/* unused harmony export utcDay */
/** Rounds dollars to 6 decimals, the precision of PDD's cost column. */
function round(x) {
    return Math.round(x * 1e6) / 1e6;
}
/** The UTC `YYYY-MM-DD` of an ISO-8601 time, or null when it is not a time. */
function utcDay(iso) {
    const t = Date.parse(iso);
    return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}
/** A record that ends its run: anything but a partial record written while the run was still going. */
function isFinal(r) {
    return r.partial !== true;
}
/** Per run id: the largest spend recorded, the date of that record, and whether a final record exists. */
function runsOf(records, exclude) {
    const runs = new Map();
    for (const r of records) {
        const day = utcDay(r.createdAt);
        if (r.runId === exclude || day === null)
            continue;
        const spent = typeof r.spent === 'number' && Number.isFinite(r.spent) && r.spent > 0 ? r.spent : 0;
        const seen = runs.get(r.runId);
        if (!seen)
            runs.set(r.runId, { spent, day, final: isFinal(r) });
        else {
            if (spent > seen.spent)
                Object.assign(seen, { spent, day });
            seen.final ||= isFinal(r);
        }
    }
    return runs;
}
/** Sums earlier runs' spend and other runs' open reservations by UTC day and month of `now`. */
function summarizeSpend(o) {
    const day = o.now.toISOString().slice(0, 10);
    const month = day.slice(0, 7);
    const s = { day, month, spentToday: 0, spentMonth: 0, heldToday: 0, heldMonth: 0 };
    const runs = runsOf(o.records, o.excludeRunId);
    for (const run of runs.values()) {
        if (run.day === day)
            s.spentToday += run.spent;
        if (run.day.startsWith(month))
            s.spentMonth += run.spent;
    }
    const held = new Map();
    for (const r of o.reservations) {
        const at = utcDay(r.createdAt);
        const until = Date.parse(r.expiresAt);
        if (r.runId === o.excludeRunId || at === null || !(until > o.now.getTime()))
            continue;
        const run = runs.get(r.runId);
        if (run?.final)
            continue;
        // A run that re-reserved (a retried push) holds its latest reservation only.
        const prev = held.get(r.runId);
        if (prev && prev.at > r.createdAt)
            continue;
        held.set(r.runId, { amount: Math.max(0, r.amount - (run?.spent ?? 0)), day: at, at: r.createdAt });
    }
    for (const h of held.values()) {
        if (h.day === day)
            s.heldToday += h.amount;
        if (h.day.startsWith(month))
            s.heldMonth += h.amount;
    }
    for (const k of ['spentToday', 'spentMonth', 'heldToday', 'heldMonth'])
        s[k] = round(s[k]);
    return s;
}
/** min(budget, what is left under each cap), and which cap lowered it or left nothing. */
function effectiveBudget(budget, caps, s) {
    const out = { budget: Math.max(0, budget), requested: budget };
    const left = (cap, used) => Math.max(0, round(cap - used));
    if (caps.daily !== undefined)
        out.leftToday = left(caps.daily, s.spentToday + s.heldToday);
    if (caps.monthly !== undefined)
        out.leftMonth = left(caps.monthly, s.spentMonth + s.heldMonth);
    for (const [which, l] of [
        ['daily', out.leftToday],
        ['monthly', out.leftMonth]
    ]) {
        if (l === undefined || l >= out.budget)
            continue;
        out.budget = l;
        out.limitedBy = which;
    }
    if (out.limitedBy && out.budget <= 0)
        out.reached = out.limitedBy;
    return out;
}
/** Whether any cap is set. */
function hasCaps(caps) {
    return caps.daily !== undefined || caps.monthly !== undefined;
}


/***/ })

};
