export const id = 90;
export const ids = [90];
export const modules = {

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FINALIZE_USAGE: () => (/* binding */ FINALIZE_USAGE),
  finalizeCommand: () => (/* binding */ finalizeCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/git.js + 14 modules
var adapters_git = __webpack_require__(7929);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/reporter.js
var adapters_reporter = __webpack_require__(3145);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/options.js + 1 modules
var options = __webpack_require__(2185);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/run-options.js + 1 modules
var run_options = __webpack_require__(9399);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/publish.js
var publish = __webpack_require__(707);
// EXTERNAL MODULE: ./build/tmp/js/src/execute/execute.js + 22 modules
var execute = __webpack_require__(8370);
// EXTERNAL MODULE: ./build/tmp/js/src/publish/bot-commit.js
var bot_commit = __webpack_require__(8076);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/carry-over.js

/**
 * Keeps the results of earlier runs that the bot branch still holds: the branch is rebuilt from the base each
 * run, so without this a push that syncs unit B would drop unit A, synced by the previous push and not merged
 * yet. Each earlier bot commit (known by its trailers, or an old one by its subject: bot-commit.ts) for a basename this run did not touch is replayed on top (no work tree); one
 * that no longer applies, changes nothing any more (the base has it), or is partial is left out.
 */
async function carryOver(o) {
    const remote = o.remoteSha === undefined ? await o.git.fetchBranch(o.remote, o.branch) : o.remoteSha;
    if (!remote)
        return { head: o.head, carried: [] };
    await o.git.relateShallow(o.remote, o.head, remote);
    const commits = await o.git.commitsBetween(o.head, remote);
    if (commits.some(c => (0,bot_commit/* isHumanCommit */.Du)(c, o.identity)))
        return { head: o.head, carried: [] };
    let head = o.head;
    const carried = [];
    for (const c of [...commits].reverse()) {
        const bot = (0,bot_commit/* botCommitOf */.yB)(c);
        if (!bot || o.ran.has(bot.basename) || bot.partial)
            continue;
        const next = await o.git.replayWithoutWorktree(c.sha, head, o.identity);
        if (!next || (await o.git.treeOf(next)) === (await o.git.treeOf(head)))
            continue;
        head = next;
        carried.push(bot.name);
    }
    if (head !== o.head && o.localRef)
        await o.git.updateRef(o.localRef, head, o.head);
    return { head, carried };
}
/**
 * `<basename> (<languages>)` of the complete bot commits on `base..head` for basenames not in `except`, oldest
 * first: what the branch holds from other runs (the pull request lists them beside this run's units).
 */
async function botUnitsOn(git, base, head, except, identity) {
    const out = [];
    for (const c of (await git.commitsBetween(base, head)).reverse()) {
        const bot = botCommitOf(c);
        if (!bot || except.has(bot.basename) || bot.partial || isHumanCommit(c, identity))
            continue;
        if (!out.includes(bot.name))
            out.push(bot.name);
    }
    return out;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/prune.js

/**
 * Days a finalized run's refs are kept (docs/architecture.md "Modes"): after that a re-run of its shards is
 * unlikely (GitHub allows re-runs for 30 days, but a week-old matrix is stale), and the refs would pile up.
 */
const PRUNE_DAYS = 7;
/** The runs whose `finalized` marker is older than `days` (by its commit date), never `keep`. */
function runsToPrune(markers, keep, now, days = PRUNE_DAYS) {
    const cutoff = now.getTime() / 1000 - days * 86_400;
    return markers.filter(m => m.runKey !== keep && m.date > 0 && m.date < cutoff).map(m => m.runKey);
}
/**
 * Deletes every ref of the runs finalized more than {@link PRUNE_DAYS} days ago (the marker and any shard ref
 * an incomplete shard left), on the remote (each with a lease on the commit listed) and here. Never the run
 * being finalized. Returns the run keys pruned.
 */
async function pruneRuns(o) {
    const markers = await o.git.runMarkers(o.remote);
    const old = runsToPrune(markers, o.runKey, (o.now ?? (() => new Date()))());
    for (const key of old) {
        if (o.remote) {
            const refs = await o.git.remoteRunRefs(o.remote, key);
            const left = await o.git.deleteRemoteRefs(o.remote, refs);
            if (left.length > 0)
                o.reporter.warning(`Not pruned (moved meanwhile): ${left.join(', ')}.`);
        }
        await o.git.deleteLocalRefs((await o.git.listRunRefs(key)).map(r => r.ref));
    }
    if (old.length > 0)
        o.reporter.info(`Pruned the refs of ${old.length} run(s) finalized over ${PRUNE_DAYS} days ago under ${adapters_git/* RUNS_PREFIX */.cP}/.`);
    return old;
}

// EXTERNAL MODULE: ./build/tmp/js/src/fanout/reservations.js
var reservations = __webpack_require__(7658);
// EXTERNAL MODULE: ./build/tmp/js/src/fanout/report.js
var fanout_report = __webpack_require__(7003);
;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/collect.js




/**
 * Fetches the run's shard refs and replays each reported shard's commits onto the base, shard after shard (a
 * dependency chain never spans shards, so the order within a shard is the dependency order). A commit that no
 * longer applies next to the others turns its units into conflicts.
 */
async function collectShards(o) {
    const { git } = o;
    if (o.remote)
        await git.fetchRunRefs(o.remote, o.runKey);
    const refs = await git.listRunRefs(o.runKey);
    const marker = await git.readFileAt((0,adapters_git/* finalizedRef */.GZ)(o.runKey), 'finalized.json');
    const earlier = (0,fanout_report/* parseFinalized */.QC)(marker);
    const earlierUnits = (0,fanout_report/* parsePartial */.hq)(marker);
    const reports = new Map();
    for (const spec of o.specs) {
        const text = await git.readFileAt((0,adapters_git/* shardRef */.yU)(o.runKey, spec.shard), 'shard.json');
        if (text === null)
            continue;
        try {
            const r = (0,fanout_report/* parseShardReport */.sq)(text);
            const wrong = reportProblem(r, o.runKey, o.baseSha, spec.shard);
            if (wrong) {
                o.reporter.warning(`Shard ${spec.shard} ${wrong}: left out.`);
                continue;
            }
            const { report, dropped } = (0,fanout_report/* confineReport */.TZ)(r, spec);
            if (dropped.length > 0)
                o.reporter.warning(`Shard ${spec.shard} reported units that are not its own, or twice: ${[...new Set(dropped)].join(', ')}; ignored.`);
            reports.set(spec.shard, report);
        }
        catch (e) {
            o.reporter.warning(`Shard ${spec.shard} left an unreadable report: ${e.message}.`);
        }
    }
    const outcomes = (0,fanout_report/* sortShards */.KG)(o.specs, reports, earlier, earlierUnits);
    const result = (0,fanout_report/* combineResults */.yu)(outcomes, o.specs, o.known);
    let head = o.baseSha;
    for (const r of outcomes.reported)
        head = await replayShard(o, r, head, result);
    result.head = head;
    result.baseSha = o.baseSha;
    const promptPaths = {};
    const contextOf = {};
    for (const r of outcomes.reported) {
        Object.assign(promptPaths, r.promptPaths);
        Object.assign(contextOf, r.contextOf);
    }
    const whole = outcomes.reported.filter(fanout_report/* isComplete */.As).map(r => r.shard);
    const published = [...new Set([...earlier, ...whole])].sort((a, b) => a - b);
    const partial = {};
    for (const [k, ids] of earlierUnits)
        if (!whole.includes(k))
            partial[k] = [...ids];
    for (const r of outcomes.reported.filter(x => !(0,fanout_report/* isComplete */.As)(x)))
        partial[r.shard] = [...new Set([...(partial[r.shard] ?? []), ...r.result.units.map(u => u.id)])].sort();
    return { result, outcomes, refs, published, partial, promptPaths, contextOf };
}
/** Why a parsed report on leg `shard`'s ref does not belong to this run's leg, or null. */
function reportProblem(r, runKey, baseSha, shard) {
    if (r.shard !== shard)
        return `left a report of shard ${r.shard} on its ref`;
    if (r.runKey !== runKey)
        return `left a report of run ${String(r.runKey).slice(0, 40)}, not of run ${runKey}`;
    if (r.baseSha !== baseSha)
        return `ran on ${r.baseSha.slice(0, 12)}, not on the base`;
    return null;
}
/** Replays one shard's commits onto `head`; the units' `commit` fields follow their commits. */
async function replayShard(o, r, head, result) {
    const commits = await o.git.commitsOldestFirst(o.baseSha, r.head);
    const ids = new Set(r.result.units.map(u => u.id));
    const mine = result.units.filter(u => ids.has(u.id));
    for (const c of commits) {
        const next = await o.git.replayWithoutWorktree(c, head, o.identity);
        if (next === undefined)
            throw new Error('mode finalize needs git 2.38 or later (git merge-tree --write-tree).');
        for (const u of mine.filter(x => x.commit === c)) {
            if (next)
                u.commit = next;
            else {
                u.status = 'conflict';
                u.reason = `its commit did not apply next to the other shards' (shard ${r.shard})`;
                delete u.commit;
            }
        }
        if (next)
            head = next;
    }
    return head;
}
/**
 * After publishing: records which shards are published (so that a re-run shard plus a second finalize add to
 * this one), then deletes the refs of the shards that completed (an incomplete shard's ref stays: its re-run
 * resumes from it), releases the shards' spend reservations (the run record now counts their spend), and prunes
 * the refs of runs finalized more than PRUNE_DAYS (7) days ago (prune.ts). Failures are warnings: the results are
 * already published.
 */
async function closeRun(o, c) {
    const marker = (0,adapters_git/* finalizedRef */.GZ)(o.runKey);
    try {
        const previous = c.refs.find(r => r.ref === marker);
        await o.git.writeFileCommit({
            ref: marker,
            name: 'finalized.json',
            text: JSON.stringify(markerOf(o.runKey, c)) + '\n',
            parent: previous?.sha ?? null,
            message: `pdd-sync: run ${o.runKey} finalized (shards ${c.published.join(', ')})`,
            who: o.identity
        });
        if (o.remote)
            await o.git.pushRef(o.remote, marker);
        const partial = new Set(Object.keys(c.partial).map(k => (0,adapters_git/* shardRef */.yU)(o.runKey, Number(k))));
        const shardRefs = c.refs.filter(r => r.ref !== marker && !partial.has(r.ref));
        const left = o.remote ? await o.git.deleteRemoteRefs(o.remote, shardRefs) : [];
        await o.git.deleteLocalRefs(shardRefs.map(r => r.ref));
        if (left.length > 0)
            o.reporter.warning(`Left in place (moved meanwhile): ${left.join(', ')}.`);
    }
    catch (e) {
        o.reporter.warning(`Could not clean up the refs of run ${o.runKey}: ${e.message}`);
    }
    await (0,reservations/* releaseShardReservations */.NK)(o).catch((e) => o.reporter.warning(`Could not release the shards' spend reservations: ${e.message}`));
    await pruneRuns(o).catch((e) => o.reporter.warning(`Could not prune the refs of old runs: ${e.message}`));
}
/** The `finalized.json` of the run after this finalize. */
function markerOf(runKey, c) {
    const partial = Object.fromEntries(Object.entries(c.partial).filter(([k]) => !c.published.includes(Number(k))));
    return {
        version: 1,
        runKey,
        shards: c.published,
        ...(Object.keys(partial).length > 0 ? { partial } : {})
    };
}

// EXTERNAL MODULE: ./build/tmp/js/src/settings/matrix-input.js
var matrix_input = __webpack_require__(559);
// EXTERNAL MODULE: ./build/tmp/js/src/plan/render.js
var render = __webpack_require__(3473);
// EXTERNAL MODULE: ./build/tmp/js/src/settings/validate.js
var validate = __webpack_require__(7625);
// EXTERNAL MODULE: ./build/tmp/js/src/trust/commands.js
var commands = __webpack_require__(2216);
// EXTERNAL MODULE: ./build/tmp/js/src/cli/bot-branch-use.js
var bot_branch_use = __webpack_require__(5128);
// EXTERNAL MODULE: ./build/tmp/js/src/trust/job.js
var job = __webpack_require__(9323);
;// CONCATENATED MODULE: ./build/tmp/js/src/cli/finalize.js



















/** Help text of `pdd-sync finalize`. */
const FINALIZE_USAGE = `Usage: pdd-sync finalize --matrix FILE|JSON [options]

Publishes the shards of a fan-out ('pdd-sync plan --shards N', then 'pdd-sync run --shard K' per leg) as one run:
replays every reported shard's commits onto the local bot branch, writes one run record to the local notes, and
lists the units of a shard that never reported as failed ("shard K did not report"). Then deletes the shards' refs.
  --matrix FILE|JSON          the plan written by 'pdd-sync plan --shards N --json --output FILE' (its "matrix" and
                              "baseSha"), or the matrix JSON itself
  --run-key KEY               the run the shards reported under (default: local)
  --base-sha SHA              the commit the shards ran on (default: the plan file's baseSha, else HEAD)
  --repo DIR                  the repository (default: current directory)
  --branch NAME               local bot branch (default pdd-sync/<current branch>)
  --push [REMOTE]             fetch the shards' refs from REMOTE and push the bot branch and the notes there
  --notes-ref REF             run records ref (default refs/notes/pdd-sync)
  --result FILE               write the RunResult JSON to FILE
  --json                      print the RunResult JSON instead of a table`;
/** `--matrix`: a plan file with "matrix" (and "baseSha"), a matrix file, or the matrix JSON itself. */
function readMatrix(raw) {
    const text = raw.trim().startsWith('{') || !(0,external_node_fs_.existsSync)(raw) ? raw : (0,external_node_fs_.readFileSync)(raw, 'utf8');
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        throw new options/* UsageError */.eb(`--matrix is neither a readable file nor JSON: ${e.message}`);
    }
    const matrix = v.matrix === undefined ? v : v.matrix;
    try {
        const specs = (0,matrix_input/* parseMatrix */.z)(JSON.stringify(matrix));
        return { specs, ...(typeof v.baseSha === 'string' ? { baseSha: v.baseSha } : {}) };
    }
    catch (e) {
        throw new options/* UsageError */.eb(`--matrix: ${e.message}.`);
    }
}
/** The options of `pdd-sync finalize`. */
const FINALIZE_OPTIONS = {
    matrix: { type: 'string' },
    'run-key': { type: 'string' },
    'base-sha': { type: 'string' },
    repo: { type: 'string' },
    branch: { type: 'string' },
    push: { type: 'string' },
    'notes-ref': { type: 'string' },
    result: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
/** `pdd-sync finalize`; returns the exit code (1 when a shard did not report or every unit failed). */
async function finalizeCommand(args) {
    const { values } = (0,external_node_util_.parseArgs)({ args: (0,run_options/* withPushRemote */.hb)(args), options: FINALIZE_OPTIONS, strict: true });
    if (values.help) {
        process.stdout.write(FINALIZE_USAGE + '\n');
        return 0;
    }
    if (values.matrix === undefined)
        throw new options/* UsageError */.eb('finalize needs --matrix (the plan file or matrix JSON).');
    const { specs, baseSha: planned } = readMatrix(values.matrix);
    const runKey = (0,run_options/* runKeyOf */.kB)(values['run-key']);
    const notesRef = values['notes-ref'] ?? 'refs/notes/pdd-sync';
    if ((0,validate/* notesRefProblem */.SF)(notesRef) !== null)
        throw new options/* UsageError */.eb(`--notes-ref "${notesRef}" is not a notes ref.`);
    const trust = (0,job/* jobTrust */.Q)(process.env);
    const reporter = new adapters_reporter/* RedactingReporter */.B(new adapters_reporter/* ConsoleReporter */.l(), trust.redactor);
    const git = (await adapters_git/* Git */.TU.open(external_node_path_.resolve(values.repo ?? '.')))
        .withSecrets(trust.redactor.secrets)
        .withWarnings(m => reporter.warning(m));
    await (0,options/* checkNamedRemote */.Cb)(git, '--push', values.push);
    await (0,options/* checkNotesRef */.HB)(git, notesRef);
    const branch = await (0,bot_branch_use/* checkedBotBranch */.V5)(git, values.branch);
    const base = (0,run_options/* shaOf */.ye)('--base-sha', values['base-sha']) ?? planned ?? (await git.commitOf('HEAD')) ?? '';
    const co = {
        git,
        remote: values.push ?? null,
        runKey,
        baseSha: base,
        specs,
        known: new Map(),
        identity: execute/* BOT */.WN,
        reporter,
        notesRef
    };
    const collected = await collectShards(co);
    const { result } = collected;
    for (const m of collected.outcomes.missing)
        reporter.warning(`Shard ${m.shard} did not report: ${m.units.join(', ')}.`);
    await publishLocally(co, collected, branch, values.push);
    if (result.units.length > 0) {
        const runId = `${runKey}-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
        const r = await (0,publish/* recordCliRun */.T)({ git, result, runId, base, notesRef, push: values.push, reporter });
        for (const line of r.pushed)
            reporter.info(line);
    }
    await closeRun(co, collected);
    await printResult(values, collected, branch, trust.redactor);
    const worked = result.units.filter(u => u.status !== 'unchanged');
    const unreported = result.units.some(u => /^shard \d+ did not report$/.test(u.reason));
    return unreported || (worked.length > 0 && worked.every(u => u.status === 'failed')) ? 1 : 0;
}
/**
 * The local bot branch at the collected head, with the earlier unmerged results it can keep carried over onto it:
 * with `--push` those of the remote bot branch (an earlier finalize of this run among them), then those of the
 * local branch (a local run, or a finalize without `--push`). Whatever the local branch holds that this head
 * still lacks (a person's commit, a result of a unit the shards ran again) stops finalize before the branch,
 * the notes or the shards' refs change, so nothing is lost and finalize can run again.
 */
async function publishLocally(co, collected, branch, push) {
    const { git, baseSha: base, reporter } = co;
    const { result, outcomes } = collected;
    const localRef = `refs/heads/${branch}`;
    const tip = await git.commitOf(localRef);
    const ran = new Set(outcomes.reported.flatMap(r => r.result.units.filter(u => u.status !== 'unchanged').map(u => u.basename)));
    const carry = { git, branch, ran, identity: execute/* BOT */.WN };
    let head = result.head ?? base;
    const carried = [];
    for (const [remote, remoteSha] of [
        ...(push === undefined ? [] : [[push, undefined]]),
        ...(tip === null ? [] : [['.', tip]])
    ]) {
        const kept = await carryOver({ ...carry, remote, remoteSha, head });
        head = kept.head;
        carried.push(...kept.carried.filter(c => !carried.includes(c)));
    }
    const lost = await (0,bot_branch_use/* botBranchUnmerged */.lu)(git, branch, {
        head,
        name: "finalize's result",
        by: 'finalize would replace it',
        then: "; then finalize again (the shards' reports are kept)"
    });
    if (lost !== null)
        throw new options/* UsageError */.eb(`--branch "${branch}" ${lost}.`);
    await git.updateRef(localRef, head, tip);
    result.head = head;
    result.branch = branch;
    if (carried.length > 0)
        reporter.info(`Kept from the bot branch: ${carried.join(', ')}.`);
}
/** The result as a table (or JSON with `--json`), and as JSON in `--result FILE`; redacted. */
async function printResult(values, collected, branch, redactor) {
    const { result } = collected;
    const json = JSON.stringify(redactor.redactJson(result), null, 2);
    if (values.result)
        await (0,promises_.writeFile)(values.result, json + '\n');
    const lines = result.units.map(u => `${u.status.padEnd(18)} ${u.id.padEnd(32)} ${u.reason}`);
    lines.push('', `Spent ${(0,render/* money */.TG)(result.spent)} of ${(0,render/* money */.TG)(result.budget)}; bot branch ${branch} at ${result.head?.slice(0, 12) ?? '-'}.`);
    process.stdout.write((0,commands/* forStdout */.rK)(redactor.redact(values.json ? json : lines.join('\n')), values.json === true) + '\n');
}


/***/ })

};
