/**
 * A proxy in front of the GitHub REST stand-in that answers chosen requests the way a broken network or a proxy
 * does: an HTML page, a body cut short, or no answer at all. Everything else is forwarded unchanged.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A raw answer, or `hang`: the request is held until the proxy closes. */
export type ProxyReply = { status: number; headers?: Record<string, string>; body: string } | 'hang'

/** Which requests a reply is for. */
export interface ProxyRule {
  method?: string
  path: string | RegExp
  reply: ProxyReply
  /** How many matching requests get it (default 1). */
  times?: number
}

/** The running proxy. */
export interface ApiProxy {
  url: string
  add(rule: ProxyRule): void
  /** Requests the proxy answered itself, as `METHOD path`. */
  served: string[]
  close(): Promise<void>
}

/** Starts a proxy to `target` (the stand-in's url) on 127.0.0.1. */
export async function startApiProxy(target: string): Promise<ApiProxy> {
  const rules: ProxyRule[] = []
  const served: string[] = []
  const held: http.ServerResponse[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const method = req.method ?? 'GET'
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const rule = rules.find(
        r =>
          (!r.method || r.method === method) &&
          (typeof r.path === 'string' ? r.path === path : r.path.test(path))
      )
      if (rule) {
        rule.times = (rule.times ?? 1) - 1
        if (rule.times <= 0) rules.splice(rules.indexOf(rule), 1)
        served.push(`${method} ${path}`)
        if (rule.reply === 'hang') return void held.push(res)
        res.writeHead(rule.reply.status, rule.reply.headers ?? {})
        return void res.end(rule.reply.body)
      }
      forward(target, req, Buffer.concat(chunks), res).catch(() => res.destroy())
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: rule => void rules.push({ ...rule }),
    served,
    close: async () => {
      for (const res of held) res.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

async function forward(
  target: string,
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse
): Promise<void> {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined && k !== 'host' && k !== 'content-length') headers[k] = String(v)
  const r = await fetch(`${target}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: body.length > 0 ? body : undefined
  })
  const out: Record<string, string> = {}
  r.headers.forEach((v, k) => {
    if (k !== 'content-length' && k !== 'content-encoding' && k !== 'transfer-encoding') out[k] = v
  })
  res.writeHead(r.status, out)
  res.end(Buffer.from(await r.arrayBuffer()))
}
