export const id = 370;
export const ids = [370];
export const modules = {

/***/ 65370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOrFinalize: () => (/* binding */ runOrFinalize)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/tmp/js/src/plan/render.js
var render = __webpack_require__(83473);
// EXTERNAL MODULE: ./build/tmp/js/src/markdown.js
var markdown = __webpack_require__(25772);
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
function codePoints(s) {
    let n = 0;
    for (let i = 0; i < s.length; i += unitAt(s, i))
        n++;
    return n;
}
/** UTF-8 bytes of `s`, as GitHub counts a job summary. */
function utf8Bytes(s) {
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
function sliceCodePoints(s, max) {
    return prefix(s, max, () => 1);
}
/** The longest prefix of `s` of at most `max` UTF-8 bytes. */
function sliceBytes(s, max) {
    return prefix(s, max, bytesAt);
}
/** `s` cut to at most `max` code points, ending in `…` when cut. */
function truncate(s, max) {
    if (max < 1)
        return '';
    if (s.length <= max || codePoints(s) <= max)
        return s;
    return sliceCodePoints(s, max - 1) + '…';
}
/**
 * One line of at most `max` code points: whitespace and control characters collapse to single spaces. Very long
 * input is cut before collapsing, so a megabyte of log in a reason costs no more than a short one.
 */
function oneLine(s, max) {
    let head = s.length > max * 4 + 16 ? s.slice(0, max * 4 + 16) : s;
    if (head !== s && isHigh(head.charCodeAt(head.length - 1)))
        head = head.slice(0, -1);
    const flat = (0,markdown/* flatten */.Bq)(head);
    return truncate(head === s ? flat : `${flat}…`, max);
}
/** Text from outside (a reason, a notice) for inline Markdown: see `escapeInline`. */
const escapeText = markdown/* escapeInline */.VV;
/** A basename, language or operation for inline Markdown: text escaping plus the characters that format. */
function escapeName(s) {
    return escapeText(oneLine(s, 300)).replace(/[\\`*[\]#|]/g, c => `\\${c}`);
}
/** Text for one Markdown table cell of at most `max` code points: see `mdCell`. */
function cell(s, max = 1000) {
    return (0,markdown/* mdCell */.cz)(oneLine(s, max));
}

/** One POSIX shell word: as is when safe, else single-quoted. */
function shellWord(s) {
    return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
/** Dollars as the checklist shows them: `$0.42`; amounts under a cent keep four decimals (`$0.0031`). */
function dollars(x) {
    return x === 0 || Math.abs(x) >= 0.01 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`;
}
/** Seconds as `12.3 s` or `3m 05s`. */
function duration(seconds) {
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const total = Math.round(seconds);
    return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
}
/** A count with thousands separators, the same on every machine. */
function count(n) {
    return n.toLocaleString('en-US');
}
/** `n unit` / `n units`. */
function units(n, noun = 'unit') {
    return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}
/** A URL safe inside `[text](url)`. */
function linkUrl(url) {
    return url.replace(/[\s()<>]/g, c => encodeURIComponent(c));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/checklist-run.js

/** Statuses in the order they are counted and listed: the ones that need attention first. */
const STATUS_ORDER = [
    'failed',
    'conflict',
    'skipped-runtime',
    'skipped-dependency',
    'skipped-budget',
    'synced',
    'unchanged'
];
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
function needsAttention(u) {
    return u.status !== 'synced' && u.status !== 'unchanged';
}
/** Units per status. */
function statusCounts(result) {
    const counts = Object.fromEntries(STATUS_ORDER.map(s => [s, 0]));
    for (const u of result.units)
        counts[u.status] = (counts[u.status] ?? 0) + 1;
    return counts;
}
/** `**2 synced** · **1 failed** · 12 unchanged`: the non-zero counts, attention first. */
function countsLine(result) {
    const c = statusCounts(result);
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
function runHeader(input) {
    const r = input.result;
    const spent = dollars(r.spent) +
        (r.overshoot !== undefined && r.overshoot > 0 ? ` (overshoot ${dollars(r.overshoot)})` : '');
    const facts = [`Trigger: ${(0,markdown/* codeSpan */.SS)(oneLine(input.trigger, 100))}`, `Budget: ${dollars(r.budget)}`];
    facts.push(`Spent: ${spent}`);
    const cli = pddCliName(input);
    if (cli)
        facts.push(cli);
    if (input.runUrl)
        facts.push(`[Workflow run](${linkUrl(input.runUrl)})`);
    return [facts.join(' · '), '', countsLine(r)];
}
/** Warnings as GitHub alert blocks: cancelled run, budget, notes not saved, human commit, pull request blocked. */
function noticeBlocks(input) {
    const r = input.result;
    const skipped = statusCounts(r)['skipped-budget'];
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
function groupByBasename(result) {
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
const CHECKLIST_MARKER = '<!-- pdd-sync:checklist -->';
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
function checklistLine(u, next, reasonCap = REASON_CAP) {
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
function nextStep(u, input) {
    if (!needsAttention(u))
        return undefined;
    const gh = rerunCommand(u.id, input);
    const rerun = gh ? `re-run with ${(0,markdown/* codeSpan */.SS)(gh)}` : `re-run the workflow with ${(0,markdown/* codeSpan */.SS)(`units: ${u.id}`)}`;
    const local = `or run ${(0,markdown/* codeSpan */.SS)(pddCommand(u, input.contextOf))} locally`;
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
            const what = prompt ? (0,markdown/* codeSpan */.SS)(prompt) : 'the prompt';
            return `Merge ${what} and the files generated from it by hand, commit, then ${rerun}.`;
        }
    }
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
    return `Estimated ${dollars(estimated)} for the ${units(ranUnits.length, 'unit')} that ran; ${they} cost ${dollars(actual)}${unknown}${ratio}.`;
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

;// CONCATENATED MODULE: ./build/tmp/js/src/state/spend.js
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/git.js + 14 modules
var adapters_git = __webpack_require__(27929);
// EXTERNAL MODULE: ./build/tmp/js/src/state/notes-store.js
var notes_store = __webpack_require__(18986);
// EXTERNAL MODULE: ./build/tmp/js/src/state/record.js
var state_record = __webpack_require__(5222);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/notes-writer.js


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
    const line = (0,state_record/* formatRecord */.bM)(o.record);
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
            if (!isRetryablePushError(e instanceof adapters_git/* GitError */.XS ? e.stderr : error)) {
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

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/reservation.js






/** How long a reservation counts when its run never writes a final record: GitHub's longest job. */
const RESERVATION_HOURS = 6;
/** The 40-hex key a month's reservations are noted on: `git hash-object` of `pdd-sync:spend:<YYYY-MM>`. */
function reservationKey(month) {
    const text = `pdd-sync:spend:${month}`;
    return (0,external_node_crypto_.createHash)('sha1')
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
    return withNotesLock(o.git, () => reserve(o));
}
async function reserve(o) {
    const attempts = Math.max(1, o.attempts ?? 5);
    const sleep = o.sleep ?? ((ms) => new Promise(resolve => setTimeout(resolve, ms)));
    let error = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        let pulled = true;
        if (o.remote !== null) {
            pulled = await pullNotes(o.git, o.remote, o.ref, o.identity).then(() => true, (e) => ((error = e.message), false));
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
            if (!isRetryablePushError(e instanceof adapters_git/* GitError */.XS ? e.stderr : error) || attempt === attempts)
                return { ...computed, shared: false, warning: notShared(error) };
            await sleep(backoffDelay(attempt, o.random));
        }
    }
    throw new Error('unreachable');
}
function notShared(error) {
    return `The spend reservation could not be pushed, so runs started at the same time may pass the caps together: ${error}`;
}
async function compute(o) {
    const read = await new notes_store/* NotesStore */.D(o.git, { ref: o.ref, remote: null }).readRecords();
    const summary = summarizeSpend({
        records: [...read.records, ...o.otherRecords],
        reservations: read.reservations ?? [],
        now: (o.now ?? (() => new Date()))(),
        excludeRunId: o.runId
    });
    return { effective: effectiveBudget(o.budget, o.caps, summary), summary };
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
    const mine = new Set((0,state_record/* parseNote */.wd)(existing)
        .reservations.filter(r => r.runId === o.runId)
        .map(r => (0,state_record/* formatRecord */.bM)(r)));
    const lines = new Set();
    for (const l of existing.split('\n')) {
        const t = l.trim();
        if (t !== '' && !mine.has(t))
            lines.add(t);
    }
    lines.add((0,state_record/* formatRecord */.bM)(line));
    await o.git.writeNote(o.ref, key, [...lines].sort().join('\n') + '\n', o.identity);
}

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
    if (o.reserve && hasCaps(o.caps)) {
        const comment = o.read.records;
        const r = await reserveSpend({
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
    const summary = summarizeSpend({ ...o.read, now: (o.now ?? (() => new Date()))(), excludeRunId: o.runId });
    return { caps: o.caps, summary, effective: effectiveBudget(o.budget, o.caps, summary), shared: true };
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
    const against = (n, cap, held) => `${(0,render/* money */.TG)(n)}${cap === undefined ? '' : ` of ${(0,render/* money */.TG)(cap)}`}${held > 0 ? ` (+${(0,render/* money */.TG)(held)} reserved by runs still going)` : ''}`;
    const line = `**Spent:** this run ${(0,render/* money */.TG)(result.spent)} · today ${against(s.spentToday + result.spent, r.caps.daily, s.heldToday)}` +
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

// EXTERNAL MODULE: ./build/tmp/js/src/plan/plan.js + 32 modules
var plan = __webpack_require__(1312);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/run-record.js
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

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/actions-artifact.js
/**
 * Uploads a workflow artifact through `@actions/artifact` (kept 30 days). The package is imported on the first
 * upload, not when the action starts: it is most of the bundle, and most runs upload nothing (the bundler emits
 * it as a chunk of its own; see docs/architecture.md).
 */
class ActionsArtifactUploader {
    where = 'the workflow artifact';
    async upload(name, files, rootDirectory) {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(683)]).then(__webpack_require__.bind(__webpack_require__, 60683));
        return new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 30 });
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/artifact.js


/** An {@link ArtifactUploader} that copies the files into `<dir>/<name>/` (the CLI, tests). */
class DirectoryUploader {
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/rescue.js



/** File names inside the artifact. */
const RESCUE_FILES = { bundle: 'pdd-sync.bundle', record: 'run-record.json', result: 'result.json' };
/**
 * Keeps a run's paid work when the final publish failed (docs/architecture.md, "Trust"): a `git bundle` of the synced commits
 * (those of the bot branch the base lacks), the run record (one JSON line, as the notes hold it) and the
 * RunResult, uploaded as one artifact. Never throws: a failed upload leaves the files in `dir` and says so.
 */
async function rescueWork(o) {
    await (0,promises_.mkdir)(o.dir, { recursive: true });
    const files = [];
    const bundled = await bundle(o).catch(() => null);
    if (bundled)
        files.push(bundled);
    files.push(await rescue_write(o.dir, RESCUE_FILES.record, (0,state_record/* formatRecord */.bM)(o.record) + '\n'));
    files.push(await rescue_write(o.dir, RESCUE_FILES.result, JSON.stringify(o.result, null, 2) + '\n'));
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
    const file = external_node_path_.join(o.dir, RESCUE_FILES.bundle);
    await o.git.createBundle(file, ref, o.baseSha);
    return file;
}
async function rescue_write(dir, name, text) {
    const file = external_node_path_.join(dir, name);
    await (0,promises_.writeFile)(file, text);
    return file;
}

// EXTERNAL MODULE: ./build/tmp/js/src/adapters/temp.js
var temp = __webpack_require__(69518);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/safeguard.js






/**
 * The artifact store of this environment: the workflow artifact service on a runner (it sets
 * `ACTIONS_RUNTIME_TOKEN`), else a folder under the temp directory (a local run of the action).
 */
function defaultUploader(env = process.env) {
    if (env.ACTIONS_RUNTIME_TOKEN)
        return new ActionsArtifactUploader();
    return new DirectoryUploader(external_node_path_.join((0,temp/* scratchRoot */.P)(env), 'pdd-sync', 'artifacts'));
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
    return { ...toRunRecord({ budget, spent, units }, { ...id, createdAt: at }), partial: true };
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
        dir: external_node_path_.join((0,temp/* scratchRoot */.P)(), 'pdd-sync', name),
        uploader: o.uploader,
        name
    });
    o.reporter.info(kept.message);
    return kept;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/action/checklist-of.js
/** What the checklist of a run needs besides its result: prompt paths, contexts and where to re-run it. */
function checklistOf(s, planned, result, version) {
    const promptPaths = {};
    const contextOf = {};
    for (const u of planned.plan.units) {
        promptPaths[u.id] = u.paths.prompt;
        if (u.context)
            contextOf[u.id] = u.context;
    }
    return {
        result,
        trigger: s.trigger,
        pddVersion: version,
        runUrl: s.github.runUrl,
        repository: s.github.repository,
        // Only a dispatched workflow is known to take a `units` input; others get the re-run described in words.
        workflowFile: s.trigger === 'workflow_dispatch' ? s.github.workflowFile : undefined,
        ref: s.github.refName,
        promptPaths,
        contextOf,
        budgetExhausted: result.units.some(u => u.status === 'skipped-budget') || /Budget of/.test(reasons(result))
    };
}
function reasons(r) {
    return r.units.map(u => u.reason).join('\n');
}

// EXTERNAL MODULE: ./build/tmp/js/src/trust/action.js
var action = __webpack_require__(50412);
;// CONCATENATED MODULE: ./build/tmp/js/src/action/outcome.js

/** The outcome of a run before publishing (`published` is added by the caller). */
function outcomeOf(s, branch, p) {
    return {
        planned: p.planned,
        result: p.result,
        checklist: p.checklist,
        record: p.record,
        branch,
        repoRoot: s.repoRoot,
        noPullRequest: (0,action/* noApi */._)(s),
        spend: p.spend,
        ...(p.logs ? { logs: p.logs } : {})
    };
}

// EXTERNAL MODULE: ./build/tmp/js/src/trust/redact.js
var redact = __webpack_require__(54823);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/github-fetch.js
/**
 * The `fetch` the GitHub adapters' Octokit uses: every request has a deadline (a hung API, a proxy that never
 * answers, cannot hold a paid job until its `timeout-minutes`), and a successful answer must be JSON (an HTML
 * page from a captive proxy or a wrong `GITHUB_API_URL` is an error naming what came back, not a string the
 * adapters would read fields of). See docs/architecture.md, "GitHub API faults".
 */
/** Default deadline of one REST or GraphQL request, body included (GitHub itself ends requests after 10 s). */
const REQUEST_TIMEOUT_MS = 30_000;
/** The API did not answer in time. Named `AbortError` so Octokit passes it on as it is, without retrying. */
class ApiTimeoutError extends Error {
    name = 'AbortError';
    timedOut = true;
}
/** A 2xx answer that is not JSON. Octokit wraps it (HTTP 500, retried like a network error) with it as cause. */
class ApiAnswerError extends Error {
    name = 'ApiAnswerError';
}
/** At most `max` characters of `text` on one line, tags of an HTML page dropped. */
function snippet(text, max = 160) {
    const flat = text
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
/** A `fetch` with a deadline of `timeoutMs` per request that refuses a successful answer that is not JSON. */
function guardedFetch(timeoutMs, base = fetch) {
    return async (input, init) => {
        const signal = AbortSignal.timeout(timeoutMs);
        try {
            const res = await base(input, { ...init, signal });
            if (!res.ok || res.status === 204 || res.status === 205 || init?.method === 'HEAD')
                return res;
            const text = await res.text();
            checkJson(res, text);
            return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
        }
        catch (e) {
            if (signal.aborted)
                throw new ApiTimeoutError(`no answer within ${github_fetch_duration(timeoutMs)}`);
            throw e;
        }
    };
}
function github_fetch_duration(ms) {
    return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
function checkJson(res, text) {
    if (text === '')
        return;
    const type = res.headers.get('content-type') ?? 'no content type';
    const what = `GitHub's API answered HTTP ${res.status} with`;
    if (!/\bjson\b/i.test(type))
        throw new ApiAnswerError(`${what} ${type.split(';')[0]}, not JSON (a proxy in the way, or a wrong GITHUB_API_URL?): "${snippet(text)}"`);
    try {
        JSON.parse(text);
    }
    catch {
        throw new ApiAnswerError(`${what} JSON that does not parse (cut short?): "${snippet(text, 80)}"`);
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/github-octokit.js
/**
 * The Octokit the GitHub adapters share, built once with the retry and throttling plugins (`@actions/github` has
 * neither) and an explicit base URL, and the error its failures become.
 */




/**
 * Longest wait for a rate limit inside a job, in seconds. GitHub's primary limit resets up to an hour ahead, and
 * a job paying for LLM calls must not sleep through that: the call fails, saying when the limit resets.
 */
const MAX_RATE_LIMIT_WAIT_S = 60;
/** An API error with the HTTP status and GitHub's message, and nothing of the request's headers. */
class GitHubError extends Error {
    status;
    route;
    rateLimited;
    unknownOutcome;
    constructor(message, status, route, 
    /** A rate limit refused the call (a 403 that is no permission problem). */
    rateLimited = false, 
    /**
     * The request may have been carried out: a 5xx, no answer in time, a cut or non-JSON answer. A write that
     * failed so must be looked up before it is sent again (a proxy's 502 after GitHub made the pull request).
     */
    unknownOutcome = false) {
        super(message);
        this.status = status;
        this.route = route;
        this.rateLimited = rateLimited;
        this.unknownOutcome = unknownOutcome;
        this.name = 'GitHubError';
    }
}
/** Octokit for `o.token` at `o.baseUrl`, with retries and (unless `o.throttle` is false) throttling. */
function buildOctokit(o) {
    const log = o.log ?? (() => undefined);
    const maxWait = o.maxRateLimitWaitS ?? MAX_RATE_LIMIT_WAIT_S;
    // Both limits: at most 3 waits of at most maxWait each; a longer wait fails the call (toGitHubError says why).
    const onLimit = (kind) => (after, opts, _o, n) => {
        const wait = n < 3 && after <= maxWait;
        log(`GitHub ${kind} on ${opts.method} ${opts.url}: ` +
            (wait ? `waiting ${after} s (retry ${n + 1}).` : `not waiting ${after} s inside the job.`));
        return wait;
    };
    const base = o.retryBaseMs ?? 1000;
    return (0,github/* getOctokit */.Q)(o.token, {
        baseUrl: (o.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        request: { fetch: guardedFetch(o.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
        // plugin-retry's list plus 429: rate limits are the throttling plugin's, or each of its waits is retried 3×.
        retry: { retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: o.throttle === false
            ? { enabled: false }
            : {
                retryAfterBaseValue: base,
                onRateLimit: onLimit('rate limit'),
                onSecondaryRateLimit: onLimit('secondary rate limit')
            }
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
/** An Octokit failure as a {@link GitHubError} naming `route` (GraphQL `errors` too); not yet redacted. */
function toGitHubError(e, route) {
    const err = e;
    if (Array.isArray(err.errors)) {
        // A GraphqlResponseError: HTTP 200 with `errors`.
        const said = err.errors.map(x => (typeof x.message === 'string' ? x.message : '')).filter(Boolean);
        return new GitHubError(`${route} failed: ${said.join('; ') || String(err.message)}`, 0, route);
    }
    const own = e instanceof ApiTimeoutError || e instanceof ApiAnswerError ? e : err.cause;
    if (own instanceof ApiTimeoutError || own instanceof ApiAnswerError)
        return new GitHubError(`${route} failed: ${own.message}`, 0, route, false, true);
    const status = typeof err.status === 'number' ? err.status : 0;
    const data = err.response?.data;
    const said = typeof data === 'object' && data !== null ? data : undefined;
    const details = (said?.errors ?? [])
        .map(x => (typeof x.message === 'string' ? x.message : ''))
        .filter(Boolean);
    // A string body is an HTML or text page (a proxy's, a load balancer's): a short piece of it, never all.
    const base = typeof said?.message === 'string'
        ? said.message
        : typeof data === 'string' && data !== ''
            ? snippet(data)
            : String(err.message ?? e);
    const limit = rateLimitNote(status, err.response?.headers ?? {}, base);
    const message = [base, ...details].join(': ') + (limit ? ` ${limit}` : '');
    return new GitHubError(`${route} failed${status ? ` (HTTP ${status})` : ''}: ${message}`, status, route, !!limit, status >= 500 || status === 0);
}
/** For a 403 or 429 a rate limit caused: when it lifts, and that the job did not wait for it. */
function rateLimitNote(status, headers, message) {
    if (status !== 403 && status !== 429)
        return '';
    const reset = Number(headers['x-ratelimit-reset']);
    const retryAfter = Number(headers['retry-after']);
    const exhausted = headers['x-ratelimit-remaining'] === '0';
    if (!exhausted && !(retryAfter > 0) && !/rate limit/i.test(message))
        return '';
    const when = retryAfter > 0
        ? `in ${retryAfter} s`
        : exhausted && reset > 0
            ? `at ${new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}`
            : 'in a few minutes';
    return (`(GitHub's API rate limit for this token: it lifts ${when}. pdd-sync waits at most ` +
        `${MAX_RATE_LIMIT_WAIT_S} s for it inside a job; this is not a permission problem.)`);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/github-records.js
/** The small records the GitHub adapter returns, made from the REST API's answers. */
function toPullRequest(p) {
    return {
        number: p.number,
        nodeId: p.node_id,
        url: p.html_url,
        state: p.state === 'closed' ? 'closed' : 'open',
        title: p.title,
        body: p.body ?? '',
        draft: p.draft ?? false,
        headRef: p.head.ref,
        ...(p.head.sha ? { headSha: p.head.sha } : {}),
        ...(p.head.repo !== undefined ? { headRepo: p.head.repo?.full_name ?? null } : {}),
        baseRef: p.base.ref,
        labels: (p.labels ?? []).map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
        author: p.user?.login ?? ''
    };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/github.js



/**
 * Per request: plugin-retry must not send a write that is not idempotent again on a 5xx, since GitHub may have
 * carried it out (a proxy's 502 after the pull request was made); {@link GitHub.writeOnce} looks first.
 */
const NO_RETRY = { request: { retries: 0 } };
const sleep = (ms) => new Promise(r => setTimeout(r, ms));

/**
 * The GitHub REST API as the publish step needs it: Octokit built once with the retry and throttling plugins
 * (`@actions/github` has neither) and an explicit base URL, returning small records.
 */
class GitHub {
    owner;
    repo;
    octokit;
    redactor;
    retryBaseMs;
    log;
    constructor(o) {
        this.redactor = o.redactor ?? new redact/* Redactor */.pO();
        this.retryBaseMs = o.retryBaseMs ?? 1000;
        this.log = o.log ?? (() => undefined);
        const [owner, repo] = o.repository.split('/');
        if (!owner || !repo)
            throw new Error(`GITHUB_REPOSITORY must be owner/repo; got "${o.repository}".`);
        this.owner = owner;
        this.repo = repo;
        this.octokit = buildOctokit(o);
    }
    get base() {
        return { owner: this.owner, repo: this.repo };
    }
    /**
     * Runs `fn` with the Octokit instance, errors turned into redacted {@link GitHubError}s naming `route`: for the
     * adapters next to this one (github-lifecycle.ts, github-git.ts). Bodies must pass {@link redact} first.
     */
    async request(route, fn) {
        return this.call(route, () => fn(this.octokit, this.base));
    }
    /** A GraphQL request; `what` names it in errors (e.g. `GraphQL markPullRequestReadyForReview`). */
    async graphql(what, query, variables) {
        return this.call(what, () => this.octokit.graphql(query, variables));
    }
    /** `text` with every secret the job knows masked. */
    redact(text) {
        return this.clean(text);
    }
    async call(route, fn) {
        try {
            return await fn();
        }
        catch (e) {
            const err = toGitHubError(e, route);
            err.message = this.clean(err.message);
            throw err;
        }
    }
    /**
     * A write that is not idempotent, sent with plugin-retry off. When its outcome is unknown (a 5xx, no answer),
     * `made` looks for what it would have made: found, that is the answer; else it is sent again (3 times in all,
     * waiting as plugin-retry waits). Every other error is thrown as it is.
     */
    async writeOnce(route, send, made) {
        for (let attempt = 1;; attempt++) {
            try {
                return await this.call(route, () => send(this.octokit, this.base, NO_RETRY));
            }
            catch (e) {
                if (!(e instanceof GitHubError && e.unknownOutcome))
                    throw e;
                const found = await made();
                if (found !== null) {
                    this.log(`${route}: the answer was lost (${e.message}), but the write was made; not sending it again.`);
                    return found;
                }
                if (attempt >= 3)
                    throw e;
                await sleep(attempt * attempt * this.retryBaseMs);
            }
        }
    }
    clean(text) {
        return this.redactor.redact(text);
    }
    /** The repository's default branch. */
    async defaultBranch() {
        const r = await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get(this.base));
        return r.data.default_branch;
    }
    /**
     * `permissions.push` of the repository for this token's identity. Undefined when the API does not say: an
     * installation token (`GITHUB_TOKEN`, a GitHub App's) gets no `permissions`, or a `push: false` that means
     * nothing (see {@link isInstallationToken}).
     */
    async pushPermission() {
        const r = await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get(this.base));
        return r.data.permissions?.push;
    }
    /** True when the token is a GitHub App installation's (`GET /installation/repositories` answers). */
    async isInstallationToken() {
        try {
            await this.octokit.rest.apps.listReposAccessibleToInstallation({ per_page: 1 });
            return true;
        }
        catch {
            return false;
        }
    }
    /** The open pull request from `head` (a branch of this repository) into `base`, if any. */
    async findOpenPullRequest(head, base) {
        const list = await this.call('GET /repos/{owner}/{repo}/pulls', () => this.octokit.rest.pulls.list({ ...this.base, head: `${this.owner}:${head}`, base, state: 'open' }));
        const pr = list.data.find(p => p.head.ref === head && p.base.ref === base);
        return pr ? toPullRequest(pr) : null;
    }
    /** One pull request by number. */
    async getPullRequest(number) {
        const r = await this.call('GET /repos/{owner}/{repo}/pulls/{pull_number}', () => this.octokit.rest.pulls.get({ ...this.base, pull_number: number }));
        return toPullRequest(r.data);
    }
    /**
     * A user's access to the repository: GitHub's coarse `permission` (`admin`, `write`, `read` or `none`; a
     * `maintain` role reads as `write`, `triage` as `read`) and the role's name (`maintain`, a custom role, …).
     */
    async collaboratorPermission(login) {
        const r = await this.call('GET /repos/{owner}/{repo}/collaborators/{username}/permission', () => this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.base, username: login }));
        return { permission: r.data.permission, role: r.data.role_name };
    }
    /** Opens a pull request. */
    async createPullRequest(p) {
        return this.writeOnce('POST /repos/{owner}/{repo}/pulls', async (o) => {
            const r = await o.rest.pulls.create({
                ...this.base,
                ...p,
                title: this.clean(p.title),
                body: this.clean(p.body),
                maintainer_can_modify: false,
                ...NO_RETRY
            });
            return toPullRequest(r.data);
        }, () => this.findOpenPullRequest(p.head, p.base));
    }
    /** Changes a pull request's title, body or state. */
    async updatePullRequest(number, p) {
        const r = await this.call('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', () => this.octokit.rest.pulls.update({
            ...this.base,
            pull_number: number,
            ...p,
            title: p.title === undefined ? undefined : this.clean(p.title),
            body: p.body === undefined ? undefined : this.clean(p.body)
        }));
        return toPullRequest(r.data);
    }
    /** Adds labels to an issue or pull request (creating missing labels needs `issues: write`). */
    async addLabels(number, labels) {
        await this.call('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', () => this.octokit.rest.issues.addLabels({
            ...this.base,
            issue_number: number,
            labels: labels.map(l => this.clean(l))
        }));
    }
    /** Every comment of an issue or pull request (paginated); `since`: only those updated at or after it. */
    async listComments(number, since) {
        const all = await this.call('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', () => this.octokit.paginate(this.octokit.rest.issues.listComments, {
            ...this.base,
            issue_number: number,
            per_page: 100,
            ...(since ? { since: since.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {})
        }));
        return all.map(c => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }));
    }
    /** Adds a comment. */
    async createComment(number, body) {
        const text = this.clean(body);
        // A comment the lost answer made is one with this very text, written since just before (clocks may differ).
        const since = new Date(Date.now() - 5 * 60_000);
        return this.writeOnce('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', async (o) => {
            const r = await o.rest.issues.createComment({
                ...this.base,
                issue_number: number,
                body: text,
                ...NO_RETRY
            });
            return { id: r.data.id, body: r.data.body ?? '', author: r.data.user?.login ?? '' };
        }, async () => (await this.listComments(number, since)).reverse().find(c => c.body === text) ?? null);
    }
    /** Replaces a comment's body. */
    async updateComment(id, body) {
        await this.call('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', () => this.octokit.rest.issues.updateComment({ ...this.base, comment_id: id, body: this.clean(body) }));
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/settings/commit-inputs.js
var commit_inputs = __webpack_require__(39822);
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
const commit_message_oneLine = (s) => s.replace(/[\r\n]+/g, ' ');
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
        .replace(commit_inputs/* COMMIT_PLACEHOLDER */.Ug, (all, name) => name in values ? commit_message_oneLine(values[name]) : all)
        .trimEnd();
    const [subject = '', ...rest] = filled.split('\n');
    const partialOnly = i.units.length > 0 && i.units.every(u => u.partialReason !== undefined);
    const body = rest.join('\n').trim();
    const kept = i.units
        .filter(u => u.partialReason !== undefined)
        .map(u => `PARTIAL (failed, kept by keep-partial): ${u.id}: ${(0,markdown/* defuseReferences */.lM)(commit_message_oneLine(u.partialReason ?? ''))}`);
    const trailers = [
        `${TRAILER.group}: ${commit_message_oneLine(group)}`,
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

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/bot-commit.js

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
    return get(trailersOf(message), TRAILER.run).some(v => v !== '');
}
/**
 * The group a bot commit holds: from `PDD-Sync-Group` (partial when every `PDD-Sync-Unit` is also a
 * `PDD-Sync-Partial`), else from an old commit's subject (partial when it ends in `[partial]`); null when
 * it names no group (not a unit commit, or not the bot's).
 */
function botCommitOf(c) {
    const t = trailersOf(c.message);
    const group = get(t, TRAILER.group)[0];
    if (group !== undefined && get(t, TRAILER.run).length > 0) {
        const m = GROUP.exec(group);
        if (!m?.[1])
            return null;
        const units = get(t, TRAILER.unit);
        const partial = new Set(get(t, TRAILER.partial));
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

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/github-commits.js

/**
 * Writing commits through the API, so that GitHub signs them (input `sign-commits`): the git data REST API
 * (blobs, trees, commits, refs) and the GraphQL mutations `createCommitOnBranch` and `updateRefs`. Every
 * message passes the redactor; file contents are sent as committed (a file holding a secret is never committed).
 */
/** The all-zero object id: "no ref" in `updateRefs`. */
const ZERO_OID = '0'.repeat(40);
/** A lease of `createCommitOnBranch` or `updateRefs` was refused: the branch is not where it was expected. */
class StaleRefError extends Error {
    name = 'StaleRefError';
}
const STALE = /STALE_DATA|Expected branch to point to|not at the expected|moved|Reference already exists/i;
async function leased(fn) {
    try {
        return await fn();
    }
    catch (e) {
        if (e instanceof GitHubError && STALE.test(e.message))
            throw new StaleRefError(e.message);
        throw e;
    }
}
/** The repository's GraphQL node id (what `updateRefs` takes). */
async function repositoryNodeId(github) {
    const r = await github.request('GET /repos/{owner}/{repo}', (o, at) => o.rest.repos.get(at));
    return r.data.node_id;
}
/** Stores a blob; returns its SHA (the same git computes for the same bytes). */
async function createBlob(github, content) {
    const r = await github.request('POST /repos/{owner}/{repo}/git/blobs', (o, at) => o.rest.git.createBlob({ ...at, content: content.toString('base64'), encoding: 'base64' }));
    return r.data.sha;
}
/** `baseTree` with `entries` written; returns the new tree's SHA. */
async function createTree(github, baseTree, entries) {
    const r = await github.request('POST /repos/{owner}/{repo}/git/trees', (o, at) => o.rest.git.createTree({ ...at, base_tree: baseTree, tree: entries }));
    return r.data.sha;
}
/** A commit of `tree` on `parents`, without author or committer: GitHub signs it. Returns its SHA. */
async function createCommit(github, message, tree, parents) {
    const r = await github.request('POST /repos/{owner}/{repo}/git/commits', (o, at) => o.rest.git.createCommit({ ...at, message: github.redact(message), tree, parents }));
    return r.data.sha;
}
/** Creates `ref` at `sha`; a {@link StaleRefError} when it exists already. */
async function createRef(github, ref, sha, lookup) {
    await leased(() => github.writeOnce('POST /repos/{owner}/{repo}/git/refs', async (o, at, once) => {
        await o.rest.git.createRef({ ...at, ref, sha, ...once });
        return true;
    }, async () => ((await lookup(ref)) === sha ? true : null)));
}
const CREATE_COMMIT = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid tree { oid } } }
}`;
/**
 * One commit on `branch` (which must be at `expectedHeadOid`, else a {@link StaleRefError}), made and signed by
 * GitHub. Every addition is a regular file (mode 100644): the mutation carries no modes.
 */
async function createCommitOnBranch(github, c, lookup) {
    const message = github.redact(c.message).replace(/\r\n/g, '\n');
    const [headline = '', ...rest] = message.split('\n');
    const body = rest.join('\n').trim();
    const input = {
        branch: { repositoryNameWithOwner: `${github.owner}/${github.repo}`, branchName: c.branch },
        expectedHeadOid: c.expectedHeadOid,
        message: { headline, ...(body ? { body } : {}) },
        fileChanges: {
            additions: c.additions.map(a => ({ path: a.path, contents: a.contents.toString('base64') })),
            deletions: c.deletions.map(path => ({ path }))
        }
    };
    // The branch is the run's own scratch branch: moved off expectedHeadOid, it holds the commit a lost answer made.
    const made = async () => {
        const tip = await lookup.ref(`refs/heads/${c.branch}`);
        return tip && tip !== c.expectedHeadOid ? { oid: tip, tree: await lookup.treeOf(tip) } : null;
    };
    return leased(() => github.writeOnce('GraphQL createCommitOnBranch', async (o, _at, once) => {
        const r = await o.graphql(CREATE_COMMIT, { input, ...once });
        return { oid: r.createCommitOnBranch.commit.oid, tree: r.createCommitOnBranch.commit.tree.oid };
    }, made));
}
const UPDATE_REFS = `mutation UpdateRefs($input: UpdateRefsInput!) {
  updateRefs(input: $input) { clientMutationId }
}`;
/** Moves, creates (beforeOid ZERO_OID) or deletes (afterOid ZERO_OID) refs, each leased on its beforeOid. */
async function updateRefs(github, repositoryId, updates, lookup) {
    const refUpdates = updates.map(u => ({ ...u, force: true }));
    const made = async () => {
        for (const u of updates)
            if (((await lookup(u.name)) ?? ZERO_OID) !== u.afterOid)
                return null;
        return true;
    };
    await leased(() => github.writeOnce('GraphQL updateRefs', (o, _at, once) => o.graphql(UPDATE_REFS, { input: { repositoryId, refUpdates }, ...once }), made));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/signed-push.js


const DELETED = '000000';
/** Whether `createCommitOnBranch` can carry this change (it writes regular files and deletes paths). */
const graphqlCarries = (c) => c.mode === DELETED || (c.mode === '100644' && (c.oldMode === DELETED || c.oldMode === '100644'));
/** Which path signs these commits: GraphQL unless one of them changes what it cannot carry. */
function signPathFor(steps) {
    return steps.every(s => s.changes.every(graphqlCarries)) ? 'graphql' : 'git-data';
}
/** Makes `base..local` again through the API and moves the remote branch to it (see above). */
async function pushSigned(o) {
    const steps = [];
    for (const commit of await o.git.chainOf(o.base, o.local)) {
        const [parent, ...more] = commit.parents;
        if (!parent || more.length > 0)
            throw new Error(`Cannot sign ${commit.sha.slice(0, 12)}: only a linear chain of commits can be signed.`);
        steps.push({ commit, changes: await o.git.changesOf(parent, commit.sha) });
    }
    const via = o.via ?? signPathFor(steps);
    const repositoryId = await repositoryNodeId(o.github);
    const ref = `refs/heads/${o.branch}`;
    const before = o.remoteSha ?? ZERO_OID;
    try {
        if (via === 'git-data') {
            const head = await viaGitData(o, steps);
            await updateRefs(o.github, repositoryId, [{ name: ref, beforeOid: before, afterOid: head }], lookupOf(o));
        }
        else {
            await viaGraphql(o, steps, repositoryId, async (last) => updateRefs(o.github, repositoryId, [{ name: ref, beforeOid: before, afterOid: last }], lookupOf(o)));
        }
    }
    catch (e) {
        if (e instanceof StaleRefError)
            return { outcome: 'lease-rejected', head: null, via };
        throw e;
    }
    return { outcome: 'pushed', head: await o.git.fetchBranch(o.remote, o.branch), via };
}
/**
 * Where a branch of the remote is, asked by git (fetched, so a commit the API made is then local too): what
 * settles a write whose answer was lost (github-commits.ts).
 */
function lookupOf(o) {
    return ref => o.git.fetchBranch(o.remote, ref.replace(/^refs\/heads\//, ''));
}
async function blobsOf(git, changes) {
    const oids = changes.filter(c => c.mode !== DELETED && c.mode !== '160000').map(c => c.oid);
    return git.readObjects([...new Set(oids)]);
}
function contentOf(blobs, c) {
    const b = blobs.get(c.oid);
    if (!b)
        throw new Error(`Cannot sign: the blob of ${c.path} (${c.oid}) is missing locally.`);
    return b;
}
function sameTree(made, step) {
    if (made !== step.commit.tree)
        throw new Error(`Signing ${step.commit.sha.slice(0, 12)} made tree ${made.slice(0, 12)}, not git's ` +
            `${step.commit.tree.slice(0, 12)}: nothing was pushed.`);
}
/** The git data path: blobs, a tree and a commit per step, on no branch; returns the last commit. */
async function viaGitData(o, steps) {
    let parent = o.base;
    let parentTree = await o.git.treeOf(o.base);
    for (const step of steps) {
        const blobs = await blobsOf(o.git, step.changes);
        const entries = [];
        for (const c of step.changes) {
            if (c.mode === DELETED) {
                entries.push({ path: c.path, mode: modeOf(c.oldMode), type: typeOf(c.oldMode), sha: null });
            }
            else if (c.mode === '160000') {
                entries.push({ path: c.path, mode: '160000', type: 'commit', sha: c.oid });
            }
            else {
                const sha = await createBlob(o.github, contentOf(blobs, c));
                if (sha !== c.oid)
                    throw new Error(`Cannot sign: GitHub stored ${c.path} as ${sha}, git has ${c.oid}.`);
                entries.push({ path: c.path, mode: modeOf(c.mode), type: 'blob', sha });
            }
        }
        const tree = await createTree(o.github, parentTree, entries);
        sameTree(tree, step);
        parent = await createCommit(o.github, step.commit.message, tree, [parent]);
        parentTree = tree;
    }
    return parent;
}
/**
 * The GraphQL path on a scratch branch; `move` moves the bot branch to the last commit, which is returned. The
 * scratch branch is deleted whatever happens.
 */
async function viaGraphql(o, steps, repositoryId, move) {
    const scratch = `${o.branch}-signing-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`;
    const lookup = lookupOf(o);
    await createRef(o.github, `refs/heads/${scratch}`, o.base, lookup);
    let head = o.base;
    try {
        for (const step of steps) {
            const blobs = await blobsOf(o.git, step.changes);
            const made = await createCommitOnBranch(o.github, {
                branch: scratch,
                expectedHeadOid: head,
                message: step.commit.message,
                additions: step.changes
                    .filter(c => c.mode !== DELETED)
                    .map(c => ({ path: c.path, contents: contentOf(blobs, c) })),
                deletions: step.changes.filter(c => c.mode === DELETED).map(c => c.path)
            }, { ref: lookup, treeOf: c => o.git.treeOf(c) });
            head = made.oid;
            sameTree(made.tree, step);
        }
        await move(head);
        return head;
    }
    finally {
        await updateRefs(o.github, repositoryId, [{ name: `refs/heads/${scratch}`, beforeOid: head, afterOid: ZERO_OID }], lookup).catch(() => undefined);
    }
}
const modeOf = (m) => m === '100755' || m === '120000' || m === '160000' || m === '040000' ? m : '100644';
const typeOf = (m) => (m === '160000' ? 'commit' : 'blob');

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/branch.js




const WORKFLOWS = '.github/workflows/';
/**
 * Publishes the local bot branch (docs/architecture.md step 6). The remote bot branch is fetched first; then, in order:
 * - commits on it since `base` (`base..remote`) by anyone but the bot → 'human-commits', nothing pushed, unless
 *   `overwriteHumanCommits`;
 * - the local branch's tree equals the base tree (nothing synced) → 'no-changes' (or 'deleted' with
 *   `deleteWhenEmpty` when the remote branch exists);
 * - the remote branch's tree equals the local one → 'unchanged', no push (no-op suppression);
 * - a path under `.github/workflows/` changed between base and the local head and not `allowWorkflowChanges`
 *   → 'refused-workflows' (GitHub's own refusal of such a push is reported the same way);
 * - else push with `--force-with-lease=refs/heads/<branch>:<sha fetched at start>` → 'pushed'.
 * A lease rejection (someone pushed in between) is returned as 'lease-failed' with the remote's new commit in
 * `head`, never thrown, and the remote is left as that someone left it. Other git failures throw a GitError.
 */
async function publishBranch(o) {
    const remoteSha = o.remoteSha === undefined ? await o.git.fetchBranch(o.remote, o.branch) : o.remoteSha;
    if (remoteSha)
        await o.git.relateShallow(o.remote, o.base, remoteSha);
    const local = await o.git.commitOf(o.localRef);
    if (local === null)
        throw new Error(`The local bot branch ${o.localRef} does not exist.`);
    const where = `${o.remote}/${o.branch}`;
    const result = (operation, message, extra = {}) => ({ operation, remoteSha, head: remoteSha, message, ...extra });
    let humans = [];
    if (remoteSha !== null) {
        humans = (await o.git.commitsBetween(o.base, remoteSha))
            .filter(c => isHumanCommit(c, o.identity))
            .map(c => ({ sha: c.sha, author: `${c.authorName} <${c.authorEmail}>`, subject: c.subject }));
        if (humans.length > 0 && !o.overwriteHumanCommits) {
            return result('human-commits', `${where} has ${humans.length} commit(s) not made by ${o.identity.name}; not overwriting them.`, { humanCommits: humans });
        }
    }
    const localTree = await o.git.treeOf(local);
    if (localTree === (await o.git.treeOf(o.base))) {
        if (o.deleteWhenEmpty && remoteSha !== null) {
            const deleted = await o.git.deleteRemoteBranch(o.remote, o.branch, remoteSha);
            if (deleted === 'pushed')
                return result('deleted', `Nothing to sync: deleted ${where}.`, { head: null });
            return leaseFailed(o, remoteSha, where);
        }
        return result('no-changes', `Nothing to sync: ${where} left as it is.`);
    }
    if (remoteSha !== null && (await o.git.treeOf(remoteSha)) === localTree) {
        return result('unchanged', `${where} already holds this content; not pushed.`);
    }
    const workflows = (await o.git.changedFiles(o.base, local)).filter(p => p.startsWith(WORKFLOWS));
    if (workflows.length > 0 && !o.allowWorkflowChanges)
        return refused(result, workflows.join(', '));
    let pushed;
    let head = local;
    try {
        ;
        ({ pushed, head } = await pushOrSign(o, local, remoteSha));
    }
    catch (e) {
        if (e instanceof adapters_git/* GitError */.XS && /refusing to allow .*workflow/i.test(e.stderr)) {
            return refused(result, 'rejected by the server (the push token lacks the workflows permission)');
        }
        throw ruleRefusal(e, o.branch) ?? e;
    }
    if (pushed === 'lease-rejected')
        return leaseFailed(o, remoteSha, where);
    const overwrote = humans.length > 0 ? ` over ${humans.length} human commit(s)` : '';
    const how = o.sign ? ` as ${head?.slice(0, 12) ?? '?'}, signed by GitHub` : '';
    return result('pushed', `Pushed ${local.slice(0, 12)} to ${where}${how}${overwrote}.`, {
        head,
        ...(humans.length > 0 ? { humanCommits: humans } : {})
    });
}
/** GitHub's words for a push its branch protection (GH006) or repository rules (GH013) refused. */
const BRANCH_RULES = /\bGH006\b|\bGH013\b|protected branch hook declined|repository rule violations/i;
/**
 * A push the repository's branch protection or rules refused, as an error that says so and what to change (git's
 * own message ends with lines that do not name the rule), or null for any other failure.
 */
function ruleRefusal(e, branch) {
    if (!(e instanceof adapters_git/* GitError */.XS) || !BRANCH_RULES.test(e.stderr))
        return null;
    const code = /\bGH0(06|13)\b/.exec(e.stderr)?.[0];
    return new Error(`The repository's ${code === 'GH013' ? 'rules' : 'branch protection'} refused the push of the bot branch ` +
        `"${branch}"${code ? ` (${code})` : ''}: keep "${branch}" out of the rule (or its pattern), or give input ` +
        '"push-token" a token the rule lets bypass it.');
}
/** Pushes `local` with git, or with `sign` makes its commits again through the API (signed-push.ts). */
async function pushOrSign(o, local, remoteSha) {
    if (!o.sign)
        return { pushed: await o.git.pushWithLease(o.remote, local, o.branch, remoteSha), head: local };
    const signed = await pushSigned({ ...o.sign, ...o, local, remoteSha });
    return { pushed: signed.outcome, head: signed.head };
}
function refused(result, what) {
    return result('refused-workflows', `Not pushed: the sync changes workflow files (${what}); allow workflow changes and use a token with the ` +
        'workflows permission to publish them.');
}
async function leaseFailed(o, remoteSha, where) {
    const now = await o.git.fetchBranch(o.remote, o.branch);
    return {
        operation: 'lease-failed',
        remoteSha,
        head: now,
        message: `${where} moved while publishing (expected ${remoteSha?.slice(0, 12) ?? 'no branch'}, found ` +
            `${now?.slice(0, 12) ?? 'no branch'}); left untouched — the next run will retry.`
    };
}
/**
 * Deletes the remote bot branch (for example after closing its PR when nothing is left to sync), with a lease
 * on the commit expected there. 'absent' when it does not exist; 'lease-failed' when it moved.
 */
async function deleteBranch(o) {
    const expected = o.expectedSha ?? (await o.git.fetchBranch(o.remote, o.branch));
    if (expected === null)
        return 'absent';
    const r = await o.git.deleteRemoteBranch(o.remote, o.branch, expected);
    return r === 'pushed' ? 'deleted' : 'lease-failed';
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/comment-store.js

/** Marks the one comment the action owns on its pull request. */
const STATE_MARKER = '<!-- pdd-sync:state -->';
const OPEN = '<!-- pdd-sync:records';
const CLOSE = '-->';
/** GitHub refuses comment bodies above 65,536 characters; stay clear of it. */
const LIMIT = 60_000;
/**
 * The fallback store of run records (input `state-store: comment | both`, and where a record goes when its note
 * cannot be pushed): hidden JSON lines in one comment on the bot pull request, found by marker and updated in
 * place, never duplicated. Only comments written by the pull request's author (the action's token) are read,
 * so a marker pasted by someone else is not taken as state.
 */
class CommentStore {
    github;
    pullNumber;
    owner;
    constructor(github, pullNumber, 
    /** Login of the account whose comment is trusted (the PR's author). */
    owner) {
        this.github = github;
        this.pullNumber = pullNumber;
        this.owner = owner;
    }
    async find() {
        const comments = await this.github.listComments(this.pullNumber);
        return comments.find(c => c.author === this.owner && c.body.includes(STATE_MARKER));
    }
    async readRecords() {
        const c = await this.find();
        if (!c)
            return { records: [], warnings: [] };
        const { records, badLines, warnings: unsafe } = (0,state_record/* parseNote */.wd)(recordsText(c.body));
        const warnings = [
            ...(badLines > 0
                ? [`${badLines} unreadable line(s) in the pdd-sync state comment of #${this.pullNumber}.`]
                : []),
            ...unsafe.slice(0, 20).map(w => `State comment of #${this.pullNumber}: ${w}`)
        ];
        return { records, warnings };
    }
    /**
     * Adds a record (keeping the ones already there, newest first when the comment would grow too long) and
     * writes the comment. Returns how many older records were dropped to stay under GitHub's size limit.
     */
    async write(record) {
        const c = await this.find();
        const old = c ? (0,state_record/* parseNote */.wd)(recordsText(c.body)).records : [];
        const all = [record, ...old.filter(r => !(r.runId === record.runId && r.createdAt === record.createdAt))];
        all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        let keep = all.length;
        let body = renderComment(all);
        while (body.length > LIMIT && keep > 1)
            body = renderComment(all.slice(0, --keep));
        if (body.length > LIMIT)
            throw new Error(`The run record is too large for a pull request comment.`);
        if (c) {
            if (c.body !== body)
                await this.github.updateComment(c.id, body);
            return { dropped: all.length - keep, commentId: c.id };
        }
        const created = await this.github.createComment(this.pullNumber, body);
        return { dropped: all.length - keep, commentId: created.id };
    }
}
/** The comment's body: a visible sentence and the records as hidden JSON lines. */
function renderComment(records) {
    // JSON may hold "-->" in a reason; escaping ">" keeps it valid JSON and keeps the HTML comment closed.
    const lines = records.map(r => (0,state_record/* formatRecord */.bM)(r).replace(/>/g, '\\u003e'));
    return [
        STATE_MARKER,
        `pdd-sync keeps the state of its last ${records.length === 1 ? 'run' : `${records.length} runs`} here ` +
            `(fingerprints PDD needs to know which units are in sync). Please do not edit this comment.`,
        OPEN,
        ...lines,
        CLOSE
    ].join('\n');
}
function recordsText(body) {
    const start = body.indexOf(OPEN);
    if (start < 0)
        return '';
    const end = body.indexOf(CLOSE, start + OPEN.length);
    return body.slice(start + OPEN.length, end < 0 ? undefined : end);
}

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
    if (commits.some(c => isHumanCommit(c, o.identity)))
        return { head: o.head, carried: [] };
    let head = o.head;
    const carried = [];
    for (const c of [...commits].reverse()) {
        const bot = botCommitOf(c);
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

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/push-carried.js



/**
 * Publishes this run's results on the bot branch without losing another run's: each round fetches the remote
 * branch once, carries its unmerged results onto this run's head, and pushes with that same fetched commit as
 * the lease, so a push that lands between the fetch and ours is rejected, not overwritten (docs/architecture.md, "Trust"). A
 * rejected round starts again from a fresh fetch, a bounded number of times with growing jittered waits; the
 * last 'lease-failed' is returned for the caller to report as a failure.
 */
async function pushCarried(o) {
    const attempts = Math.max(1, o.attempts ?? 4);
    const sleep = o.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
    const own = await o.git.commitOf(o.head);
    if (own === null)
        throw new Error(`The local bot branch ${o.head} does not exist.`);
    let last = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const remoteSha = await o.git.fetchBranch(o.remote, o.branch);
        const kept = await carryOver({ ...o, head: own, remoteSha });
        await o.git.updateRef(o.scratchRef, kept.head, await o.git.commitOf(o.scratchRef));
        const branch = await publishBranch({ ...o, localRef: o.scratchRef, remoteSha });
        last = { branch, head: kept.head, carried: kept.carried, attempts: attempt };
        if (branch.operation !== 'lease-failed')
            return last;
        if (attempt < attempts)
            await sleep(backoffDelay(attempt));
    }
    const failed = last;
    failed.branch.message =
        `${o.remote}/${o.branch} kept moving: another run pushed in between ${attempts} time(s), so this run's ` +
            `results were not pushed (${failed.branch.message})`;
    return failed;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/github-lifecycle.js

const READY = `mutation MarkReady($id: ID!) {
  markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`;
const DRAFT = `mutation ConvertToDraft($id: ID!) {
  convertPullRequestToDraft(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`;
/**
 * Marks a pull request ready for review (`draft` false) or converts it to a draft (`draft` true): GraphQL only,
 * REST cannot change the draft state of an open pull request.
 */
async function setDraft(github, nodeId, draft) {
    const what = draft ? 'convertPullRequestToDraft' : 'markPullRequestReadyForReview';
    await github.graphql(`GraphQL ${what}`, draft ? DRAFT : READY, { id: nodeId });
}
/**
 * Removes one label from an issue or pull request. A label that is not there is removed already: so a retry after
 * a lost answer (a 5xx once the label was gone) is no failure.
 */
async function removeLabel(github, number, name) {
    try {
        await github.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (o, base) => o.rest.issues.removeLabel({ ...base, issue_number: number, name }));
    }
    catch (e) {
        if (!(e instanceof GitHubError && e.status === 404 && /Label does not exist/i.test(e.message)))
            throw e;
    }
}
/** Requests reviews from users and teams (team slugs of the repository's organisation). */
async function requestReviewers(github, number, reviewers, teamReviewers) {
    await github.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', (o, base) => o.rest.pulls.requestReviewers({
        ...base,
        pull_number: number,
        reviewers,
        team_reviewers: teamReviewers
    }));
}
/** Adds assignees to an issue or pull request. */
async function addAssignees(github, number, assignees) {
    await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', (o, base) => o.rest.issues.addAssignees({ ...base, issue_number: number, assignees }));
}
/** Sets the milestone (by number) of an issue or pull request. */
async function setMilestone(github, number, milestone) {
    await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', (o, base) => o.rest.issues.update({ ...base, issue_number: number, milestone }));
}
/**
 * The most recent closed pull requests (at most 30, newest first) from `head` (a branch of this repository) into
 * `base`: one REST call.
 */
async function closedPullRequests(github, head, base) {
    const r = await github.request('GET /repos/{owner}/{repo}/pulls', (o, b) => o.rest.pulls.list({ ...b, head: `${b.owner}:${head}`, base, state: 'closed', per_page: 30 }));
    return r.data
        .filter(p => p.head.ref === head && p.base.ref === base)
        .map(p => ({ number: p.number, url: p.html_url, headSha: p.head.sha, merged: Boolean(p.merged_at) }));
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/draft-state.js


/** The label that stands for the draft state where GitHub has no draft pull requests. */
const DRAFT_LABEL = 'draft';
/** True for GitHub's refusal of drafts (private repositories on some plans), from REST or GraphQL. */
function draftsUnsupported(e) {
    return e instanceof GitHubError && /draft pull requests are not supported/i.test(e.message);
}
/** Said once, when the pull request is opened with the label instead of as a draft. */
function draftLabelNotice(number) {
    return (`This repository does not support draft pull requests, so #${number} was opened as a normal pull ` +
        `request with the "${DRAFT_LABEL}" label; the label is removed once no unit fails.`);
}
/**
 * Brings an open pull request to the wanted draft state (docs/architecture.md "Pull request lifecycle"):
 * `markPullRequestReadyForReview` once no unit fails, `convertPullRequestToDraft` when one fails again. A pull
 * request carrying the {@link DRAFT_LABEL} label (opened where drafts are not supported) keeps to the label:
 * it is removed when ready and left when failing. A refusal of drafts switches to the label; any other failure
 * is a warning, never a failed run.
 */
async function syncDraftState(github, pr, wantDraft) {
    const labelled = pr.labels.includes(DRAFT_LABEL) && !pr.draft;
    try {
        if (wantDraft && !pr.draft && !labelled) {
            await setDraft(github, pr.nodeId, true);
            return { pullRequest: { ...pr, draft: true }, changed: 'draft' };
        }
        if (!wantDraft && pr.draft) {
            await setDraft(github, pr.nodeId, false);
            return { pullRequest: { ...pr, draft: false }, changed: 'ready' };
        }
        if (!wantDraft && labelled) {
            await removeLabel(github, pr.number, DRAFT_LABEL);
            return { pullRequest: { ...pr, labels: pr.labels.filter(l => l !== DRAFT_LABEL) }, changed: 'ready' };
        }
        return { pullRequest: pr };
    }
    catch (e) {
        if (wantDraft && draftsUnsupported(e)) {
            const labels = await github.addLabels(pr.number, [DRAFT_LABEL]).then(() => [...pr.labels, DRAFT_LABEL], () => pr.labels);
            return { pullRequest: { ...pr, labels }, changed: 'draft', notice: draftLabelNotice(pr.number) };
        }
        const to = wantDraft ? 'back to a draft' : 'ready for review';
        return { pullRequest: pr, warning: `#${pr.number} could not be marked ${to}: ${e.message}` };
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/pr-people.js

/**
 * Requests the reviews, adds the assignees and sets the milestone of a pull request just opened. Each call that
 * fails is a warning naming the input and what GitHub said (a team needs a token that can read the
 * organisation's teams); publication goes on.
 */
async function applyPeople(github, number, p) {
    const warnings = [];
    const soft = async (what, fn) => {
        await fn().catch((e) => warnings.push(`#${number}: ${what} failed: ${e.message}`));
    };
    if (p.reviewers.length > 0 || p.teamReviewers.length > 0) {
        const hint = p.teamReviewers.length > 0 ? ' (inputs "reviewers", "team-reviewers")' : ' (input "reviewers")';
        await soft(`requesting reviews${hint}`, () => requestReviewers(github, number, p.reviewers, p.teamReviewers));
    }
    if (p.assignees.length > 0)
        await soft('adding assignees (input "assignees")', () => addAssignees(github, number, p.assignees));
    if (p.milestone !== undefined) {
        const m = p.milestone;
        await soft(`setting milestone ${m} (input "milestone")`, () => setMilestone(github, number, m));
    }
    return warnings;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/pull-request.js



/** Publication failed in a way a user can fix: the message says how. */
class PublishError extends Error {
    name = 'PublishError';
}
const sleepMs = (ms) => new Promise(r => setTimeout(r, ms));
/**
 * Creates the bot pull request, or updates the open one from the same head into the same base — never a
 * duplicate: a 422 "already exists" on create (another run won the race) turns into a lookup and an update.
 */
async function upsertPullRequest(o) {
    const sleep = o.sleep ?? sleepMs;
    const warnings = [];
    const notices = [];
    const labels = [...o.labels];
    let pr = await o.github.findOpenPullRequest(o.head, o.base);
    let operation = 'updated';
    let draftChange;
    if (!pr) {
        try {
            pr = await createOrLabel(o, labels, notices);
            operation = 'created';
        }
        catch (e) {
            if (!(e instanceof GitHubError && e.status === 422 && /already exists/i.test(e.message)))
                throw explain(e, o);
            pr = await o.github.findOpenPullRequest(o.head, o.base);
            if (!pr)
                throw explain(e, o);
        }
    }
    if (operation === 'updated' && (pr.title !== o.title || pr.body !== o.body)) {
        pr = await o.github.updatePullRequest(pr.number, { title: o.title, body: o.body }).catch(e => {
            throw explain(e, o);
        });
    }
    if (operation === 'updated' && o.manageDraft) {
        const d = await syncDraftState(o.github, pr, o.draft);
        pr = d.pullRequest;
        draftChange = d.changed;
        if (d.notice)
            notices.push(d.notice);
        if (d.warning)
            warnings.push(d.warning);
    }
    if (operation === 'created' && o.people)
        warnings.push(...(await applyPeople(o.github, pr.number, o.people)));
    const have = pr.labels;
    const missing = labels.filter(l => !have.includes(l));
    if (missing.length > 0) {
        const w = await addLabels(o.github, pr.number, missing, sleep);
        if (w)
            warnings.push(w);
        else
            pr = { ...pr, labels: [...pr.labels, ...missing] };
    }
    return { operation, pullRequest: pr, warnings, notices, ...(draftChange ? { draftChange } : {}) };
}
/**
 * Opens the pull request; where GitHub refuses drafts ("Draft pull requests are not supported in this
 * repository"), opens a normal one and adds {@link DRAFT_LABEL} to `labels` instead, with a notice.
 */
async function createOrLabel(o, labels, notices) {
    const p = { head: o.head, base: o.base, title: o.title, body: o.body, draft: o.draft };
    try {
        return await o.github.createPullRequest(p);
    }
    catch (e) {
        if (!o.draft || !draftsUnsupported(e))
            throw e;
        const pr = await o.github.createPullRequest({ ...p, draft: false });
        if (!labels.includes(DRAFT_LABEL))
            labels.push(DRAFT_LABEL);
        notices.push(draftLabelNotice(pr.number));
        return pr;
    }
}
/**
 * Adds labels; a 422 right after the PR was created (GitHub has not indexed it yet) is retried with back-off.
 * Returns a warning instead of throwing: labels are never worth failing a run for.
 */
async function addLabels(github, number, labels, sleep) {
    for (let attempt = 1;; attempt++) {
        try {
            await github.addLabels(number, labels);
            return undefined;
        }
        catch (e) {
            const status = e instanceof GitHubError ? e.status : 0;
            if (status === 422 && attempt < 4) {
                await sleep(500 * 2 ** attempt);
                continue;
            }
            const limited = e instanceof GitHubError && e.rateLimited;
            const hint = status === 403 && !limited ? ' The token needs `issues: write` to add labels.' : '';
            return `Labels ${labels.join(', ')} were not added to #${number}: ${e.message}.${hint}`;
        }
    }
}
/** Closes a pull request whose changes the base branch already contains. */
async function closePullRequest(github, pr, why) {
    return github.updatePullRequest(pr.number, {
        state: 'closed',
        body: `${pr.body}\n\n---\nClosed by pdd-sync: ${why}`
    });
}
/** Turns an API error into one a user can act on, keeping GitHub's own message. */
function explain(e, o) {
    if (!(e instanceof GitHubError))
        return e;
    if (/not permitted to create or approve pull requests/i.test(e.message)) {
        return new PublishError(`The branch ${o.head} was pushed, but GitHub refused to open the pull request: GitHub Actions is not ` +
            `permitted to create pull requests in this repository. Turn on Settings → Actions → General → ` +
            `"Allow GitHub Actions to create and approve pull requests" (for an organisation, also in its ` +
            `settings), or pass a PAT or GitHub App token as the "token" input. (${e.message})`);
    }
    if (e.rateLimited) {
        return new PublishError(`The branch ${o.head} was pushed, but GitHub's API rate limit stopped the pull request ${o.head} → ` +
            `${o.base}; the next run opens or updates it. (${e.message})`);
    }
    if (e.status === 403 || e.status === 401) {
        return new PublishError(`GitHub refused the pull request for ${o.head} → ${o.base}: the token lacks permission. Give the job ` +
            `"permissions: pull-requests: write" (and contents: write, issues: write). (${e.message})`);
    }
    if (e.status === 404) {
        return new PublishError(`GitHub answered 404 for the pull request ${o.head} → ${o.base}: check that the base branch "${o.base}" ` +
            `exists and that the token can see the repository. (${e.message})`);
    }
    return e;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/pr-listing.js



/**
 * Creates or updates the pull request with a body that lists every unit on the remote bot branch, this run's
 * and (as carried) those another run pushed on top since: the branch is fetched before the body is written and
 * again after; when it moved in between, the body is written again (at most three times).
 */
async function upsertListingBranch(o, checklist, warnings) {
    const github = o.github;
    const anyFailed = o.result.units.some(u => u.status === 'failed' || u.status === 'conflict');
    const mine = new Set(o.result.units.filter(u => u.status !== 'unchanged').map(u => u.basename));
    let seen = await o.git.fetchBranch(o.remote, o.branch).catch(() => null);
    let r = null;
    let first = 'updated';
    for (let round = 0; round < 3; round++) {
        if (seen) {
            const others = await botUnitsOn(o.git, o.baseSha, seen, mine, o.identity).catch(() => []);
            const carried = [...(checklist.carried ?? [])];
            for (const u of others)
                if (!carried.includes(u))
                    carried.push(u);
            if (carried.length > 0)
                checklist.carried = carried;
        }
        try {
            r = await upsertPullRequest({
                github,
                head: o.branch,
                base: o.base,
                title: pullRequestTitle(o.result, o.title, o.base),
                body: withPrefix(o.bodyPrefix, renderPullRequestBody(checklist, 60_000 - (o.bodyPrefix?.length ?? 0))),
                draft: anyFailed && o.draftOnFailure,
                manageDraft: o.draftOnFailure,
                labels: o.labels,
                people: o.people,
                sleep: o.sleep
            });
        }
        catch (e) {
            const said = e.message;
            // Messages explain() wrote already name the pull request; GitHub's own (a 500) do not.
            checklist.prBlocked = /pull request/i.test(said)
                ? said
                : `The pull request could not be created or updated (the branch is pushed): ${said}`;
            warnings.push(checklist.prBlocked);
            return null;
        }
        if (round === 0) {
            warnings.push(...r.warnings);
            first = r.operation;
        }
        if (r.notices.length > 0)
            checklist.draftNotice = r.notices.join(' ');
        if (r.draftChange === 'ready')
            o.reporter.info(`#${r.pullRequest.number} marked ready for review: no unit failed.`);
        if (r.draftChange === 'draft')
            o.reporter.info(`#${r.pullRequest.number} is a draft again: a unit failed.`);
        o.reporter.info(`Pull request #${r.pullRequest.number} ${r.operation}: ${r.pullRequest.url}`);
        const now = await o.git.fetchBranch(o.remote, o.branch).catch(() => seen);
        if (now === seen)
            break;
        seen = now;
    }
    return r ? { ...r, operation: first } : null;
}
/** The pull request body: the `body` input's text, a blank line, then the checklist. */
function withPrefix(prefix, body) {
    return prefix ? `${prefix}\n\n${body}` : body;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/pending-pr.js








/** A run with nothing to do that was given the records it read (`pending`), an API and no commit of its own. */
function pendingApplies(o) {
    return !!o.pending && !!o.github && !o.carryExcept && (o.result.head ?? o.baseSha) === o.baseSha;
}
/**
 * A run with nothing to do (`skipRecord`) that finds no open pull request: when the bot branch still holds
 * complete bot commits the base lacks (an earlier run pushed them but GitHub refused to open the pull request),
 * the branch is brought onto the base as a run with work would (carry-over, lease) and the pull request is
 * opened with the checklist of the latest run whose results are on it. Not when the branch is absent, already
 * in the base, holds someone else's commit, or is the very head of a pull request that was closed or merged —
 * a person's "no" is kept until a run with work pushes something new. At $0; no run record is written.
 * Nothing is written to the notes (`notes.pushed` stands as for any run with nothing to do).
 */
async function publishPending(o, checklist, warnings) {
    const p = o.github ? await openPending(o, o.github, o.pending ?? [], { checklist, warnings }) : null;
    return {
        branch: p?.branch ?? null,
        pullRequest: p?.pullRequest ?? { operation: 'none' },
        notes: { pushed: true, comment: false },
        checklist,
        warnings
    };
}
async function openPending(o, github, records, { checklist, warnings }) {
    const found = await pendingBranch(o);
    if (!found || (await closedWithThisHead(o, github, found.sha)))
        return null;
    let pushed;
    try {
        pushed = await pushCarried({
            ...o,
            head: o.baseSha,
            base: o.baseSha,
            ran: new Set(),
            scratchRef: `refs/pdd-sync/publish/${o.branch}`,
            attempts: 1
        });
    }
    catch (e) {
        if (!(e instanceof adapters_git/* GitError */.XS) && !(e instanceof GitHubError))
            throw e;
        o.reporter.info(`Could not bring ${o.branch} onto ${o.base}: ${e.message}`);
        return null;
    }
    const b = pushed.branch;
    if (pushed.head === o.baseSha || (b.operation !== 'pushed' && b.operation !== 'unchanged')) {
        o.reporter.info(`${o.branch} holds no result ${o.base} lacks, or could not be updated: ${b.message}`);
        return null;
    }
    o.reporter.info(b.message);
    checklist.carried = pushed.carried;
    const latest = latestOf(records, found.runIds);
    const result = pendingResult(latest, found.units, o, b.head ?? pushed.head);
    const listing = pendingChecklist(o, result, latest);
    const said = [];
    const r = await upsertListingBranch({ ...o, github, result }, listing, said);
    if (!r) {
        // No warning: no paid work is at stake (it is on the branch); the summary says why the PR is not open.
        checklist.prBlocked = listing.prBlocked;
        for (const w of said)
            o.reporter.info(w);
        return { branch: b, pullRequest: { operation: 'none' } };
    }
    warnings.push(...said);
    o.reporter.info(`${r.operation === 'created' ? 'Opened' : 'Updated'} #${r.pullRequest.number} for the results earlier runs left on ${o.branch}: ${pushed.carried.join(', ')}.`);
    const { number, url } = r.pullRequest;
    return { branch: b, pullRequest: { operation: r.operation, number, url } };
}
/** The remote bot branch when it holds complete bot commits the base lacks and no one else's commit. */
async function pendingBranch(o) {
    const sha = await o.git.fetchBranch(o.remote, o.branch);
    if (!sha)
        return null;
    await o.git.relateShallow(o.remote, o.baseSha, sha);
    if (await o.git.baseContains(o.baseSha, sha))
        return null;
    const commits = await o.git.commitsBetween(o.baseSha, sha);
    if (commits.some(c => isHumanCommit(c, o.identity))) {
        o.reporter.info(`${o.branch} has commits not made by ${o.identity.name}: no pull request opened for it.`);
        return null;
    }
    const bots = commits.filter(c => {
        const bot = botCommitOf(c);
        return bot !== null && !bot.partial;
    });
    if (bots.length === 0)
        return null;
    const runIds = new Set(bots.flatMap(c => trailer(c, TRAILER.run)));
    return { sha, runIds, units: unitsOf(bots) };
}
const trailer = (c, key) => trailersOf(c.message).get(key.toLowerCase()) ?? [];
/** The units complete bot commits hold (not kept partial), as synced with an unknown cost. */
function unitsOf(bots) {
    const out = new Map();
    for (const c of bots) {
        const basename = botCommitOf(c)?.basename ?? '';
        const partial = new Set(trailer(c, TRAILER.partial));
        for (const id of trailer(c, TRAILER.unit).filter(u => !partial.has(u))) {
            const language = id.startsWith(`${basename}_`) ? id.slice(basename.length + 1) : '';
            out.set(id, { id, basename, language, status: 'synced', operations: [], cost: null, reason: '' });
        }
    }
    return [...out.values()];
}
/** True (and said) when a closed or merged pull request had the branch at this very commit as its head. */
async function closedWithThisHead(o, github, sha) {
    const closed = await closedPullRequests(github, o.branch, o.base).catch((e) => {
        o.reporter.info(`Could not list the closed pull requests of ${o.branch}: ${e.message}`);
        return null;
    });
    if (!closed)
        return true;
    const pr = closed.find(p => p.headSha === sha);
    if (!pr)
        return false;
    o.reporter.info(`${o.branch} is where #${pr.number} left it (${pr.merged ? 'merged' : 'closed without merging'}): no ` +
        'pull request opened again; the next run with work opens a new one.');
    return true;
}
/**
 * The latest run among `runIds`, by its most complete record (a run killed before its end left only a partial
 * one, with the units it finished): the run whose checklist the pull request shows.
 */
function latestOf(records, runIds) {
    const mine = (0,state_record/* latestPerRun */.CZ)(records).filter(r => runIds.has(r.runId));
    return mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
/** The latest run's result as its record kept it; with no record (notes lost, `state-store: comment`), `units`. */
function pendingResult(r, units, o, head) {
    if (!r)
        return { budget: 0, spent: 0, units, branch: o.branch, head, baseSha: o.baseSha };
    return {
        budget: r.budget,
        spent: r.spent,
        units: r.units.map(({ fingerprint: _f, runReport: _r, ...u }) => u),
        branch: o.branch,
        head,
        baseSha: r.baseSha,
        ...(r.pddVersion ? { pddVersion: r.pddVersion } : {})
    };
}
/** The checklist of that run: its trigger, pdd version and workflow run; this run's prompt paths. */
function pendingChecklist(o, result, r) {
    const { runUrl: _u, notesSaved: _n, humanCommitBlock: _h, prBlocked: _p, ...rest } = o.checklist;
    return {
        ...rest,
        result,
        trigger: r?.trigger ?? o.checklist.trigger,
        pddVersion: r?.pddVersion,
        budgetExhausted: result.units.some(u => u.status === 'skipped-budget'),
        carried: undefined,
        ...(r ? { runUrl: runUrlOf(o.checklist.runUrl, r.runId) } : {})
    };
}
/** `…/actions/runs/<id>` of an earlier run of the same repository (its run id starts `<GITHUB_RUN_ID>-`). */
function runUrlOf(thisRun, runId) {
    const id = /^(\d+)-/.exec(runId)?.[1];
    if (!thisRun || !id || !/\/actions\/runs\/\d+$/.test(thisRun))
        return undefined;
    return thisRun.replace(/\d+$/, id);
}

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/publish.js










/**
 * Step 6 of docs/architecture.md: the bot branch (lease-protected, human commits respected), then the run record (notes,
 * retried; PR comment as fallback), then one pull request with the checklist — or, when nothing synced, the
 * stale pull request closed once the base holds its changes, or (`pending`) the pull request an earlier run
 * could not open, opened now (pending-pr.ts).
 */
async function publish(o) {
    const warnings = [];
    const checklist = { ...o.checklist, result: o.result };
    const found = await findPr(o, warnings);
    const existing = found ?? null;
    // A run with nothing to do and no open pull request: is there one an earlier run could not open?
    if (found === null && pendingApplies(o))
        return publishPending(o, checklist, warnings);
    const pushed = await pushStep(o, checklist, warnings);
    const { branch, synced } = pushed;
    let failed = pushed.failed;
    const onBranch = branch?.operation === 'pushed' || branch?.operation === 'unchanged';
    const notes = o.skipRecord
        ? { pushed: true, comment: false }
        : await saveNotes(o, onBranch && branch?.head ? branch.head : o.baseSha, warnings);
    if (!notes.pushed && o.stateStore !== 'comment')
        checklist.notesSaved = notes.error ?? false;
    let pr = { operation: 'none' };
    let prNumber = existing;
    if (o.github && onBranch) {
        const r = await upsertListingBranch(o, checklist, warnings);
        prNumber = r?.pullRequest ?? prNumber;
        if (r)
            pr = { operation: r.operation, number: r.pullRequest.number, url: r.pullRequest.url };
    }
    else if (o.github && existing && branch?.operation === 'human-commits') {
        const github = o.github;
        const none = { operation: 'none' };
        pr = await soft(warnings, `Could not update #${existing.number}`, none, async () => {
            const body = withPrefix(o.bodyPrefix, renderPullRequestBody(checklist, 60_000 - (o.bodyPrefix?.length ?? 0)));
            await github.updatePullRequest(existing.number, { body });
            const updated = {
                operation: 'updated',
                number: existing.number,
                url: existing.url
            };
            return updated;
        });
    }
    else if (o.github && existing && !synced) {
        pr = await soft(warnings, `Could not close #${existing.number}`, { operation: 'none' }, () => closeIfMerged(o, existing, warnings));
    }
    if (!o.skipRecord && (o.stateStore !== 'notes' || !notes.pushed))
        notes.comment = await saveComment(o, prNumber, notes.pushed, warnings);
    if (!o.skipRecord && !notes.pushed && !notes.comment)
        failed ??= `the run record was saved nowhere: ${notes.error ?? 'no pull request to keep it in'}`;
    return { branch, pullRequest: pr, notes, checklist, warnings, ...(failed ? { failed } : {}) };
}
/**
 * The bot branch: this run's head plus (with `carryExcept`) the earlier runs' results carried over, pushed
 * with the lease the carry-over was built on, retried when another run wins the race. `synced`: there is
 * something to publish beyond the base.
 */
async function pushStep(o, checklist, warnings) {
    const own = o.result.head ?? o.baseSha;
    if (own === o.baseSha && !o.carryExcept)
        return { branch: null, synced: false };
    try {
        const r = await pushCarried({
            git: o.git,
            remote: o.remote,
            branch: o.branch,
            head: own,
            base: o.baseSha,
            ran: o.carryExcept ?? new Set(),
            scratchRef: `refs/pdd-sync/publish/${o.branch}`,
            identity: o.identity,
            overwriteHumanCommits: o.overwriteHumanCommits,
            allowWorkflowChanges: o.allowWorkflowChanges,
            attempts: o.pushAttempts,
            sleep: o.sleep,
            sign: o.sign
        });
        if (r.carried.length > 0) {
            o.reporter.info(`Kept from the open bot branch: ${r.carried.join(', ')}.`);
            checklist.carried = r.carried;
        }
        const synced = r.head !== o.baseSha;
        if (r.head !== own) {
            o.result.head = r.head;
            await o.git.updateRef(o.localRef, r.head, await o.git.commitOf(o.localRef));
        }
        if (!synced)
            return { branch: null, synced };
        const b = r.branch;
        o.reporter.info(b.message);
        if (b.operation === 'human-commits')
            checklist.humanCommitBlock = b.message;
        if (b.operation === 'refused-workflows')
            checklist.prBlocked = b.message;
        if (b.operation !== 'lease-failed')
            return { branch: b, synced };
        checklist.prBlocked = b.message;
        warnings.push(b.message);
        return { branch: b, synced, failed: b.message };
    }
    catch (e) {
        if (!(e instanceof adapters_git/* GitError */.XS) && !(e instanceof GitHubError && o.sign))
            throw e;
        checklist.prBlocked =
            e instanceof adapters_git/* GitError */.XS
                ? pushFailure(o, e)
                : `Making the signed commits of ${o.branch} through the API failed; nothing was pushed: ${e.message}`;
        warnings.push(checklist.prBlocked);
        return { branch: null, synced: own !== o.baseSha, failed: checklist.prBlocked };
    }
}
/** Runs a publication step whose failure is a warning, not a failed run (the results are published anyway). */
async function soft(warnings, what, fallback, fn) {
    try {
        return await fn();
    }
    catch (e) {
        warnings.push(`${what}: ${e.message}`);
        return fallback;
    }
}
/** The open pull request of the bot branch: null when there is none, undefined when the lookup failed. */
async function findPr(o, warnings) {
    if (!o.github)
        return null;
    try {
        return await o.github.findOpenPullRequest(o.branch, o.base);
    }
    catch (e) {
        warnings.push(`Could not look up the open pull request of ${o.branch}: ${e.message}`);
        return undefined;
    }
}
async function saveNotes(o, object, warnings) {
    if (o.stateStore === 'comment')
        return { pushed: false, comment: false };
    const r = await writeRunRecord({
        git: o.git,
        remote: o.remote,
        ref: o.notesRef,
        object,
        record: o.record,
        identity: o.identity,
        sleep: o.sleep
    });
    if (r.pushed) {
        o.reporter.info(`Run record pushed to ${o.notesRef} on ${object.slice(0, 12)} (attempt ${r.attempts}).`);
        return { pushed: true, comment: false };
    }
    const error = `The run record could not be pushed to ${o.notesRef} after ${r.attempts} attempt(s): ${r.error ?? 'unknown error'}`;
    warnings.push(error);
    return { pushed: false, comment: false, error };
}
async function saveComment(o, pr, notesPushed, warnings) {
    if (!o.github || !pr) {
        if (!notesPushed)
            warnings.push('There is no pull request to keep the run record in: it is only in the job summary.');
        return false;
    }
    try {
        const r = await new CommentStore(o.github, pr.number, pr.author).write(o.record);
        o.reporter.info(`Run record kept in comment ${r.commentId} of #${pr.number}.`);
        return true;
    }
    catch (e) {
        warnings.push(`The run record could not be written to #${pr.number}: ${e.message}`);
        return false;
    }
}
async function closeIfMerged(o, pr, warnings) {
    if (!o.github || !o.deleteBranch)
        return { operation: 'none', number: pr.number, url: pr.url };
    const remote = await o.git.fetchBranch(o.remote, o.branch);
    if (remote)
        await o.git.relateShallow(o.remote, o.baseSha, remote);
    if (remote && !(await o.git.baseContains(o.baseSha, remote))) {
        o.reporter.info(`#${pr.number} still has changes the base lacks: left open.`);
        return { operation: 'none', number: pr.number, url: pr.url };
    }
    await closePullRequest(o.github, pr, `${o.base} already contains these changes.`);
    const d = remote
        ? await deleteBranch({ git: o.git, remote: o.remote, branch: o.branch, expectedSha: remote })
        : 'absent';
    if (d === 'lease-failed')
        warnings.push(`${o.branch} moved while it was being deleted; left in place.`);
    o.reporter.info(`Closed #${pr.number}: ${o.base} already contains its changes (branch ${d}).`);
    return { operation: 'closed', number: pr.number, url: pr.url };
}
/** Explains a refused push of the bot branch: usually a read-only token (a fork, missing `contents: write`). */
function pushFailure(o, e) {
    // The server's own words ("remote: Permission to … denied") come before git's summary lines.
    const said = e.stderr
        .split('\n')
        .map(l => l.replace(/^remote:\s*/, '').trim())
        .filter(l => l !== '' && !/^To |^error: failed to push/.test(l))
        .slice(-3)
        .join(' ');
    const denied = /\b403\b|permission|denied|not allowed|write access|read-only|authentication failed|could not read Username/i;
    if (denied.test(e.stderr)) {
        return (`The token cannot push ${o.branch}: give the job "permissions: contents: write" (a pull request from a ` +
            `fork only gets a read-only token), or pass a push-token that can write. Nothing was pushed; the results ` +
            `are in this summary. (${said})`);
    }
    return `Pushing ${o.branch} failed; nothing was pushed: ${said}`;
}

// EXTERNAL MODULE: ./build/tmp/js/src/action/plan-options.js
var plan_options = __webpack_require__(10422);
// EXTERNAL MODULE: ./build/tmp/js/src/settings/validate.js
var validate = __webpack_require__(7625);
;// CONCATENATED MODULE: ./build/tmp/js/src/trust/event.js
/**
 * The event's side of the trust rules (docs/architecture.md, "Trust"). Some events run with the base repository's
 * secrets and a write token even when a fork's pull request started them: `pull_request_target`, `issue_comment`
 * (a comment on a fork's pull request) and `workflow_run` (after a fork's `pull_request` run). A workflow that
 * checks out the fork's commit there would have pdd run a stranger's prompts, and their generated code and tests,
 * with the provider key (the "pwn request"). Pure: the caller reads the event, HEAD and, for a comment, the API.
 */
/** Events that get the base repository's secrets and a write token whoever started them. */
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'issue_comment', 'workflow_run'];
const obj = (v) => (v !== null && typeof v === 'object' ? v : {});
const event_text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/**
 * The fork code a privileged event is about, from its payload. `repository` is `GITHUB_REPOSITORY` (else the
 * payload's `repository.full_name`). A head repository GitHub gives as null (a deleted fork) counts as a fork.
 */
function forkFactsOf(trigger, payload, repository) {
    const p = obj(payload);
    const base = repository ?? event_text(obj(p.repository).full_name);
    const foreign = (repo, sha) => {
        const name = repo === null ? 'a deleted fork' : event_text(obj(repo).full_name);
        if (name === undefined || name === base)
            return { kind: 'none' };
        return { kind: 'fork', fork: { repo: name, ...(event_text(sha) ? { sha: event_text(sha) } : {}) } };
    };
    if (trigger === 'pull_request_target') {
        const head = obj(obj(p.pull_request).head);
        return foreign(head.repo, head.sha);
    }
    if (trigger === 'workflow_run') {
        const run = obj(p.workflow_run);
        return foreign(run.head_repository, run.head_sha);
    }
    if (trigger === 'issue_comment') {
        const issue = obj(p.issue);
        if (issue.pull_request === undefined || issue.pull_request === null)
            return { kind: 'none' };
        return { kind: 'ask', ...(typeof issue.number === 'number' ? { number: issue.number } : {}) };
    }
    return { kind: 'none' };
}
/**
 * Why this checkout must not be synced, or null. A privileged run about a fork's commit may sync only the base
 * commit the runner checks out by default (`GITHUB_SHA`): the fork's commit, a merge ref holding it, or any other
 * commit (the payload's head may be stale, the fork may have pushed since) is refused. Without `GITHUB_SHA`
 * (not in Actions), the fork's commit and a merge of it are refused, and anything when that commit is unknown.
 */
function untrustedCheckoutProblem(f) {
    if (!PRIVILEGED_TRIGGERS.includes(f.trigger) || !f.fork)
        return null;
    const sha = f.fork.sha;
    const from = `(${f.fork.repo})`;
    const what = sha === f.head
        ? f.trigger === 'pull_request_target'
            ? "the fork's pull request head"
            : `the fork's commit ${sha.slice(0, 12)} ${from}`
        : sha !== undefined && (f.parents ?? []).includes(sha)
            ? `a merge of the fork's commit ${sha.slice(0, 12)} ${from}`
            : f.githubSha
                ? f.githubSha !== f.head
                    ? `${f.head.slice(0, 12)}, not the base commit GITHUB_SHA ${f.githubSha.slice(0, 12)} (a pull request merge ref?)`
                    : null
                : sha === undefined
                    ? `${f.head.slice(0, 12)}, and neither GITHUB_SHA (the base) nor the fork's commit is known`
                    : null;
    if (what === null)
        return null;
    return (`A ${f.trigger} run from a fork has ${what} checked out: pdd would run a stranger's prompts, and the ` +
        "code and tests generated from them, with this repository's secrets and a write token. Refused; nothing was " +
        'installed or spent. Check out the base (actions/checkout without "ref"), or use the pull_request event.');
}
/** The message when a comment's pull request cannot be read, so whose commit is checked out is unknown. */
function unknownCommentCheckout(head, why) {
    return (`An issue_comment run on a pull request has ${head.slice(0, 12)} checked out, not GITHUB_SHA, and the pull ` +
        `request could not be read to tell whether that is a fork's commit (${why}). Refused; nothing was installed ` +
        'or spent. Check out the base (actions/checkout without "ref"), or give the action a token that can read it.');
}

;// CONCATENATED MODULE: ./build/tmp/js/src/trust/checkout.js
/**
 * The trust check of the checkout (event.ts) with what it reads: HEAD's parents from git, and for a comment on a
 * pull request, that pull request's head from the API (one GET, only when HEAD is not `GITHUB_SHA`). Runs before
 * pdd is installed or anything is spent.
 */

/** Throws, saying why, when a privileged event's run has a fork's code checked out. */
async function refuseUntrustedCheckout(c) {
    if (!PRIVILEGED_TRIGGERS.includes(c.trigger))
        return;
    const facts = forkFactsOf(c.trigger, c.payload, c.repository);
    if (facts.kind === 'none')
        return;
    // A comment's run with the base checked out is trusted whoever's pull request the comment is on: no API call.
    if (facts.kind === 'ask' && c.githubSha === c.head)
        return;
    const fork = facts.kind === 'fork' ? facts.fork : await commentFork(c, facts.number);
    if (!fork)
        return;
    const parents = fork.sha !== undefined && fork.sha !== c.head ? await parentsOf(c.readCommit, c.head) : [];
    const problem = untrustedCheckoutProblem({
        trigger: c.trigger,
        fork,
        head: c.head,
        parents,
        ...(c.githubSha ? { githubSha: c.githubSha } : {})
    });
    if (problem)
        throw new Error(problem);
}
/** The fork's commit the commented pull request holds, or null when its head is in this repository. */
async function commentFork(c, number) {
    if (number === undefined)
        throw new Error(unknownCommentCheckout(c.head, 'the event names no number'));
    if (!c.pullHead)
        throw new Error(unknownCommentCheckout(c.head, 'no token'));
    let pr;
    try {
        pr = await c.pullHead(number);
    }
    catch (e) {
        throw new Error(unknownCommentCheckout(c.head, e.message));
    }
    const base = c.repository ?? forkBase(c.payload);
    if (pr.repo !== null && pr.repo === base)
        return null;
    return { repo: pr.repo ?? 'a deleted fork', sha: pr.sha };
}
function forkBase(payload) {
    const repo = payload?.repository?.full_name;
    return typeof repo === 'string' ? repo : undefined;
}
/**
 * The parents of `commit` as its object lists them: a shallow checkout of a merge ref (depth 1) hides them from
 * `rev-parse HEAD^2`, not from the object.
 */
async function parentsOf(readCommit, commit) {
    const raw = await readCommit(commit);
    const header = raw.split('\n\n')[0] ?? '';
    return [...header.matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map(m => m[1] ?? '');
}

// EXTERNAL MODULE: ./build/tmp/js/src/settings/event-payload.js
var event_payload = __webpack_require__(72588);
;// CONCATENATED MODULE: ./build/tmp/js/src/action/run-context.js







/** The repository, the base and the bot branch, the API, and the planner's options. */
async function openRun(s, reporter, trust, control) {
    // Every fetch and push authenticates with the token per command, so `persist-credentials: false` works.
    const git = (await adapters_git/* Git */.TU.open(s.repoRoot))
        .withSecrets(trust.redactor.secrets)
        .withWarnings(m => reporter.warning(m))
        .withAuthIfPossible(s.publish.pushToken, s.github.serverUrl);
    // PR control runs from the bot pull request's base, never from its head (a bot branch).
    const base = control?.base ?? s.publish.base ?? s.github.refName ?? (await git.currentBranch());
    if (!base)
        throw new Error('Cannot tell the base branch (detached HEAD): set the "base" input.');
    const branch = s.publish.branch ?? `pdd-sync/${base}`;
    const current = await git.currentBranch();
    refuseBotBranch(branch, base, current, s.publish.branch !== undefined);
    if (current !== null && current !== base && !control)
        throw new Error(`The checkout is on branch "${current}", but the pull request would go into "${base}": the bot branch ` +
            `starts from the checkout, so it would carry the commits of "${current}" into "${base}". Check out ` +
            `"${base}" (actions/checkout with "ref: ${base}"), or set input "base" to "${current}". Nothing was run or pushed.`);
    if (control && current !== base)
        throw new Error(`Pull request #${control.number} targets "${base}", but the workspace has ${current ? `"${current}"` : 'a detached HEAD'} checked out: ` +
            'check out the base branch (actions/checkout with "ref: ${{ github.event.pull_request.base.ref }}"). Nothing was run.');
    const baseSha = await git.commitOf('HEAD');
    if (!baseSha)
        throw new Error(`${s.repoRoot} has no commit to start from.`);
    await refuseUntrustedCheckout({
        trigger: s.trigger,
        payload: (0,event_payload/* eventPayload */.Z)(),
        repository: s.github.repository,
        githubSha: s.github.sha,
        head: baseSha,
        readCommit: sha => git.objectText(sha),
        pullHead: pullHeadOf(s.publish.token, s.github.repository, s.github.apiUrl, trust.redactor)
    });
    const planned = s.fanOut.baseSha;
    if (planned && planned !== baseSha)
        throw new Error(`The checkout is at ${baseSha.slice(0, 12)}, not at base-sha ${planned.slice(0, 12)} (the commit the plan job ` +
            'planned): check it out (actions/checkout with ref: ${{ needs.plan.outputs.base-sha }}).');
    const github = apiFor(s, reporter, trust.redactor);
    if (s.publish.commits.sign && !github && !s.run.dryRun && !s.github.fork)
        reporter.warning('Input "sign-commits" needs the API (input "token"): the commits are pushed unsigned.');
    const planOptions = (0,plan_options/* planOptionsOf */.d)(s, await commentStores(s, github, branch, base, reporter));
    // A shard plans exactly its matrix leg's units, whatever started the workflow.
    if (s.mode === 'shard')
        planOptions.scope = { trigger: 'workflow_dispatch', units: s.units };
    return { s, reporter, git, base, baseSha, branch, github, planOptions, trust, control };
}
/** `sign-commits`: the API the bot branch's commits are made through; undefined: git pushes them. */
function signOf(ctx) {
    return ctx.s.publish.commits.sign && ctx.github ? { github: ctx.github } : undefined;
}
/** The repository, authenticated with the push token when there is one. */
function pushGitOf(ctx) {
    const p = ctx.s.publish;
    // ctx.git already carries the token when git can take it per command; on an older git, withAuth says why not.
    return p.pushToken && !ctx.git.canAuthenticate()
        ? ctx.git.withAuth(p.pushToken, ctx.s.github.serverUrl)
        : ctx.git;
}
/** Stops the run before anything is read, fetched or written when the bot branch is not a branch of its own. */
function refuseBotBranch(branch, base, current, given) {
    const baseProblem = (0,validate/* branchNameProblem */.hq)(base);
    if (baseProblem !== null)
        throw new Error(`The base branch "${base}" ${baseProblem}; set the "base" input to a branch name.`);
    const botBase = (0,validate/* botBaseProblem */.uZ)(base);
    if (botBase !== null)
        throw new Error(`The base branch "${base}" ${botBase}. Nothing was run or pushed.`);
    const problem = (0,validate/* botBranchProblem */.JA)(branch, { base, current });
    if (problem !== null)
        throw new Error(`${given ? 'Input "branch"' : 'The bot branch'} "${branch}" ${problem}. Nothing was run or pushed.`);
}
/** Reads a pull request's head for the trust check (a comment's run): one GET; null without a token. */
function pullHeadOf(token, repository, apiUrl, redactor) {
    if (!token || !repository)
        return null;
    return async (n) => {
        const pr = await new GitHub({ token, repository, baseUrl: apiUrl, redactor }).getPullRequest(n);
        if (pr.headSha === undefined || pr.headRepo === undefined)
            throw new Error(`the API did not give the head of #${n}`);
        return { repo: pr.headRepo, sha: pr.headSha };
    };
}
function apiFor(s, reporter, redactor) {
    if (!s.publish.token || !s.github.repository || s.run.dryRun || s.github.fork)
        return null;
    return new GitHub({
        token: s.publish.token,
        repository: s.github.repository,
        baseUrl: s.github.apiUrl,
        log: line => reporter.info(line),
        redactor
    });
}
/** The PR comment store, read by the planner when input `state-store` includes it. */
async function commentStores(s, github, branch, base, reporter) {
    if (!github || s.publish.stateStore === 'notes')
        return [];
    try {
        const pr = await github.findOpenPullRequest(branch, base);
        return pr ? [new CommentStore(github, pr.number, pr.author)] : [];
    }
    catch (e) {
        reporter.warning(`Could not read the run records kept in the pull request comment: ${e.message}`);
        return [];
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/action/publish-step.js


/** Step 6: the bot branch, the run record and the pull request. */
function publishStep(ctx, pushGit, r, ran = ranBasenames(r.result)) {
    const p = ctx.s.publish;
    return publish({
        git: pushGit,
        github: ctx.github,
        remote: 'origin',
        branch: ctx.branch,
        localRef: `refs/heads/${ctx.branch}`,
        base: ctx.base,
        baseSha: ctx.baseSha,
        result: r.result,
        record: r.record,
        notesRef: ctx.s.notesRef,
        stateStore: p.stateStore,
        identity: ctx.s.publish.commits.committer,
        title: p.title,
        labels: p.labels,
        people: p.people,
        bodyPrefix: p.bodyPrefix,
        draftOnFailure: p.draftOnFailure,
        deleteBranch: p.deleteBranch,
        overwriteHumanCommits: p.overwriteHumanCommits,
        allowWorkflowChanges: p.allowWorkflowChanges,
        checklist: r.checklist,
        reporter: ctx.reporter,
        skipRecord: r.skipRecord,
        pending: r.pending,
        sign: signOf(ctx),
        // Earlier unmerged results on the bot branch that this run did not redo are carried over.
        carryExcept: r.skipRecord ? undefined : ran
    });
}
/** Basenames this run synced or tried: their earlier results on the bot branch are superseded. */
function ranBasenames(r) {
    return new Set(r.units.filter(u => u.status !== 'unchanged').map(u => u.basename));
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

;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/reservations.js




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
    return withNotesLock(o.git, async () => {
        const attempts = Math.max(1, o.attempts ?? 5);
        for (let attempt = 1;; attempt++) {
            if (o.remote !== null)
                await pullNotes(o.git, o.remote, o.ref, o.identity);
            const settled = await rewrite(o);
            if (o.remote === null || settled.length === 0)
                return settled;
            try {
                await o.git.pushNotes(o.remote, o.ref);
                return settled;
            }
            catch (e) {
                const text = e instanceof adapters_git/* GitError */.XS ? e.stderr : e.message;
                if (!isRetryablePushError(text) || attempt >= attempts)
                    throw e;
                await new Promise(resolve => setTimeout(resolve, backoffDelay(attempt)));
            }
        }
    });
}
async function rewrite(o) {
    const settled = [];
    for (const month of monthsAround((o.now ?? (() => new Date()))())) {
        const key = reservationKey(month);
        const text = (await o.git.readNote(o.ref, key)) ?? '';
        const latest = new Map();
        for (const r of (0,state_record/* parseNote */.wd)(text).reservations.filter(x => o.match(x.runId))) {
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
            .filter(l => l !== '' && !(0,state_record/* parseNote */.wd)(l).reservations.some(r => drop.has(r.runId)));
        for (const r of changed) {
            const createdAt = new Date(Date.parse(r.createdAt) + 1).toISOString();
            lines.push((0,state_record/* formatRecord */.bM)({ ...r, createdAt, amount: Math.max(0, o.amount(r)) }));
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

;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/report.js

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
    const bad = v.result.units.findIndex(u => !(0,state_record/* isRecordUnit */.sg)(u));
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
const report_round = (n) => Math.round(n * 1e6) / 1e6;
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
        budget: report_round([...o.reported.map(r => r.shard), ...o.missing.map(s => s.shard)].reduce((a, k) => a + (share.get(k) ?? 0), 0)),
        spent: report_round(parts.reduce((a, p) => a + p.spent, 0)),
        units
    };
    const overshoot = report_round(rs.reduce((a, r) => a + (r.overshoot ?? 0), 0));
    if (overshoot > 0)
        result.overshoot = overshoot;
    if (rs.some(r => r.cancelled))
        result.cancelled = true;
    const version = rs.find(r => r.pddVersion)?.pddVersion;
    if (version)
        result.pddVersion = version;
    const estimated = rs.filter(r => r.estimatedCost !== undefined);
    if (estimated.length > 0)
        result.estimatedCost = report_round(estimated.reduce((a, r) => a + (r.estimatedCost ?? 0), 0));
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
    const earlier = parseFinalized(marker);
    const earlierUnits = parsePartial(marker);
    const reports = new Map();
    for (const spec of o.specs) {
        const text = await git.readFileAt((0,adapters_git/* shardRef */.yU)(o.runKey, spec.shard), 'shard.json');
        if (text === null)
            continue;
        try {
            const r = parseShardReport(text);
            const wrong = reportProblem(r, o.runKey, o.baseSha, spec.shard);
            if (wrong) {
                o.reporter.warning(`Shard ${spec.shard} ${wrong}: left out.`);
                continue;
            }
            const { report, dropped } = confineReport(r, spec);
            if (dropped.length > 0)
                o.reporter.warning(`Shard ${spec.shard} reported units that are not its own, or twice: ${[...new Set(dropped)].join(', ')}; ignored.`);
            reports.set(spec.shard, report);
        }
        catch (e) {
            o.reporter.warning(`Shard ${spec.shard} left an unreadable report: ${e.message}.`);
        }
    }
    const outcomes = sortShards(o.specs, reports, earlier, earlierUnits);
    const result = combineResults(outcomes, o.specs, o.known);
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
    const whole = outcomes.reported.filter(isComplete).map(r => r.shard);
    const published = [...new Set([...earlier, ...whole])].sort((a, b) => a - b);
    const partial = {};
    for (const [k, ids] of earlierUnits)
        if (!whole.includes(k))
            partial[k] = [...ids];
    for (const r of outcomes.reported.filter(x => !isComplete(x)))
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
    await releaseShardReservations(o).catch((e) => o.reporter.warning(`Could not release the shards' spend reservations: ${e.message}`));
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

;// CONCATENATED MODULE: ./build/tmp/js/src/action/finalize.js











/**
 * `mode: finalize` (docs/architecture.md "Modes"): the shards' refs replayed onto the bot branch as one run,
 * then the publish step of `mode: run` (lease, human commits, carry-over, one run record, one pull request),
 * then the run's refs deleted. Units of a leg that never reported are failed: "shard <k> did not report".
 */
async function finalizeAction(s, reporter, trust = (0,action/* actionTrust */.j)(s, process.env), uploader = defaultUploader()) {
    const ctx = await openRun(s, reporter, trust);
    const specs = s.fanOut.matrix ?? [];
    const planned = await planMatrix(ctx, specs);
    const known = new Map(planned.plan.units.map(u => [u.id, { basename: u.basename, language: u.language }]));
    const runId = s.github.runId ? `${s.github.runId}-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}` : (0,external_node_crypto_.randomUUID)();
    const co = {
        git: pushGitOf(ctx),
        remote: 'origin',
        runKey: s.fanOut.runKey ?? '',
        baseSha: ctx.baseSha,
        specs,
        known,
        identity: s.publish.commits.committer,
        reporter,
        notesRef: s.notesRef
    };
    const collected = await collectStep(co);
    const { result } = collected;
    const spend = await budgetUnderCaps({
        git: co.git,
        remote: null,
        notesRef: s.notesRef,
        identity: s.publish.commits.committer,
        runId,
        budget: result.budget,
        caps: s.caps,
        read: planned.spend,
        reserve: false,
        reporter
    });
    const record = await recordStep(ctx, result, runId);
    const checklist = checklistOfRun(s, planned, collected);
    const outcome = outcomeOf(s, ctx.branch, { planned, result, checklist, record, spend });
    const published = await reporter
        .group('Publish', () => publishStep(ctx, co.git, { result, record, checklist, skipRecord: result.units.length === 0 }, reportedBasenames(collected)))
        .catch((e) => publishThrew(e, checklist));
    for (const w of published.warnings)
        reporter.warning(w);
    if (!published.failed)
        await closeRun(co, collected);
    const rescue = published.failed ? await rescueOf(ctx, result, record, uploader) : undefined;
    return { ...outcome, checklist: published.checklist, published, ...(rescue ? { rescue } : {}) };
}
/** Moves the local bot branch to the collected head and makes the run record of the whole run. */
async function recordStep(ctx, result, runId) {
    const localRef = `refs/heads/${ctx.branch}`;
    await ctx.git.updateRef(localRef, result.head ?? ctx.baseSha, await ctx.git.commitOf(localRef));
    result.branch = ctx.branch;
    return toRunRecord(result, {
        runId,
        trigger: ctx.s.trigger,
        baseSha: ctx.baseSha,
        createdAt: new Date().toISOString(),
        pddVersion: result.pddVersion
    });
}
/** The plan of the matrix's units at the base: prompt paths for the checklist, spend for the caps report. */
function planMatrix(ctx, specs) {
    const ids = specs.flatMap(x => x.units);
    const scope = { trigger: 'workflow_dispatch', units: ids.length > 0 ? ids : ['-'] };
    return ctx.reporter.group('Plan', () => (0,plan/* planRepository */._B)({ ...ctx.planOptions, scope }, ctx.reporter));
}
/** The shards' refs gathered into one run, saying which shard did not report or did not finish. */
async function collectStep(co) {
    const { reporter } = co;
    const collected = await reporter.group('Collect the shards', () => collectShards(co));
    const { outcomes } = collected;
    for (const m of outcomes.missing)
        reporter.warning(`Shard ${m.shard} did not report: its units are listed as failed (${m.units.join(', ')}).`);
    for (const r of outcomes.reported.filter(x => x.complete === false))
        reporter.warning(`Shard ${r.shard} did not finish: what it did is published, the rest listed as failed.`);
    if (outcomes.earlier.length > 0)
        reporter.info(`Published by an earlier finalize of this run: shard(s) ${outcomes.earlier.join(', ')}.`);
    return collected;
}
/** The checklist of the whole run: the plan's prompt paths and contexts, and those the shards reported. */
function checklistOfRun(s, planned, collected) {
    const base = checklistOf(s, planned, collected.result, collected.result.pddVersion);
    return {
        ...base,
        promptPaths: { ...base.promptPaths, ...collected.promptPaths },
        contextOf: { ...base.contextOf, ...collected.contextOf }
    };
}
/** Basenames the reported shards synced or tried (a missing shard's earlier results stay carried over). */
function reportedBasenames(c) {
    return new Set(c.outcomes.reported.flatMap(r => r.result.units.filter(u => u.status !== 'unchanged').map(u => u.basename)));
}
function rescueOf(ctx, result, record, uploader) {
    return keepWork({
        git: ctx.git,
        branch: ctx.branch,
        baseSha: ctx.baseSha,
        result,
        record,
        uploader,
        reporter: ctx.reporter
    });
}

// EXTERNAL MODULE: ./build/tmp/js/src/types.js
var types = __webpack_require__(67696);
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
function budget_dollars(x) {
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
        return budget_dollars(this.spentSoFar);
    }
    /** Dollars held by running groups. */
    get reserved() {
        let r = 0;
        for (const a of this.reservations.values())
            r += a.amount;
        return budget_dollars(r);
    }
    /** What a new group could be admitted for now. */
    get available() {
        return Math.max(0, budget_dollars(this.total - this.spentSoFar - this.reserved));
    }
    /** Whether a group of this estimate could ever start, once running groups release their reservations. */
    couldFit(estimate) {
        return budget_dollars(this.total - this.spentSoFar) >= budget_dollars(estimate) && this.total - this.spentSoFar > 0;
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
        const need = budget_dollars(Math.max(0, estimate));
        if (available <= 0 || available < need)
            return null;
        const amount = need === 0 ? available : budget_dollars(Math.min(available, need * this.headroom));
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
        const a = { group, amount, estimate: budget_dollars(Math.max(0, estimate)) };
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
        const booked = budget_dollars(known ? cost : a.amount);
        this.spentSoFar += booked;
        const b = { group, booked, costKnown: known, overshoot: budget_dollars(Math.max(0, booked - a.amount)) };
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
        return f === null ? table : budget_dollars(table * f);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: ./build/tmp/js/src/adapters/process.js
var adapters_process = __webpack_require__(51391);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/executables.js
/** Finding executables the way the OS would, without running them. */


/** Whether `file` is a regular file this process may execute. */
function isExecutable(file) {
    try {
        if (!(0,external_node_fs_.statSync)(file).isFile())
            return false;
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The executable file `name` in `env`'s PATH (absolute entries only when `absoluteOnly`), or null. */
function findOnPath(name, env, absoluteOnly = false) {
    const key = Object.keys(env).find(k => k.toUpperCase() === 'PATH') ?? 'PATH';
    for (const dir of (env[key] ?? '').split(external_node_path_.delimiter)) {
        if (dir === '' || (absoluteOnly && !external_node_path_.isAbsolute(dir)))
            continue;
        const file = external_node_path_.join(dir, name);
        if (isExecutable(file))
            return file;
    }
    return null;
}

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
    const r = await (0,adapters_process/* runProcess */.R)(python, ['-c', QUERY], {
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
        return findOnPath(file, env, true);
    return isExecutable(external_node_path_.resolve(file)) ? external_node_path_.resolve(file) : null;
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
        return isExecutable(shebang[1]) ? shebang[1] : null;
    }
    finally {
        await handle.close();
    }
}

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
        child.on('exit', () => (0,adapters_process/* killGroup */.i)(child.pid, 'SIGKILL'));
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
        (0,adapters_process/* killGroup */.i)(this.pid, 'SIGTERM');
        this.kill = setTimeout(() => (0,adapters_process/* killGroup */.i)(this.pid, 'SIGKILL'), this.graceMs);
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

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/runtime-install.js
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
    const dir = external_node_path_.join(o.toolDir, `${o.name}-${o.version}-${process.platform}-${process.arch}`);
    // esbuild (under tsx) ships one binary per platform, so the key holds platform and architecture.
    const key = `pdd-sync-${o.name}-${process.platform}-${process.arch}-node${node}-${o.name}-${o.version}`;
    const nodeModules = external_node_path_.join(dir, 'node_modules');
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
    return (0,external_node_fs_.existsSync)(external_node_path_.join(dir, '.complete')) && (0,external_node_fs_.existsSync)(external_node_path_.join(dir, 'node_modules', '.bin', name));
}
/** `<bin> --version` answers with the pinned version. */
async function works(dir, o) {
    const r = await (0,adapters_process/* runProcess */.R)(external_node_path_.join(dir, 'node_modules', '.bin', o.name), ['--version'], {
        cwd: dir,
        env: o.env
    }).catch(() => null);
    return r?.code === 0 && `${r.stdout}\n${r.stderr}`.includes(o.version);
}
async function build(dir, o) {
    o.reporter.info(`Installing ${o.name} ${o.version} into ${dir}.`);
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
    // A package.json of its own keeps npm from walking up into a project above the tool cache.
    await (0,promises_.writeFile)(external_node_path_.join(dir, 'package.json'), '{"private":true}\n');
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts'];
    const r = await (0,adapters_process/* runProcess */.R)('npm', [...args, `${o.name}@${o.version}`], {
        cwd: dir,
        env: { ...o.env, npm_config_update_notifier: 'false' }
    }).catch((e) => ({ code: -1, stdout: '', stderr: e.message }));
    if (r.code !== 0) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        const tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n');
        throw new RuntimeInstallError(`npm install ${o.name}@${o.version} failed (exit code ${r.code}): ${tail}. PDD runs TypeScript with ` +
            '`npx tsx`; add an actions/setup-node step, or check that the npm registry is reachable.');
    }
    await (0,promises_.writeFile)(external_node_path_.join(dir, '.complete'), `${o.version}\n`);
}
/** The major version of the `node` PDD will run (`20`); part of the cache key. */
async function nodeMajor(env) {
    const r = await (0,adapters_process/* runProcess */.R)('node', ['--version'], { cwd: external_node_path_.sep, env }).catch(() => null);
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
    const link = external_node_path_.join(dir, 'node_modules');
    if (lstatSafe(link))
        return;
    (0,external_node_fs_.symlinkSync)(nodeModules, link, 'dir');
}
function lstatSafe(p) {
    try {
        (0,external_node_fs_.lstatSync)(p);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./build/tmp/js/src/state/contained.js
var contained = __webpack_require__(58474);
// EXTERNAL MODULE: ./build/tmp/js/src/state/load.js + 2 modules
var load = __webpack_require__(41643);
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

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
;// CONCATENATED MODULE: ./build/tmp/js/src/pycompat/csv.js
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
    (0,sync/* parse */.qg)(buf, {
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
        const rec = csv_take(buf, cursor, end);
        out.push({ ...rec, fields: record, ...closingQuoteProblem(record, rec.raw) });
    }
    if (unclosed !== null) {
        const rec = csv_take(buf, cursor, buf.length);
        // Python keeps the open field up to the end of the file: the same as closing the quote there.
        const fields = (0,sync/* parse */.qg)(`${rec.raw}"`, { relax_quotes: true, relax_column_count: true })[0] ?? [];
        out.push({ ...rec, fields, problem: 'a quoted field never ends' });
    }
    return out;
}
/** The text from the cursor to `end`, after the blank lines it skips; moves the cursor past it. */
function csv_take(buf, cursor, end) {
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
        (0,sync/* parse */.qg)(raw, { relax_column_count: true, record_delimiter: RECORD_DELIMITERS });
        return {};
    }
    catch (e) {
        return e instanceof sync/* CsvError */.J$ && e.code === 'CSV_INVALID_CLOSING_QUOTE'
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
    const records = readCsv(text);
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
    const head = readCsv(before)[0];
    const header = head?.fields?.map(f => f.trim()) ?? [];
    if (!header.includes('cost'))
        return { rows: [], problems: [`not a PDD cost CSV header: ${clip(head?.raw)}`] };
    // Line numbers stay those of the whole file.
    const offset = before.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(before) ? 1 : 0);
    const records = readCsv(after.slice(before.length)).map(r => ({ ...r, line: r.line + offset }));
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
    const message = renderCommitMessage({
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
        if (!(e instanceof adapters_git/* SecretInFileError */._Z))
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
    const t = reason_oneLine(s);
    if (t.length <= max)
        return t;
    const cut = t.slice(0, max - 1);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}
/** Whitespace runs (newlines too) become one space. */
function reason_oneLine(s) {
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
    const text = reason_oneLine(row.details.join(' '));
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
    const models = modelsFailed([reason_oneLine(rest)]);
    if (models)
        return failure_reason_clip(withPhase(/Exception during '([^']+)'/.exec(rest)?.[1] ?? phase, models));
    return failure_reason_clip(reason_oneLine(rest));
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
    pdd_argv_validate(opts);
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
function pdd_argv_validate(opts) {
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
            linkNodeModules(place.scratch, ctx.nodeModules);
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
    const run = await runPdd({
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

;// CONCATENATED MODULE: ./build/tmp/js/src/execute/group-timing.js
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
        (0,external_node_fs_.appendFileSync)(file, JSON.stringify({ t: Math.round(t * 10) / 10, ev, ...(group ? { group } : {}) }) + '\n');
    }
    catch {
        // A debugging aid: a timeline that cannot be written never fails the run.
    }
}

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
        const timer = groupTimer(g.id, r.planOptions.env, r.reporter);
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
        g.estimate = budget_dollars(g.estimate + u.estimatedCost);
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
class worktree_pool_WorktreePool {
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
    const groups = new Set(planned.plan.units.filter(u => hasWork(u.operation)).map(u => u.basename)).size;
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
    timelineMark('execute', o.planOptions.env);
    const refs = o.git.withRefTransactions();
    try {
        return await executeOn(o, refs);
    }
    finally {
        await refs.closeRefTransactions();
        timelineMark('executed', o.planOptions.env);
    }
}
/** {@link executePlan}, the bot branch moved through `refs`. */
async function executeOn(o, refs) {
    const ledger = new BudgetLedger(o.budget);
    // The bot branch is reset beside the first groups' worktrees and restores; no pdd starts before it is.
    const bot = BotBranch.start(refs, o.branch, o.base, o.identity ?? BOT);
    const reset = bot.ready.then(() => timelineMark('bot-branch', o.planOptions.env));
    reset.catch(() => undefined);
    const places = o.places ?? new worktree_pool_WorktreePool(o.git, 2 * Math.max(1, o.concurrency));
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
    timelineMark('scheduled', o.planOptions.env);
    if (!o.places)
        await closePool(places, o.reporter);
    // A bot branch that could not be reset fails the run, as before any group starts (none of them spent).
    await reset;
    const units = execute_unitsOf(o.planned, scheduled, runs, cannotRun);
    return {
        budget: o.budget,
        spent: ledger.spent,
        units,
        branch: o.branch,
        head: bot.head,
        baseSha: o.base,
        overshoot: budget_dollars(ledger.history.reduce((a, b) => a + b.overshoot, 0)),
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
function execute_unitsOf(p, scheduled, runs, cannotRun) {
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
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
var languages = __webpack_require__(14422);
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
function checkRuntimes(planned, env, opts = {}) {
    const missing = new Map();
    const onPath = (exe) => findOnPath(exe, env) !== null;
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
    const missing = checkRuntimes(planned, env, opts);
    const needTsx = planned.plan.units
        .filter(u => (0,types/* hasWork */.OJ)(u.operation) && !missing.has(u.id))
        .filter(u => runtimeNeeds(u.language).some(n => n.npxTool === 'tsx'))
        .map(u => u.id);
    let nodeModules;
    if (needTsx.length > 0) {
        const version = where.tsxVersion ?? PINNED_TSX_VERSION;
        try {
            const tsx = await installNodeTool({ name: 'tsx', version, ...where, reporter, env });
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
        found: exe => findOnPath(exe, env) !== null || commonCliPaths(exe, home).some(isExecutable),
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
                { missing: reported(checkRuntimes(o.planned, env, check), o.reporter) };
    return executePlan({
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
    return planned.plan.units.some(u => (0,types/* hasWork */.OJ)(u.operation) && !cannot.has(u.id));
}
function reported(missing, reporter) {
    for (const [id, why] of missing)
        reporter.warning(`${id} is skipped (nothing spent): ${why}`);
    return missing;
}

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
function catalog_parseCatalog(text) {
    if (lastParsed?.text === text)
        return lastParsed.parsed;
    const parsed = parseCatalogText(text);
    lastParsed = { text, parsed };
    return parsed;
}
function parseCatalogText(text) {
    const table = readCsvLikePandas(text);
    if ('error' in table)
        return { kind: 'unreadable', reason: table.error };
    const col = new Map(table.columns.map((h, i) => [h, i]));
    const missing = REQUIRED.find(c => !col.has(c));
    if (missing)
        return { kind: 'invalid', reason: `it has no "${missing}" column` };
    const rows = table.rows.map(({ cells }) => {
        const cell = (name) => cells[col.get(name) ?? -1] ?? '';
        const elo = catalog_num(cell('coding_arena_elo')) ?? 0;
        const input = catalog_num(cell('input')) ?? 0;
        const output = catalog_num(cell('output')) ?? 0;
        return {
            provider: cell('provider'),
            model: cell('model'),
            apiKey: cell('api_key'),
            avgCost: (input + output) / 2,
            rank: catalog_num(cell('model_rank_score')) ?? elo,
            interactiveOnly: ['true', '1', 'yes'].includes(cell('interactive_only').trim().toLowerCase()),
            location: cell('location').trim()
        };
    });
    return { kind: 'ok', rows };
}
/** `pd.to_numeric(errors='coerce')`: a decimal number, else undefined (NaN). */
function catalog_num(s) {
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
    const envText = pddPathDir ? catalog_source_readOrNull(external_node_path_.join(pddPathDir, '.env')) : await read('.env');
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
    return catalog_source_isFile(file) ? { label, text: catalog_source_readOrNull(file) ?? '' } : null;
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
function catalog_source_readOrNull(p) {
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
    let parsed = catalog ? catalog_parseCatalog(catalog.text) : null;
    if (parsed?.kind === 'unreadable' && i.catalog) {
        // pd.read_csv failed: PDD warns and loads its packaged catalog instead.
        catalog = i.packaged;
        parsed = catalog ? catalog_parseCatalog(catalog.text) : null;
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
        return { status: 'fail', message: push_access_refused(o, `a dry-run push failed: ${firstLines(dry.stderr)}`) };
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
        message: push_access_refused(o, `GET /repos/${o.repository ?? '{owner}/{repo}'} reports permissions.push = false for the token`)
    };
}
function push_access_refused(o, why) {
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
    parseCatalog(packagedCatalog.csv);
}
/** The environment pdd gets, as far as the credential check reads it (`--local` sets PDD_FORCE_LOCAL). */
function pddEnvironment(cloud, env) {
    return cloud ? { ...env } : { ...env, PDD_FORCE_LOCAL: '1' };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/preflight/preflight-step.js
/**
 * The action's "Check before spending" step (docs/architecture.md "Trust"): {@link checkBeforeSpending} with the
 * push check through the REST API. Apart from preflight.ts so that the command line, which never pushes through
 * the API, does not load the GitHub client (docs/architecture.md "Bundle").
 */


/** The action's step between plan and provide-pdd. */
async function preflightStep(ctx) {
    const { s } = ctx;
    const pushToken = s.publish.pushToken;
    const api = pushToken && s.github.repository
        ? new GitHub({ token: pushToken, repository: s.github.repository, baseUrl: s.github.apiUrl })
        : null;
    await ctx.reporter.group('Check before spending', () => checkBeforeSpending({
        git: ctx.git,
        commit: ctx.baseSha,
        repoRoot: s.repoRoot,
        env: pddEnvironment(s.run.pddCloud, ctx.pddEnv),
        pddVersion: s.run.pddCommand ? undefined : s.run.pddVersion,
        strength: s.run.strength,
        cloud: s.run.pddCloud,
        push: s.github.fork
            ? undefined
            : {
                git: pushToken ? ctx.git.withAuth(pushToken, s.github.serverUrl) : ctx.git,
                remote: 'origin',
                branch: ctx.branch,
                api,
                repository: s.github.repository,
                pushTokenGiven: s.publish.pushToken !== s.publish.token
            },
        reporter: ctx.reporter
    }));
}

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

;// CONCATENATED MODULE: ./build/tmp/js/src/publish/incremental.js


/**
 * Publishes paid work while the run goes on (docs/architecture.md, "Trust"): after a group lands, the bot branch (carried over
 * and lease-protected as in the final publish) and a partial run record are pushed, so a job killed later keeps
 * what it paid for. One publication at a time; progress offered meanwhile is coalesced into the next round, so
 * groups that finish together cost one push. Failures are warnings: the final publish still runs.
 */
class IncrementalPublisher {
    o;
    latest = null;
    running = null;
    closed = false;
    /** Milliseconds each round took (branch and record), for the log and the measurements. */
    rounds = [];
    constructor(o) {
        this.o = o;
    }
    /** Queues a publication of `p` (the newest progress wins); returns at once. */
    offer(p) {
        if (this.closed)
            return;
        this.latest = p;
        this.running ??= this.drain();
    }
    /** Stops taking progress and waits for the round in flight (the final publish must come after it). */
    async close() {
        this.closed = true;
        this.latest = null;
        while (this.running)
            await this.running;
    }
    async drain() {
        while (this.latest) {
            const p = this.latest;
            this.latest = null;
            const started = Date.now();
            await this.publishOnce(p).catch((e) => this.o.reporter.warning(`Could not publish the progress so far (the final publish will retry): ${e.message}`));
            this.rounds.push(Date.now() - started);
        }
        this.running = null;
    }
    async publishOnce(p) {
        const o = this.o;
        let object = o.baseSha;
        if (p.head !== o.baseSha) {
            const r = await pushCarried({
                git: o.git,
                remote: o.remote,
                branch: o.branch,
                head: p.head,
                base: o.baseSha,
                ran: new Set(p.units.map(u => u.basename)),
                scratchRef: `refs/pdd-sync/progress/${o.branch}`,
                identity: o.identity,
                overwriteHumanCommits: o.overwriteHumanCommits,
                allowWorkflowChanges: o.allowWorkflowChanges,
                attempts: 2,
                sign: o.sign
            });
            if (r.branch.operation === 'pushed' || r.branch.operation === 'unchanged')
                object = r.branch.head ?? o.baseSha;
            else
                o.reporter.info(`Progress not pushed to ${o.branch}: ${r.branch.message}`);
        }
        if (o.stateStore === 'comment')
            return;
        const w = await writeRunRecord({
            git: o.git,
            remote: o.remote,
            ref: o.notesRef,
            object,
            record: o.record(p.units),
            identity: o.identity,
            attempts: 3
        });
        const done = p.units.length;
        if (w.pushed)
            o.reporter.info(`Progress published: ${done} unit(s) finished, on ${object.slice(0, 12)}.`);
        else
            o.reporter.info(`Progress record not pushed (${w.error ?? 'unknown'}); the final publish will retry.`);
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/actions-cache.js
/** `@actions/cache`, imported when first used: a chunk of its own that a run without a cache never loads. */
const actionsCache = () => Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(88), __webpack_require__.e(142)]).then(__webpack_require__.bind(__webpack_require__, 60142));
/** {@link DirectoryCache} backed by the GitHub Actions cache service; a no-op where the service is absent. */
class ActionsCache {
    async restore(dir, key) {
        const cache = await actionsCache();
        if (!cache.isFeatureAvailable())
            return false;
        return (await cache.restoreCache([dir], key)) === key;
    }
    async save(dir, key) {
        const cache = await actionsCache();
        if (!cache.isFeatureAvailable())
            return;
        try {
            await cache.saveCache([dir], key);
        }
        catch (e) {
            // Another job saved the same key first: that cache is as good as ours.
            if (e.name === 'ReserveCacheError')
                return;
            throw e;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/find-python.js
/**
 * Finding the Python that builds pdd-cli's venv: on PATH (`@actions/io`), in the runner's tool cache, where
 * actions/setup-python installs it (`@actions/tool-cache`), and in pyenv.
 */





/** A failure to provide `pdd`, with a message that says what to change. */
class InstallError extends Error {
    name = 'InstallError';
}
/**
 * Finds a Python ≥ 3.12 (pdd-cli's requirement) and checks it by running it: the requested version on `env.PATH`,
 * in `env.RUNNER_TOOL_CACHE` (highest matching version first) or in pyenv; without a request, the first of
 * python3.13, python3.12, python3 on PATH, then the highest ≥ 3.12 in the tool cache, then pyenv's.
 */
async function findPython(requested, env) {
    if (requested !== undefined && !/^3\.\d+(\.\d+)?$/.test(requested))
        throw new InstallError(`Input "python-version" must look like 3.12 or 3.12.7; got "${requested}".`);
    const tried = [];
    for (const file of await candidates(requested, env)) {
        tried.push(file);
        const r = await (0,adapters_process/* runProcess */.R)(file, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
            cwd: (0,external_node_os_.homedir)(),
            env
        }).catch(() => null);
        const full = r?.code === 0 ? r.stdout.trim() : '';
        const [major, minor] = full.split('.').map(Number);
        if (!full || major !== 3 || (minor ?? 0) < 12)
            continue;
        if (requested && !`${full}.`.startsWith(`${requested}.`))
            continue;
        return { file, version: `${major}.${minor}`, full };
    }
    const want = requested ? `Python ${requested}` : 'Python ≥ 3.12 (pdd-cli needs it)';
    throw new InstallError(`No ${want} was found (tried ${tried.join(', ') || 'nothing'}). Add an actions/setup-python step with ` +
        `python-version: '3.12' before this action, or set the "python-version" input to one the runner has.`);
}
async function candidates(requested, env) {
    const names = requested
        ? [`python${requested.split('.').slice(0, 2).join('.')}`, 'python3']
        : ['python3.13', 'python3.12', 'python3'];
    const out = await onPath(names, env.PATH ?? '');
    const spec = requested === undefined ? '>=3.12' : requested.split('.').length === 3 ? requested : `${requested}.x`;
    if (env.RUNNER_TOOL_CACHE) {
        // Loaded only here (it brings @actions/exec and semver): a run with nothing to install never pays for it.
        const tc = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805));
        out.push(...inToolCache(tc, env.RUNNER_TOOL_CACHE, spec));
    }
    out.push(...inPyenv(env.PYENV_ROOT ?? external_node_path_.join((0,external_node_os_.homedir)(), '.pyenv'), requested));
    return [...new Set(out)];
}
/**
 * The executables among `<dir>/<name>` for each directory of `PATH` (the given one: `io.which` of a bare name
 * would search the process's own PATH, so it is asked about each full path, which it checks is executable).
 */
async function onPath(names, PATH) {
    const out = [];
    for (const dir of PATH.split(external_node_path_.delimiter).filter(Boolean))
        for (const name of names) {
            const file = await io/* which */.K7(external_node_path_.join(dir, name), false);
            if (file)
                out.push(file);
        }
    return out;
}
/**
 * `<tool cache>/Python/<version>/<arch>/bin/python3` for each complete version matching `spec` (`3.12.x`,
 * `3.12.7`, `>=3.12`), highest first: the layout actions/setup-python leaves (`<arch>.complete` marks a finished
 * install). `@actions/tool-cache` reads `RUNNER_TOOL_CACHE` from the process environment, so it is set to the given
 * one for the (synchronous) look-ups.
 */
function inToolCache(tc, root, spec) {
    return withToolCacheRoot(root, () => {
        const versions = tc.findAllVersions('Python');
        const out = [];
        for (let best = tc.evaluateVersions(versions, spec); best; best = tc.evaluateVersions(versions, spec)) {
            versions.splice(versions.indexOf(best), 1);
            const dir = tc.find('Python', best);
            if (dir)
                out.push(external_node_path_.join(dir, 'bin', 'python3'));
        }
        return out;
    });
}
function withToolCacheRoot(root, fn) {
    const before = process.env.RUNNER_TOOL_CACHE;
    process.env.RUNNER_TOOL_CACHE = root;
    try {
        return fn();
    }
    finally {
        if (before === undefined)
            delete process.env.RUNNER_TOOL_CACHE;
        else
            process.env.RUNNER_TOOL_CACHE = before;
    }
}
/** `<PYENV_ROOT>/versions/<version>/bin/python3`, highest version first. */
function inPyenv(root, requested) {
    const versions = external_node_path_.join(root, 'versions');
    return listDir(versions)
        .filter(v => v.startsWith(requested ?? '3.'))
        .sort(byVersionDesc)
        .map(v => external_node_path_.join(versions, v, 'bin', 'python3'));
}
function listDir(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return [];
    }
}
function byVersionDesc(a, b) {
    const pa = a.split('.').map(n => parseInt(n, 10) || 0);
    const pb = b.split('.').map(n => parseInt(n, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pb[i] ?? 0) - (pa[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/adapters/pdd-install.js







/**
 * pytest and pytest-cov, pinned: PDD runs the generated tests with them and reads coverage from pytest-cov, so a
 * new release must not change a run's verdict unnoticed. Part of the venv's cache key (and of its `.complete`
 * stamp), so changing a pin builds a new venv. The versions scripts/setup-pdd-venv.sh installs for the tests.
 */
const TEST_TOOLS = ['pytest==9.0.3', 'pytest-cov==7.1.0'];
/**
 * Provides the pinned `pdd-cli` in a venv under the tool cache, restored from (and saved to) the job cache keyed
 * by pdd version, Python version, OS and architecture. A restored venv is used only when `pdd --version`
 * answers with the right version; otherwise it is rebuilt.
 */
async function installPdd(o) {
    if (!/^[0-9][0-9A-Za-z.+-]*$/.test(o.version))
        throw new InstallError(`Input "pdd-version" must be a pdd-cli version such as 0.0.310; got "${o.version}".`);
    const py = await findPython(o.pythonVersion, o.env);
    const venv = external_node_path_.join(o.toolDir, `pdd-cli-${o.version}-py${py.version}-${process.platform}-${process.arch}`);
    // The full Python version: a venv points at its interpreter's path, which holds the patch version in the tool
    // cache and pyenv, so a venv cached for 3.12.7 is dead on a runner that has 3.12.8.
    const key = `pdd-sync-venv-${process.platform}-${process.arch}-py${py.full}-pdd-cli-${o.version}-${TEST_TOOLS.join('-')}`;
    const pdd = external_node_path_.join(venv, 'bin', 'pdd');
    let cacheHit = false;
    const stamp = `${o.version} ${TEST_TOOLS.join(' ')}\n`;
    if (!pdd_install_ready(venv, stamp) && o.cache) {
        cacheHit = await o.cache.restore(venv, key).catch((e) => {
            o.reporter.warning(`Could not restore the pdd-cli venv from the cache: ${e.message}`);
            return false;
        });
    }
    if (pdd_install_ready(venv, stamp)) {
        const version = await pddVersion([pdd], o.env).catch(() => null);
        if (version === o.version)
            return { command: [pdd], version, python: py.file, venv, cacheHit };
        o.reporter.warning(`The venv in ${venv} does not answer \`pdd --version\` with ${o.version}: rebuilding it.`);
    }
    await pdd_install_build(venv, py.file, o, stamp);
    const version = await pddVersion([pdd], o.env).catch((e) => {
        throw new InstallError(`pdd-cli ${o.version} was installed but does not start: ${e.message}`);
    });
    if (o.cache)
        await o.cache.save(venv, key).catch((e) => o.reporter.warning(`Cache not saved: ${e.message}`));
    return { command: [pdd], version, python: py.file, venv, cacheHit: false };
}
/** A finished venv for this pdd-cli and these test tools (its `.complete` stamp names both). */
function pdd_install_ready(venv, stamp) {
    const file = external_node_path_.join(venv, '.complete');
    return (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.readFileSync)(file, 'utf8') === stamp && (0,external_node_fs_.existsSync)(external_node_path_.join(venv, 'bin', 'pdd'));
}
async function pdd_install_build(venv, python, o, stamp) {
    o.reporter.info(`Installing pdd-cli ${o.version} with ${python} into ${venv}.`);
    await (0,promises_.rm)(venv, { recursive: true, force: true });
    await (0,promises_.mkdir)(external_node_path_.dirname(venv), { recursive: true });
    const step = async (what, file, args) => {
        const r = await (0,adapters_process/* runProcess */.R)(file, args, { cwd: external_node_path_.dirname(venv), env: { ...o.env, PIP_NO_INPUT: '1' } });
        if (r.code !== 0) {
            await (0,promises_.rm)(venv, { recursive: true, force: true });
            const tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n');
            throw new InstallError(`${what} failed (exit code ${r.code}):\n${tail}`);
        }
    };
    await step(`Creating a venv with ${python}`, python, ['-m', 'venv', venv]);
    // pytest and pytest-cov: PDD runs the generated tests with them and reads coverage from pytest-cov.
    await step(`pip install pdd-cli==${o.version}`, external_node_path_.join(venv, 'bin', 'python'), [
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        '--quiet',
        `pdd-cli==${o.version}`,
        ...TEST_TOOLS
    ]);
    await (0,promises_.writeFile)(external_node_path_.join(venv, '.complete'), stamp);
}

// EXTERNAL MODULE: ./build/tmp/js/src/trust/job.js
var job = __webpack_require__(59323);
;// CONCATENATED MODULE: ./build/tmp/js/src/action/provide-pdd.js






/** Installs (or checks) pdd before any unit is touched. */
async function providePddStep(ctx) {
    const withheld = (0,job/* withheldLine */.W)(ctx.trust.pddEnv);
    if (withheld)
        ctx.reporter.info(withheld);
    const pdd = await ctx.reporter.group('Install pdd', () => providePdd(ctx.s, ctx.reporter, ctx.trust));
    ctx.reporter.info(`Using pdd-cli ${pdd.version} (${pdd.command.join(' ')}).`);
    return pdd;
}
/** `pdd-command` as given (its version read, see `pddVersion`), else the pinned pdd-cli from the cached venv. */
async function providePdd(s, reporter, trust) {
    if (s.run.pddCommand) {
        const version = await pddVersion(s.run.pddCommand, trust.pddEnv.env).catch((e) => {
            throw new Error(`Input "pdd-command" (${s.run.pddCommand?.join(' ')}) does not work: ${e.message}`);
        });
        return { command: s.run.pddCommand, version };
    }
    const installed = await installPdd({
        version: s.run.pddVersion,
        pythonVersion: s.run.pythonVersion,
        toolDir: toolDir(),
        cache: new ActionsCache(),
        reporter,
        // pip and the venv's python run with pdd's environment too: a package's install hook sees no token.
        env: trust.pddEnv.env
    });
    reporter.info(`pdd-cli ${installed.version} in ${installed.venv} (${installed.cacheHit ? 'restored from the cache' : 'installed'}).`);
    return installed;
}
/** The action's folder in the runner's tool cache (pdd-cli's venv, tsx). */
function toolDir() {
    return external_node_path_.join(process.env.RUNNER_TOOL_CACHE ?? external_node_path_.join((0,temp/* scratchRoot */.P)(), 'pdd-sync-tools'), 'pdd-sync');
}

// EXTERNAL MODULE: ./build/tmp/js/src/plan/log.js
var log = __webpack_require__(75927);
;// CONCATENATED MODULE: ./build/tmp/js/src/publish/pending.js







/**
 * Units whose work an earlier run already did on the open bot branch (not merged yet): the branch's files for
 * them are in sync by the planner, run on that branch with the recorded state, and their prompt and included
 * files are the same in the base as there. Running them again would pay twice for the same result; the caller
 * plans them as `nothing`, and carry-over keeps their commits. Returns unit id → reason. A group counts only as
 * a whole, so a group with any other unit to do runs as usual.
 */
async function syncedOnBotBranch(o) {
    const found = new Map();
    const work = o.planned.plan.units.filter(u => (0,types/* hasWork */.OJ)(u.operation));
    if (work.length === 0)
        return found;
    const remote = await o.git.fetchBranch(o.remote, o.branch);
    if (!remote)
        return found;
    await o.git.relateShallow(o.remote, o.baseSha, remote);
    const commits = await o.git.commitsBetween(o.baseSha, remote);
    if (commits.length === 0 || commits.some(c => isHumanCommit(c, o.identity)))
        return found;
    const done = new Set(commits.map(c => botCommitOf(c)).flatMap(b => (b && !b.partial ? [b.basename] : [])));
    const prefix = external_node_path_.relative(o.git.root, await (0,promises_.realpath)(o.planOptions.repoRoot))
        .split(external_node_path_.sep)
        .join('/');
    const inRepo = (p) => (prefix === '' ? p : `${prefix}/${p}`);
    const candidates = [];
    for (const u of work) {
        const unit = o.planned.units.get(u.id)?.unit;
        if (!unit || !done.has(u.basename))
            continue;
        const inputs = [unit.paths.prompt, ...unit.includes].map(inRepo);
        if (await o.git.sameContent(o.baseSha, remote, inputs))
            candidates.push(u);
    }
    if (candidates.length === 0)
        return found;
    const dir = external_node_path_.join((0,temp/* scratchRoot */.P)(), `pdd-sync-pending-${(0,external_node_crypto_.randomUUID)()}`);
    await o.git.addWorktree(dir, remote);
    try {
        const there = await (0,plan/* planRepository */._B)({
            ...o.planOptions,
            repoRoot: external_node_path_.join(dir, prefix),
            scope: { trigger: 'workflow_dispatch', units: candidates.map(u => u.id) }
        }, quiet);
        const inSync = new Set(there.plan.units.filter(u => (0,types/* isInSync */.tU)(u.operation)).map(u => u.id));
        const groups = new Set(candidates.map(u => u.basename));
        for (const b of groups) {
            const members = work.filter(u => u.basename === b);
            if (!members.every(u => inSync.has(u.id)))
                continue;
            for (const u of members)
                found.set(u.id, `synced on ${o.branch} by an earlier run, not merged yet (${u.operation} planned on the base)`);
        }
    }
    finally {
        await o.git.removeWorktree(dir);
    }
    if (found.size > 0)
        o.reporter.info(`Already synced on ${o.branch}, not run again: ${[...found.keys()].join(', ')}.`);
    return found;
}
const quiet = {
    info: () => undefined,
    notice: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    group: (_n, f) => f()
};

;// CONCATENATED MODULE: ./build/tmp/js/src/action/plan-step.js





/** Step 4: the plan, less the units an earlier run already synced on the open bot branch, logged unit by unit. */
function planStep(ctx) {
    return ctx.reporter.group('Plan', async () => {
        const planned = await (0,plan/* planRepository */._B)(ctx.planOptions, ctx.reporter);
        const onBotBranch = !ctx.s.run.dryRun && !ctx.s.github.fork ? await skipPending(ctx, planned) : 0;
        (0,log/* logPlan */.u)(planned.plan, ctx.reporter);
        return Object.assign(planned, { onBotBranch });
    });
}
/**
 * The budget the daily and monthly caps leave this run, from the spend the run records hold; with a cap and
 * work to do, reserved in the notes before anything is installed, so that runs started together stay under it.
 */
async function spendStep(ctx, planned, runId, anyWork) {
    const s = ctx.s;
    return budgetUnderCaps({
        git: pushGitOf(ctx),
        remote: 'origin',
        notesRef: s.notesRef,
        identity: s.publish.commits.committer,
        runId,
        budget: s.budget,
        caps: s.caps,
        read: planned.spend,
        reserve: anyWork && !s.run.dryRun && !s.github.fork && s.publish.stateStore !== 'comment',
        reporter: ctx.reporter
    });
}
/** Plans as `nothing` the units an earlier run already synced on the open bot branch (see pending.ts): how many. */
async function skipPending(ctx, planned) {
    const { git, branch, baseSha, planOptions, reporter } = ctx;
    const o = {
        git,
        remote: 'origin',
        branch,
        baseSha,
        planned,
        planOptions,
        identity: ctx.s.publish.commits.committer,
        reporter
    };
    const pending = await syncedOnBotBranch(o).catch((e) => {
        reporter.warning(`Could not check ${branch} for results of earlier runs: ${e.message}`);
        return new Map();
    });
    for (const u of planned.plan.units) {
        const why = pending.get(u.id);
        if (!why)
            continue;
        planned.plan.estimatedCost = Math.max(0, planned.plan.estimatedCost - u.estimatedCost);
        Object.assign(u, { operation: 'nothing', reason: why, estimatedCost: 0 });
    }
    return pending.size;
}

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
        const r = parseShardReport(text ?? '');
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
    const paths = session_pathsOf(o.planned);
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
    await settleReservations({
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
function session_pathsOf(planned) {
    const promptPaths = {};
    const contextOf = {};
    for (const u of planned.plan.units) {
        promptPaths[u.id] = u.paths.prompt;
        if (u.context)
            contextOf[u.id] = u.context;
    }
    return { promptPaths, contextOf };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/action/shard-step.js





/**
 * The job's run id (its spend reservation's, its record's): `<GITHUB_RUN_ID>-<random>`, and for `mode: shard`
 * `<run key>-shard-<k>-<random>`, so that finalize can release every shard's reservation of the run.
 */
function jobRunId(ctx) {
    const { s } = ctx;
    const random = (0,external_node_crypto_.randomUUID)().slice(0, 8);
    if (s.mode === 'shard')
        return shardRunId(s.fanOut.runKey ?? '', s.fanOut.shard ?? 0, random);
    return s.github.runId ? `${s.github.runId}-${random}` : (0,external_node_crypto_.randomUUID)();
}
/**
 * `mode: shard`, before anything is spent: resumes from the shard's ref when an earlier attempt left a report
 * there, and reports to it after each group that lands (see fanout/session.ts).
 */
function openShard(ctx, planned, runId) {
    const { s } = ctx;
    return startShard({
        git: pushGitOf(ctx),
        remote: 'origin',
        runKey: s.fanOut.runKey ?? '',
        shard: s.fanOut.shard ?? 0,
        attempt: process.env.GITHUB_RUN_ATTEMPT,
        baseSha: ctx.baseSha,
        budget: s.budget,
        planned,
        identity: s.publish.commits.committer,
        redactor: ctx.trust.redactor,
        reporter: ctx.reporter,
        reservation: { ref: s.notesRef, runId }
    });
}
/**
 * `mode: shard` instead of the publish step: the shard's last report (`complete: true`, or what finished when
 * cancelled) goes to its per-run ref; nothing else is written. The result, job summary and outputs hold this
 * attempt's units and those an earlier attempt finished.
 */
async function shardStep(ctx, session, result, planned, version) {
    const shard = ctx.s.fanOut.shard ?? 0;
    const { ref, result: whole } = await ctx.reporter.group('Report the shard', () => session.finish(result));
    const checklist = checklistOf(ctx.s, planned, whole, version);
    if (ref === null) {
        const notPublished = `shard ${shard}: another attempt reported instead`;
        return { result: whole, checklist, published: null, notPublished };
    }
    ctx.reporter.info(`Shard ${shard} reported to ${ref}.`);
    const notPublished = `shard ${shard}: pushed to ${ref}; the finalize job publishes it`;
    return { result: whole, checklist, published: null, notPublished };
}

// EXTERNAL MODULE: ./build/tmp/js/src/plan/estimate.js
var estimate = __webpack_require__(99419);
// EXTERNAL MODULE: ./build/tmp/js/src/plan/glob.js
var glob = __webpack_require__(60135);
;// CONCATENATED MODULE: ./build/tmp/js/src/fanout/leg.js
/**
 * The units of one matrix leg (docs/architecture.md "Modes"). The plan job writes unit ids, and a shard plans
 * them with the `units` scope, whose patterns also match basenames and prompt paths: the id `calc_python` is also
 * the basename of `calc_python_python.prompt`, a unit the plan job may have put in another leg. Two jobs would
 * then pay for it and race on its files. A leg entry that is a unit's id selects that unit only; an entry that is
 * no id (a hand-written glob) keeps selecting by pattern.
 */



/** The units of `planned` that `leg` selects; units without work stay (they cost nothing). */
function unitsOfLeg(planned, leg) {
    const ids = new Set(planned.map(u => u.id));
    const exact = new Set(leg.filter(e => ids.has(e)));
    const globs = leg
        .filter(e => !ids.has(e))
        .map(glob/* compileGlob */.SO)
        .filter((g) => g instanceof RegExp);
    return planned.filter(u => !(0,types/* hasWork */.OJ)(u.operation) ||
        exact.has(u.id) ||
        (globs.length > 0 && (0,glob/* matchesAny */._I)(globs, [u.id, u.basename, u.paths.prompt])));
}
/**
 * Narrows a shard's plan to its leg, in place (see {@link unitsOfLeg}); returns the ids left out, which another
 * leg runs.
 */
function narrowToLeg(planned, leg) {
    const keep = new Set(unitsOfLeg(planned.plan.units, leg).map(u => u.id));
    const dropped = planned.plan.units.filter(u => !keep.has(u.id)).map(u => u.id);
    if (dropped.length === 0)
        return [];
    planned.plan.units = planned.plan.units.filter(u => keep.has(u.id));
    planned.plan.estimatedCost = (0,estimate/* roundCost */.eB)(planned.plan.units.reduce((a, u) => a + u.estimatedCost, 0));
    return dropped;
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

;// CONCATENATED MODULE: ./build/tmp/js/src/action/log-step.js

/** The run's log artifact (docs/architecture.md "Logs"): uploaded after the syncs, whatever they did. */
async function logStep(ctx, dir, runId, uploader) {
    const logs = await uploadLogs({
        dir,
        uploader,
        name: `pdd-sync-logs-${runId}`,
        redactor: ctx.trust.redactor,
        runUrl: ctx.s.github.runUrl
    });
    if (logs)
        ctx.reporter.info(logs.message);
    return logs;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/control/reply.js

const MAX_LISTED = 30;
function reply_list(names) {
    const shown = names.slice(0, MAX_LISTED).map(n => (0,markdown/* codeSpan */.SS)(oneLine(n, 200)));
    return shown.join(', ') + (names.length > MAX_LISTED ? `, … (${names.length - MAX_LISTED} more)` : '');
}
/** The reply comment. */
function replyBody(r) {
    const who = `@${oneLine(r.by, 100)} ${r.how}`;
    const lines = [];
    const ran = r.result?.units.filter(u => r.selection.ids.includes(u.id)) ?? [];
    if (ran.length === 0) {
        const why = r.notRun ?? 'no unit was selected';
        lines.push(`pdd-sync: nothing was re-run (${who}): ${escapeText(oneLine(why, 300))}.`);
    }
    else {
        const results = ran.map(u => `${(0,markdown/* codeSpan */.SS)(oneLine(u.id, 200))} ${u.status}`).join(', ');
        const spent = r.result ? dollars(r.result.spent) : '$0.00';
        lines.push(`pdd-sync re-ran ${ran.length === 1 ? '1 unit' : `${ran.length} units`} (${who}): ${results}.`);
        lines.push(`Spent ${spent} of a ${dollars(r.result?.budget ?? 0)} budget.`);
    }
    if (r.publishFailed)
        lines.push(`The results could not be published: ${escapeText(oneLine(r.publishFailed, 300))}.`);
    for (const i of r.selection.ignored.slice(0, MAX_LISTED))
        lines.push(`Ignored ${reply_list([i.name])}: ${escapeText(oneLine(i.why, 200))}.`);
    if (r.runUrl)
        lines.push(`[Workflow run](${linkUrl(r.runUrl)})`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./build/tmp/js/src/control/commands.js
/**
 * The pull request as a control surface (docs/architecture.md, "PR control"), the pure part: which units' boxes a
 * person ticked in an edit of the bot PR's body, which `/pdd-sync retry …` command a comment holds, and which units
 * of the current plan a request selects. No I/O.
 *
 * A checklist marker (`<!-- pdd-sync:unit=<id> status=<status> -->`) is trusted for one thing only: "this box is
 * that unit's". Its `status` is never read; the units a request selects are re-checked against the plan.
 */


/** One line of a task list with the action's marker at its end: `- [x] … <!-- pdd-sync:unit=a status=b -->`. */
const TASK = /^[ \t]*[-*+][ \t]+\[([ xX])\][ \t].*<!-- pdd-sync:unit=([\w./@+%-]+) status=[a-z-]+ -->[ \t]*$/;
const MARKER_START = '<!-- pdd-sync:';
const MAX_PATTERNS = 50;
const MAX_PATTERN_LENGTH = 200;
/** Lines of `text` with CRLF (a body saved in the browser) and lone CR read as line ends. */
function lines(text) {
    return text.replace(/\r\n?/g, '\n').split('\n');
}
/**
 * The lines of Markdown `text` outside fenced code blocks (``` or ~~~, closed by a fence of the same character at
 * least as long), so that a marker quoted in a code block is never read as a box.
 */
function outsideFences(text) {
    const out = [];
    let fence = null;
    for (const line of lines(text)) {
        const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
        if (fence !== null) {
            if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1])
                fence = null;
            continue;
        }
        if (m?.[1]) {
            fence = m[1];
            continue;
        }
        out.push(line);
    }
    return out;
}
/** The unit id a marker spells (percent-encoded as `unitMarker` writes it), or null when it does not decode. */
function decodeId(raw) {
    try {
        const id = decodeURIComponent(raw);
        return id === '' ? null : id;
    }
    catch {
        return null;
    }
}
/** Ticked and unticked boxes per unit id, of the task lines that carry exactly one marker, at their end. */
function boxes(body) {
    const out = new Map();
    for (const line of outsideFences(body)) {
        if (line.split(MARKER_START).length !== 2)
            continue;
        const m = TASK.exec(line);
        const id = m?.[2] ? decodeId(m[2]) : null;
        if (!m || id === null)
            continue;
        const c = out.get(id) ?? { ticked: 0, open: 0 };
        if (m[1] === ' ')
            c.open++;
        else
            c.ticked++;
        out.set(id, c);
    }
    return out;
}
/**
 * The units whose box an edit changed from `[ ]` to `[x]`: `before` had an open box for the unit and `after` has
 * more ticked boxes for it than `before` had. In the order of `after`; each id once.
 */
function tickedUnits(before, after) {
    const was = boxes(before);
    const ticked = [];
    for (const [id, now] of boxes(after)) {
        const old = was.get(id);
        if (old && old.open > 0 && now.ticked > old.ticked)
            ticked.push(id);
    }
    return ticked;
}
/**
 * The first `/pdd-sync` command of a comment (a line of its own, outside code blocks and quotes), or null when
 * the comment holds none. `/pdd-sync retry failed` and `/pdd-sync retry <id or glob>…` (space- or
 * comma-separated) are known; any other `/pdd-sync` line is a {@link BadCommand}.
 */
function parseCommand(comment) {
    const line = outsideFences(comment)
        .map(l => l.trim())
        .find(l => /^\/pdd-sync(\s|$)/.test(l));
    if (line === undefined)
        return null;
    const words = line.split(/\s+/).slice(1);
    const usage = 'write `/pdd-sync retry failed` or `/pdd-sync retry <unit id or glob>`';
    if (words[0] !== 'retry')
        return { kind: 'invalid', problem: `unknown command; ${usage}` };
    const args = words.slice(1).flatMap(w => (0,validate/* splitGlobList */.Je)(w));
    if (args.length === 0)
        return { kind: 'invalid', problem: `no unit named; ${usage}` };
    if (args.includes('failed'))
        return args.length === 1
            ? { kind: 'retry-failed' }
            : { kind: 'invalid', problem: '`failed` stands alone: `/pdd-sync retry failed`' };
    if (args.length > MAX_PATTERNS)
        return { kind: 'invalid', problem: `at most ${MAX_PATTERNS} units or globs at once` };
    const long = args.find(a => a.length > MAX_PATTERN_LENGTH);
    if (long !== undefined)
        return { kind: 'invalid', problem: `a glob longer than ${MAX_PATTERN_LENGTH} characters` };
    return { kind: 'retry', patterns: args };
}
/**
 * The units of the plan a request selects. Ticked ids must be ids of the plan; globs match the id, the basename
 * or the prompt path (as input `units` does); `retry-failed` takes the plan's units in `failed`.
 */
function selectUnits(request, plan, failed) {
    const known = new Set(plan.map(u => u.id));
    if (request.kind === 'tick') {
        return {
            ids: request.ids.filter(id => known.has(id)),
            ignored: request.ids
                .filter(id => !known.has(id))
                .map(name => ({ name, why: 'not a unit of the current plan' }))
        };
    }
    if (request.kind === 'retry-failed')
        return { ids: plan.filter(u => failed.has(u.id)).map(u => u.id), ignored: [] };
    const chosen = new Set();
    const ignored = [];
    for (const p of request.patterns) {
        const g = (0,glob/* compileGlob */.SO)(p);
        if (!(g instanceof RegExp)) {
            ignored.push({ name: p, why: g.error });
            continue;
        }
        const hits = plan.filter(u => [u.id, u.basename, u.prompt].some(n => g.test(n)));
        if (hits.length === 0)
            ignored.push({ name: p, why: 'matches no unit of the current plan' });
        for (const u of hits)
            chosen.add(u.id);
    }
    return { ids: plan.filter(u => chosen.has(u.id)).map(u => u.id), ignored };
}

;// CONCATENATED MODULE: ./build/tmp/js/src/control/decide.js



/** The identity `GITHUB_TOKEN` acts as. */
const ACTIONS_BOT = 'github-actions[bot]';
/** Comment authors GitHub gives write access or membership. */
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const WRITE = new Set(['admin', 'maintain', 'write']);
/** Whether `head` is a bot branch: `branch` when the input names one, else any `pdd-sync/…`. */
function isBotHead(head, branch) {
    if (head === undefined)
        return false;
    return branch !== undefined ? head === branch : head.startsWith(validate/* BOT_BRANCH_PREFIX */.CA);
}
/**
 * Who is the action itself: `github-actions[bot]`, and the bot pull request's author (the identity of the token
 * that opened it: a PAT's user, an App's bot). Their edits and comments never start a run: no loops.
 */
function isSelf(login, prAuthor) {
    return login === ACTIONS_BOT || (prAuthor !== undefined && prAuthor !== '' && login === prAuthor);
}
/** What `ev` asks for; `api` is null without a token (then nothing can be checked, and nothing runs). */
async function decideControl(ev, o) {
    if (!ev)
        return { kind: 'none' };
    if (ev.event === 'pull_request')
        return decideEdit(ev, o);
    return decideComment(ev, o);
}
async function decideEdit(ev, o) {
    if (!isBotHead(ev.headRef, o.branch))
        return { kind: 'none' };
    const on = (0,markdown/* said */.ag) `pull request #${ev.number} (${ev.headRef ?? ''})`;
    // A fork may name its branch pdd-sync/main: ticking a box on its pull request asks the bot for nothing.
    if (fromElsewhere(ev.headRepo, o.repository))
        return ignore((0,markdown/* said */.ag) `pull request #${ev.number} is from a fork (${ev.headRepo ?? 'deleted'}), not the bot's`);
    if (ev.action !== 'edited' || ev.bodyFrom === undefined || ev.body === undefined)
        return ignore((0,markdown/* said */.ag) `a "${ev.action}" event on the bot's ${on} asks for no run (only ticking a box does)`);
    if (isSelf(ev.sender.login, ev.prAuthor))
        return ignore((0,markdown/* said */.ag) `the edit of ${on} was made by the action's own identity (${ev.sender.login})`);
    const ids = tickedUnits(ev.bodyFrom, ev.body);
    if (ids.length === 0)
        return ignore((0,markdown/* said */.ag) `the edit of ${on} ticked no unit's box`);
    if (!ev.baseRef)
        return ignore((0,markdown/* said */.ag) `the event does not name the base branch of ${on}`);
    const denied = await permissionProblem(ev.sender.login, o.api);
    if (denied)
        return ignore(denied);
    const how = `ticked ${ids.length === 1 ? 'a box' : `${ids.length} boxes`}`;
    return {
        kind: 'run',
        number: ev.number,
        base: ev.baseRef,
        request: { kind: 'tick', ids },
        by: ev.sender.login,
        how
    };
}
async function decideComment(ev, o) {
    const c = ev.comment;
    if (!ev.onPullRequest || !c)
        return ignore((0,markdown/* said */.ag) `the comment is on issue #${ev.number}, not on a pull request`);
    const command = parseCommand(c.body);
    if (command === null)
        return ignore((0,markdown/* said */.ag) `the comment on #${ev.number} holds no /pdd-sync command`);
    if (ev.action !== 'created')
        return ignore((0,markdown/* said */.ag) `a comment that was ${ev.action || 'changed'} is not acted on`);
    if (isSelf(c.author, ev.prAuthor) || ev.sender.type === 'Bot')
        return ignore((0,markdown/* said */.ag) `the comment was written by the action's own identity or a bot (${c.author})`);
    if (!TRUSTED_ASSOCIATIONS.has(c.association))
        return ignore((0,markdown/* said */.ag) `${'@' + c.author} is ${c.association} on this repository; only people with write access may ask`);
    if (!o.api)
        return ignore((0,markdown/* said */.ag) `no token: the pull request the comment is on cannot be read`);
    const pr = await o.api.getPullRequest(ev.number);
    if (!isBotHead(pr.headRef, o.branch))
        return ignore((0,markdown/* said */.ag) `pull request #${ev.number} is not the bot's`);
    // A fork may name its branch pdd-sync/main: its pull request is still not the bot's.
    if (fromElsewhere(pr.headRepo, o.repository))
        return ignore((0,markdown/* said */.ag) `pull request #${ev.number} is from a fork (${pr.headRepo ?? 'deleted'}), not the bot's`);
    if (pr.state !== 'open')
        return ignore((0,markdown/* said */.ag) `pull request #${ev.number} is closed`);
    if (command.kind === 'invalid')
        return ignore((0,markdown/* said */.ag) `the command is not understood: ${command.problem}`, {
            number: ev.number,
            body: `@${c.author} pdd-sync did not run: ${command.problem}.`
        });
    return { kind: 'run', number: ev.number, base: pr.baseRef, request: command, by: c.author, how: 'asked' };
}
/** Whether a pull request's head repository (null: deleted) is known and not `repository` (`owner/name`). */
function fromElsewhere(headRepo, repository) {
    return repository !== undefined && headRepo !== undefined && headRepo !== repository;
}
/** Why `login` may not start a run, or null when they have write access. */
async function permissionProblem(login, api) {
    if (!api)
        return (0,markdown/* said */.ag) `no token: the permission of ${login} cannot be checked`;
    const p = await api.collaboratorPermission(login);
    if (WRITE.has(p.permission) || WRITE.has(p.role))
        return null;
    return (0,markdown/* said */.ag) `${login} has ${p.role || p.permission} access; only people with write access may re-run units`;
}
function ignore(why, reply) {
    const d = { kind: 'ignore', reason: why.text, markdown: why.markdown };
    return reply ? { ...d, reply } : d;
}

;// CONCATENATED MODULE: ./build/tmp/js/src/control/run-control.js
/**
 * PR control in a run (docs/architecture.md, "PR control"): decide from the event whether to run, narrow the plan
 * to the units asked for, and answer with a comment. The decision and the selection are in decide.ts and
 * commands.ts; this file joins them to the API, the plan and the reporter.
 */





/** The REST API for PR control: null without a token or a repository. */
function controlApi(s, redactor) {
    if (!s.publish.token || !s.github.repository)
        return null;
    return new GitHub({
        token: s.publish.token,
        repository: s.github.repository,
        baseUrl: s.github.apiUrl,
        redactor
    });
}
/** What the event asks for; an API error means no run (said in the reason), never a run of everything. */
async function controlDecision(s, api) {
    try {
        return await decideControl(s.prEvent, {
            branch: s.publish.branch,
            api,
            repository: s.github.repository
        });
    }
    catch (e) {
        const why = (0,markdown/* said */.ag) `could not check the request: ${e.message}`;
        return { kind: 'ignore', reason: why.text, markdown: why.markdown };
    }
}
/** Unit ids whose latest recorded run failed. */
function failedIds(planned) {
    const out = new Set();
    for (const u of planned.plan.units)
        if (planned.history.forUnit(u.id)[0]?.unit.status === 'failed')
            out.add(u.id);
    return out;
}
/**
 * Narrows the plan (every unit in scope) to the units `control` selects, in place, and says which ones and what
 * was ignored. The units' states stay in `planned.units` for the executor.
 */
function narrowPlan(planned, control, reporter) {
    const refs = planned.plan.units.map(u => ({ id: u.id, basename: u.basename, prompt: u.paths.prompt }));
    const selection = selectUnits(control.request, refs, failedIds(planned));
    const keep = new Set(selection.ids);
    planned.plan.units = planned.plan.units.filter(u => keep.has(u.id));
    planned.plan.estimatedCost = (0,estimate/* roundCost */.eB)(planned.plan.units.reduce((a, u) => a + u.estimatedCost, 0));
    reporter.info(`PR control: ${control.by} ${control.how} on #${control.number}; re-running ${selection.ids.length} unit(s)` +
        (selection.ids.length > 0 ? `: ${selection.ids.join(', ')}` : '') +
        '.');
    for (const i of selection.ignored)
        reporter.warning(`PR control: ignored "${i.name}": ${i.why}.`);
    return selection;
}
/** Posts `body` on pull request `number`; a failure is a warning (the run's results are published already). */
async function postReply(github, number, body, reporter) {
    if (!github)
        return;
    try {
        await github.createComment(number, body);
    }
    catch (e) {
        reporter.warning(`Could not reply on #${number}: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./build/tmp/js/src/action/run-action.js
























/**
 * `mode: run`, one call per step: plan (state from notes and, when asked, the PR comment) → provide pdd (only
 * when the plan has work) → sync every group within the budget → carry over earlier unmerged results →
 * publish. SIGINT/SIGTERM (a cancelled workflow) stop the running syncs, and what finished is still published.
 */
async function runAction(s, reporter, trust = (0,action/* actionTrust */.j)(s, process.env), uploader = defaultUploader(), control) {
    // An empty scope is every unit: a shard without its leg's units would pay for every other leg's too.
    if (s.mode === 'shard' && s.units.length === 0)
        throw new Error('mode "shard" needs input "units" (${{ matrix.units }}): without it the shard would run every unit, ' +
            'as the other legs do. Nothing was run.');
    const ctx = await openRun(s, reporter, trust, control);
    const planned = await planStep(ctx);
    if (s.mode === 'shard') {
        const others = narrowToLeg(planned, s.units);
        if (others.length > 0)
            reporter.info(`Not in this leg (their ids are not in its "units"): ${others.join(', ')}.`);
    }
    const selection = control ? narrowPlan(planned, control, reporter) : undefined;
    const runId = jobRunId(ctx);
    const shard = s.mode === 'shard' && !s.run.dryRun ? await openShard(ctx, planned, runId) : undefined;
    const anyWork = planned.plan.units.some(u => (0,types/* hasWork */.OJ)(u.operation));
    if (anyWork && !s.run.dryRun) {
        await refuseUncommitted(ctx.git, planned, s.repoRoot, ctx.baseSha);
        await refuseStrayPddrc(planned, s.repoRoot, (0,temp/* scratchRoot */.P)());
        await preflightStep({ ...ctx, pddEnv: ctx.trust.pddEnv.env });
    }
    const spend = await spendStep(ctx, planned, runId, anyWork);
    const onCancel = () => reporter.warning('Cancelled: stopping the running syncs and publishing what finished.');
    return withCancellation(onCancel, signal => syncAndPublish(ctx, { planned, spend, runId, anyWork, signal, uploader, selection, shard }));
}
/** Provide pdd → sync (publishing progress as groups finish) → publish, or say why nothing is published. */
async function syncAndPublish(ctx, r) {
    const s = ctx.s;
    const budget = Math.min(r.spend.effective.budget, r.shard?.budget ?? Infinity);
    const runs = r.anyWork && !s.run.dryRun && budget > 0;
    const pdd = runs && needsPdd(ctx, r.planned) ? await providePddStep(ctx) : { command: [] };
    const id = { runId: r.runId, trigger: s.trigger, baseSha: ctx.baseSha, pddVersion: pdd.version };
    const why = notPublishedBecause(ctx, r.anyWork);
    const pushGit = pushGitOf(ctx);
    const progress = why || !runs || s.mode === 'shard' ? null : progressPublisher(ctx, pushGit, budget, id);
    const logDir = external_node_path_.join((0,temp/* scratchRoot */.P)(), 'pdd-sync', `logs-${r.runId}`);
    r.signal.addEventListener('abort', () => r.shard?.reporter.freeze());
    const offer = r.shard?.reporter ?? progress;
    const result = await syncStep(ctx, r.planned, pdd, {
        runId: r.runId,
        budget,
        signal: r.signal,
        onProgress: offer ? p => offer.offer(p) : undefined,
        start: r.shard?.start,
        logDir
    });
    const logs = runs ? await logStep(ctx, logDir, r.runId, r.uploader) : null;
    await progress?.close();
    logRounds(ctx.reporter, progress?.rounds ?? []);
    explainCapped(result, r.spend);
    const record = toRunRecord(result, { ...id, createdAt: new Date().toISOString() });
    const checklist = checklistOf(s, r.planned, result, pdd.version);
    const outcome = outcomeOf(s, ctx.branch, {
        planned: r.planned,
        result,
        checklist,
        record,
        spend: r.spend,
        logs
    });
    if (why) {
        await replyStep(ctx, r.selection, { result, notRun: why });
        return { ...outcome, published: null, notPublished: why };
    }
    if (r.shard)
        return { ...outcome, ...(await shardStep(ctx, r.shard, result, r.planned, pdd.version)) };
    const skipRecord = !r.anyWork;
    // Nothing to do, but units done on the bot branch: an earlier run may not have got its PR (pending-pr.ts).
    const pending = skipRecord && r.planned.onBotBranch > 0 ? r.planned.spend.records : undefined;
    const parts = { result, record, checklist, skipRecord, pending };
    const kept = await publishOrKeep(ctx, pushGit, parts, r.uploader);
    await replyStep(ctx, r.selection, { result, publishFailed: kept.published?.failed });
    return { ...outcome, ...kept };
}
/** False when no unit with work can run on this runner (runtime or agent CLI missing): pdd is then not installed. */
function needsPdd(ctx, planned) {
    if (anyUnitCanRun(planned, ctx.trust.pddEnv.env, ctx.s.run.agenticFallback))
        return true;
    ctx.reporter.info('pdd is not installed: no unit with work can run on this runner (see the reasons below).');
    return false;
}
/** PR control: the reply on the pull request (what ran, what it cost, the result). */
async function replyStep(ctx, selection, r) {
    const c = ctx.control;
    if (!c || !selection)
        return;
    const body = replyBody({ by: c.by, how: c.how, selection, runUrl: ctx.s.github.runUrl, ...r });
    await postReply(ctx.github, c.number, body, ctx.reporter);
}
/** Pushes the bot branch and a partial run record after each finished group, so paid work is never lost. */
function progressPublisher(ctx, pushGit, budget, id) {
    return new IncrementalPublisher({
        ...progressOptions(ctx.s.publish),
        git: pushGit,
        remote: 'origin',
        branch: ctx.branch,
        baseSha: ctx.baseSha,
        notesRef: ctx.s.notesRef,
        identity: ctx.s.publish.commits.committer,
        record: units => partialRecord(units, budget, { ...id, createdAt: '' }),
        reporter: ctx.reporter,
        sign: signOf(ctx)
    });
}
/** Step 6, and when the final publish fails, the synced commits kept in a workflow artifact. */
async function publishOrKeep(ctx, pushGit, r, uploader) {
    const published = await ctx.reporter
        .group('Publish', () => publishStep(ctx, pushGit, r))
        .catch((e) => publishThrew(e, r.checklist));
    for (const w of published.warnings)
        ctx.reporter.warning(w);
    const rescue = published.failed
        ? await keepWork({
            git: ctx.git,
            branch: ctx.branch,
            baseSha: ctx.baseSha,
            result: r.result,
            record: r.record,
            uploader,
            reporter: ctx.reporter
        })
        : undefined;
    return { checklist: published.checklist, published, ...(rescue ? { rescue } : {}) };
}
/** Step 5: every group with work, within the budget (a dry run syncs nothing). */
async function syncStep(ctx, planned, pdd, r) {
    const result = await syncPlanned({
        git: ctx.git,
        planned: ctx.s.run.dryRun ? { ...planned, plan: { ...planned.plan, units: [] } } : planned,
        planOptions: ctx.planOptions,
        branch: ctx.branch,
        base: r.start ?? ctx.baseSha,
        settings: { ...ctx.s.run, budget: r.budget },
        command: pdd.command,
        reporter: ctx.reporter,
        signal: r.signal,
        runId: r.runId,
        env: ctx.trust.pddEnv.env,
        withholdEnv: ctx.s.run.withholdEnv,
        runtimes: { toolDir: toolDir(), cache: new ActionsCache() },
        onProgress: r.onProgress,
        logDir: r.logDir,
        commits: commitsOf(ctx)
    });
    if (pdd.version)
        result.pddVersion = pdd.version;
    return result;
}
/** Committer, author and message template of the group commits (inputs `committer`, `author`, `commit-message`). */
function commitsOf(ctx) {
    const c = ctx.s.publish.commits;
    return { identity: c.committer, author: c.author, commitTemplate: c.template };
}
/** Why this run publishes nothing, or undefined when it publishes. */
function notPublishedBecause(ctx, anyWork) {
    if (ctx.s.run.dryRun)
        return 'dry run: nothing was run or published';
    if (ctx.s.github.fork)
        return 'a pull request from a fork has a read-only token';
    if (!anyWork && ctx.control)
        return 'no unit asked for has work (already in sync, or not in the plan)';
    if (!anyWork && !ctx.github)
        return 'every unit is in sync; nothing to publish';
    return undefined;
}

// EXTERNAL MODULE: ./build/tmp/js/src/action/outputs.js + 4 modules
var outputs = __webpack_require__(16753);
;// CONCATENATED MODULE: ./build/tmp/js/src/action/run-mode.js
/**
 * `mode: run`, `shard` and `finalize` of the action: PR control, the run, and its outputs, annotations and job
 * summary. Loaded by main.ts only for those modes, so that `mode: plan` and a refused input do not parse the
 * executor, the publisher and the REST client (docs/architecture.md, "Bundle").
 */








/** Runs `mode: run` / `shard` (or `finalize`) and sets the step's outputs from its outcome. */
async function runOrFinalize(s, trust, out) {
    if (s.mode === 'finalize')
        await runMode(s, trust, out, (s, r, t) => finalizeAction(s, r, t));
    else
        await runMode(s, trust, out, (s, r, t, c) => runAction(s, r, t, undefined, c));
}
/** The outputs `action.yml` declares for `mode: run`, from its outcome. */
async function runOutputs(out, o) {
    const { result, published } = out;
    const ids = (pred) => JSON.stringify(result.units.filter(u => pred(u.status)).map(u => u.id));
    const file = await o.jsonFile('result.json', result);
    const failedPublish = published?.failed;
    const status = failedPublish ? 'publish-failed' : runStatus(result);
    const pr = published?.pullRequest;
    const pushed = published?.branch?.operation === 'pushed' || published?.branch?.operation === 'unchanged';
    o.setOutput('result', file);
    o.setOutput('pull-request-number', pr?.number !== undefined ? String(pr.number) : '');
    o.setOutput('pull-request-url', pr?.url ?? '');
    o.setOutput('pull-request-operation', pr?.operation ?? 'none');
    o.setOutput('branch', pushed ? out.branch : '');
    o.setOutput('head-sha', pushed ? (published?.branch?.head ?? '') : '');
    o.setOutput('synced', ids(st => st === 'synced'));
    o.setOutput('failed', ids(st => st === 'failed' || st === 'conflict'));
    o.setOutput('skipped', ids(st => st === 'skipped-budget' || st === 'skipped-dependency' || st === 'skipped-runtime'));
    o.setOutput('spent', result.spent.toFixed(4));
    o.setOutput('spent-this-month', spentThisMonth(out.spend, result).toFixed(4));
    o.setOutput('budget-exhausted', String(out.checklist.budgetExhausted ?? false));
    o.setOutput('status', status);
}
async function runMode(s, trust, o, act) {
    const api = s.mode === 'run' && s.prEvent ? controlApi(s, trust.redactor) : null;
    const control = s.mode === 'run' ? await controlDecision(s, api) : { kind: 'none' };
    if (control.kind === 'ignore') {
        // An event on the bot pull request (or a comment) that asks for no run: nothing is planned, run or pushed.
        o.reporter.notice(`pdd-sync: nothing to do: ${control.reason}.`);
        if (control.reply && !s.run.dryRun)
            await postReply(api, control.reply.number, control.reply.body, o.reporter);
        o.setOutput('pull-request-operation', 'none');
        o.setOutput('status', 'ignored');
        await o.summary(`> [!NOTE]\n> pdd-sync did nothing: ${control.markdown}.\n`);
        return;
    }
    const out = await act(s, o.reporter, trust, control.kind === 'run' ? control : undefined);
    await (0,outputs/* planOutputs */.iS)(out.planned.plan, s, o, out.record.baseSha);
    await runOutputs(out, o);
    const { result } = out;
    const failedPublish = out.published?.failed;
    annotate(out, o.reporter);
    await o.summary(summaryOf(out, s));
    if (failedPublish) {
        o.failed(`pdd-sync: the paid results are not on the remote (${failedPublish}). ${out.rescue?.message ?? ''}`);
        return;
    }
    const failOn = s.publish.failOn;
    if (failsStep(result, failOn)) {
        o.failed(`pdd-sync: ${countsLine(result).replace(/\*/g, '')} (fail-on: ${failOn}).`);
    }
}
/** One error annotation per failed unit, on its prompt file (GitHub shows at most 10 per step). */
function annotate(out, reporter) {
    const bad = out.result.units.filter(u => u.status === 'failed' || u.status === 'conflict');
    for (const u of bad.slice(0, 10)) {
        const file = out.checklist.promptPaths?.[u.id];
        reporter.error(`${u.id}: ${u.reason}`, {
            file: file ? repoPath(out, file) : undefined,
            title: `pdd sync ${u.status}`
        });
    }
    if (bad.length > 10)
        reporter.error(`${bad.length - 10} more unit(s) failed: see the job summary.`);
    // Units left for lack of budget get one notice (annotations are capped at 10 per type and step).
    const skipped = out.result.units.filter(u => u.status === 'skipped-budget').map(u => u.id);
    if (skipped.length > 0)
        reporter.notice(`${skipped.length} unit(s) skipped for budget, left for the next run: ${skipped.slice(0, 20).join(', ')}` +
            (skipped.length > 20 ? `, … (${skipped.length - 20} more)` : '') +
            '.', { title: 'pdd sync: budget' });
}
function repoPath(out, file) {
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    return external_node_path_.relative(root, external_node_path_.join(out.repoRoot, file)).split(external_node_path_.sep).join('/');
}
/** `**Logs:** [pdd-sync-logs-…](…/artifacts/7) — …`: the log artifact, linked when its page is known. */
function logsLine(logs) {
    if (!logs.uploaded)
        return `**Logs:** ${logs.message}`;
    const name = logs.url ? `[${logs.name}](${logs.url})` : `\`${logs.name}\``;
    return `**Logs:** ${name}: each group's full pdd output; for failed groups, PDD's crash logs and debug snapshot.`;
}
function summaryOf(out, s) {
    const parts = [];
    if (out.published?.failed) {
        parts.push(`> [!CAUTION]\n> **Not published:** ${out.published.failed}. Every unit below was paid for.` +
            (out.rescue ? ` ${out.rescue.message}` : '') +
            '\n');
    }
    if (out.notPublished)
        parts.push(`> [!NOTE]\n> Not published: ${out.notPublished}.\n`);
    if (out.noPullRequest && out.published && !out.published.pullRequest.number)
        parts.push(`> [!WARNING]\n> No pull request: ${out.noPullRequest}.\n`);
    // A dry run ran nothing: its summary is the plan (what a run would do).
    if (s.run.dryRun)
        return [...parts, (0,render/* renderPlanMarkdown */.d$)(out.planned.plan, { budget: s.budget, maxRows: 2000 })].join('\n');
    const units = out.result.units;
    if (units.every(u => u.status === 'unchanged'))
        parts.push(`> [!NOTE]\n> All ${units.length} unit(s) are in sync: nothing was run, nothing was spent.\n`);
    parts.push(renderSummary(out.checklist, outputs/* SUMMARY_LIMIT */.Jt - 100_000));
    parts.push('', renderSpend(out.spend, out.result));
    if (out.logs)
        parts.push('', logsLine(out.logs));
    const p = out.published;
    if (p) {
        const pr = p.pullRequest;
        parts.push(`\n**Pull request:** ${pr.number ? `[#${pr.number}](${pr.url}) (${pr.operation})` : 'none'}` +
            ` · **Branch:** ${p.branch ? `\`${out.branch}\` ${p.branch.operation}` : 'not pushed (nothing synced)'}`);
        if (!p.notes.pushed && !p.notes.comment) {
            const json = JSON.stringify(out.record);
            if (json.length < 80_000)
                parts.push(`\n<details><summary>Run record (not saved anywhere else)</summary>\n\n\`\`\`json\n${json}\n\`\`\`\n</details>`);
        }
    }
    return parts.join('\n');
}


/***/ })

};
