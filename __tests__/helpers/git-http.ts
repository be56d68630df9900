import { spawn } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

/** One request the server answered: which service, and whether it carried the expected credentials. */
export interface GitHttpRequest {
  path: string
  authorized: boolean
  /** The Authorization header values as sent (for checks that exactly one was sent). */
  authorization: string[]
}

/** A private origin over smart HTTP, as GitHub serves one: git's own `git http-backend` behind basic auth. */
export interface GitHttpServer {
  /** `http://127.0.0.1:<port>`: the server URL (GITHUB_SERVER_URL) the token is sent to. */
  url: string
  /** The clone URL of a bare repository below the served root (`<url>/<name>`). */
  urlOf(name: string): string
  requests: GitHttpRequest[]
  close(): Promise<void>
}

/**
 * Serves every bare repository under `root` through `git http-backend` (the CGI git ships), refusing any request
 * without `Authorization: basic base64(x-access-token:<token>)` with 401, as a private GitHub repository does.
 * Pushes are allowed for authorized requests (REMOTE_USER is set, which enables receive-pack).
 */
export async function serveGitHttp(root: string, token: string): Promise<GitHttpServer> {
  const backend = path.join(
    execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(),
    'git-http-backend'
  )
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
  const requests: GitHttpRequest[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const authorization = req.headersDistinct.authorization ?? []
    const authorized =
      authorization.length === 1 && authorization[0]?.toLowerCase() === expected.toLowerCase()
    requests.push({ path: url.pathname + url.search, authorized, authorization })
    if (!authorized) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' })
      res.end('Unauthorized')
      return
    }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      REMOTE_USER: 'x-access-token',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
      ...(typeof req.headers['git-protocol'] === 'string'
        ? { GIT_PROTOCOL: req.headers['git-protocol'] }
        : {})
    }
    const cgi = spawn(backend, [], { env })
    req.pipe(cgi.stdin)
    const out: Buffer[] = []
    cgi.stdout.on('data', (b: Buffer) => out.push(b))
    cgi.on('close', () => respond(res, Buffer.concat(out)))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    urlOf: name => `${url}/${name}`,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}

/** Turns a CGI response (headers, blank line, body) into an HTTP one. */
function respond(res: http.ServerResponse, raw: Buffer): void {
  let split = raw.indexOf('\r\n\r\n')
  let sep = 4
  if (split < 0) {
    split = raw.indexOf('\n\n')
    sep = 2
  }
  const head = raw.subarray(0, Math.max(split, 0)).toString('utf8')
  let status = 200
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i < 0) continue
    const name = line.slice(0, i).trim()
    const value = line.slice(i + 1).trim()
    if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0])
    else res.setHeader(name, value)
  }
  res.statusCode = status
  res.end(split < 0 ? raw : raw.subarray(split + sep))
}
