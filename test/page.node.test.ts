// The search page shell and its assets through app.request(): served by the app itself, and laid out
// so a Content-Security-Policy of script-src 'self' / style-src 'self' can be added without changes.
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/api/app.ts'
import { CLIENT_SCRIPT } from '../src/api/page/client-script.ts'
import { PAGE_CSS } from '../src/api/page/styles.ts'

// The page routes never touch the index.
const app = createApp({ getIndex: () => Promise.reject(new Error('page: the index is not needed')) })

async function shell(): Promise<string> {
  const res = await app.request('/')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i)
  return res.text()
}

describe('GET /', () => {
  it('is a Korean page with the search box and suggestion list', async () => {
    const html = await shell()
    expect(html).toMatch(/<html lang="ko">/)
    expect(html).toContain('id="q"')
    expect(html).toContain('role="combobox"')
    expect(html).toContain('id="suggestions"')
    expect(html).toContain('name="viewport"')
  })

  it('has no inline script, inline handler or style attribute', async () => {
    const html = await shell()
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/\son[a-z]+=/i)
    expect(html).not.toMatch(/\sstyle=/i)
    expect(html).not.toMatch(/<style/i)
  })
})

describe('GET /assets/…', () => {
  it.each([
    ['script', /<script src="(\/assets\/search\.js\?v=[0-9a-f]{8})"/, /^text\/javascript/, CLIENT_SCRIPT],
    ['stylesheet', /<link rel="stylesheet" href="(\/assets\/search\.css\?v=[0-9a-f]{8})"/, /^text\/css/, PAGE_CSS],
  ])('serves the %s the page links to, cached for good', async (_name, link, type, body) => {
    const url = link.exec(await shell())![1]!
    const res = await app.request(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(type)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await res.text()).toBe(body)
  })

  it('revalidates an asset asked for without its current version', async () => {
    const res = await app.request('/assets/search.js?v=old')
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('ships a script that parses and never writes HTML', () => {
    expect(() => new Function(CLIENT_SCRIPT)).not.toThrow()
    expect(CLIENT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/)
  })

  it('404s an unknown asset as JSON', async () => {
    const res = await app.request('/assets/nope.js')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
  })
})
