export const id = 610;
export const ids = [610];
export const modules = {

/***/ 610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INTERRUPTED: () => (/* binding */ INTERRUPTED),
  RUN_USAGE: () => (/* reexport */ run_options/* RUN_USAGE */.W3),
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/tmp/js/src/execute/group-timing.js
var group_timing = __webpack_require__(7549);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/git.js + 14 modules
var adapters_git = __webpack_require__(7929);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/reporter.js
var adapters_reporter = __webpack_require__(3145);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/options.js + 1 modules
var options = __webpack_require__(2185);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/pdd-process.js + 1 modules
var pdd_process = __webpack_require__(8248);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/publish.js
var publish = __webpack_require__(707);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/artifact.js


/** An {@link ArtifactUploader} that copies the files into `<dir>/<name>/` (the CLI, tests). */
class artifact_DirectoryUploader {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    get where() {
        return this.dir;
    }
    /** The folder the files are copied to. */
    label(name) {
        return external_node_path_.join(this.dir, name);
    }
    upload(name, files, rootDirectory) {
        const target = external_node_path_.join(this.dir, name);
        // Synchronous: many small files, each a thread-pool round trip otherwise.
        (0,external_node_fs_.mkdirSync)(target, { recursive: true });
        for (const f of files) {
            const to = external_node_path_.join(target, external_node_path_.relative(rootDirectory, f));
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(to), { recursive: true });
            (0,external_node_fs_.copyFileSync)(f, to);
        }
        return Promise.resolve({ size: files.length });
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/log-artifact.js



/** Limits of the log artifact: each file keeps its last `fileBytes`; files past `totalBytes` are left out. */
const LOG_LIMITS = { fileBytes: 10 * 1024 * 1024, totalBytes: 100 * 1024 * 1024 };
/**
 * Uploads every group's full pdd output and a failed group's PDD files (docs/architecture.md "Logs") as one
 * artifact: each file redacted first (into a sibling folder; the raw folder is removed), cut to its last
 * `fileBytes`, and the whole to `totalBytes` (outputs first). Null when no group wrote anything. Never throws.
 */
async function uploadLogs(o) {
    const limits = o.limits ?? LOG_LIMITS;
    const files = (await listFiles(o.dir).catch(() => [])).sort(outputsFirst);
    if (files.length === 0)
        return null;
    const staged = `${o.dir}-redacted`;
    const kept = [];
    let total = 0;
    let left = 0;
    try {
        for (const rel of files) {
            // Synchronous reads and writes: small files, one after the other, each a thread-pool round trip otherwise.
            const text = boundedText(external_node_path_.join(o.dir, rel), limits.fileBytes);
            const bytes = Buffer.byteLength(text);
            if (total + bytes > limits.totalBytes) {
                left++;
                continue;
            }
            const to = external_node_path_.join(staged, rel);
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(to), { recursive: true });
            (0,external_node_fs_.writeFileSync)(to, o.redactor.redact(text));
            kept.push(to);
            total += bytes;
        }
    }
    finally {
        await (0,promises_.rm)(o.dir, { recursive: true, force: true }).catch(() => undefined);
    }
    const over = left > 0 ? ` (${left} file(s) left out: over ${limits.totalBytes / 1024 / 1024} MB in all)` : '';
    try {
        const up = await o.uploader.upload(o.name, kept, staged);
        const url = up.id !== undefined && o.runUrl ? `${o.runUrl}/artifacts/${up.id}` : undefined;
        const label = o.uploader.label?.(o.name) ?? `${o.uploader.where} "${o.name}"`;
        const message = `Logs: ${label} holds each group's full pdd output and, for failed groups, PDD's crash logs and debug snapshot${over}.`;
        return { name: o.name, uploaded: true, files: kept.length, ...(url ? { url } : {}), message };
    }
    catch (e) {
        const why = e.message.split('\n')[0] ?? '';
        const message = `The logs could not be uploaded as "${o.name}" (${o.redactor.redact(why)}); they are in ${staged}.`;
        return { name: o.name, uploaded: false, files: kept.length, message };
    }
}
/** The group's output files before PDD's own files, each in path order. */
function outputsFirst(a, b) {
    const rank = (f) => (f.endsWith('pdd-output.log') ? 0 : 1);
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
/** The file as text, cut to its last `max` bytes with a first line that says so. */
function boundedText(file, max) {
    const size = (0,external_node_fs_.statSync)(file).size;
    const buf = (0,external_node_fs_.readFileSync)(file);
    if (size <= max)
        return buf.toString('utf8');
    return `[… the first ${size - max} bytes are left out]\n` + buf.subarray(size - max).toString('utf8');
}
async function listFiles(dir, prefix = '') {
    const out = [];
    for (const e of await (0,promises_.readdir)(external_node_path_.join(dir, prefix), { withFileTypes: true })) {
        const rel = external_node_path_.join(prefix, e.name);
        if (e.isDirectory())
            out.push(...(await listFiles(dir, rel)));
        else if (e.isFile())
            out.push(rel);
    }
    return out;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli/prune-logs.js
/**
 * The CLI keeps one log folder a run (docs/architecture.md "Logs"); this keeps their number bounded: after a run,
 * only the newest {@link KEEP_RUNS} run folders stay. It deletes nothing but folders named as a run's
 * (`pdd-sync-logs-<uuid>`) directly inside the logs folder: never a symbolic link, a file, or anything else that
 * lives there (`--logs` may name a folder the user keeps other things in).
 */


/** How many run folders stay after a run (the newest, by modification time; the current run's always stays). */
const KEEP_RUNS = 20;
const RUN_FOLDER = /^pdd-sync-logs-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * Removes the run folders of `root` beyond the `keep` newest, counting `current` (this run's folder name, never
 * removed) as the newest. A folder that cannot be examined is left; pruning never fails a run.
 */
async function pruneRunLogs(root, current, keep = KEEP_RUNS) {
    let names;
    try {
        names = await (0,promises_.readdir)(root);
    }
    catch (e) {
        const code = e.code;
        return code === 'ENOENT' ? { removed: [] } : { removed: [], error: e.message };
    }
    const runs = [];
    for (const name of names.filter(n => RUN_FOLDER.test(n) && n !== current)) {
        const st = await (0,promises_.lstat)(external_node_path_.join(root, name)).catch(() => null);
        if (st?.isDirectory())
            runs.push({ name, mtime: st.mtimeMs });
    }
    // Newest first; the name breaks ties so the order never depends on readdir's.
    runs.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name));
    const old = runs.slice(Math.max(0, keep - 1)).reverse();
    const removed = [];
    for (const { name } of old) {
        try {
            await (0,promises_.rm)(external_node_path_.join(root, name), { recursive: true });
            removed.push(name);
        }
        catch (e) {
            return { removed, error: `${name}: ${e.message}` };
        }
    }
    return { removed };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli/logs.js
/**
 * The CLI's copy of the action's log artifact (docs/architecture.md "Logs"): the same redacted files — each
 * group's full pdd output and a failed group's PDD files — kept in a folder instead of uploaded.
 */





/** The folders of {@link CliLogs}: nothing is written outside the repository unless `--logs` names a place. */
async function cliLogs(git, option, runId) {
    const own = external_node_path_.join(await git.commonDir(), 'pdd-sync');
    return {
        root: option === undefined ? external_node_path_.join(own, 'logs') : external_node_path_.resolve(option),
        scratch: external_node_path_.join(own, `logs-raw-${runId}`),
        name: `pdd-sync-logs-${runId}`
    };
}
/**
 * Keeps the logs the groups wrote, redacted, as `<root>/<name>/` and says where (null when none was written);
 * then removes the run folders of `<root>` beyond the newest {@link KEEP_RUNS}.
 */
async function keepLogs(l, redactor, reporter) {
    const where = await keepRunLogs(l, redactor, reporter);
    const pruned = await pruneRunLogs(l.root, l.name);
    if (pruned.removed.length > 0)
        reporter.info(`Logs: removed ${pruned.removed.length} older run folder(s) from ${l.root} (the newest ${KEEP_RUNS} stay).`);
    if (pruned.error !== undefined)
        reporter.warning(`Logs: could not remove old run folders: ${pruned.error}`);
    return where;
}
async function keepRunLogs(l, redactor, reporter) {
    const logs = await uploadLogs({
        dir: l.scratch,
        uploader: new artifact_DirectoryUploader(l.root),
        name: l.name,
        redactor
    });
    if (logs === null)
        return null;
    if (!logs.uploaded) {
        reporter.warning(logs.message);
        return null;
    }
    await (0,promises_.rm)(`${l.scratch}-redacted`, { recursive: true, force: true });
    const where = external_node_path_.join(l.root, l.name);
    reporter.info(logs.message);
    return where;
}

// EXTERNAL MODULE: ./build/tmp/js/src/execute/execute.js + 22 modules
var execute = __webpack_require__(8370);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/run-lock.js



/** The lock file, in the repository's common git directory (shared by its worktrees). */
const LOCK_FILE = 'pdd-sync.lock';
/** Another run holds the repository. */
class RunLockBusy extends Error {
    pid;
    since;
    constructor(pid, since) {
        super(`Another pdd-sync run is in progress in this repository (pid ${pid} since ${since}); try again later.`);
        this.pid = pid;
        this.since = since;
        this.name = 'RunLockBusy';
    }
}
/**
 * Takes the per-repository run lock before anything is spent (docs/architecture.md, "Trust"): `open(…, 'wx')` creates the file
 * only if it does not exist, so of two runs exactly one gets it. The file holds the pid and start time; a lock
 * whose process is gone (a crash, kill -9) is stale and taken over. Throws {@link RunLockBusy} otherwise.
 */
async function acquireRunLock(gitDir, isAlive = pidAlive) {
    const file = external_node_path_.join(gitDir, LOCK_FILE);
    const me = { pid: process.pid, since: new Date().toISOString() };
    // A lock naming this very process that this process does not hold was left by an earlier process that had
    // the same pid: a container's `node` is pid 1 in every run, so a killed run's lock would otherwise never go.
    const alive = (pid) => (pid === process.pid ? heldHere.has(file) : isAlive(pid));
    for (let attempt = 0; attempt < 3; attempt++) {
        try {
            const fh = await (0,promises_.open)(file, 'wx');
            await fh.writeFile(JSON.stringify(me) + '\n');
            await fh.close();
            heldHere.add(file);
            return {
                file,
                release: async () => {
                    heldHere.delete(file);
                    await releaseIfOurs(file, me);
                }
            };
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
        const holder = await readHolder(file);
        if (holder && alive(holder.pid))
            throw new RunLockBusy(holder.pid, holder.since);
        // Unreadable: being written this instant, or corrupt. Give the writer a moment.
        if (!holder)
            await new Promise(r => setTimeout(r, 100));
        // Stale (its process is gone): removed only if it still names that process (another run may have taken
        // it over meanwhile).
        const now = await readHolder(file);
        if (now && alive(now.pid))
            throw new RunLockBusy(now.pid, now.since);
        if (holder === null ? now === null : now?.pid === holder.pid)
            await (0,promises_.rm)(file, { force: true });
    }
    const holder = await readHolder(file);
    throw new RunLockBusy(holder?.pid ?? 0, holder?.since ?? 'just now');
}
/** The lock files this process holds. */
const heldHere = new Set();
/** Whether a process with this pid exists (signal 0 checks without signalling). */
function pidAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return !zombie(pid);
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
async function readHolder(file) {
    try {
        const v = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        if (typeof v === 'object' && v !== null && typeof v.pid === 'number') {
            const h = v;
            return { pid: h.pid, since: typeof h.since === 'string' ? h.since : 'an unknown time' };
        }
        return null;
    }
    catch {
        return null;
    }
}
async function releaseIfOurs(file, me) {
    const holder = await readHolder(file);
    if (holder?.pid === me.pid && holder.since === me.since)
        await (0,promises_.rm)(file, { force: true });
}
/**
 * Whether `pid` has ended but not been reaped (state `Z` in `/proc/<pid>/stat`, Linux): a run killed with SIGKILL
 * in a container without an init stays a zombie, which signal 0 still reaches. False where there is no `/proc`.
 */
function zombie(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/adapters/executables.js
var executables = __webpack_require__(7527);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/runtime-install.js
var runtime_install = __webpack_require__(4024);
;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/agents.js
/** The operations PDD 0.0.310 hands to an agent CLI for a non-Python language. */
const AGENT_OPERATIONS = new Set(['verify', 'test', 'test_extend', 'fix']);
/** `CLI_COMMANDS` of `pdd/agentic_common.py`, with the Google provider's two binaries. */
const AGENT_CLIS = [
    { provider: 'anthropic', executables: ['claude'] },
    { provider: 'google', executables: ['agy', 'gemini'] },
    { provider: 'openai', executables: ['codex'] },
    { provider: 'opencode', executables: ['opencode'] }
];
/** The planned operations of a unit of `language` that PDD runs only through an agent CLI. */
function agentOperations(language, planned) {
    if (language.toLowerCase() === 'python')
        return [];
    return [...new Set(planned.filter(op => AGENT_OPERATIONS.has(op)))];
}
/**
 * Why a unit of `language` with `planned` operations cannot sync for want of an agent CLI, or null when it can
 * (Python, no verify or test planned, or an agent PDD would accept and is allowed to start).
 */
function missingAgent(language, planned, agents) {
    const ops = agentOperations(language, planned);
    if (ops.length === 0)
        return null;
    if (agents.allowed && agents.available.length > 0)
        return null;
    const what = `PDD runs ${ops.join(' and ')} for ${language} only through an agent CLI`;
    const ways = 'or set `skip-verify: true` and `skip-tests: true` for it';
    if (agents.available.length > 0)
        return (`${what}, and \`agentic-fallback\` is off (${agents.available.join(', ')} found): ` +
            `set \`agentic-fallback: true\` (agent spending is outside the budget), ${ways}`);
    return (`${what} (claude, gemini, agy, codex or opencode), and none is usable here: install and sign in one on the ` +
        `runner and set \`agentic-fallback: true\`, ${ways}`);
}
/**
 * The providers `get_available_agents()` of `pdd/agentic_common.py` would return, in the order
 * `PDD_AGENTIC_PROVIDER` (or PDD's default) prefers, minus those `PDD_AGENTIC_DISABLED_PROVIDERS` names. Where PDD's sign-in test
 * reads more than this checks (OpenCode's configuration), the provider counts as available: PDD then fails with
 * its own reason rather than the action skipping a unit that might run.
 */
function availableAgents(probe) {
    const { env, found, homeFile } = probe;
    const out = [];
    if (found('claude'))
        out.push('anthropic');
    const google = env.PDD_GOOGLE_CLI?.trim().toLowerCase();
    const googleBins = google === 'agy' || google === 'gemini' ? [google] : ['agy', 'gemini'];
    const googleAuth = Boolean(env.GOOGLE_API_KEY || env.GEMINI_API_KEY || env.ANTIGRAVITY_API_KEY) ||
        (env.GOOGLE_GENAI_USE_VERTEXAI === 'true' &&
            Boolean(env.GOOGLE_APPLICATION_CREDENTIALS || env.GOOGLE_CLOUD_PROJECT || env.VERTEXAI_PROJECT)) ||
        homeFile('.gemini/oauth_creds.json') ||
        homeFile('.gemini/antigravity-cli/oauth_creds.json');
    if (googleBins.some(found) && googleAuth)
        out.push('google');
    const codexAuth = Boolean(env.OPENAI_API_KEY || env.PDD_CODEX_AUTH_AVAILABLE) || homeFile('.codex/auth.json');
    if (found('codex') && codexAuth)
        out.push('openai');
    if (found('opencode'))
        out.push('opencode');
    const preferred = (env.PDD_AGENTIC_PROVIDER ?? '')
        .split(',')
        .map(p => (p.trim() === 'antigravity' ? 'google' : p.trim()))
        .filter(Boolean);
    // `PDD_AGENTIC_DISABLED_PROVIDERS` (`provider:class,…`) drops providers from every candidate list.
    const disabled = new Set((env.PDD_AGENTIC_DISABLED_PROVIDERS ?? '').split(',').map(t => (t.split(':')[0] ?? '').trim()));
    const ordered = preferred.length > 0 ? [...new Set(preferred)].filter(p => out.includes(p)) : out;
    return ordered.filter(p => !disabled.has(p));
}

// EXTERNAL MODULE: ./build/tmp/js/src/discover/languages.js + 1 modules
var languages = __webpack_require__(4422);
;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/runtimes.js
/**
 * The executables PDD runs for a language (docs/architecture.md "Runtimes"), from its language table: the
 * `run_command` it runs examples with (crash, verify) and the `run_test_command` it runs tests with. Python
 * needs none: PDD runs both with its own interpreter (`sys.executable`, pytest in the venv). Pure.
 */

/** npm tools the action installs itself (`npx <tool>`); other executables must be on PATH. */
const PROVIDED_NPX_TOOLS = ['tsx'];
/** The setup step that puts an executable on a GitHub runner's PATH. */
const SETUP = {
    node: 'actions/setup-node',
    npx: 'actions/setup-node',
    go: 'actions/setup-go',
    java: 'actions/setup-java',
    kotlin: 'actions/setup-java with a Kotlin install (e.g. fwilhe2/setup-kotlin)',
    cargo: 'dtolnay/rust-toolchain',
    dotnet: 'actions/setup-dotnet',
    ruby: 'ruby/setup-ruby',
    php: 'shivammathur/setup-php',
    swift: 'swift-actions/setup-swift',
    dart: 'dart-lang/setup-dart',
    Rscript: 'r-lib/actions/setup-r',
    julia: 'julia-actions/setup-julia',
    elixir: 'erlef/setup-beam',
    escript: 'erlef/setup-beam',
    zig: 'mlugg/setup-zig',
    lua: 'leafo/gh-actions-lua',
    runhaskell: 'haskell-actions/setup',
    perl: 'shogo82148/actions-setup-perl',
    pwsh: 'PowerShell (preinstalled on GitHub-hosted runners)',
    scala: 'coursier/setup-action',
    gfortran: 'fortran-lang/setup-fortran',
    deno: 'denoland/setup-deno'
};
/** The setup action (or step) that provides `executable`. */
function setupFor(executable) {
    return SETUP[executable] ?? `a setup step that installs \`${executable}\``;
}
/**
 * What PDD runs for a unit of `language` (a plan language key such as `typescript`): each distinct executable
 * of its run and test commands. Python, and languages whose commands are empty, need nothing.
 */
function runtimeNeeds(language) {
    if (language.toLowerCase() === 'python')
        return [];
    const row = (0,languages/* rowFor */.QW)(language);
    if (!row)
        return [];
    const out = [];
    for (const command of [row.runCommand, row.runTestCommand]) {
        const need = needOf(command.trim());
        if (need && !out.some(n => n.executable === need.executable && n.npxTool === need.npxTool))
            out.push(need);
    }
    return out;
}
function needOf(command) {
    const [first, second] = command.split(/\s+/);
    if (!first || first.includes('{'))
        return null;
    if (first === 'npx' && second && !second.startsWith('-'))
        return PROVIDED_NPX_TOOLS.includes(second)
            ? { executable: 'npx', command, npxTool: second }
            : { executable: 'npx', command };
    return { executable: first, command };
}
/** Whether any of `languages` runs an npm tool the action provides (so it must be installed first). */
function npxToolsFor(languages) {
    const tools = languages.flatMap(l => runtimeNeeds(l).flatMap(n => (n.npxTool ? [n.npxTool] : [])));
    return [...new Set(tools)];
}
/**
 * Why a unit of `language` cannot sync on this runner, or null when it can: the first needed executable that
 * `onPath` does not find, with the command PDD would run and the setup action that provides it.
 */
function missingRuntime(language, onPath) {
    for (const need of runtimeNeeds(language)) {
        if (onPath(need.executable))
            continue;
        return (`\`${need.executable}\` is not on PATH: PDD runs \`${need.command}\` for ${language}; ` +
            `add ${setupFor(need.executable)} before this action`);
    }
    return null;
}

// EXTERNAL MODULE: ./build/tmp/js/src/types.js
var types = __webpack_require__(7696);
;// CONCATENATED MODULE: ./build/tmp/js/src/execute/runtimes-step.js
/**
 * Runtimes before anything is paid (docs/architecture.md "Runtimes"): for the languages of the units with work,
 * the npm tools PDD runs through `npx` are installed (pinned, cached), every other executable PDD's language
 * table runs for them is looked up on pdd's PATH, and a unit whose planned verify or tests PDD runs only through
 * an agent CLI (docs/pdd-agents.md) needs one PDD would accept. A unit that cannot run is skipped with a reason
 * naming what is missing and how to provide it.
 */








/**
 * The units with work that cannot run on this runner (id → reason), found without installing anything: an
 * executable of their language missing from `env`'s PATH, or an agent CLI their planned operations need.
 */
function runtimes_step_checkRuntimes(planned, env, opts = {}) {
    const missing = new Map();
    const onPath = (exe) => (0,executables/* findOnPath */.a)(exe, env) !== null;
    let agents;
    for (const u of planned.plan.units.filter(x => (0,types/* hasWork */.OJ)(x.operation))) {
        const why = missingRuntime(u.language, onPath);
        if (why !== null) {
            missing.set(u.id, why);
            continue;
        }
        agents ??= { allowed: opts.agenticFallback ?? false, available: agentsOnRunner(env) };
        const noAgent = missingAgent(u.language, u.estimatedOperations, agents);
        if (noAgent !== null)
            missing.set(u.id, noAgent);
    }
    return missing;
}
/** Installs what the planned languages run through `npx` and checks the rest ({@link checkRuntimes}). */
async function provideRuntimes(planned, env, where, reporter, opts = {}) {
    const missing = runtimes_step_checkRuntimes(planned, env, opts);
    const needTsx = planned.plan.units
        .filter(u => (0,types/* hasWork */.OJ)(u.operation) && !missing.has(u.id))
        .filter(u => runtimeNeeds(u.language).some(n => n.npxTool === 'tsx'))
        .map(u => u.id);
    let nodeModules;
    if (needTsx.length > 0) {
        const version = where.tsxVersion ?? runtime_install/* PINNED_TSX_VERSION */.Ub;
        try {
            const tsx = await (0,runtime_install/* installNodeTool */.IO)({ name: 'tsx', version, ...where, reporter, env });
            nodeModules = tsx.nodeModules;
            reporter.info(`tsx ${version} for PDD's \`npx tsx\` in ${tsx.nodeModules} (${tsx.cacheHit ? 'restored from the cache' : 'ready'}).`);
        }
        catch (e) {
            const why = `tsx ${version} could not be provided for PDD's \`npx tsx\`: ${e.message}`;
            for (const id of needTsx)
                missing.set(id, why);
        }
    }
    for (const [id, why] of missing)
        reporter.warning(`${id} is skipped (nothing spent): ${why}`);
    return { nodeModules, missing };
}
/**
 * The agent providers PDD would accept with `env` (docs/pdd-agents.md): each CLI looked up as PDD's
 * `_find_cli_binary` does, on PATH and then in its common install folders under the home folder.
 */
function agentsOnRunner(env) {
    const home = env.HOME || (0,external_node_os_.homedir)();
    return availableAgents({
        env,
        found: exe => (0,executables/* findOnPath */.a)(exe, env) !== null || commonCliPaths(exe, home).some(executables/* isExecutable */.T),
        homeFile: rel => isFile(external_node_path_.join(home, rel))
    });
}
/** `_iter_common_cli_paths` of `pdd/agentic_common.py`, nvm's node versions expanded. */
function commonCliPaths(name, home) {
    const dirs = [
        external_node_path_.join(home, '.npm-global', 'bin'),
        external_node_path_.join(home, '.local', 'bin'),
        external_node_path_.join(home, 'bin'),
        '/usr/local/bin',
        '/opt/homebrew/bin',
        '/home/linuxbrew/.linuxbrew/bin',
        ...(name === 'agy' ? [external_node_path_.join(home, '.antigravity', 'bin')] : [])
    ];
    const nvm = external_node_path_.join(home, '.nvm', 'versions', 'node');
    try {
        for (const v of (0,external_node_fs_.readdirSync)(nvm))
            dirs.push(external_node_path_.join(nvm, v, 'bin'));
    }
    catch {
        // no nvm
    }
    return dirs.map(d => external_node_path_.join(d, name));
}
function isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/session.js




/** Runs every group of the plan that has work (step 5), with the invocation both entry points build alike. */
async function syncPlanned(o) {
    const s = o.settings;
    const work = o.planned.plan.units.some(u => (0,types/* hasWork */.OJ)(u.operation));
    const env = o.env ?? process.env;
    const check = { agenticFallback: s.agenticFallback };
    const runtimes = !work || !o.runtimes
        ? undefined
        : o.command.length > 0
            ? await o.reporter.group('Runtimes', () => provideRuntimes(o.planned, env, o.runtimes, o.reporter, check))
            : // No pdd (nothing can run, see anyUnitCanRun): the same check, so every unit gets its reason.
                { missing: reported(runtimes_step_checkRuntimes(o.planned, env, check), o.reporter) };
    return (0,execute/* executePlan */.vY)({
        git: o.git,
        planned: o.planned,
        planOptions: o.planOptions,
        branch: o.branch,
        base: o.base,
        budget: s.budget,
        concurrency: s.concurrency,
        policy: s.budgetPolicy,
        timeoutMs: s.timeoutMinutes * 60_000,
        invocation: {
            command: o.command,
            maxAttempts: s.maxAttempts,
            local: !s.pddCloud,
            context: o.planOptions.context,
            strength: s.strength,
            temperature: s.temperature,
            skipTests: o.planOptions.skipTests,
            skipVerify: o.planOptions.skipVerify,
            targetCoverage: o.planOptions.targetCoverage,
            agenticFallback: s.agenticFallback
        },
        reporter: o.reporter,
        signal: o.signal,
        runId: o.runId,
        env: o.env,
        withholdEnv: o.withholdEnv,
        keepPartial: s.keepPartial,
        onProgress: o.onProgress,
        deadline: deadlineOf(s.maxRunMinutes),
        runtimes,
        logDir: o.logDir,
        places: o.places,
        ...o.commits
    });
}
/** The part of `max-run-minutes` kept for publication: 20 %, at most two minutes. */
function publishMarginMs(maxRunMinutes) {
    return Math.min(120_000, maxRunMinutes * 60_000 * 0.2);
}
/**
 * Epoch ms by which every sync must end: the process start (the step's start) plus `max-run-minutes`, less the
 * publication margin. Undefined without a limit.
 */
function deadlineOf(maxRunMinutes, startedAt = Date.now() - process.uptime() * 1000) {
    if (maxRunMinutes === undefined)
        return undefined;
    return Math.round(startedAt + maxRunMinutes * 60_000 - publishMarginMs(maxRunMinutes));
}
/**
 * Runs `work` with an abort signal that SIGINT or SIGTERM (a cancelled workflow, Ctrl-C) fires: the running
 * syncs stop, nothing new starts, and `work` still returns what finished so it can be published.
 */
async function withCancellation(onCancel, work) {
    const abort = new AbortController();
    const stop = () => {
        onCancel();
        abort.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
        return await work(abort.signal);
    }
    finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
    }
}
/**
 * Whether any unit with work can run on this runner: false when every one lacks its runtime or an agent CLI
 * (or depends on one that does), so pdd need not be installed (docs/architecture.md "Runtimes").
 */
function anyUnitCanRun(planned, env, agenticFallback) {
    const cannot = withDependents(planned, checkRuntimes(planned, env, { agenticFallback }));
    return planned.plan.units.some(u => hasWork(u.operation) && !cannot.has(u.id));
}
function reported(missing, reporter) {
    for (const [id, why] of missing)
        reporter.warning(`${id} is skipped (nothing spent): ${why}`);
    return missing;
}

// EXTERNAL MODULE: ./build/tmp/js/src/fanout/reservations.js
var reservations = __webpack_require__(7658);
// EXTERNAL MODULE: ./build/tmp/js/src/fanout/report.js
var report = __webpack_require__(7003);
;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/resume.js



/**
 * Reads the shard's ref (fetched from `remote` first): the commit it holds (the lease of this attempt's first
 * push) and, when it is a report on the same base, what that attempt finished (docs/architecture.md "Modes").
 */
async function resumeShard(o) {
    const ref = (0,adapters_git/* shardRef */.yU)(o.runKey, o.shard);
    const lease = o.remote ? await o.git.fetchRef(o.remote, ref) : await o.git.commitOf(ref);
    if (!lease)
        return { lease: null, resumed: null };
    const text = await o.git.readFileAt(ref, 'shard.json');
    try {
        const r = (0,report/* parseShardReport */.sq)(text ?? '');
        if (r.baseSha !== o.baseSha || r.shard !== o.shard)
            return { lease, resumed: null };
        if (r.result.units.length === 0)
            return { lease, resumed: null };
        o.reporter.info(`Shard ${o.shard}: resuming from attempt ${r.attempt ?? '?'}, which finished ` +
            `${r.result.units.map(u => u.id).join(', ')}.`);
        return { lease, resumed: { units: r.result.units, spent: r.result.spent, head: r.head } };
    }
    catch {
        return { lease, resumed: null };
    }
}
/** Plans as `nothing` the units an earlier attempt finished: they are results of the run already. */
function skipDone(planned, resumed) {
    const done = new Set(resumed?.units.map(u => u.id) ?? []);
    for (const u of planned.plan.units) {
        if (!done.has(u.id) || !(0,types/* hasWork */.OJ)(u.operation))
            continue;
        planned.plan.estimatedCost = Math.max(0, planned.plan.estimatedCost - u.estimatedCost);
        Object.assign(u, {
            operation: 'nothing',
            reason: 'done by an earlier attempt of this shard',
            estimatedCost: 0
        });
    }
}
/** The attempt's result with the earlier attempt's units and spend in it (on the plan's base). */
function withResumed(result, resumed, baseSha) {
    if (!resumed)
        return result;
    const earlier = new Map(resumed.units.map(u => [u.id, u]));
    const units = result.units.map(u => earlier.get(u.id) ?? u);
    for (const u of resumed.units)
        if (!units.includes(u))
            units.push(u);
    const spent = Math.round((result.spent + resumed.spent) * 1e6) / 1e6;
    const budget = Math.round((result.budget + resumed.spent) * 1e6) / 1e6;
    return { ...result, units, spent, budget, baseSha };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/shard.js

/**
 * The reports of one shard attempt (docs/architecture.md "Modes"): after each group that landed, a partial
 * `shard.json` (`complete: false`, the units finished so far, their spend) goes to
 * `refs/pdd-sync/runs/<run key>/shard-<k>`, as a report commit on top of the shard's head, so that a job killed
 * later keeps what it paid for; the last report says `complete: true`. Every push is leased on the commit this
 * attempt last saw there, so two attempts cannot replace each other's report: the one that loses stops
 * reporting. One push at a time; progress offered meanwhile is coalesced into the next.
 */
class ShardReporter {
    o;
    latest = null;
    running = null;
    lost = false;
    /** Units finished when the job was cancelled (what a cancelled attempt reports as done). */
    frozen = null;
    finished = [];
    ref;
    constructor(o) {
        this.o = o;
        this.ref = (0,adapters_git/* shardRef */.yU)(o.runKey, o.shard);
    }
    /** Queues a partial report of `p` (the newest progress wins); returns at once. */
    offer(p) {
        this.finished = p.units;
        if (this.lost)
            return;
        this.latest = p;
        this.running ??= this.drain();
    }
    /** The job was cancelled: units finishing from now on (stopped syncs) are left for a re-run. */
    freeze() {
        this.frozen ??= new Set(this.finished.map(u => u.id));
    }
    /**
     * The last report, after the round in flight: `complete: true` unless the job was cancelled, when only the
     * units finished before it (and those that synced since) count as done. Returns the ref, or null when another
     * attempt took it over.
     */
    async finish(result) {
        this.latest = null;
        while (this.running)
            await this.running;
        const cancelled = this.frozen !== null || result.cancelled === true;
        const frozen = this.frozen ?? new Set(this.finished.map(u => u.id));
        const resumed = new Set(this.o.resumed?.units.map(u => u.id) ?? []);
        const kept = cancelled
            ? result.units.filter(u => resumed.has(u.id) || frozen.has(u.id) || u.status === 'synced')
            : result.units;
        const report = { ...result, units: kept };
        if (cancelled)
            report.spent = Math.max(result.spent, spentOf(kept));
        await this.push(report, result.head ?? this.o.baseSha, !cancelled);
        return this.lost ? null : this.ref;
    }
    async drain() {
        while (this.latest && !this.lost) {
            const p = this.latest;
            this.latest = null;
            const r = this.o.resumed;
            const units = [...(r?.units ?? []), ...p.units];
            const partial = { budget: this.o.budget, spent: spentOf(units), units, head: p.head };
            await this.push(partial, p.head, false).catch((e) => this.o.reporter.warning(`Could not push the shard's progress (the next push retries): ${e.message}`));
        }
        this.running = null;
    }
    async push(result, head, complete) {
        if (this.lost)
            return;
        const o = this.o;
        const report = {
            version: 1,
            runKey: o.runKey,
            shard: o.shard,
            ...(o.attempt ? { attempt: o.attempt } : {}),
            baseSha: o.baseSha,
            head,
            complete,
            result,
            promptPaths: o.promptPaths,
            contextOf: o.contextOf
        };
        const commit = await o.git.writeFileCommit({
            ref: this.ref,
            name: 'shard.json',
            text: JSON.stringify(o.redactor.redactJson(report)) + '\n',
            parent: head,
            message: `pdd-sync: shard ${o.shard} of run ${o.runKey}${complete ? '' : ' (partial)'}`,
            who: o.identity
        });
        if (o.remote === null)
            return;
        if (await o.git.pushRefLeased(o.remote, this.ref, o.lease)) {
            o.lease = commit;
            const done = result.units.length;
            o.reporter.info(`Shard ${o.shard}: ${complete ? 'reported' : `${done} unit(s) done, pushed`} to ${this.ref}.`);
        }
        else {
            this.lost = true;
            o.reporter.warning(`Shard ${o.shard}: ${this.ref} moved on ${o.remote} (another attempt of this shard?); not reporting over it.`);
        }
    }
}
/** Dollars the units cost (unknown costs count nothing). */
function spentOf(units) {
    return Math.round(units.reduce((a, u) => a + (u.cost ?? 0), 0) * 1e6) / 1e6;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/session.js



/**
 * Starts a shard attempt (docs/architecture.md "Modes"): resumes from the shard's ref when an earlier attempt
 * left a report there (its units are planned as `nothing` and not paid for again), and reports after each
 * group that lands.
 */
async function startShard(o) {
    const { lease, resumed } = await resumeShard(o);
    skipDone(o.planned, resumed);
    const paths = pathsOf(o.planned);
    const reporter = new ShardReporter({ ...o, ...paths, lease, resumed });
    return {
        reporter,
        resumed,
        start: resumed?.head ?? o.baseSha,
        budget: Math.max(0, Math.round((o.budget - (resumed?.spent ?? 0)) * 1e4) / 1e4),
        finish: async (raw) => {
            const result = withResumed(raw, resumed, o.baseSha);
            const ref = await reporter.finish(result);
            if (o.reservation)
                await settleOwn(o, o.reservation, result.spent);
            return { ref, result };
        }
    };
}
/** The shard's reservations now hold its spend only, until finalize's run record counts it. */
async function settleOwn(o, r, spent) {
    await (0,reservations/* settleReservations */.FC)({
        git: o.git,
        remote: o.remote,
        ref: r.ref,
        identity: o.identity,
        // Earlier attempts' reservations too: this attempt's spend includes theirs.
        match: id => id === r.runId || id.startsWith(`${o.runKey}-shard-${o.shard}-`),
        amount: x => (x.runId === r.runId ? spent : 0)
    }).catch((e) => o.reporter.warning(`Could not settle the shard's spend reservation: ${e.message}`));
}
/** Prompt path and context of every planned unit (what the finalize's checklist shows). */
function pathsOf(planned) {
    const promptPaths = {};
    const contextOf = {};
    for (const u of planned.plan.units) {
        promptPaths[u.id] = u.paths.prompt;
        if (u.context)
            contextOf[u.id] = u.context;
    }
    return { promptPaths, contextOf };
}

// EXTERNAL MODULE: ./build/tmp/js/src/publish/notes-writer.js
var notes_writer = __webpack_require__(7090);
// EXTERNAL MODULE: ./build/tmp/js/src/state/record.js
var record = __webpack_require__(5222);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/rescue.js



/** File names inside the artifact. */
const RESCUE_FILES = { bundle: 'pdd-sync.bundle', record: 'run-record.json', result: 'result.json' };
/**
 * Keeps a run's paid work when the final publish failed (docs/architecture.md, "Trust"): a `git bundle` of the synced commits
 * (those of the bot branch the base lacks), the run record (one JSON line, as the notes hold it) and the
 * RunResult, uploaded as one artifact. Never throws: a failed upload leaves the files in `dir` and says so.
 */
async function rescue_rescueWork(o) {
    await mkdir(o.dir, { recursive: true });
    const files = [];
    const bundled = await bundle(o).catch(() => null);
    if (bundled)
        files.push(bundled);
    files.push(await write(o.dir, RESCUE_FILES.record, formatRecord(o.record) + '\n'));
    files.push(await write(o.dir, RESCUE_FILES.result, JSON.stringify(o.result, null, 2) + '\n'));
    const apply = bundled
        ? ` To apply it: download and unzip it, then \`git fetch ${RESCUE_FILES.bundle} ` +
            `refs/heads/${o.branch}:refs/heads/${o.branch} && git push origin ${o.branch}\` (the bundle needs the ` +
            `base commit ${o.baseSha.slice(0, 12)}); the run record is ${RESCUE_FILES.record}.`
        : ` It holds the run record (${RESCUE_FILES.record}) and the result; no commit was synced.`;
    try {
        await o.uploader.upload(o.name, files, o.dir);
        return {
            files,
            uploaded: true,
            message: `The paid work is kept in ${o.uploader.where} "${o.name}".${apply}`
        };
    }
    catch (e) {
        const why = e.message.split('\n')[0] ?? '';
        return {
            files,
            uploaded: false,
            message: `The paid work could not be uploaded as "${o.name}" (${why}); the files are in ${o.dir}.${apply}`
        };
    }
}
async function bundle(o) {
    if (o.head === o.baseSha)
        return null;
    const ref = `refs/heads/${o.branch}`;
    await o.git.updateRef(ref, o.head, await o.git.commitOf(ref));
    const file = path.join(o.dir, RESCUE_FILES.bundle);
    await o.git.createBundle(file, ref, o.baseSha);
    return file;
}
async function write(dir, name, text) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
}

// EXTERNAL MODULE: ./build/tmp/js/src/publish/run-record.js
var run_record = __webpack_require__(6932);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/temp.js
var temp = __webpack_require__(9518);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/safeguard.js






/**
 * The artifact store of this environment: the workflow artifact service on a runner (it sets
 * `ACTIONS_RUNTIME_TOKEN`), else a folder under the temp directory (a local run of the action).
 */
function defaultUploader(env = process.env) {
    if (env.ACTIONS_RUNTIME_TOKEN)
        return new ActionsArtifactUploader();
    return new DirectoryUploader(path.join(scratchRoot(env), 'pdd-sync', 'artifacts'));
}
/** The outcome of a final publish that threw: nothing further is known to be on the remote. */
function publishThrew(e, checklist) {
    const why = `publishing failed: ${(e.message ?? String(e)).split('\n')[0] ?? ''}`;
    return {
        branch: null,
        pullRequest: { operation: 'none' },
        notes: { pushed: false, comment: false, error: why },
        checklist: { ...checklist, prBlocked: why },
        warnings: [why],
        failed: why
    };
}
/** The partial run record of the units finished so far (the final record, same run id, supersedes it). */
function partialRecord(units, budget, id) {
    const spent = Math.round(units.reduce((a, u) => a + (u.cost ?? 0), 0) * 1e6) / 1e6;
    const at = new Date().toISOString();
    return { ...(0,run_record/* toRunRecord */.U)({ budget, spent, units }, { ...id, createdAt: at }), partial: true };
}
/** Logs what the incremental publication cost (rounds and their median), once the run is over. */
function logRounds(reporter, rounds) {
    if (rounds.length === 0)
        return;
    const sorted = [...rounds].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    reporter.info(`Published progress ${rounds.length} time(s) during the run (median ${median} ms, total ` +
        `${rounds.reduce((a, b) => a + b, 0)} ms).`);
}
/** The publish settings the incremental publisher shares with the final publish. */
function progressOptions(p) {
    return {
        stateStore: p.stateStore,
        overwriteHumanCommits: p.overwriteHumanCommits,
        allowWorkflowChanges: p.allowWorkflowChanges
    };
}
/**
 * The final publish failed: the synced commits (a bundle) and the run record are kept as the artifact
 * `pdd-sync-<run id>` (rescue.ts), staged under `$RUNNER_TEMP/pdd-sync/<name>`.
 */
async function keepWork(o) {
    const name = `pdd-sync-${o.record.runId}`;
    const kept = await rescueWork({
        git: o.git,
        branch: o.branch,
        head: o.result.head ?? o.baseSha,
        baseSha: o.baseSha,
        record: o.record,
        result: o.result,
        dir: path.join(scratchRoot(), 'pdd-sync', name),
        uploader: o.uploader,
        name
    });
    o.reporter.info(kept.message);
    return kept;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/cli/progress-record.js



/**
 * The least time between two partial records. The first group that lands is recorded at once; progress offered
 * within this time after a write is coalesced into one write when it ends. Each write starts git a few times
 * (~65 ms of CPU): written after every group, it made the executor bench (40 groups of 0.5 s at concurrency 4)
 * 1.32× the ideal instead of 1.17×. A run killed within this time of a landing loses that landing's record; its
 * syncs take minutes, so the window is a small part of what any record covers.
 */
const MIN_SPACING_MS = 5_000;
/**
 * Writes the newest progress offered as a partial record in the local notes, one write at a time and at most one
 * per {@link MIN_SPACING_MS} (progress offered meanwhile is coalesced into the next write). A failed write is a
 * warning: the final record still comes.
 */
class ProgressRecorder {
    o;
    spacingMs;
    latest = null;
    running = null;
    timer = null;
    lastWrite = Number.NEGATIVE_INFINITY;
    closed = false;
    constructor(o, spacingMs = MIN_SPACING_MS) {
        this.o = o;
        this.spacingMs = spacingMs;
    }
    /** Queues a partial record of `p` (the newest wins); returns at once. */
    offer(p) {
        if (this.closed)
            return;
        this.latest = p;
        if (this.running || this.timer)
            return;
        const wait = this.lastWrite + this.spacingMs - Date.now();
        if (wait <= 0)
            this.running = this.drain();
        else
            this.timer = setTimeout(() => {
                this.timer = null;
                if (!this.closed)
                    this.running = this.drain();
            }, wait);
    }
    /** Stops taking progress and waits for the write in flight (the final record must come after it). */
    async close() {
        this.closed = true;
        this.latest = null;
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = null;
        while (this.running)
            await this.running;
    }
    async drain() {
        const p = this.latest;
        this.latest = null;
        if (p) {
            this.lastWrite = Date.now();
            await (0,notes_writer/* writeRunRecord */.MJ)({
                git: this.o.git,
                remote: null,
                ref: this.o.notesRef,
                object: p.head,
                record: partialRecord(p.units, this.o.budget, { ...this.o.id, createdAt: '' }),
                identity: execute/* BOT */.WN
            }).catch((e) => this.o.reporter.warning(`Could not record the progress so far in ${this.o.notesRef}: ${e.message}`));
        }
        this.running = null;
        // Progress offered during the write: written once the spacing has passed.
        if (this.latest && !this.closed) {
            const next = this.latest;
            this.latest = null;
            this.offer(next);
        }
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/plan/plan.js + 40 modules
var plan = __webpack_require__(9546);
// EXTERNAL MODULE: ./build/tmp/js/src/pycompat/csv.js
var csv = __webpack_require__(9767);
;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/catalog.js
/**
 * PDD's model catalog (`llm_model.csv`) and the candidate models it yields, ported from `pdd/llm_invoke.py`
 * 0.0.310: `_load_model_data` (parsing, defaults), `_select_model_candidates` (filters, base model, strength
 * order) and `_alternative_base_lookups`. Pure: no file system, no process.
 */

/** Columns `_load_model_data` requires; a catalog without one fails every LLM call. */
const REQUIRED = [
    'provider',
    'model',
    'input',
    'output',
    'coding_arena_elo',
    'api_key',
    'structured_output',
    'reasoning_type'
];
/** The last catalog parsed (the same text is parsed once a process: see {@link parseCatalog}). */
let lastParsed;
/**
 * Parses a catalog as `pd.read_csv` + `_load_model_data` do (unparseable numbers are NaN, then defaults). The
 * last text's result is kept (callers do not change it), so that the command line can parse the packaged catalog
 * while pdd answers `--version` and the check before spending then finds it parsed.
 */
function parseCatalog(text) {
    if (lastParsed?.text === text)
        return lastParsed.parsed;
    const parsed = parseCatalogText(text);
    lastParsed = { text, parsed };
    return parsed;
}
function parseCatalogText(text) {
    const table = (0,csv/* readCsvLikePandas */.H)(text);
    if ('error' in table)
        return { kind: 'unreadable', reason: table.error };
    const col = new Map(table.columns.map((h, i) => [h, i]));
    const missing = REQUIRED.find(c => !col.has(c));
    if (missing)
        return { kind: 'invalid', reason: `it has no "${missing}" column` };
    const rows = table.rows.map(({ cells }) => {
        const cell = (name) => cells[col.get(name) ?? -1] ?? '';
        const elo = num(cell('coding_arena_elo')) ?? 0;
        const input = num(cell('input')) ?? 0;
        const output = num(cell('output')) ?? 0;
        return {
            provider: cell('provider'),
            model: cell('model'),
            apiKey: cell('api_key'),
            avgCost: (input + output) / 2,
            rank: num(cell('model_rank_score')) ?? elo,
            interactiveOnly: ['true', '1', 'yes'].includes(cell('interactive_only').trim().toLowerCase()),
            location: cell('location').trim()
        };
    });
    return { kind: 'ok', rows };
}
/** `pd.to_numeric(errors='coerce')`: a decimal number, else undefined (NaN). */
function num(s) {
    const t = s.trim();
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : undefined;
}
/** `_env_truthy`. */
function envTruthy(env, name) {
    return ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').trim().toLowerCase());
}
/** `_select_model_candidates` (plus the explicit unranked Claude 5 check of `llm_invoke`). */
function selectCandidates(rows, o) {
    const base = o.baseModel || undefined;
    let available = [...rows];
    if (o.env.PDD_SKIP_LOCAL_MODELS)
        available = available.filter(r => !['lm_studio', 'ollama'].includes(r.provider.toLowerCase()));
    if (!envTruthy(o.env, 'PDD_ALLOW_INTERACTIVE'))
        available = available.filter(r => !r.interactiveOnly || r.model === base);
    if (rows.length === 0)
        return { error: 'the model catalog has no rows' };
    if (available.length === 0)
        return { error: 'no model of the catalog is available (all filtered out)' };
    const found = findBase(rows, available, base);
    if ('error' in found)
        return found;
    const candidates = order(available, found.row, o.strength);
    const claude = unrankedClaude(base);
    if (claude) {
        const exact = candidates.filter(c => c.model.trim().toLowerCase() === claude);
        if (exact.length === 0)
            return { error: `"${claude}" was selected but the catalog has no such row` };
        return { base: found.row, candidates: [...exact, ...candidates.filter(c => !exact.includes(c))] };
    }
    return { base: found.row, candidates };
}
function findBase(rows, available, base) {
    const exact = available.find(r => r.model === base);
    if (exact)
        return { row: exact };
    for (const [name, provider] of alternativeBases(base)) {
        const alt = available.find(r => r.model === name && r.provider === provider);
        if (alt)
            return { row: alt };
    }
    if (base !== undefined && rows.some(r => r.model === base))
        return { error: `PDD_MODEL_DEFAULT "${base}" is in the catalog but filtered out (PDD_SKIP_LOCAL_MODELS)` };
    const prefix = PROVIDER_PREFIXES.find(([p]) => base?.startsWith(p));
    if (base !== undefined && prefix)
        return {
            error: `PDD_MODEL_DEFAULT "${base}" has no row under provider "${prefix[1]}" in the catalog, and PDD refuses a model of another provider`
        };
    return { row: available[0] };
}
/** `_PROVIDER_PREFIX_TO_PROVIDER`, in its order. */
const PROVIDER_PREFIXES = [
    ['openai/', 'OpenAI'],
    ['azure/', 'Azure OpenAI'],
    ['chatgpt/', 'OpenAI ChatGPT'],
    ['vertex_ai/', 'Google Vertex AI'],
    ['gemini/', 'Google Gemini'],
    ['anthropic/', 'Anthropic'],
    ['azure_ai/', 'Azure AI']
];
const Z_AI_MODELS = new Set(['glm-5.2', 'glm-5-turbo', 'glm-5.1', 'glm-5', 'glm-4.7']);
/** `_alternative_base_lookups`: (model, provider) pairs tried when the base model has no exact row. */
function alternativeBases(base) {
    if (!base)
        return [];
    const out = [];
    if (Z_AI_MODELS.has(base))
        out.push([`openai/${base}`, 'Z.AI Coding Plan'], [`openai/${base}`, 'Z.AI']);
    const prefixed = PROVIDER_PREFIXES.find(([p]) => base.startsWith(p));
    if (prefixed)
        return [...out, [base.slice(prefixed[0].length), prefixed[1]]];
    return [...out, ...PROVIDER_PREFIXES.map(([p, provider]) => [p + base, provider])];
}
/** `_explicit_unranked_claude_5_model`. */
function unrankedClaude(base) {
    const n = (base ?? '')
        .trim()
        .toLowerCase()
        .replace(/^anthropic\//, '');
    return n === 'claude-fable-5' || n === 'claude-opus-5' ? n : undefined;
}
/**
 * The strength order: 0.5 → closest rank to the base (base first); below → closest average cost to a target
 * between the cheapest and the base; above → closest rank to a target between the base and the best. A stable
 * sort: pandas' default sort is not, so PDD's order among equal metrics may differ.
 */
function order(available, base, strength) {
    let metric;
    if (strength === 0.5)
        metric = r => Math.abs(r.rank - base.rank);
    else if (strength < 0.5) {
        const cheapest = Math.min(...available.map(r => r.avgCost));
        const target = base.avgCost <= cheapest
            ? cheapest + strength * (base.avgCost - cheapest)
            : cheapest + (strength / 0.5) * (base.avgCost - cheapest);
        metric = r => Math.abs(r.avgCost - target);
    }
    else {
        const best = Math.max(...available.map(r => r.rank));
        const target = best <= base.rank
            ? base.rank + (strength - 0.5) * (best - base.rank)
            : base.rank + ((strength - 0.5) / 0.5) * (best - base.rank);
        metric = r => Math.abs(r.rank - target);
    }
    const sorted = [...available].sort((a, b) => metric(a) - metric(b));
    if (strength !== 0.5)
        return sorted;
    return [...sorted.filter(r => r.model === base.model), ...sorted.filter(r => r.model !== base.model)];
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/packaged-llm-model.json
const packaged_llm_model_namespaceObject = /*#__PURE__*/JSON.parse('{"rE":"0.0.310","fu":"provider,model,input,output,coding_arena_elo,model_rank_score,model_rank_source,base_url,api_key,max_reasoning_tokens,structured_output,reasoning_type,location,interactive_only,context_limit\\nAWS Bedrock,anthropic.claude-opus-4-7,5.0,25.0,1565,15400,deepswe-solve-rate,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,anthropic.claude-sonnet-4-6,3.0,15.0,1525,13200,deepswe-solve-rate,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,zai.glm-5,1.0,3.2,1436,11800,deepswe-solve-rate,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,anthropic.claude-opus-4-8,5.0,25.0,1575,1575,static-prefix,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,anthropic.claude-opus-4-5-20251101-v1:0,5.0,25.0,1468,1468,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,zai.glm-4.7,0.6,2.2,1440,1440,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,moonshotai.kimi-k2.5,0.6,3.0,1408,1408,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,none,,False,\\nAWS Bedrock,minimax.minimax-m2.1,0.3,1.2,1392,1392,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,none,,False,\\nAWS Bedrock,anthropic.claude-sonnet-4-5-20250929-v1:0,3.0,15.0,1386,1386,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,minimax.minimax-m2.5,0.3,1.2,1383,1383,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,none,,False,\\nAWS Bedrock,anthropic.claude-sonnet-4-20250514-v1:0,3.0,15.0,1350,1350,static-prefix,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,us.deepseek.r1-v1:0,1.35,5.4,1340,1340,static-prefix,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,False,effort,,False,\\nAWS Bedrock,bedrock/us-east-1/moonshotai.kimi-k2-thinking,0.6,2.5,1333,1333,static-prefix,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,anthropic.claude-haiku-4-5@20251001,1.0,5.0,1316,1316,arena-elo-fallback,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,True,effort,,False,\\nAWS Bedrock,minimax.minimax-m2,0.3,1.2,1313,1313,static-prefix,,AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_REGION_NAME,0,False,none,,False,\\nAnthropic,claude-opus-4-7,5.0,25.0,1565,15400,deepswe-solve-rate,,ANTHROPIC_API_KEY,16000,True,adaptive,,False,\\nAnthropic,claude-sonnet-4-6,3.0,15.0,1525,13200,deepswe-solve-rate,,ANTHROPIC_API_KEY,128000,True,budget,,False,\\nAnthropic,claude-opus-4-8,5.0,25.0,1575,1575,static,,ANTHROPIC_API_KEY,16000,True,adaptive,,False,\\nAnthropic,claude-opus-4-6,5.0,25.0,1548,1548,arena-elo-fallback,,ANTHROPIC_API_KEY,128000,True,budget,,False,\\nAnthropic,claude-opus-4-5,5.0,25.0,1468,1468,arena-elo-fallback,,ANTHROPIC_API_KEY,128000,True,budget,,False,\\nAnthropic,claude-sonnet-4-5,3.0,15.0,1386,1386,arena-elo-fallback,,ANTHROPIC_API_KEY,128000,True,budget,,False,\\nAnthropic,claude-4-sonnet-20250514,3.0,15.0,1350,1350,static-prefix,,ANTHROPIC_API_KEY,128000,True,budget,,False,\\nAnthropic,claude-haiku-4-5,1.0,5.0,1316,1316,arena-elo-fallback,,ANTHROPIC_API_KEY,128000,True,budget,,False,\\nAnthropic,claude-fable-5,10.0,50.0,0,0,platform-default,,ANTHROPIC_API_KEY,0,True,adaptive,,False,1000000\\nAnthropic,claude-opus-5,5.0,25.0,0,0,platform-default,,ANTHROPIC_API_KEY,0,True,adaptive,,False,1000000\\nAzure AI,azure_ai/gpt-5.4,2.5,15.0,1437,15600,deepswe-solve-rate,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/claude-opus-4-7,5.0,25.0,1565,15400,deepswe-solve-rate,,AZURE_AI_API_KEY,16000,True,adaptive,,False,\\nAzure AI,azure_ai/claude-sonnet-4-6,3.0,15.0,1525,13200,deepswe-solve-rate,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/gpt-5.4-mini,0.75,4.5,0,12400,deepswe-solve-rate,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/claude-opus-4-8,5.0,25.0,1575,1575,static-prefix,,AZURE_AI_API_KEY,16000,True,adaptive,,False,\\nAzure AI,azure_ai/claude-opus-4-6,5.0,25.0,1548,1548,arena-elo-fallback,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/claude-opus-4-5,5.0,25.0,1468,1468,arena-elo-fallback,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/kimi-k2.5,0.6,3.0,1408,1408,arena-elo-fallback,,AZURE_AI_API_KEY,0,True,none,,False,\\nAzure AI,azure_ai/grok-4-1-fast-reasoning,0.2,0.5,1402,1402,static-prefix,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/claude-sonnet-4-5,3.0,15.0,1386,1386,arena-elo-fallback,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/deepseek-v3.2,0.58,1.68,1332,1332,arena-elo-fallback,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure AI,azure_ai/claude-haiku-4-5,1.0,5.0,1316,1316,arena-elo-fallback,,AZURE_AI_API_KEY,128000,True,budget,,False,\\nAzure OpenAI,azure/gpt-5.5,5.0,30.0,1450,17000,deepswe-solve-rate,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.4,2.5,15.0,1437,15600,deepswe-solve-rate,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.4-mini,0.75,4.5,0,12400,deepswe-solve-rate,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.3-codex,1.75,14.0,1407,1407,arena-elo-fallback,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.2,1.75,14.0,1404,1404,arena-elo-fallback,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5,1.25,10.0,1393,1393,arena-elo-fallback,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.1-codex-max,1.25,10.0,1389,1389,static-prefix,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/o3,2.0,8.0,1370,1370,static-prefix,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.1,1.25,10.0,1339,1339,arena-elo-fallback,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-5.2-codex,1.75,14.0,1335,1335,arena-elo-fallback,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/o4-mini,1.1,4.4,1330,1330,static-prefix,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nAzure OpenAI,azure/gpt-4.1-mini,0.4,1.6,1310,1310,static-prefix,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,none,,False,\\nAzure OpenAI,azure/gpt-5-nano,0.05,0.4,1300,1300,static-prefix,,AZURE_API_KEY|AZURE_API_BASE|AZURE_API_VERSION,0,True,effort,,False,\\nBaseten,baseten/zai-org/GLM-5,0.95,3.15,1436,11800,deepswe-solve-rate,,BASETEN_API_KEY,0,False,none,,False,\\nBaseten,baseten/zai-org/GLM-4.7,0.6,2.2,1440,1440,arena-elo-fallback,,BASETEN_API_KEY,0,False,none,,False,\\nBaseten,baseten/moonshotai/Kimi-K2.5,0.6,3.0,1408,1408,arena-elo-fallback,,BASETEN_API_KEY,0,False,none,,False,\\nBaseten,baseten/MiniMaxAI/MiniMax-M2.5,0.3,1.2,1383,1383,arena-elo-fallback,,BASETEN_API_KEY,0,False,none,,False,\\nBaseten,baseten/zai-org/GLM-4.6,0.6,2.2,1354,1354,arena-elo-fallback,,BASETEN_API_KEY,0,False,none,,False,\\nBaseten,baseten/moonshotai/Kimi-K2-Thinking,0.6,2.5,1333,1333,static-prefix,,BASETEN_API_KEY,0,False,none,,False,\\nBaseten,baseten/deepseek-ai/DeepSeek-V3-0324,0.77,0.77,1300,1300,static-prefix,,BASETEN_API_KEY,0,False,none,,False,\\nDashscope,dashscope/qwen3-max,0.0,0.0,1310,1310,static-prefix,,DASHSCOPE_API_KEY,0,True,effort,,False,\\nDeepInfra,deepinfra/deepseek-ai/DeepSeek-R1-0528,0.5,2.15,1370,1370,static-prefix,,DEEPINFRA_API_KEY,0,True,none,,False,\\nDeepInfra,deepinfra/moonshotai/Kimi-K2-Instruct,0.5,2.0,1310,1310,static-prefix,,DEEPINFRA_API_KEY,0,True,none,,False,\\nDeepInfra,deepinfra/deepseek-ai/DeepSeek-V3-0324,0.25,0.88,1300,1300,static-prefix,,DEEPINFRA_API_KEY,0,True,none,,False,\\nDeepSeek,deepseek-reasoner,0.28,0.42,1340,1340,static,,DEEPSEEK_API_KEY,0,True,effort,,False,\\nDeepSeek,deepseek/deepseek-v3.2,0.28,0.4,1332,1332,arena-elo-fallback,,DEEPSEEK_API_KEY,0,True,effort,,False,\\nFireworks AI,fireworks_ai/glm-5p1,1.4,4.4,0,11800,deepswe-solve-rate,,FIREWORKS_AI_API_KEY,0,False,effort,,False,\\nFireworks AI,fireworks_ai/glm-4p7,0.6,2.2,1440,1440,arena-elo-fallback,,FIREWORKS_AI_API_KEY,0,True,effort,,False,\\nFireworks AI,fireworks_ai/kimi-k2p5,0.6,3.0,1408,1408,arena-elo-fallback,,FIREWORKS_AI_API_KEY,0,True,none,,False,\\nFireworks AI,fireworks_ai/minimax-m2p1,0.3,1.2,1392,1392,arena-elo-fallback,,FIREWORKS_AI_API_KEY,0,True,none,,False,\\nFireworks AI,fireworks_ai/accounts/fireworks/models/deepseek-r1-0528,3.0,8.0,1370,1370,static-prefix,,FIREWORKS_AI_API_KEY,0,True,none,,False,\\nFireworks AI,fireworks_ai/accounts/fireworks/models/glm-4p6,0.55,2.19,1354,1354,arena-elo-fallback,,FIREWORKS_AI_API_KEY,0,True,effort,,False,\\nFireworks AI,fireworks_ai/accounts/fireworks/models/kimi-k2-thinking,0.6,2.5,1333,1333,static-prefix,,FIREWORKS_AI_API_KEY,0,True,none,,False,\\nFireworks AI,fireworks_ai/accounts/fireworks/models/deepseek-v3p2,0.56,1.68,1332,1332,arena-elo-fallback,,FIREWORKS_AI_API_KEY,0,True,effort,,False,\\nFireworks AI,fireworks_ai/accounts/fireworks/models/minimax-m2,0.3,1.2,1313,1313,static-prefix,,FIREWORKS_AI_API_KEY,0,False,none,,False,\\nFireworks AI,fireworks_ai/accounts/fireworks/models/qwen3-235b-a22b-thinking-2507,0.22,0.88,1300,1300,static-prefix,,FIREWORKS_AI_API_KEY,0,False,none,,False,\\nGMI Cloud,gmi/google/gemini-3-flash-preview,0.5,3.0,1437,10500,deepswe-solve-rate,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/anthropic/claude-opus-4.5,5.0,25.0,1468,1468,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/google/gemini-3-pro-preview,2.0,12.0,1438,1438,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/openai/gpt-5.2,1.75,14.0,1404,1404,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/openai/gpt-5,1.25,10.0,1393,1393,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/MiniMaxAI/MiniMax-M2.1,0.3,1.2,1392,1392,arena-elo-fallback,,GMI_API_KEY,0,False,none,,False,\\nGMI Cloud,gmi/anthropic/claude-sonnet-4.5,3.0,15.0,1386,1386,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/anthropic/claude-opus-4,15.0,75.0,1370,1370,static-prefix,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/anthropic/claude-sonnet-4,3.0,15.0,1350,1350,static-prefix,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/openai/gpt-5.1,1.25,10.0,1339,1339,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/moonshotai/Kimi-K2-Thinking,0.8,1.2,1333,1333,static-prefix,,GMI_API_KEY,0,False,none,,False,\\nGMI Cloud,gmi/deepseek-ai/DeepSeek-V3.2,0.28,0.4,1332,1332,arena-elo-fallback,,GMI_API_KEY,0,True,none,,False,\\nGMI Cloud,gmi/deepseek-ai/DeepSeek-V3-0324,0.28,0.88,1300,1300,static-prefix,,GMI_API_KEY,0,True,none,,False,\\nGithub Copilot,github_copilot/claude-opus-4.6-fast,0.0,0.0,1548,1548,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/claude-opus-4.5,0.0,0.0,1468,1468,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gemini-3-pro-preview,0.0,0.0,1438,1438,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-5.3-codex,0.0,0.0,1407,1407,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-5.2,0.0,0.0,1404,1404,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-5,0.0,0.0,1393,1393,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/claude-opus-41,0.0,0.0,1389,1389,static-prefix,,,0,False,none,,True,\\nGithub Copilot,github_copilot/gpt-5.1-codex-max,0.0,0.0,1389,1389,static-prefix,,,0,True,none,,True,\\nGithub Copilot,github_copilot/claude-sonnet-4.5,0.0,0.0,1386,1386,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-4.1,0.0,0.0,1355,1355,static-prefix,,,0,True,none,,True,\\nGithub Copilot,github_copilot/claude-sonnet-4,0.0,0.0,1350,1350,static-prefix,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-5.1,0.0,0.0,1339,1339,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/claude-haiku-4.5,0.0,0.0,1316,1316,arena-elo-fallback,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-5-mini,0.0,0.0,1310,1310,static-prefix,,,0,True,none,,True,\\nGithub Copilot,github_copilot/gpt-4o,0.0,0.0,1300,1300,static-prefix,,,0,True,none,,True,\\nGoogle Gemini,gemini/gemini-3.5-flash,1.5,9.0,1442,12800,deepswe-solve-rate,,GEMINI_API_KEY,0,True,effort,,False,\\nGoogle Gemini,gemini/gemini-3.1-pro-preview,2.0,12.0,1456,11000,deepswe-solve-rate,,GEMINI_API_KEY,0,True,effort,,False,\\nGoogle Gemini,gemini/gemini-3.1-pro-preview-customtools,2.0,12.0,1456,11000,deepswe-solve-rate,,GEMINI_API_KEY,0,True,effort,,False,\\nGoogle Gemini,gemini/gemini-3-flash-preview,0.5,3.0,1437,10500,deepswe-solve-rate,,GEMINI_API_KEY,0,True,effort,,False,\\nGoogle Gemini,gemini/gemini-2.5-flash,0.3,2.5,1300,1300,static-prefix,,GEMINI_API_KEY,0,True,effort,,False,\\nGoogle Gemini,gemini/gemini-3.5-flash-lite,0.3,2.5,0,0,platform-default,,GEMINI_API_KEY,0,True,effort,,False,1048576\\nGoogle Gemini,gemini/gemini-3.6-flash,1.5,7.5,0,0,platform-default,,GEMINI_API_KEY,0,True,effort,,False,1048576\\nGoogle Vertex AI,vertex_ai/claude-opus-4-7,5.0,25.0,1565,15400,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/claude-sonnet-4-6,3.0,15.0,1525,13200,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,gemini-3.5-flash,1.5,9.0,1442,12800,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/gemini-3.5-flash,1.5,9.0,1442,12800,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/zai-org/glm-5-maas,1.0,3.2,1436,11800,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,gemini-3.1-pro-preview,2.0,12.0,1456,11000,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,gemini-3.1-pro-preview-customtools,2.0,12.0,1456,11000,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,gemini-3-flash-preview,0.5,3.0,1437,10500,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/gemini-3-flash-preview,0.5,3.0,1437,10500,deepswe-solve-rate,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/claude-opus-4-8,5.0,25.0,1575,1575,static-prefix,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/claude-opus-4-6,5.0,25.0,1548,1548,arena-elo-fallback,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/claude-opus-4-5,5.0,25.0,1468,1468,arena-elo-fallback,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/zai-org/glm-4.7-maas,0.6,2.2,1440,1440,arena-elo-fallback,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/gemini-3-pro-preview,2.0,12.0,1438,1438,arena-elo-fallback,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/claude-sonnet-4-5,3.0,15.0,1386,1386,arena-elo-fallback,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/deepseek-ai/deepseek-r1-0528-maas,1.35,5.4,1370,1370,static-prefix,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/moonshotai/kimi-k2-thinking-maas,0.6,2.5,1333,1333,static-prefix,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,none,global,False,\\nGoogle Vertex AI,vertex_ai/claude-haiku-4-5,1.0,5.0,1316,1316,arena-elo-fallback,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,\\nGoogle Vertex AI,vertex_ai/minimaxai/minimax-m2-maas,0.3,1.2,1313,1313,static-prefix,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,none,global,False,\\nGoogle Vertex AI,vertex_ai/gemini-3.5-flash-lite,0.3,2.5,0,0,platform-default,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,1048576\\nGoogle Vertex AI,vertex_ai/gemini-3.6-flash,1.5,7.5,0,0,platform-default,,GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION,0,True,effort,global,False,1048576\\nHeroku,heroku/claude-4-sonnet,3.0,15.0,1350,1350,static-prefix,,HEROKU_API_KEY,0,True,none,,False,\\nHyperbolic,hyperbolic/deepseek-ai/DeepSeek-R1-0528,3.0,3.0,1370,1370,static-prefix,,HYPERBOLIC_API_KEY,0,True,none,,False,\\nHyperbolic,hyperbolic/deepseek-ai/DeepSeek-R1,2.0,2.0,1340,1340,static-prefix,,HYPERBOLIC_API_KEY,0,True,none,,False,\\nHyperbolic,hyperbolic/deepseek-ai/DeepSeek-V3,0.25,0.25,1300,1300,static-prefix,,HYPERBOLIC_API_KEY,0,True,none,,False,\\nLambda AI,lambda_ai/deepseek-r1-0528,0.2,0.6,1370,1370,static-prefix,,LAMBDA_API_KEY,0,True,effort,,False,\\nMiniMax,minimax/MiniMax-M2.1,0.3,1.2,1392,1392,arena-elo-fallback,,MINIMAX_API_KEY,0,True,effort,,False,\\nMiniMax,minimax/MiniMax-M2.5,0.3,1.2,1383,1383,arena-elo-fallback,,MINIMAX_API_KEY,0,True,effort,,False,\\nMiniMax,minimax/MiniMax-M2,0.3,1.2,1313,1313,static-prefix,,MINIMAX_API_KEY,0,True,effort,,False,\\nMoonshot AI,moonshot/kimi-k2.6,0.95,4.0,1529,12400,deepswe-solve-rate,,MOONSHOT_API_KEY,0,True,effort,,False,\\nMoonshot AI,moonshot/kimi-k2.5,0.6,3.0,1408,1408,arena-elo-fallback,,MOONSHOT_API_KEY,0,True,effort,,False,\\nMoonshot AI,moonshot/kimi-k2-thinking,0.6,2.5,1333,1333,static-prefix,,MOONSHOT_API_KEY,0,True,effort,,False,\\nMoonshot AI,moonshot/kimi-k3,2.951594,14.757969,0,0,platform-default,https://api.moonshot.cn/v1,MOONSHOT_API_KEY,0,True,effort,,False,1048576\\nNebius,nebius/deepseek-ai/DeepSeek-R1-0528,0.8,2.4,1370,1370,static-prefix,,NEBIUS_API_KEY,0,True,effort,,False,\\nNebius,nebius/deepseek-ai/DeepSeek-V3,0.5,1.5,1300,1300,static-prefix,,NEBIUS_API_KEY,0,True,none,,False,\\nNebius,nebius/deepseek-ai/DeepSeek-V3-0324,0.5,1.5,1300,1300,static-prefix,,NEBIUS_API_KEY,0,True,none,,False,\\nNovita AI,novita/zai-org/glm-4.7,0.6,2.2,1440,1440,arena-elo-fallback,,NOVITA_API_KEY,0,True,effort,,False,\\nNovita AI,novita/minimax/minimax-m2.1,0.3,1.2,1392,1392,arena-elo-fallback,,NOVITA_API_KEY,0,True,none,,False,\\nNovita AI,novita/deepseek/deepseek-r1-0528,0.7,2.5,1370,1370,static-prefix,,NOVITA_API_KEY,0,True,effort,,False,\\nNovita AI,novita/zai-org/glm-4.6,0.55,2.2,1354,1354,arena-elo-fallback,,NOVITA_API_KEY,0,True,effort,,False,\\nNovita AI,novita/moonshotai/kimi-k2-thinking,0.6,2.5,1333,1333,static-prefix,,NOVITA_API_KEY,0,True,effort,,False,\\nNovita AI,novita/deepseek/deepseek-v3.2,0.269,0.4,1332,1332,arena-elo-fallback,,NOVITA_API_KEY,0,True,effort,,False,\\nNovita AI,novita/minimax/minimax-m2,0.3,1.2,1313,1313,static-prefix,,NOVITA_API_KEY,0,True,effort,,False,\\nNovita AI,novita/deepseek/deepseek-v3.1,0.27,1.0,1300,1300,static-prefix,,NOVITA_API_KEY,0,True,effort,,False,\\nOci,oci/openai.gpt-5,1.25,10.0,1393,1393,arena-elo-fallback,,OCI_API_KEY,0,True,effort,,False,\\nOci,oci/xai.grok-4,3.0,15.0,1350,1350,static-prefix,,OCI_API_KEY,0,True,none,,False,\\nOci,oci/openai.gpt-5-mini,0.25,2.0,1310,1310,static-prefix,,OCI_API_KEY,0,True,effort,,False,\\nOci,oci/openai.gpt-5-nano,0.05,0.4,1300,1300,static-prefix,,OCI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.6,5.0,30.0,0,17001,platform-default,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.5,5.0,30.0,1450,17000,deepswe-solve-rate,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.4,2.5,15.0,1437,15600,deepswe-solve-rate,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.4-mini,0.75,4.5,0,12400,deepswe-solve-rate,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.3-codex,1.75,14.0,1407,1407,arena-elo-fallback,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.2,1.75,14.0,1404,1404,arena-elo-fallback,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5,1.25,10.0,1393,1393,arena-elo-fallback,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.1-codex-max,1.25,10.0,1389,1389,static,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,o3,2.0,8.0,1370,1370,static,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.1,1.25,10.0,1339,1339,arena-elo-fallback,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-5.2-codex,1.75,14.0,1335,1335,arena-elo-fallback,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,o4-mini,1.1,4.4,1330,1330,static,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI,gpt-4.1-mini,0.4,1.6,1310,1310,static,,OPENAI_API_KEY,0,True,none,,False,\\nOpenAI,gpt-5-nano,0.05,0.4,1300,1300,static,,OPENAI_API_KEY,0,True,effort,,False,\\nOpenAI ChatGPT,chatgpt/gpt-5.6-sol,0.0,0.0,0,17001,platform-default,,,0,True,none,,True,\\nOpenAI ChatGPT,chatgpt/gpt-5.5,0.0,0.0,1450,17000,deepswe-solve-rate,,,0,True,none,,True,\\nOpenAI ChatGPT,chatgpt/gpt-5.4,0.0,0.0,1437,15600,deepswe-solve-rate,,,0,True,none,,True,\\nOpenAI ChatGPT,chatgpt/gpt-5.3-codex,0.0,0.0,1407,1407,arena-elo-fallback,,,0,True,none,,True,\\nOpenAI ChatGPT,chatgpt/gpt-5.2,0.0,0.0,1404,1404,arena-elo-fallback,,,0,True,none,,True,\\nOpenAI ChatGPT,chatgpt/gpt-5.3-codex-spark,0.0,0.0,1400,1400,static,,,0,True,none,,True,\\nOpenRouter,openrouter/anthropic/claude-opus-4.7,5.0,25.0,1565,15400,deepswe-solve-rate,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/anthropic/claude-sonnet-4.6,3.0,15.0,1525,13200,deepswe-solve-rate,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/xiaomi/mimo-v2.5-pro,1.0,3.0,0,11900,deepswe-solve-rate,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/z-ai/glm-5,0.8,2.56,1436,11800,deepswe-solve-rate,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/google/gemini-3.1-pro-preview,2.0,12.0,1456,11000,deepswe-solve-rate,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/google/gemini-3-flash-preview,0.5,3.0,1437,10500,deepswe-solve-rate,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/anthropic/claude-opus-4.6,5.0,25.0,1548,1548,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/anthropic/claude-opus-4.5,5.0,25.0,1468,1468,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/z-ai/glm-4.7,0.4,1.5,1440,1440,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/google/gemini-3-pro-preview,2.0,12.0,1438,1438,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/moonshotai/kimi-k2.5,0.6,3.0,1408,1408,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,none,,False,\\nOpenRouter,openrouter/openai/gpt-5.2,1.75,14.0,1404,1404,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/openai/gpt-5,1.25,10.0,1393,1393,arena-elo-fallback,,OPENROUTER_API_KEY,0,False,effort,,False,\\nOpenRouter,openrouter/minimax/minimax-m2.1,0.27,1.2,1392,1392,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/openai/gpt-5.1-codex-max,1.25,10.0,1389,1389,static-prefix,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/anthropic/claude-sonnet-4.5,3.0,15.0,1386,1386,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/minimax/minimax-m2.5,0.3,1.1,1383,1383,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/deepseek/deepseek-r1-0528,0.5,2.15,1370,1370,static-prefix,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/z-ai/glm-4.6,0.4,1.75,1354,1354,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/openai/gpt-5.2-codex,1.75,14.0,1335,1335,arena-elo-fallback,,OPENROUTER_API_KEY,0,False,effort,,False,\\nOpenRouter,openrouter/deepseek/deepseek-v3.2,0.28,0.4,1332,1332,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/anthropic/claude-haiku-4.5,1.0,5.0,1316,1316,arena-elo-fallback,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/minimax/minimax-m2,0.255,1.02,1313,1313,static-prefix,,OPENROUTER_API_KEY,0,True,effort,,False,\\nOpenRouter,openrouter/deepseek/deepseek-chat,0.14,0.28,1300,1300,static-prefix,,OPENROUTER_API_KEY,0,False,none,,False,\\nPerplexity,perplexity/anthropic/claude-opus-4-7,0.0,0.0,1565,15400,deepswe-solve-rate,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/google/gemini-3-flash-preview,0.0,0.0,1437,10500,deepswe-solve-rate,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/anthropic/claude-opus-4-6,0.0,0.0,1548,1548,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/anthropic/claude-opus-4-5,0.0,0.0,1468,1468,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/google/gemini-3-pro-preview,0.0,0.0,1438,1438,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/openai/gpt-5.2,0.0,0.0,1404,1404,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,effort,,False,\\nPerplexity,perplexity/anthropic/claude-sonnet-4-5,0.0,0.0,1386,1386,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/xai/grok-4-1-fast-non-reasoning,0.0,0.0,1350,1350,static-prefix,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/openai/gpt-5.1,0.0,0.0,1339,1339,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/anthropic/claude-haiku-4-5,0.0,0.0,1316,1316,arena-elo-fallback,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/openai/gpt-5-mini,0.0,0.0,1310,1310,static-prefix,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nPerplexity,perplexity/google/gemini-2.5-flash,0.0,0.0,1300,1300,static-prefix,,PERPLEXITYAI_API_KEY,0,True,none,,False,\\nReplicate,replicate/google/gemini-3-pro,2.0,12.0,1438,1438,arena-elo-fallback,,REPLICATE_API_KEY,0,True,none,,False,\\nReplicate,replicate/openai/gpt-5,1.25,10.0,1393,1393,arena-elo-fallback,,REPLICATE_API_KEY,0,True,none,,False,\\nReplicate,replicate/openai/gpt-4.1,2.0,8.0,1355,1355,static-prefix,,REPLICATE_API_KEY,0,True,none,,False,\\nReplicate,replicate/openai/o4-mini,1.0,4.0,1330,1330,static-prefix,,REPLICATE_API_KEY,0,False,effort,,False,\\nReplicate,replicate/openai/gpt-4.1-mini,0.4,1.6,1310,1310,static-prefix,,REPLICATE_API_KEY,0,True,none,,False,\\nReplicate,replicate/openai/gpt-5-nano,0.05,0.4,1300,1300,static-prefix,,REPLICATE_API_KEY,0,True,none,,False,\\nSambaNova,sambanova/DeepSeek-R1,5.0,7.0,1340,1340,static-prefix,,SAMBANOVA_API_KEY,0,False,none,,False,\\nSambaNova,sambanova/DeepSeek-V3-0324,3.0,4.5,1300,1300,static-prefix,,SAMBANOVA_API_KEY,0,True,effort,,False,\\nSambaNova,sambanova/DeepSeek-V3.1,3.0,4.5,1300,1300,static-prefix,,SAMBANOVA_API_KEY,0,True,effort,,False,\\nSnowflake,snowflake/deepseek-r1,0.0,0.0,1340,1340,static-prefix,,SNOWFLAKE_API_KEY,0,False,effort,,False,\\nSnowflake,snowflake/claude-3-5-sonnet,0.0,0.0,1310,1310,static-prefix,,SNOWFLAKE_API_KEY,0,False,none,,False,\\nTogether AI,together_ai/zai-org/GLM-4.7,0.45,2.0,1440,1440,arena-elo-fallback,,TOGETHERAI_API_KEY,0,True,effort,,False,\\nTogether AI,together_ai/moonshotai/Kimi-K2.5,0.5,2.8,1408,1408,arena-elo-fallback,,TOGETHERAI_API_KEY,0,True,effort,,False,\\nTogether AI,together_ai/zai-org/GLM-4.6,0.6,2.2,1354,1354,arena-elo-fallback,,TOGETHERAI_API_KEY,0,True,effort,,False,\\nTogether AI,together_ai/deepseek-ai/DeepSeek-R1,3.0,7.0,1340,1340,static-prefix,,TOGETHERAI_API_KEY,0,True,none,,False,\\nTogether AI,together_ai/moonshotai/Kimi-K2-Instruct,1.0,3.0,1310,1310,static-prefix,,TOGETHERAI_API_KEY,0,True,none,,False,\\nTogether AI,together_ai/deepseek-ai/DeepSeek-V3.1,0.6,1.7,1300,1300,static-prefix,,TOGETHERAI_API_KEY,0,True,effort,,False,\\nTokenRouter,openai/moonshotai/kimi-k3,3.0,15.0,1400,1400,static-prefix,https://api.tokenrouter.com/v1,TOKENROUTER_API_KEY,0,True,none,,False,1048576\\nTokenRouter,openai/z-ai/glm-5.2-free,0.0,0.0,1510,1510,static-prefix,https://api.tokenrouter.com/v1,TOKENROUTER_API_KEY,0,False,none,,False,1000000\\nVercel AI Gateway,vercel_ai_gateway/anthropic/claude-opus-4.6,5.0,25.0,1548,1548,arena-elo-fallback,,VERCEL_AI_GATEWAY_API_KEY,0,True,effort,,False,\\nVercel AI Gateway,vercel_ai_gateway/anthropic/claude-opus-4.5,5.0,25.0,1468,1468,arena-elo-fallback,,VERCEL_AI_GATEWAY_API_KEY,0,True,effort,,False,\\nVercel AI Gateway,vercel_ai_gateway/anthropic/claude-opus-4.1,15.0,75.0,1389,1389,static-prefix,,VERCEL_AI_GATEWAY_API_KEY,0,True,effort,,False,\\nVercel AI Gateway,vercel_ai_gateway/anthropic/claude-sonnet-4.5,3.0,15.0,1386,1386,arena-elo-fallback,,VERCEL_AI_GATEWAY_API_KEY,0,True,effort,,False,\\nVercel AI Gateway,vercel_ai_gateway/openai/o3,2.0,8.0,1370,1370,static-prefix,,VERCEL_AI_GATEWAY_API_KEY,0,True,none,,False,\\nVercel AI Gateway,vercel_ai_gateway/zai/glm-4.6,0.45,1.8,1354,1354,arena-elo-fallback,,VERCEL_AI_GATEWAY_API_KEY,0,True,none,,False,\\nVercel AI Gateway,vercel_ai_gateway/deepseek/deepseek-r1,0.55,2.19,1340,1340,static-prefix,,VERCEL_AI_GATEWAY_API_KEY,0,False,none,,False,\\nVercel AI Gateway,vercel_ai_gateway/anthropic/claude-haiku-4.5,1.0,5.0,1316,1316,arena-elo-fallback,,VERCEL_AI_GATEWAY_API_KEY,0,True,effort,,False,\\nVercel AI Gateway,vercel_ai_gateway/openai/gpt-4.1-mini,0.4,1.6,1310,1310,static-prefix,,VERCEL_AI_GATEWAY_API_KEY,0,True,none,,False,\\nVercel AI Gateway,vercel_ai_gateway/deepseek/deepseek-v3,0.9,0.9,1300,1300,static-prefix,,VERCEL_AI_GATEWAY_API_KEY,0,False,none,,False,\\nW&B Inference,wandb/moonshotai/Kimi-K2.5,0.6,3.0,1408,1408,arena-elo-fallback,,WANDB_API_KEY,0,True,effort,,False,\\nW&B Inference,wandb/MiniMaxAI/MiniMax-M2.5,0.3,1.2,1383,1383,arena-elo-fallback,,WANDB_API_KEY,0,True,effort,,False,\\nW&B Inference,wandb/deepseek-ai/DeepSeek-R1-0528,1.35,5.4,1370,1370,static-prefix,,WANDB_API_KEY,0,False,none,,False,\\nW&B Inference,wandb/moonshotai/Kimi-K2-Instruct,0.6,2.5,1310,1310,static-prefix,,WANDB_API_KEY,0,False,none,,False,\\nW&B Inference,wandb/Qwen/Qwen3-235B-A22B-Thinking-2507,0.1,0.1,1300,1300,static-prefix,,WANDB_API_KEY,0,False,none,,False,\\nZ.AI,openai/glm-5.2,1.0,3.2,1510,1510,static-prefix,https://api.z.ai/api/paas/v4,ZAI_API_KEY,0,False,effort,,False,1000000\\nZ.AI,openai/glm-5,1.0,3.2,1456,1456,static-prefix,https://api.z.ai/api/paas/v4,ZAI_API_KEY,0,False,effort,,False,\\nZ.AI,openai/glm-5-turbo,0.5,1.5,1450,1450,static-prefix,https://api.z.ai/api/paas/v4,ZAI_API_KEY,0,False,effort,,False,\\nZ.AI,openai/glm-4.7,0.6,2.2,1440,1440,static-prefix,https://api.z.ai/api/paas/v4,ZAI_API_KEY,0,False,effort,,False,\\nZ.AI,openai/glm-5.1,1.0,3.2,1436,1436,static-prefix,https://api.z.ai/api/paas/v4,ZAI_API_KEY,0,False,effort,,False,\\nZ.AI Coding Plan,openai/glm-5.2,0.0,0.0,1510,1510,static-prefix,https://api.z.ai/api/coding/paas/v4,ZAI_API_KEY,0,False,effort,,False,1000000\\nZ.AI Coding Plan,openai/glm-5-turbo,0.0,0.0,1450,1450,static-prefix,https://api.z.ai/api/coding/paas/v4,ZAI_API_KEY,0,False,effort,,False,\\nZ.AI Coding Plan,openai/glm-4.7,0.0,0.0,1440,1440,static-prefix,https://api.z.ai/api/coding/paas/v4,ZAI_API_KEY,0,False,effort,,False,\\nZai,zai/glm-5,1.0,3.2,1436,11800,deepswe-solve-rate,,ZAI_API_KEY,0,True,effort,,False,\\nZai,zai/glm-4.7,0.6,2.2,1440,1440,arena-elo-fallback,,ZAI_API_KEY,0,True,effort,,False,\\nZai,zai/glm-4.6,0.6,2.2,1354,1354,arena-elo-fallback,,ZAI_API_KEY,0,True,effort,,False,\\nlm_studio,lm_studio/qwen3-coder-next,0.0,0.0,1310,1310,static-prefix,http://localhost:1234/v1,,0,True,none,,True,\\nxAI,xai/grok-4-0709,3.0,15.0,1467,1467,static-prefix,,XAI_API_KEY,0,True,none,,False,\\nxAI,xai/grok-4-1-fast-reasoning,0.2,0.5,1402,1402,static-prefix,,XAI_API_KEY,0,True,effort,,False,\\n"}');
;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/catalog-source.js
/**
 * Which model catalog PDD will load, read the way `pdd/llm_invoke.py` 0.0.310 chooses it at import time:
 * `~/.pdd/llm_model.csv`, else `$PDD_PATH/.pdd/llm_model.csv` (PDD_PATH a real directory), else
 * `<project root from the working directory>/.pdd/llm_model.csv` (`_detect_project_root_from_cwd`: the first of
 * 5 levels holding `.git`, `pyproject.toml`, a `data/` folder or `.env`), else the packaged one. pdd runs in a
 * worktree of the base commit, so the project's files are read from that commit, not from the checkout.
 * Also the variables a `.env` at PDD's project root adds (python-dotenv, never overriding).
 */




const CSV = external_node_path_.join('.pdd', 'llm_model.csv');
/** Finds the catalog and `.env` PDD will load (see the module comment). */
async function findCatalog(o) {
    const home = o.env.HOME || (0,external_node_os_.homedir)();
    const pddPath = o.env.PDD_PATH ? external_node_path_.resolve(o.env.PDD_PATH.replace(/^~(?=$|\/)/, home)) : undefined;
    const pddPathDir = pddPath !== undefined && isDir(pddPath) ? pddPath : undefined;
    const prefix = external_node_path_.relative(o.git.root, (0,external_node_fs_.realpathSync)(o.repoRoot)).split(external_node_path_.sep).join('/');
    const committed = new Map((await o.git.listBlobs(o.commit)).map(b => [b.path, b.oid]));
    const read = async (p) => {
        const oid = committed.get(p);
        return oid ? ((await o.git.readObjects([oid])).get(oid)?.toString('utf8') ?? null) : null;
    };
    const warnings = [];
    const root = projectRoot(prefix, committed);
    const projectCsv = external_node_path_.posix.join(root, '.pdd/llm_model.csv');
    let catalog = fileCatalog(external_node_path_.join(home, CSV), `~/.pdd/llm_model.csv (${external_node_path_.join(home, CSV)})`);
    if (!catalog && pddPathDir)
        catalog = fileCatalog(external_node_path_.join(pddPathDir, CSV), external_node_path_.join(pddPathDir, CSV));
    if (!catalog) {
        const text = await read(projectCsv);
        if (text !== null)
            catalog = { label: projectCsv, text };
        else if ((0,external_node_fs_.existsSync)(external_node_path_.join(o.git.root, projectCsv)))
            warnings.push(`${projectCsv} is in the checkout but not committed: pdd runs in a worktree of the commit and will not read it.`);
    }
    const envText = pddPathDir ? readOrNull(external_node_path_.join(pddPathDir, '.env')) : await read('.env');
    return {
        catalog,
        packaged: o.pddVersion === packaged_llm_model_namespaceObject.rE
            ? { label: `the catalog packaged with pdd-cli ${packaged_llm_model_namespaceObject.rE}`, text: packaged_llm_model_namespaceObject.fu }
            : null,
        dotenv: envText ? parseDotenv(envText) : {},
        jwtCached: (0,external_node_fs_.existsSync)(external_node_path_.join(home, '.pdd', 'jwt_cache')),
        warnings
    };
}
/** `_detect_project_root_from_cwd` over the committed tree, from the project directory up (5 levels). */
function projectRoot(prefix, committed) {
    let dir = prefix;
    for (let level = 0; level < 5; level++) {
        if (dir === '')
            return ''; // the worktree's top level holds `.git`
        const has = (name) => committed.has(`${dir}/${name}`);
        const dataDir = [...committed.keys()].some(p => p.startsWith(`${dir}/data/`));
        if (has('.git') || has('pyproject.toml') || dataDir || has('.env'))
            return dir;
        dir = external_node_path_.posix.dirname(dir) === '.' ? '' : external_node_path_.posix.dirname(dir);
    }
    return prefix;
}
/** The variables a `.env` file sets to a non-empty value (python-dotenv's common forms). */
function parseDotenv(text) {
    const out = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
        if (!m)
            continue;
        const raw = (m[2] ?? '').trim();
        const quoted = /^(['"])(.*)\1$/.exec(raw);
        const value = quoted ? (quoted[2] ?? '') : raw.replace(/\s+#.*$/, '');
        if (value !== '')
            out[m[1]] = value;
    }
    return out;
}
function fileCatalog(file, label) {
    // A file PDD cannot parse makes it fall back to the packaged catalog: an empty text reads as unreadable.
    return catalog_source_isFile(file) ? { label, text: readOrNull(file) ?? '' } : null;
}
function catalog_source_isFile(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function isDir(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function readOrNull(p) {
    try {
        return (0,external_node_fs_.readFileSync)(p, 'utf8');
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/credentials.js
const GOOGLE_ALIASES = ['GOOGLE_API_KEY', 'GEMINI_API_KEY'];
const INVOKE_PREFIX = 'PDD_LLM_INVOKE_';
/** The variable names of a row's `api_key` cell (`parse_api_key_vars`). */
function keyVariables(apiKey) {
    return apiKey
        .split('|')
        .map(v => v.trim())
        .filter(Boolean);
}
/** Variables any of which satisfies a single-key row (`_resolution_aliases` with the llm_invoke aliases). */
function aliases(name) {
    const base = name.startsWith(INVOKE_PREFIX) ? name.slice(INVOKE_PREFIX.length) : name;
    const names = GOOGLE_ALIASES.includes(base) ? GOOGLE_ALIASES : [base];
    return [...names, ...names.map(n => INVOKE_PREFIX + n)];
}
const set = (env, name) => (env[name] ?? '').trim() !== '';
/** `_vertex_project_value`. */
function vertexProject(env) {
    return ['VERTEXAI_PROJECT', 'VERTEX_PROJECT', 'GOOGLE_CLOUD_PROJECT'].some(n => set(env, n));
}
/**
 * True when PDD would use `row` rather than skip it for a missing credential. Rows with an empty `api_key`
 * (or `EXISTING_KEY`) need none. `chatgpt/` and `github_copilot/` rows also need a login file PDD looks for;
 * they count as usable here, so that the check never blocks a run PDD could do.
 */
function rowUsable(row, env) {
    const field = row.apiKey;
    if (field.trim() === '' || field === 'EXISTING_KEY')
        return true;
    const vars = keyVariables(field);
    if (vars.length > 1) {
        // Multi-credential rows: any non-empty value counts (`os.getenv`), whitespace included.
        const missing = vars.filter(v => !env[v]);
        if (missing.length === 0)
            return true;
        const location = row.location !== '' || set(env, 'VERTEXAI_LOCATION') || set(env, 'VERTEX_LOCATION');
        if (!vars.includes('GOOGLE_APPLICATION_CREDENTIALS') || !vertexProject(env) || !location)
            return false;
        const vertex = ['GOOGLE_APPLICATION_CREDENTIALS', 'VERTEXAI_PROJECT', 'VERTEXAI_LOCATION'];
        return missing.every(v => vertex.includes(v));
    }
    const name = vars[0];
    if (aliases(name).some(a => set(env, a)))
        return true;
    return name === 'VERTEX_CREDENTIALS' && vertexProject(env);
}
/** How a row's credential is named in a message: `OPENAI_API_KEY`, `AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY`. */
function credentialLabel(row) {
    return keyVariables(row.apiKey).join(' + ');
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/provider-key.js
/**
 * Is there a provider credential PDD can use? Decided before pdd-cli is installed (docs/architecture.md "Trust") from the
 * catalog PDD will load, the model selection it makes and the environment it gets; never stricter than PDD:
 * it fails only when every candidate model would be skipped for a missing key. Pure.
 */


/** Decides whether PDD can call a model (see the module comment). */
function checkProviderKey(i) {
    if (i.cloud && cloudUsable(i)) {
        const how = i.env.PDD_JWT_TOKEN ? 'PDD_JWT_TOKEN is set' : 'a cached PDD Cloud login exists';
        return { status: 'ok', note: `pdd will use PDD Cloud (${how}).` };
    }
    let catalog = i.catalog ?? i.packaged;
    let parsed = catalog ? parseCatalog(catalog.text) : null;
    if (parsed?.kind === 'unreadable' && i.catalog) {
        // pd.read_csv failed: PDD warns and loads its packaged catalog instead.
        catalog = i.packaged;
        parsed = catalog ? parseCatalog(catalog.text) : null;
    }
    if (!catalog || !parsed || parsed.kind === 'unreadable')
        return {
            status: 'undecided',
            note: 'the model catalog of this pdd version is not known before it is installed, so provider keys were not checked.'
        };
    if (parsed.kind === 'invalid')
        return { status: 'fail', message: `The model catalog ${catalog.label} is not usable: ${parsed.reason}.` };
    return decide(parsed.rows, catalog.label, i);
}
function cloudUsable(i) {
    if (i.env.PDD_FORCE_LOCAL || i.env.K_SERVICE || i.env.FUNCTIONS_EMULATOR)
        return false;
    return !!i.env.PDD_JWT_TOKEN || i.jwtCached === true;
}
function decide(rows, label, i) {
    const baseModel = i.env.PDD_MODEL_DEFAULT || undefined;
    const strength = i.strength ?? defaultStrength(i.env);
    const sel = selectCandidates(rows, { strength, baseModel, env: i.env });
    if ('error' in sel)
        return { status: 'fail', message: `pdd cannot pick a model from ${label}: ${sel.error}.` };
    const usable = sel.candidates.find(r => rowUsable(r, i.env));
    if (usable) {
        const key = credentialLabel(usable);
        const note = `pdd will use ${usable.model} (${usable.provider}, ${key ? `${key} is set` : 'no key needed'}) from ${label}.`;
        const base = sel.base;
        const warning = baseModel && usable.model !== base.model
            ? `PDD_MODEL_DEFAULT is ${baseModel} but ${credentialLabel(base) || 'its credential'} is not set: pdd will use ${usable.model} (${usable.provider}) instead.`
            : undefined;
        return warning ? { status: 'ok', note, warning } : { status: 'ok', note };
    }
    return { status: 'fail', message: missingKeyMessage(sel.candidates, label, i.cloud) };
}
/** `DEFAULT_STRENGTH` of `pdd/__init__.py`: `PDD_STRENGTH_DEFAULT`, else 1.0. */
function defaultStrength(env) {
    const n = Number(env.PDD_STRENGTH_DEFAULT);
    return env.PDD_STRENGTH_DEFAULT?.trim() && Number.isFinite(n) ? n : 1;
}
/** Names the credentials to set, in the order PDD would try their models. */
function missingKeyMessage(candidates, label, cloud) {
    const names = [...new Set(candidates.map(credentialLabel).filter(Boolean))];
    const shown = names.slice(0, 5);
    const first = shown[0] ?? 'a provider key';
    const rest = shown.slice(1);
    if (names.length > shown.length)
        rest.push(`… ${names.length - shown.length} more in ${label}`);
    const alternatives = rest.length > 0 ? ` (or ${rest.join(', ')})` : '';
    const jwt = cloud ? ' With pdd-cloud, PDD_JWT_TOKEN (a PDD Cloud token) would do as well.' : '';
    const example = /^[A-Z0-9_]+$/.test(first) ? `\n  env:\n    ${first}: \${{ secrets.${first} }}` : '';
    return (`No provider credential that pdd can use is set: every model pdd could pick from ${label} needs a key ` +
        `that is missing or empty. Set ${first}${alternatives} from a secret in the step's env ` +
        `(on a laptop: export it).${jwt}${example}`);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/push-access.js
/** Decides whether the bot branch can be pushed (see the module comment). */
async function checkPushAccess(o) {
    const dry = await o.git.dryRunPush(o.remote, o.commit, o.branch);
    if (!dry.ok)
        return { status: 'fail', message: refused(o, `a dry-run push failed: ${firstLines(dry.stderr)}`) };
    if (!o.api)
        return { status: 'undecided', note: 'a dry-run push was accepted; no API to ask for permissions.' };
    let push;
    try {
        push = await o.api.pushPermission();
    }
    catch (e) {
        return {
            status: 'undecided',
            note: `a dry-run push was accepted; the API did not answer: ${e.message}`
        };
    }
    if (push === true)
        return { status: 'ok', note: 'the token has push access (dry-run push and API agree).' };
    if (push === undefined || (await o.api.isInstallationToken()))
        return {
            status: 'ok',
            note: 'a dry-run push was accepted (the API reports no permissions for this token).'
        };
    return {
        status: 'fail',
        message: refused(o, `GET /repos/${o.repository ?? '{owner}/{repo}'} reports permissions.push = false for the token`)
    };
}
function refused(o, why) {
    const token = o.pushTokenGiven
        ? 'The token of input "push-token"'
        : 'The token (input "token", by default GITHUB_TOKEN)';
    return (`${token} cannot push the bot branch ${o.branch} to ${o.remote}: ${why}. Give the job ` +
        '`permissions: contents: write` (a GITHUB_TOKEN is read-only by default in newer repositories and ' +
        'organizations), or set input "push-token" to a token that can push (a fine-grained PAT or GitHub App token ' +
        'with Contents: write). Nothing was installed or spent.');
}
/** The first lines of git's stderr, on one line. */
function firstLines(stderr) {
    const lines = stderr
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    return lines.slice(0, 3).join(' ') || 'no message';
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/preflight.js





/** A check before spending failed: the run stops with this message and nothing installed or spent. */
class PreflightError extends Error {
    name = 'PreflightError';
}
/** Runs every check; throws a {@link PreflightError} naming each problem and its fix. */
async function checkBeforeSpending(o) {
    const problems = [];
    if (o.push) {
        const push = await checkPushAccess({ ...o.push, commit: o.commit });
        if (push.status === 'fail')
            problems.push(push.message);
        else
            o.reporter.info(`Push access: ${push.note}`);
    }
    const source = await findCatalog({
        git: o.git,
        commit: o.commit,
        repoRoot: o.repoRoot,
        env: o.env,
        pddVersion: o.pddVersion
    });
    for (const w of source.warnings)
        o.reporter.warning(w);
    const key = checkProviderKey({
        catalog: source.catalog,
        packaged: source.packaged,
        env: { ...source.dotenv, ...o.env },
        strength: o.strength,
        cloud: o.cloud,
        jwtCached: source.jwtCached
    });
    if (key.status === 'fail')
        problems.push(key.message);
    else if (key.status === 'undecided')
        o.reporter.info(`Provider credential: not checked: ${key.note}`);
    else {
        o.reporter.info(`Provider credential: ${key.note}`);
        if (key.warning)
            o.reporter.warning(key.warning);
    }
    if (problems.length === 1)
        throw new PreflightError(problems[0]);
    if (problems.length > 1)
        throw new PreflightError(`Stopped before spending anything:\n${problems.map(p => `- ${p}`).join('\n')}`);
}
/**
 * Parses the catalog packaged with the pdd-cli version this build knows, so that {@link checkBeforeSpending}
 * finds it parsed (parseCatalog keeps it): for a caller that waits for pdd's version before the checks, this
 * is the checks' main cost moved into that wait.
 */
function parsePackagedCatalog() {
    parseCatalog(packaged_llm_model_namespaceObject.fu);
}
/** The environment pdd gets, as far as the credential check reads it (`--local` sets PDD_FORCE_LOCAL). */
function pddEnvironment(cloud, env) {
    return cloud ? { ...env } : { ...env, PDD_FORCE_LOCAL: '1' };
}

// EXTERNAL MODULE: ./build/tmp/js/src/state/load.js + 2 modules
var load = __webpack_require__(1643);
;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/uncommitted.js
/**
 * A run plans from the work tree but syncs a commit: each group works in its own `git worktree` made from the
 * start commit (docs/architecture.md "Trust"). A file of a unit with work that is not committed — a new prompt,
 * an edited prompt, include or code file, a changed `.pddrc` — would be planned from one content and synced from
 * another: pdd would fail ("No prompt files found"), or sync the committed prompt and call the edit synced. Such
 * a run is refused before anything is installed or paid for, naming the files and the units.
 */




/** Files listed in a refusal; the rest are counted. */
const LISTED = 10;
/**
 * The uncommitted files (`dirty`: relative to the git top level) that the units with work read: their own
 * files, includes and `.pdd/meta` state, and the `.pddrc` and `architecture.json` of their project. Pure.
 */
function uncommittedOf(dirty, planned, prefix) {
    const changed = new Set(dirty);
    const found = new Map();
    const at = (file, unit) => {
        const full = external_node_path_.posix.join(prefix, file);
        if (changed.has(full))
            (found.get(full) ?? found.set(full, new Set()).get(full))?.add(unit);
    };
    for (const p of planned.plan.units) {
        const u = planned.units.get(p.id)?.unit;
        if (!(0,types/* hasWork */.OJ)(p.operation) || u === undefined)
            continue;
        const meta = external_node_path_.posix.join(u.metaDir, (0,load/* metaStem */.h2)(u));
        const own = [p.paths.prompt, p.paths.code, p.paths.example, p.paths.test, ...u.testFiles, ...u.includes];
        const project = [
            external_node_path_.posix.join(u.projectRoot, '.pddrc'),
            external_node_path_.posix.join(u.projectRoot, 'architecture.json')
        ];
        for (const f of [...own, `${meta}.json`, `${meta}_run.json`, ...project])
            if (f !== '')
                at(f, p.id);
    }
    return [...found].map(([file, units]) => ({ file, units: [...units].sort() }));
}
/** The refusal naming what is not committed, or null when nothing is. */
function uncommittedMessage(found, commit) {
    if (found.length === 0)
        return null;
    const shown = found.slice(0, LISTED).map(f => `${f.file} (${f.units.join(', ')})`);
    const more = found.length > LISTED ? `, and ${found.length - LISTED} more` : '';
    return (`Uncommitted changes that the run would not see (each group syncs commit ${commit.slice(0, 12)} in its ` +
        `own worktree): ${shown.join(', ')}${more}. Commit or stash them, or leave those units out with units.`);
}
/**
 * Throws when the repository has no commit to sync from, or when a unit with work reads an uncommitted file.
 * One `git status`; nothing when no unit has work.
 */
async function refuseUncommitted(git, planned, repoRoot, commit) {
    if (!planned.plan.units.some(u => (0,types/* hasWork */.OJ)(u.operation)))
        return;
    if (commit === '')
        throw new Error(`${repoRoot} has no commit to start from: commit the prompts first.`);
    const prefix = external_node_path_.relative(git.root, await (0,promises_.realpath)(repoRoot))
        .split(external_node_path_.sep)
        .join('/');
    const message = uncommittedMessage(uncommittedOf(await git.dirtyPaths(), planned, prefix), commit);
    if (message !== null)
        throw new Error(message);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/stray-pddrc.js
/**
 * PDD looks for `.pddrc` in the folder it runs in and then in every parent folder, up to `/`
 * (`_find_pddrc_file` in `pdd/construct_paths.py`). The planner stops at the repository. Each group runs in a
 * worktree under the scratch root (TMPDIR; RUNNER_TEMP in Actions), so for a project without a `.pddrc` of its
 * own, a `.pddrc` in a parent of that folder — `/tmp/.pddrc`, which any user of a shared machine can write —
 * would configure every sync: other output paths (absolute ones too), other prompts. `architecture.json` is
 * searched the same way, up to a folder holding a `.pddrc` (`_find_architecture_json` in
 * `pdd/sync_determine_operation.py`). Such a run is refused before anything is installed or paid for, naming
 * the file (docs/architecture.md "Trust").
 */




function stray_pddrc_isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
/** The first `.pddrc` file in `dir` or a parent of it, as PDD's upward search would find it; null when none. */
function pddrcAbove(dir) {
    for (let d = dir;; d = external_node_path_.dirname(d)) {
        if (stray_pddrc_isFile(external_node_path_.join(d, '.pddrc')))
            return external_node_path_.join(d, '.pddrc');
        if (external_node_path_.dirname(d) === d)
            return null;
    }
}
/** The first `architecture.json` in `dir` or a parent, before a folder holding `.pddrc`, as PDD finds it. */
function architectureAbove(dir) {
    for (let d = dir; external_node_path_.dirname(d) !== d; d = external_node_path_.dirname(d)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_.join(d, 'architecture.json')))
            return external_node_path_.join(d, 'architecture.json');
        if ((0,external_node_fs_.existsSync)(external_node_path_.join(d, '.pddrc')))
            return null;
    }
    return null;
}
/**
 * Throws when a unit with work has no `.pddrc` in its project (nor, for `architecture.json`, one of those) and
 * one lies in `scratch` or a parent of it, where PDD would read it in every worktree.
 */
async function refuseStrayPddrc(planned, repoRoot, scratch) {
    const projects = planned.plan.units
        .filter(p => (0,types/* hasWork */.OJ)(p.operation))
        .map(p => ({ id: p.id, root: external_node_path_.join(repoRoot, planned.units.get(p.id)?.unit.projectRoot ?? '.') }))
        .filter(p => !stray_pddrc_isFile(external_node_path_.join(p.root, '.pddrc')));
    if (projects.length === 0)
        return;
    const real = await (0,promises_.realpath)(scratch);
    const pddrc = pddrcAbove(real);
    const found = pddrc ?? architectureAbove(real);
    const bare = pddrc ? projects : projects.filter(p => !(0,external_node_fs_.existsSync)(external_node_path_.join(p.root, 'architecture.json')));
    if (found === null || bare.length === 0)
        return;
    throw new Error(`${found} lies above the folder where the run makes its worktrees (${scratch}): pdd looks for ` +
        `${external_node_path_.basename(found)} in every parent folder, so it would configure the sync of ` +
        `${bare.map(u => u.id).join(', ')} (whose project has no .pddrc), though the plan does not read it. ` +
        `Remove it, add a .pddrc to the project, or set TMPDIR (RUNNER_TEMP in Actions) to a folder without ` +
        `one above it.`);
}

// EXTERNAL MODULE: ./build/tmp/js/src/state/spend.js
var spend = __webpack_require__(9583);
// EXTERNAL MODULE: ./build/tmp/js/src/plan/render.js
var render = __webpack_require__(3473);
// EXTERNAL MODULE: ./build/tmp/js/src/publish/reservation.js
var reservation = __webpack_require__(7976);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/spend-report.js



/**
 * The job's budget under the caps. With a cap and something to run, the budget is reserved in the notes first
 * (reservation.ts), so that runs started together stay under the caps; otherwise it is computed from what the
 * planner read, and nothing is written.
 */
async function budgetUnderCaps(o) {
    const r = await computeOrReserve(o);
    if (r.warning)
        o.reporter.warning(r.warning);
    const why = capReason(r);
    if (why)
        o.reporter.notice(upper(why) + '.');
    return r;
}
async function computeOrReserve(o) {
    if (o.reserve && (0,spend/* hasCaps */.IS)(o.caps)) {
        const comment = o.read.records;
        const r = await (0,reservation/* reserveSpend */.NG)({
            git: o.git,
            remote: o.remote,
            ref: o.notesRef,
            identity: o.identity,
            runId: o.runId,
            budget: o.budget,
            caps: o.caps,
            otherRecords: comment,
            now: o.now
        });
        return { caps: o.caps, ...r };
    }
    const summary = (0,spend/* summarizeSpend */.AC)({ ...o.read, now: (o.now ?? (() => new Date()))(), excludeRunId: o.runId });
    return { caps: o.caps, summary, effective: (0,spend/* effectiveBudget */.P4)(o.budget, o.caps, summary), shared: true };
}
/** Why the caps stopped or lowered this run, one sentence; undefined when they did not. */
function capReason(r) {
    const e = r.effective;
    if (!e.limitedBy)
        return undefined;
    const s = r.summary;
    const [cap, used, held, period] = e.limitedBy === 'daily'
        ? [r.caps.daily ?? 0, s.spentToday, s.heldToday, `today (${s.day} UTC)`]
        : [r.caps.monthly ?? 0, s.spentMonth, s.heldMonth, `this month (${s.month} UTC)`];
    const heldText = held > 0 ? ` and ${(0,render/* money */.TG)(held)} held by runs still going` : '';
    const what = `${(0,render/* money */.TG)(used)} spent ${period}${heldText} of the ${e.limitedBy} cap of ${(0,render/* money */.TG)(cap)}`;
    return e.reached
        ? `${e.limitedBy} cap reached: ${what}; nothing was installed or run`
        : `budget lowered from ${(0,render/* money */.TG)(e.requested)} to ${(0,render/* money */.TG)(e.budget)} by the ${e.limitedBy} cap: ${what}`;
}
/** Gives the units the cap kept from running the cap's reason. */
function explainCapped(result, r) {
    const why = capReason(r);
    if (!why || !r.effective.reached)
        return;
    for (const u of result.units)
        if (u.status === 'skipped-budget')
            u.reason = why;
}
/** Dollars spent this month by every recorded run, this one included. */
function spentThisMonth(r, result) {
    return Math.round((r.summary.spentMonth + result.spent) * 1e6) / 1e6;
}
/**
 * The job summary's spend block: this run, today and this month against the caps, and the cap's notice when it
 * stopped or lowered the run.
 */
function renderSpend(r, result) {
    const s = r.summary;
    const against = (n, cap, held) => `${money(n)}${cap === undefined ? '' : ` of ${money(cap)}`}${held > 0 ? ` (+${money(held)} reserved by runs still going)` : ''}`;
    const line = `**Spent:** this run ${money(result.spent)} · today ${against(s.spentToday + result.spent, r.caps.daily, s.heldToday)}` +
        ` · this month ${against(spentThisMonth(r, result), r.caps.monthly, s.heldMonth)}`;
    const out = [line];
    const why = capReason(r);
    if (why)
        out.unshift(`> [!${r.effective.reached ? 'WARNING' : 'NOTE'}]\n> ${upper(why)}.\n`);
    if (r.warning)
        out.push('', `> [!WARNING]\n> ${r.warning}\n`);
    return out.join('\n');
}
function upper(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

// EXTERNAL MODULE: ./build/tmp/js/src/trust/job.js
var job = __webpack_require__(9323);
;// CONCATENATED MODULE: ./build/tmp/js/src/cli/locked-run.js
/**
 * `pdd-sync run` once its options are checked: the repository's run lock, then plan → caps → pdd and its
 * checks → sync → run record (local notes, pushed with `--push`) or, as a shard, the shard's ref.
 */






















/**
 * Plan → caps → pdd and its checks → sync → run record (local notes, pushed with `--push`). What does not depend
 * on each other overlaps (docs/architecture.md "Performance"): the first groups' worktrees are made while pdd's
 * version is asked and the checks run; the logs are kept and the worktrees removed beside the run record.
 */
async function lockedRun(o) {
    const { git, planOptions } = o;
    const planned = await (0,plan/* planRepository */._B)(planOptions, o.reporter);
    (0,group_timing/* timelineMark */.X)('planned');
    const base = (await git.commitOf('HEAD')) ?? '';
    await refuseUncommitted(git, planned, planOptions.repoRoot, base);
    await refuseStrayPddrc(planned, planOptions.repoRoot, (0,temp/* scratchRoot */.P)());
    const runId = o.shard ? (0,reservations/* shardRunId */.nH)(o.shard.runKey, o.shard.shard, (0,external_node_crypto_.randomUUID)().slice(0, 8)) : (0,external_node_crypto_.randomUUID)();
    const notesRef = planOptions.notesRef ?? 'refs/notes/pdd-sync';
    const session = o.shard
        ? await shardSession(o, o.shard, planned, base, { ref: notesRef, runId })
        : undefined;
    const anyWork = planned.plan.units.some(u => (0,types/* hasWork */.OJ)(u.operation));
    const start = session?.start ?? base;
    const asked = session?.budget ?? o.requested;
    // Without caps the budget is what was asked: pdd and the worktrees are readied beside the spend check.
    let ready = anyWork && asked > 0 && !(0,spend/* hasCaps */.IS)(o.caps) ? prepare(o, planned, start) : undefined;
    let closing;
    const close = () => (closing ??= ready ? (0,execute/* closePool */.Tj)(ready.places, o.reporter) : Promise.resolve());
    try {
        const [spend, logs] = await Promise.all([
            budgetUnderCaps({
                git,
                remote: o.push ?? null,
                notesRef,
                identity: execute/* BOT */.WN,
                runId,
                budget: asked,
                caps: o.caps,
                read: planned.spend,
                reserve: anyWork && planOptions.notesRef !== null,
                reporter: o.reporter
            }),
            cliLogs(git, o.logs, runId)
        ]);
        const budget = spend.effective.budget;
        if (anyWork && budget > 0)
            ready ??= prepare(o, planned, start);
        const version = ready && budget > 0 ? await checkedPdd(o, base, ready.version) : undefined;
        const progress = progressOf(o, { anyWork, session, budget, runId, base, version });
        const synced = syncWithCancellation(o, planned, start, budget, progress, logs.scratch, ready?.places);
        // The logs are kept whatever the syncs did (a thrown error included), beside the run record.
        const kept = synced.then(noop, noop).then(() => keepLogs(logs, o.trust.redactor, o.reporter));
        try {
            const result = await synced.finally(() => progress?.close?.());
            if (version)
                result.pddVersion = version;
            explainCapped(result, spend);
            const closed = close();
            const recorded = await locked_run_record(o, { result, session, anyWork, runId, base, version });
            await closed;
            return { result: recorded, spend };
        }
        finally {
            await kept;
        }
    }
    finally {
        await close();
    }
}
function noop() { }
/**
 * Where a group that landed is reported: a shard's session (its shard ref), else, for a run that records (notes
 * on, some work), its partial records in the local notes (progress-record.ts).
 */
function progressOf(o, r) {
    const session = r.session;
    if (session)
        return { offer: p => session.reporter.offer(p), freeze: () => session.reporter.freeze() };
    const notesRef = o.planOptions.notesRef;
    if (o.shard || !r.anyWork || notesRef === null)
        return undefined;
    return new ProgressRecorder({
        git: o.git,
        notesRef,
        budget: r.budget,
        id: { runId: r.runId, trigger: 'cli', baseSha: r.base, pddVersion: r.version },
        reporter: o.reporter
    });
}
/**
 * What the syncs need ready before the first one starts, started now and not waited for: the first groups'
 * worktrees (prewarmedPool) and pdd's version (a promise handled here, so that an early failure is reported by
 * whoever awaits it, never as an unhandled rejection).
 */
function prepare(o, planned, start) {
    const version = (0,pdd_process/* pddVersion */.F_)(o.command, o.trust.pddEnv.env);
    version.catch(noop);
    // The check before spending's main cost, done while pdd starts (see parsePackagedCatalog).
    setImmediate(() => {
        try {
            parsePackagedCatalog();
        }
        catch {
            // The check parses it again and reports what is wrong.
        }
    });
    return { places: (0,execute/* prewarmedPool */.K6)(o.git, planned, start, o.settings.concurrency), version };
}
/** The run's report: to the shard ref (`--shard K`), else the run record in the local notes (and `--push`). */
async function locked_run_record(o, r) {
    const notesRef = o.planOptions.notesRef;
    if (o.shard && r.session) {
        const { ref, result: whole } = await r.session.finish(r.result);
        if (ref)
            o.reporter.info(`Shard ${o.shard.shard} reported to ${ref}${o.push ? ` on ${o.push}` : ''}.`);
        return whole;
    }
    if (!r.anyWork || notesRef === null)
        return r.result;
    const recorded = await (0,publish/* recordCliRun */.T)({
        git: o.git,
        result: r.result,
        runId: r.runId,
        base: r.base,
        notesRef,
        push: o.push,
        reporter: o.reporter,
        pddVersion: r.version
    });
    for (const line of recorded.pushed)
        o.reporter.info(line);
    return r.result;
}
/** `--shard K`: the shard's session, which reports each finished group to the run's shard ref as it lands. */
function shardSession(o, shard, planned, base, reservation) {
    return startShard({
        git: o.git,
        remote: o.push ?? null,
        runKey: shard.runKey,
        shard: shard.shard,
        baseSha: base,
        budget: o.requested,
        planned,
        identity: execute/* BOT */.WN,
        redactor: o.trust.redactor,
        reporter: o.reporter,
        reservation
    });
}
/** The version of the pdd to run, after the checks before spending; says what is withheld from it. */
async function checkedPdd(o, base, asked) {
    const { command, trust, reporter } = o;
    const version = await asked;
    (0,group_timing/* timelineMark */.X)('pdd-version');
    const withheld = (0,job/* withheldLine */.W)(trust.pddEnv);
    if (withheld)
        reporter.info(withheld);
    reporter.info(`Using pdd ${version} (${command.join(' ')}).`);
    await checkBeforeSpending({
        git: o.git,
        commit: base,
        repoRoot: o.planOptions.repoRoot,
        env: pddEnvironment(o.settings.pddCloud, trust.pddEnv.env),
        pddVersion: version,
        strength: o.settings.strength,
        cloud: o.settings.pddCloud,
        reporter
    });
    (0,group_timing/* timelineMark */.X)('pdd-checked');
    return version;
}
/** Syncs the planned groups; SIGINT/SIGTERM stop the running syncs and keep what finished. */
function syncWithCancellation(o, planned, base, budget, progress, logDir, places) {
    const { reporter, trust } = o;
    return withCancellation(() => reporter.warning('Interrupted: stopping the running syncs; what finished is kept.'), signal => {
        signal.addEventListener('abort', () => progress?.freeze?.());
        return syncPlanned({
            git: o.git,
            planned,
            planOptions: o.planOptions,
            branch: o.branch,
            base,
            settings: { ...o.settings, budget },
            command: o.command,
            reporter,
            signal,
            env: trust.pddEnv.env,
            withholdEnv: o.withhold,
            // tsx for PDD's `npx tsx` (TypeScript), kept between runs in the user's cache folder.
            runtimes: { toolDir: external_node_path_.join((0,external_node_os_.homedir)(), '.cache', 'pdd-sync-action', 'tools') },
            onProgress: progress ? p => progress.offer(p) : undefined,
            logDir,
            places
        });
    });
}
/** Exit code when another run holds the repository (EX_TEMPFAIL: try again later). */
const BUSY = 75;
/** The run lock of the repository (run-lock.ts), or null after saying who holds it. */
async function lockOrNull(git) {
    try {
        return await acquireRunLock(await git.commonDir());
    }
    catch (e) {
        if (!(e instanceof RunLockBusy))
            throw e;
        process.stderr.write(`pdd-sync: ${e.message}\n`);
        return null;
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/cli/run-options.js + 1 modules
var run_options = __webpack_require__(9399);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/checklist-run.js

/** Statuses in the order they are counted and listed: the ones that need attention first. */
const STATUS_ORDER = (/* unused pure expression or super */ null && ([
    'failed',
    'conflict',
    'skipped-runtime',
    'skipped-dependency',
    'skipped-budget',
    'synced',
    'unchanged'
]));
const STATUS_LABEL = {
    failed: 'failed',
    conflict: 'conflict (manual merge)',
    'skipped-runtime': 'skipped (runtime)',
    'skipped-dependency': 'skipped (dependency)',
    'skipped-budget': 'skipped (budget)',
    synced: 'synced',
    unchanged: 'unchanged'
};
/** A unit that needs attention: anything but `synced` and `unchanged`. */
function checklist_run_needsAttention(u) {
    return u.status !== 'synced' && u.status !== 'unchanged';
}
/** Units per status. */
function checklist_run_statusCounts(result) {
    const counts = Object.fromEntries(STATUS_ORDER.map(s => [s, 0]));
    for (const u of result.units)
        counts[u.status] = (counts[u.status] ?? 0) + 1;
    return counts;
}
/** `**2 synced** · **1 failed** · 12 unchanged`: the non-zero counts, attention first. */
function countsLine(result) {
    const c = checklist_run_statusCounts(result);
    const parts = STATUS_ORDER.filter(s => c[s] > 0).map(s => {
        const t = `${count(c[s])} ${STATUS_LABEL[s]}`;
        return s === 'unchanged' ? t : `**${t}**`;
    });
    return parts.length > 0 ? parts.join(' · ') : 'No units in scope.';
}
/** `pdd-cli 0.0.310` from `0.0.310`, `v0.0.310` or `pdd-cli 0.0.310`; undefined without a version. */
function pddCliName(input) {
    const v = (input.pddVersion ?? input.result.pddVersion)?.trim();
    if (!v)
        return undefined;
    const m = /\d+(?:\.\d+)+[\w.+-]*/.exec(v);
    return `pdd-cli ${m ? m[0] : escapeName(v)}`;
}
/** The run line and the counts line shared by the body and the summary. */
function checklist_run_runHeader(input) {
    const r = input.result;
    const spent = dollars(r.spent) +
        (r.overshoot !== undefined && r.overshoot > 0 ? ` (overshoot ${dollars(r.overshoot)})` : '');
    const facts = [`Trigger: ${codeSpan(oneLine(input.trigger, 100))}`, `Budget: ${dollars(r.budget)}`];
    facts.push(`Spent: ${spent}`);
    const cli = pddCliName(input);
    if (cli)
        facts.push(cli);
    if (input.runUrl)
        facts.push(`[Workflow run](${linkUrl(input.runUrl)})`);
    return [facts.join(' · '), '', countsLine(r)];
}
/** Warnings as GitHub alert blocks: cancelled run, budget, notes not saved, human commit, pull request blocked. */
function checklist_run_noticeBlocks(input) {
    const r = input.result;
    const skipped = checklist_run_statusCounts(r)['skipped-budget'];
    const texts = [];
    if (r.cancelled)
        texts.push('The run was cancelled; units that had not finished are listed as skipped or failed.');
    if (input.budgetExhausted || skipped > 0)
        texts.push(`The budget ran out: ${units(skipped)} skipped for budget; the next run picks up what is left.`);
    if (input.notesSaved === false || typeof input.notesSaved === 'string')
        texts.push(typeof input.notesSaved === 'string' && input.notesSaved.trim() !== ''
            ? input.notesSaved
            : 'The run record could not be saved to git notes; the next run may redo some work.');
    if (input.humanCommitBlock)
        texts.push(input.humanCommitBlock);
    if (input.prBlocked)
        texts.push(input.prBlocked);
    const blocks = texts.map(t => `> [!WARNING]\n> ${escapeText(oneLine(t, 1000))}`);
    const calibration = calibrationNote(r);
    if (calibration)
        blocks.push(`> [!NOTE]\n> ${escapeText(oneLine(calibration, 2000))}`);
    if (input.draftNotice)
        blocks.push(`> [!NOTE]\n> ${escapeText(oneLine(input.draftNotice, 1000))}`);
    if (input.carried && input.carried.length > 0) {
        const list = input.carried.slice(0, 50).join(', ') + (input.carried.length > 50 ? ', …' : '');
        blocks.push(`> [!NOTE]\n> Kept from earlier runs, not merged yet: ${escapeText(oneLine(list, 2000))}.`);
    }
    return blocks;
}
/** What calibration did in this run (no recorded cost in the repository), or undefined when it did not run. */
function calibrationNote(r) {
    const c = r.calibration;
    if (!c || c.groups.length === 0)
        return undefined;
    const names = c.groups.slice(0, 10).join(', ') + (c.groups.length > 10 ? ', …' : '');
    const learned = c.factor === undefined
        ? ' No cost was booked yet, so the next run calibrates again.'
        : ` Later groups were estimated at ${c.factor.toPrecision(2)} × PDD's table, from what those cost; the next run estimates from this run's record.`;
    return ('Calibrating: this repository had no recorded cost, so the only estimates were PDD’s table. ' +
        `Groups ran one at a time, each with all that was left of the budget as \`--budget\` (${names}).${learned}`);
}
/**
 * Units with work grouped by basename. Groups are ordered by their most urgent unit (failed, conflict,
 * skipped-dependency, skipped-budget, then synced), ties in result order (the plan's order); units keep result
 * order within a group. Unchanged units are left out.
 */
function checklist_run_groupByBasename(result) {
    const groups = new Map();
    for (const u of result.units) {
        if (u.status === 'unchanged')
            continue;
        const g = groups.get(u.basename);
        if (g)
            g.push(u);
        else
            groups.set(u.basename, [u]);
    }
    const rank = (us) => us.reduce((m, u) => Math.min(m, STATUS_ORDER.indexOf(u.status)), STATUS_ORDER.length);
    return [...groups]
        .map(([basename, us]) => ({ basename, units: us, rank: rank(us) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ basename, units: us }) => ({ basename, units: us }));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/checklist-line.js


/** The hidden marker that identifies a pull request body as written (and rewritten) by the action. */
const checklist_line_CHECKLIST_MARKER = '<!-- pdd-sync:checklist -->';
/** Reasons in the body are cut to this many code points at most. */
const REASON_CAP = 1000;
/** The hidden per-unit marker `<!-- pdd-sync:unit=<id> status=<status> -->` (display state only). */
function unitMarker(u) {
    const id = u.id.replace(/[^\w./@+-]/gu, c => encodeURIComponent(c).replace(/[!'()*~]/g, x => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
    return `<!-- pdd-sync:unit=${id} status=${u.status} -->`;
}
function failedHead(ops) {
    const last = ops.at(-1);
    if (last === undefined)
        return 'failed';
    const before = ops.slice(0, -1);
    return `${last} failed${before.length > 0 ? ` (after ${before.join(', ')})` : ''}`;
}
function costText(u, always) {
    if (u.cost === null)
        return always || u.operations.length > 0 ? 'cost unknown' : '';
    return always || u.cost > 0 ? dollars(u.cost) : '';
}
/**
 * One checklist line (docs/architecture.md, "Contracts"), the hidden marker at its end:
 * - synced: `- [x] calculator (python): generate, example, test — $0.42` (`cost unknown` when null);
 * - failed: `- [ ] parser (typescript): fix failed (after generate) — <reason> — $0.31`;
 * - skipped-budget / -dependency / -runtime: `- [ ] parser (typescript): skipped (budget) — <reason>`;
 * - conflict: `- [ ] parser (typescript): needs a human (manual merge) — <reason>`;
 * - unchanged: `- [x] parser (typescript): unchanged — <reason>` (the body counts these instead of listing them).
 * The reason is one line of at most `reasonCap` code points that cannot open HTML. `next` becomes a sub-bullet.
 */
function checklist_line_checklistLine(u, next, reasonCap = REASON_CAP) {
    const ops = u.operations.map(escapeName);
    const reason = escapeText(oneLine(u.reason, reasonCap));
    let head;
    let tail;
    if (u.status === 'synced') {
        head = ops.length > 0 ? ops.join(', ') : 'no operation';
        tail = [costText(u, true)];
    }
    else if (u.status === 'failed') {
        head = failedHead(ops);
        // "fix failed (after …) — fix failed: 1 test failing" says it twice: the head already names the step.
        const last = u.operations.at(-1);
        const dup = last === undefined ? '' : `${escapeText(last)} failed`;
        const said = dup !== '' && reason.startsWith(dup) ? reason.slice(dup.length).replace(/^[:\s]+/, '') : reason;
        tail = [said, costText(u, false), u.partial ? 'partial output committed' : ''];
    }
    else {
        const heads = {
            'skipped-budget': 'skipped (budget)',
            'skipped-dependency': 'skipped (dependency)',
            'skipped-runtime': 'skipped (runtime)',
            conflict: 'needs a human (manual merge)',
            unchanged: 'unchanged'
        };
        head = heads[u.status] ?? u.status;
        tail = [reason, costText(u, false)];
    }
    const box = u.status === 'synced' || u.status === 'unchanged' ? 'x' : ' ';
    const text = [head, ...tail.filter(t => t !== '')].join(' — ');
    const line = `- [${box}] ${escapeName(u.basename)} (${escapeName(u.language)}): ${text} ${unitMarker(u)}`;
    return next === undefined ? line : `${line}\n  - ${next}`;
}
function cap(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
/** `gh workflow run <file> [--ref R] [-R owner/repo] -f units=<id>`, or undefined without a workflow file. */
function rerunCommand(id, input) {
    if (!input.workflowFile)
        return undefined;
    const argv = ['gh', 'workflow', 'run', shellWord(input.workflowFile)];
    if (input.ref)
        argv.push('--ref', shellWord(input.ref));
    if (input.repository)
        argv.push('-R', shellWord(input.repository));
    argv.push('-f', shellWord(`units=${id}`));
    return argv.join(' ');
}
/** `pdd --force [--context C] sync <basename>`: the unit's sync by hand (context `default` is left out). */
function pddCommand(u, contextOf) {
    const context = contextOf?.[u.id];
    const ctx = context && context !== 'default' ? ` --context ${shellWord(context)}` : '';
    return `pdd --force${ctx} sync ${shellWord(u.basename)}`;
}
/**
 * What to do about a unit that needs attention (undefined for synced and unchanged units): re-run the workflow
 * for that unit (`gh workflow run … -f units=<id>` when the workflow file is known) and, for failures and budget
 * skips, the PDD command to run by hand. A manual-merge conflict names the prompt to merge first.
 */
function checklist_line_nextStep(u, input) {
    if (!needsAttention(u))
        return undefined;
    const gh = rerunCommand(u.id, input);
    const rerun = gh ? `re-run with ${codeSpan(gh)}` : `re-run the workflow with ${codeSpan(`units: ${u.id}`)}`;
    const local = `or run ${codeSpan(pddCommand(u, input.contextOf))} locally`;
    switch (u.status) {
        case 'failed':
            return `${cap(rerun)}, ${local}.`;
        case 'skipped-budget':
            return `Raise the budget and ${rerun}, ${local}.`;
        case 'skipped-dependency':
            return `Once the unit it depends on syncs, ${rerun}.`;
        case 'skipped-runtime':
            return `Add the setup step the reason names to the workflow, then ${rerun}.`;
        default: {
            if (/^replay conflict/i.test(u.reason))
                return `${cap(rerun)}.`;
            const prompt = input.promptPaths?.[u.id];
            const what = prompt ? codeSpan(prompt) : 'the prompt';
            return `Merge ${what} and the files generated from it by hand, commit, then ${rerun}.`;
        }
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/checklist-text.js
/**
 * Small pure text helpers for the checklist and the job summary: sizes in code points and UTF-8 bytes, cutting
 * without splitting a surrogate pair, and escaping text that comes from PDD (reasons) or from file names.
 */

function isHigh(c) {
    return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c) {
    return c >= 0xdc00 && c <= 0xdfff;
}
/** Length of the code point starting at `i` in UTF-16 units (2 for a valid surrogate pair, else 1). */
function unitAt(s, i) {
    return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}
/** Code points in `s`, as GitHub counts a pull request body (`[...s].length`, without the array). */
function checklist_text_codePoints(s) {
    let n = 0;
    for (let i = 0; i < s.length; i += unitAt(s, i))
        n++;
    return n;
}
/** UTF-8 bytes of `s`, as GitHub counts a job summary. */
function checklist_text_utf8Bytes(s) {
    let n = 0;
    for (let i = 0; i < s.length;) {
        const w = unitAt(s, i);
        n += bytesAt(s, i, w);
        i += w;
    }
    return n;
}
function bytesAt(s, i, w) {
    const c = s.charCodeAt(i);
    return w === 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}
/** The longest prefix of `s` whose size (by `size` per code point) is at most `max`. */
function prefix(s, max, size) {
    let used = 0;
    let i = 0;
    while (i < s.length) {
        const w = unitAt(s, i);
        const n = size(s, i, w);
        if (used + n > max)
            break;
        used += n;
        i += w;
    }
    return s.slice(0, i);
}
/** The first `max` code points of `s`. */
function checklist_text_sliceCodePoints(s, max) {
    return prefix(s, max, () => 1);
}
/** The longest prefix of `s` of at most `max` UTF-8 bytes. */
function checklist_text_sliceBytes(s, max) {
    return prefix(s, max, bytesAt);
}
/** `s` cut to at most `max` code points, ending in `…` when cut. */
function checklist_text_truncate(s, max) {
    if (max < 1)
        return '';
    if (s.length <= max || checklist_text_codePoints(s) <= max)
        return s;
    return checklist_text_sliceCodePoints(s, max - 1) + '…';
}
/**
 * One line of at most `max` code points: whitespace and control characters collapse to single spaces. Very long
 * input is cut before collapsing, so a megabyte of log in a reason costs no more than a short one.
 */
function checklist_text_oneLine(s, max) {
    let head = s.length > max * 4 + 16 ? s.slice(0, max * 4 + 16) : s;
    if (head !== s && isHigh(head.charCodeAt(head.length - 1)))
        head = head.slice(0, -1);
    const flat = flatten(head);
    return checklist_text_truncate(head === s ? flat : `${flat}…`, max);
}
/** Text from outside (a reason, a notice) for inline Markdown: see `escapeInline`. */
const checklist_text_escapeText = (/* unused pure expression or super */ null && (escapeInline));
/** A basename, language or operation for inline Markdown: text escaping plus the characters that format. */
function checklist_text_escapeName(s) {
    return checklist_text_escapeText(checklist_text_oneLine(s, 300)).replace(/[\\`*[\]#|]/g, c => `\\${c}`);
}
/** Text for one Markdown table cell of at most `max` code points: see `mdCell`. */
function checklist_text_cell(s, max = 1000) {
    return mdCell(checklist_text_oneLine(s, max));
}

/** One POSIX shell word: as is when safe, else single-quoted. */
function checklist_text_shellWord(s) {
    return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
/** Dollars as the checklist shows them: `$0.42`; amounts under a cent keep four decimals (`$0.0031`). */
function checklist_text_dollars(x) {
    return x === 0 || Math.abs(x) >= 0.01 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`;
}
/** Seconds as `12.3 s` or `3m 05s`. */
function checklist_text_duration(seconds) {
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const total = Math.round(seconds);
    return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
}
/** A count with thousands separators, the same on every machine. */
function checklist_text_count(n) {
    return n.toLocaleString('en-US');
}
/** `n unit` / `n units`. */
function checklist_text_units(n, noun = 'unit') {
    return `${checklist_text_count(n)} ${noun}${n === 1 ? '' : 's'}`;
}
/** A URL safe inside `[text](url)`. */
function checklist_text_linkUrl(url) {
    return url.replace(/[\s()<>]/g, c => encodeURIComponent(c));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/summary.js



const ICON = {
    synced: '✅',
    failed: '❌',
    conflict: '⚠️',
    'skipped-budget': '⏭️',
    'skipped-dependency': '⏭️',
    'skipped-runtime': '⏭️',
    unchanged: '➖'
};
const TABLE_HEAD = '| Unit | Status | Operations | Estimate | Cost | Duration | Reason |\n| --- | --- | --- | ---: | ---: | ---: | --- |';
/** Room kept for the total row and the omission lines. */
const TAIL_ROOM = 4096;
function row(u, cap) {
    const ops = u.operations.length > 0 ? cell(u.operations.join(', '), 300) : '—';
    const cost = u.cost === null ? 'unknown' : dollars(u.cost);
    const time = u.duration === undefined ? '—' : duration(u.duration);
    const status = `${ICON[u.status]} ${u.status}${u.partial ? ' (partial)' : ''}`;
    const estimate = u.estimate === undefined ? '—' : dollars(u.estimate);
    return `| ${cell(u.id, 300)} | ${status} | ${ops} | ${estimate} | ${cost} | ${time} | ${cell(u.reason, cap)} |`;
}
function totalRow(input, listed) {
    const known = listed.filter(u => u.duration !== undefined);
    const time = known.length > 0 ? duration(known.reduce((a, u) => a + (u.duration ?? 0), 0)) : '—';
    const estimated = listed.some(u => u.estimate !== undefined)
        ? `**${dollars(listed.reduce((a, u) => a + (u.estimate ?? 0), 0))}**`
        : '';
    return `| **Total** | ${units(listed.length)} with work | | ${estimated} | **${dollars(input.result.spent)}** | ${time} | |`;
}
/** A unit that ran `pdd sync` (its cost is real), as opposed to one skipped or left alone by the plan. */
function ran(u) {
    return u.operations.length > 0 || (u.cost ?? 0) > 0 || u.status === 'synced' || u.status === 'failed';
}
/**
 * Estimate against actual over the units that ran: `Estimated $2.15 for the 1 unit that ran; it cost $0.0016
 * (0.0007 × the estimate).` Undefined when no unit that ran carries an estimate.
 */
function estimateLine(result) {
    const ranUnits = result.units.filter(u => ran(u) && u.estimate !== undefined);
    if (ranUnits.length === 0)
        return undefined;
    const estimated = ranUnits.reduce((a, u) => a + (u.estimate ?? 0), 0);
    const actual = ranUnits.reduce((a, u) => a + (u.cost ?? 0), 0);
    const unknown = ranUnits.some(u => u.cost === null) ? ' (some costs unknown)' : '';
    const ratio = estimated > 0 ? ` (${ratioText(actual / estimated)} × the estimate)` : '';
    const they = ranUnits.length === 1 ? 'it' : 'they';
    return `Estimated ${checklist_text_dollars(estimated)} for the ${checklist_text_units(ranUnits.length, 'unit')} that ran; ${they} cost ${checklist_text_dollars(actual)}${unknown}${ratio}.`;
}
function ratioText(x) {
    return x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
}
/** Adds lines while they fit in `room` bytes; returns how many were taken. */
function take(out, lines, room) {
    let n = 0;
    for (const line of lines) {
        const size = utf8Bytes(line) + 1;
        if (size > room.left)
            break;
        out.push(line);
        room.left -= size;
        n++;
    }
    return n;
}
function summary_render(input, listed, cap, room) {
    const left = { left: room };
    const out = [TABLE_HEAD];
    const rows = take(out, listed.map(u => row(u, cap)), left);
    out.push(totalRow(input, listed));
    const versus = estimateLine(input.result);
    if (versus)
        out.push('', versus);
    if (rows < listed.length)
        out.push('', `_… ${units(listed.length - rows, 'more row')} left out to fit the summary size limit._`);
    const steps = listed
        .filter(needsAttention)
        .map(u => `- **${cell(u.id, 300)}**: ${nextStep(u, input) ?? ''}`);
    if (steps.length === 0)
        return out;
    const section = [];
    const shown = take(section, steps, left);
    if (shown > 0)
        out.push('', '### Next steps', '', ...section);
    if (shown < steps.length)
        out.push('', `_… ${count(steps.length - shown)} more next steps left out._`);
    return out;
}
/**
 * The job summary: title, the run line (with `pdd-cli 0.0.N`), counts, warnings (cancelled, budget, notes not
 * saved, human commit, pull request blocked), a table of every unit with work (unit, status, operations, cost,
 * duration, reason; the same order as the pull request body) with a total row, and the next steps. Unchanged
 * units are only counted. Stays within `limit` UTF-8 bytes (GitHub allows 1 MiB per step): reasons shrink from
 * 1,000 to 200 code points, then rows and next steps are kept while they fit, then the text is cut at a line end.
 */
function renderSummary(input, limit = 900_000) {
    const head = [
        '## pdd sync',
        '',
        ...runHeader(input),
        ...noticeBlocks(input).flatMap(n => ['', n]),
        ''
    ].join('\n');
    const listed = groupByBasename(input.result).flatMap(g => g.units);
    const room = limit - utf8Bytes(head) - TAIL_ROOM;
    let text = head;
    if (listed.length > 0) {
        const full = summary_render(input, listed, 1000, Number.POSITIVE_INFINITY).join('\n');
        const body = utf8Bytes(full) <= room ? full : summary_render(input, listed, 200, room).join('\n');
        text = `${head}\n${body}`;
    }
    text += '\n';
    if (utf8Bytes(text) <= limit)
        return text;
    const notice = '\n_… cut to fit the summary size limit._\n';
    const cut = sliceBytes(text, Math.max(0, limit - utf8Bytes(notice)));
    const atLine = cut.lastIndexOf('\n') > 0 ? cut.slice(0, cut.lastIndexOf('\n')) : cut;
    return utf8Bytes(notice) <= limit ? `${atLine}${notice}` : sliceBytes(text, limit);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/checklist.js






/**
 * The outcome of a run, over the units that had work (every status but `unchanged`):
 * - `success`: every unit with work synced (also when no unit had work);
 * - `budget`: no unit failed or conflicted, but some were skipped for budget (and their dependents for them):
 *   the budget ran out, nothing went wrong; the next run picks them up;
 * - `failure`: no unit with work synced, and one failed or conflicted;
 * - `partial`: some synced and some failed or conflicted. `conflict` and `skipped-*` never count as success.
 */
function runStatus(result) {
    const work = result.units.filter(u => u.status !== 'unchanged');
    const synced = work.filter(u => u.status === 'synced').length;
    if (synced === work.length)
        return 'success';
    const broken = work.some(u => u.status === 'failed' || u.status === 'conflict');
    if (!broken && work.some(u => u.status === 'skipped-budget'))
        return 'budget';
    return synced === 0 ? 'failure' : 'partial';
}
/**
 * Whether the step fails, by `fail-on`: `never`; `all-failed` (default) when the status is `failure` (a run
 * short of budget is `budget`, not `failure`); `any-failure` when any unit failed or conflicted (budget skips
 * do not count); `any-unsynced` when any unit with work did not sync, budget skips included.
 */
function failsStep(result, failOn) {
    const status = runStatus(result);
    if (failOn === 'all-failed')
        return status === 'failure';
    if (failOn === 'any-failure')
        return result.units.some(u => u.status === 'failed' || u.status === 'conflict');
    if (failOn === 'any-unsynced')
        return status !== 'success';
    return false;
}
/**
 * The pull request title. Default: `pdd sync: N units updated` (N = synced units). A template may use
 * `{synced}` (synced units), `{failed}` (units with status `failed`) and `{base}` (the base branch: `base`, else
 * `result.branch` without its `pdd-sync/` prefix). One line, at most 256 characters.
 */
function pullRequestTitle(result, template, base) {
    const c = statusCounts(result);
    const b = base ?? result.branch?.replace(/^pdd-sync\//, '') ?? '';
    const raw = template && template.trim() !== ''
        ? template.replace(/\{(synced|failed|base)\}/g, (_m, k) => k === 'synced' ? String(c.synced) : k === 'failed' ? String(c.failed) : b)
        : `pdd sync: ${units(c.synced)} updated`;
    return truncate(oneLine(raw, 256), 256);
}
/** Ever smaller forms of the listing, tried in turn until one fits (see {@link renderPullRequestBody}). */
const BODY_MODES = [
    { steps: true, cap: REASON_CAP, attentionOnly: false, greedy: false },
    { steps: false, cap: 300, attentionOnly: false, greedy: false },
    { steps: true, cap: 300, attentionOnly: true, greedy: false },
    { steps: false, cap: 300, attentionOnly: true, greedy: false },
    { steps: false, cap: 100, attentionOnly: true, greedy: true }
];
/** Room kept for the "… N more units" line. */
const COUNT_LINE_ROOM = 600;
/** The grouped lines of one mode within `room` code points: null when a non-greedy mode does not fit. */
function listing(input, mode, room) {
    const out = [];
    const shown = [];
    let used = 0;
    for (const g of groupByBasename(input.result)) {
        const list = mode.attentionOnly ? g.units.filter(needsAttention) : g.units;
        let heading = `${out.length > 0 ? '\n' : ''}### ${escapeName(g.basename)}\n`;
        for (const u of list) {
            const line = checklistLine(u, mode.steps ? nextStep(u, input) : undefined, mode.cap);
            const size = codePoints(heading) + codePoints(line) + 1;
            if (used + size > room)
                return mode.greedy ? { text: out.join(''), shown } : null;
            out.push(heading, line, '\n');
            heading = '';
            used += size;
            shown.push(u);
        }
    }
    return { text: out.join(''), shown };
}
/** `… 9,900 more units (9,900 synced), see the job summary.` for the units a listing left out. */
function moreLine(input, shown) {
    const listed = new Set(shown);
    const rest = input.result.units.filter(u => u.status !== 'unchanged' && !listed.has(u));
    if (rest.length === 0)
        return '';
    const c = statusCounts({ units: rest });
    const parts = Object.entries(c)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${count(n)} ${s}`);
    const where = input.runUrl ? `[job summary](${linkUrl(input.runUrl)})` : 'job summary';
    return `_… ${units(rest.length, 'more unit')} (${parts.join(', ')}), see the ${where}._`;
}
/** The action's footer: a note for people and the hidden ownership marker. */
function bodyFooter() {
    return `---\n<sub>Written by pdd-sync-action on every run; edits to this description are overwritten. Tick a unit's box, or comment <code>/pdd-sync retry failed</code>, to re-run it (with the PR-control workflow; without it, boxes are display only).</sub>\n\n${CHECKLIST_MARKER}\n`;
}
/** `text` cut at a line end so that it plus a truncation notice and `footer` fit in `limit` code points. */
function hardTruncate(text, footer, limit) {
    const notice = `\n_… cut to fit GitHub's size limit; see the job summary._\n\n${footer}`;
    const room = limit - codePoints(notice);
    if (room < 0)
        return sliceCodePoints(`${text}\n${footer}`, limit);
    const head = sliceCodePoints(text, room);
    const cut = head.length < text.length ? head.slice(0, Math.max(0, head.lastIndexOf('\n'))) : head;
    return `${cut}${notice}`;
}
/**
 * The pull request body: a title, the run line (trigger, budget, spent and overshoot, `pdd-cli 0.0.N`, run link),
 * counts per status, warnings, then one checklist line per unit grouped under a `### <basename>` heading.
 * Basenames are ordered by their most urgent unit (failed, conflict, skipped-dependency, skipped-budget, synced),
 * ties in result (plan) order; languages keep result order; unchanged units are only counted. The footer holds {@link CHECKLIST_MARKER}. The body stays within `limit` code points (GitHub rejects
 * more than 65,536): it drops next steps and shortens reasons first, then lists only the units needing attention
 * with a count of the rest, then as many of those as fit, and as a last resort cuts the text with a notice.
 */
function renderPullRequestBody(input, limit = 60_000) {
    const notices = noticeBlocks(input);
    const head = ['## pdd sync', '', ...runHeader(input), ...notices.flatMap(n => ['', n]), '', ''].join('\n');
    const footer = bodyFooter();
    const room = limit - codePoints(head) - codePoints(footer) - COUNT_LINE_ROOM;
    const anyListed = input.result.units.some(u => u.status !== 'unchanged');
    let text = head + (anyListed ? '' : 'Nothing to sync: every unit in scope is in sync.\n');
    for (const mode of anyListed ? BODY_MODES : []) {
        const l = listing(input, mode, room);
        if (!l)
            continue;
        const more = moreLine(input, l.shown);
        const hint = !mode.steps && l.shown.some(needsAttention)
            ? '_Next steps for each unit are in the job summary._\n'
            : '';
        text = [head + l.text, hint, more ? `${more}\n` : ''].filter(t => t !== '').join('\n');
        break;
    }
    const body = `${text}\n${footer}`;
    return codePoints(body) <= limit ? body : hardTruncate(text, footer, limit);
}

// EXTERNAL MODULE: ./build/tmp/js/src/cli/bot-branch-use.js
var bot_branch_use = __webpack_require__(5128);
;// CONCATENATED MODULE: ./build/tmp/js/src/cli/left-worktrees.js
/**
 * Work trees an earlier run of this repository left behind when it was killed (SIGKILL, a crash, a power cut):
 * its group worktrees (`<tmp>/pdd-sync-group-X/wt-N-pdd-sync-group-X`) and replay or pending scratch worktrees
 * stay registered in `.git/worktrees` and on disk for ever otherwise. Removed once the run lock is held, when no
 * other run of this repository can be using them (docs/architecture.md "Trust").
 */


const GROUP = /^wt-\d+-(pdd-sync-group-[A-Za-z0-9]{6})$/;
const SCRATCH = /^pdd-sync-(?:replay|pending)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The folder to delete for a work tree the run makes, or null when `dir` is not one. */
function leftFolderOf(dir) {
    const name = external_node_path_.basename(dir);
    const group = GROUP.exec(name);
    if (group)
        return external_node_path_.basename(external_node_path_.dirname(dir)) === group[1] ? external_node_path_.dirname(dir) : null;
    return SCRATCH.test(name) ? dir : null;
}
/** Removes the work trees runs make that are still registered; how many. Never throws (a warning). */
async function removeLeftWorktrees(git, reporter) {
    let removed = 0;
    try {
        for (const dir of await git.worktreePaths()) {
            const folder = leftFolderOf(dir);
            if (folder === null)
                continue;
            await git.removeWorktree(dir);
            (0,external_node_fs_.rmSync)(folder, { recursive: true, force: true });
            removed++;
        }
    }
    catch (e) {
        reporter.warning(`Could not remove the work trees an earlier run left: ${e.message}`);
    }
    if (removed > 0)
        reporter.info(`Removed ${removed} work tree(s) an interrupted earlier run left behind.`);
    return removed;
}

// EXTERNAL MODULE: ./build/tmp/js/src/trust/commands.js
var commands = __webpack_require__(2216);
;// CONCATENATED MODULE: ./build/tmp/js/src/cli/run.js















/** Exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT, as a shell reports Ctrl-C). */
const INTERRUPTED = 130;
/** The scratch branch a `--shard K` run builds its commits on (`pdd-sync-shards/shard-K`, deleted after). */
const SHARD_BRANCH = 'pdd-sync-shards/shard-';
/** `pdd-sync run`; returns the exit code (1 when every unit with work failed, 130 when interrupted). */
async function runCommand(args) {
    (0,group_timing/* timelineMark */.X)('cli');
    const values = (0,run_options/* parseRunArgs */.ug)(args);
    if (values.help) {
        process.stdout.write(run_options/* RUN_USAGE */.W3 + '\n');
        return 0;
    }
    const request = (0,run_options/* runRequestOf */.o4)(values);
    const trust = (0,job/* jobTrust */.Q)(process.env, { withhold: request.withhold });
    const reporter = new adapters_reporter/* RedactingReporter */.B(new adapters_reporter/* ConsoleReporter */.l(), trust.redactor);
    const planOptions = (0,options/* planOptionsFrom */.kR)(values);
    const shard = (0,run_options/* shardOf */.IS)(values);
    if (shard)
        planOptions.scope = { trigger: 'workflow_dispatch', units: shard.units };
    const git = await openRepository(planOptions.repoRoot, values, trust.redactor.secrets, reporter);
    await (0,options/* checkNotesRef */.HB)(git, planOptions.notesRef);
    const head = await git.commitOf('HEAD');
    if (shard?.baseSha && shard.baseSha !== head)
        throw new options/* UsageError */.eb(`HEAD is ${head?.slice(0, 12) ?? 'nothing'}, not --base-sha ${shard.baseSha.slice(0, 12)}.`);
    const branch = await (0,bot_branch_use/* checkedBotBranch */.V5)(git, values.branch);
    const lock = await lockOrNull(git);
    (0,group_timing/* timelineMark */.X)('locked');
    if (lock === null)
        return BUSY;
    try {
        // Under the lock: a run that ended while this one waited may have just put its paid work on the branch.
        const rebuilt = { head, name: 'HEAD', by: 'a run rebuilds it from HEAD' };
        const unmerged = shard ? null : await (0,bot_branch_use/* botBranchUnmerged */.lu)(git, branch, rebuilt);
        if (unmerged !== null)
            throw new options/* UsageError */.eb(`--branch "${branch}" ${unmerged}.`);
        await removeLeftWorktrees(git, reporter);
        (0,group_timing/* timelineMark */.X)('left-worktrees');
        // A shard reports to its shard ref: it builds its commits on a scratch branch, never on the bot branch,
        // which may hold unmerged work (finalize, run under the same lock, puts the shards' results there).
        const syncBranch = shard ? `${SHARD_BRANCH}${shard.shard}` : branch;
        const run = {
            ...request,
            planOptions,
            git,
            branch: syncBranch,
            trust,
            reporter,
            push: values.push,
            shard
        };
        const { result, spend } = await lockedRun(run).finally(() => shard ? git.deleteRef(`refs/heads/${syncBranch}`).catch(() => undefined) : undefined);
        if (shard)
            delete result.branch;
        const json = JSON.stringify(trust.redactor.redactJson(result), null, 2);
        if (values.result)
            await (0,promises_.writeFile)(values.result, json + '\n');
        const text = trust.redactor.redact(values.json ? json : renderResult(result, spend));
        process.stdout.write((0,commands/* forStdout */.rK)(text, values.json === true) + '\n');
        // Stopped by SIGINT/SIGTERM: what finished is recorded, but the run did not do what it was asked to.
        if (result.cancelled === true)
            return INTERRUPTED;
        const worked = result.units.filter(u => u.status !== 'unchanged');
        return worked.length > 0 && worked.every(u => u.status === 'failed') ? 1 : 0;
    }
    finally {
        await lock.release();
    }
}
/** The repository's git, its `--remote` and `--push` remotes checked before anything is planned or paid. */
async function openRepository(root, values, secrets, reporter) {
    const git = (await adapters_git/* Git */.TU.open(root)).withSecrets(secrets).withWarnings(m => reporter.warning(m));
    if (!values['no-fetch'])
        await (0,options/* checkNamedRemote */.Cb)(git, '--remote', values.remote);
    await (0,options/* checkNamedRemote */.Cb)(git, '--push', values.push);
    return git;
}
function renderResult(r, spend) {
    const lines = r.units.map(u => `${u.status.padEnd(18)} ${u.id.padEnd(32)} ${(u.operations.join(', ') || '-').padEnd(36)} ${u.cost === null ? 'cost unknown' : (0,render/* money */.TG)(u.cost)}  ${u.reason}`);
    lines.push('', `Spent ${(0,render/* money */.TG)(r.spent)} of ${(0,render/* money */.TG)(r.budget)}; bot branch ${r.branch ?? '-'} at ${r.head?.slice(0, 12) ?? '-'}.`);
    if (r.overshoot)
        lines.push(`Overshoot: PDD spent ${(0,render/* money */.TG)(r.overshoot)} beyond what was admitted.`);
    for (const line of [estimateLine(r), calibrationNote(r)])
        if (line)
            lines.push(line);
    const s = spend.summary;
    const cap = (c) => (c === undefined ? '' : ` of ${(0,render/* money */.TG)(c)}`);
    lines.push(`Recorded spend today ${(0,render/* money */.TG)(s.spentToday + r.spent)}${cap(spend.caps.daily)}, this month ` +
        `${(0,render/* money */.TG)(spentThisMonth(spend, r))}${cap(spend.caps.monthly)}.`);
    return lines.join('\n');
}


/***/ })

};
