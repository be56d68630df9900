export const id = 97;
export const ids = [97];
export const modules = {

/***/ 3097:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishBranch: () => (/* binding */ publishBranch)
});

// UNUSED EXPORTS: deleteBranch, isHumanCommit, ruleRefusal

// EXTERNAL MODULE: ./build/tmp/js/src/adapters/git.js + 14 modules
var git = __webpack_require__(7929);
// EXTERNAL MODULE: ./build/tmp/js/src/publish/bot-commit.js
var bot_commit = __webpack_require__(8076);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
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
class github_octokit_GitHubError extends Error {
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
function github_octokit_buildOctokit(o) {
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
    return getOctokit(o.token, {
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
    }, retry, throttling);
}
/** An Octokit failure as a {@link GitHubError} naming `route` (GraphQL `errors` too); not yet redacted. */
function github_octokit_toGitHubError(e, route) {
    const err = e;
    if (Array.isArray(err.errors)) {
        // A GraphqlResponseError: HTTP 200 with `errors`.
        const said = err.errors.map(x => (typeof x.message === 'string' ? x.message : '')).filter(Boolean);
        return new github_octokit_GitHubError(`${route} failed: ${said.join('; ') || String(err.message)}`, 0, route);
    }
    const own = e instanceof ApiTimeoutError || e instanceof ApiAnswerError ? e : err.cause;
    if (own instanceof ApiTimeoutError || own instanceof ApiAnswerError)
        return new github_octokit_GitHubError(`${route} failed: ${own.message}`, 0, route, false, true);
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
    return new github_octokit_GitHubError(`${route} failed${status ? ` (HTTP ${status})` : ''}: ${message}`, status, route, !!limit, status >= 500 || status === 0);
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
        this.redactor = o.redactor ?? new Redactor();
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
        if (e instanceof github_octokit_GitHubError && STALE.test(e.message))
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
            .filter(c => (0,bot_commit/* isHumanCommit */.Du)(c, o.identity))
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
        if (e instanceof git/* GitError */.XS && /refusing to allow .*workflow/i.test(e.stderr)) {
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
    if (!(e instanceof git/* GitError */.XS) || !BRANCH_RULES.test(e.stderr))
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


/***/ })

};
