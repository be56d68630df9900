/** The small records the GitHub adapter returns, made from the REST API's answers. */

/** A pull request, as far as publishing needs it. */
export interface PullRequest {
  number: number
  /** GraphQL node id (the draft mutations take it). */
  nodeId: string
  url: string
  state: 'open' | 'closed'
  title: string
  body: string
  draft: boolean
  headRef: string
  baseRef: string
  /** The head's commit and repository (`owner/repo`; null: a deleted fork), when the API gave them. */
  headSha?: string
  headRepo?: string | null
  labels: string[]
  /** Login of the account that opened it. */
  author: string
}

/** An issue or PR comment. */
export interface Comment {
  id: number
  body: string
  author: string
}

/** A pull request as the REST API returns it (the fields read). */
export interface ApiPull {
  number: number
  node_id: string
  html_url: string
  state: string
  title: string
  body?: string | null
  draft?: boolean
  head: { ref: string; sha?: string; repo?: { full_name?: string } | null }
  base: { ref: string }
  labels?: ({ name?: string } | string)[]
  user?: { login?: string } | null
}

export function toPullRequest(p: ApiPull): PullRequest {
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
  }
}
