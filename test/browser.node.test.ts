// The search page in a real browser: Debian's Chromium driven by playwright-core against a Node
// server of our own. Typing jamo by jamo, choosing suggestions, results, the article view, paging,
// the error state, and markup in a query rendered as text. Screenshots go to test/artifacts/.
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startServer } from './helpers/spawn-server.ts'

const CHROMIUM = '/usr/bin/chromium'
const ARTIFACTS = 'test/artifacts'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

if (!existsSync(CHROMIUM)) {
  const why = `${CHROMIUM} is missing: install it with \`apt-get update && apt-get install -y chromium\``
  describe('search page in Chromium', () => {
    if (process.env.CI) {
      it('needs Chromium in CI', () => {
        throw new Error(`browser test: ${why} (.ci/run does this)`)
      })
    } else {
      console.warn(`browser test skipped: ${why}`)
      it.skip(`skipped: ${why}`, () => {})
    }
  })
} else {
  const port = await freePort()
  const server = await startServer('node_modules/.bin/tsx', ['src/runtime/node.ts'], port, { PORT: String(port), HOST: '127.0.0.1' })
  afterAll(() => server.stop())
  // The "did you mean" line needs /api/search to answer `corrected`; its test turns on by itself when it does.
  let correctionAvailable = false
  try {
    const body = (await (await fetch(`${server.url}/api/search?q=qpffkfntm`)).json()) as { corrected?: { to?: string } }
    correctionAvailable = Boolean(body.corrected?.to)
  } catch (err) {
    await server.stop()
    throw err
  }

  let browser: Browser
  let page: Page
  let dialogs: string[] = []

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  /** A fresh page at /, recording alerts and script errors. */
  async function openPage(width = 1280): Promise<Page> {
    await page?.close()
    dialogs = []
    page = await browser.newPage({ viewport: { width, height: 900 } })
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('pageerror', (err) => dialogs.push(`pageerror: ${err.message}`))
    await page.goto(`${server.url}/`)
    return page
  }

  /** expect.poll with room for a loaded CI machine. */
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 })
  const suggestionTexts = () => page.locator('#suggestions li .text').allTextContents()

  describe('search page in Chromium', () => {
    it('types 벨라루ㅅ key by key, suggests 벨라루스, and Enter shows <mark>벨라루스</mark>', async () => {
      await openPage()
      await page.locator('#q').pressSequentially('벨라루ㅅ', { delay: 40 })
      await page.locator('#suggestions[data-for="벨라루ㅅ"] li').first().waitFor()
      expect(await suggestionTexts()).toContain('벨라루스')
      // The last syllable is still being typed, so Enter takes the highlighted first suggestion.
      await poll(async () => page.locator('#suggestions li[aria-selected="true"] .text').textContent()).toBe('벨라루스')
      await page.keyboard.press('Enter')

      const firstHit = page.locator('.hit').first()
      await firstHit.locator('mark').first().waitFor()
      expect(await page.inputValue('#q')).toBe('벨라루스')
      expect(await firstHit.innerHTML()).toContain('<mark>벨라루스</mark>')
      expect(await page.locator('#suggestions').isHidden()).toBe(true)
      expect(new URL(page.url()).searchParams.get('q')).toBe('벨라루스')
      expect(await page.locator('#status').textContent()).toMatch(/기사 \d+건/)

      await page.screenshot({ path: `${ARTIFACTS}/search-results.png` })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.screenshot({ path: `${ARTIFACTS}/search-results-390.png` })
      expect(dialogs).toEqual([])
    })

    it('moves through suggestions with the arrow keys and picks one with the mouse', async () => {
      await openPage()
      await page.locator('#q').pressSequentially('ㅁㄹㅊㅈ', { delay: 40 })
      // The list of the last keystroke: an earlier one arriving late would reset the selection.
      await page.locator('#suggestions[data-for="ㅁㄹㅊㅈ"] li').first().waitFor()
      const texts = await suggestionTexts()
      expect(texts[0]).toBe('미래창조과학부')
      await page.keyboard.press('ArrowDown') // the first was pre-selected (lone jamo): now the second
      await poll(async () => page.locator('#suggestions li[aria-selected="true"] .text').textContent()).toBe(texts[1])
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('Enter')
      await page.locator('.hit mark').first().waitFor()
      expect(await page.inputValue('#q')).toBe('미래창조과학부')

      await page.locator('#q').fill('')
      await page.locator('#q').pressSequentially('ㅂㄹㄹㅅ', { delay: 40 })
      await page.locator('#suggestions[data-for="ㅂㄹㄹㅅ"] li', { hasText: '벨라루스' }).first().click()
      await poll(async () => page.inputValue('#q')).toBe('벨라루스')
      await page.locator('.hit mark').first().waitFor()
    })

    it('shows results as you type, opens an article, and goes back to the results', async () => {
      await openPage()
      await page.locator('#q').pressSequentially('최양희', { delay: 40 })
      await page.locator('.hit').first().waitFor() // no Enter: the debounced search ran
      await page.keyboard.press('Escape') // the suggestion list covers the first hit
      const title = (await page.locator('.hit-title').first().textContent())!
      await page.locator('.hit-title').first().click()
      await poll(async () => page.locator('#article-view h1').textContent()).toBe(title)
      expect(await page.locator('#article-view p.matched mark').count()).toBeGreaterThan(0)
      expect(new URL(page.url()).searchParams.get('article')).toBeTruthy()
      await page.locator('#article-view .back').click()
      await page.locator('.hit').first().waitFor()
      expect(await page.locator('#article-view').isHidden()).toBe(true)
      expect(new URL(page.url()).searchParams.get('q')).toBe('최양희')
    })

    it('pages through results', async () => {
      await openPage()
      await page.locator('#q').fill('대한민국')
      await page.keyboard.press('Enter')
      await page.locator('#pager button', { hasText: '다음' }).click()
      await poll(async () => page.locator('#status').textContent()).toMatch(/중 11–20$/)
      expect(new URL(page.url()).searchParams.get('page')).toBe('2')
    })

    it('shows an error with a retry button when the API fails', async () => {
      await openPage()
      await page.route('**/api/search?*', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"INDEX_NOT_FOUND","message":"the search index is not available"}}' }))
      await page.locator('#q').fill('벨라루스')
      await page.keyboard.press('Enter')
      await poll(async () => page.locator('#results [role="alert"]').textContent()).toContain('the search index is not available')
      await page.unroute('**/api/search?*')
      await page.locator('#results .retry').click()
      await page.locator('.hit mark').first().waitFor()
    })

    it.skipIf(!correctionAvailable)('types qpffkfntm and shows the correction line to 벨라루스', async () => {
      await openPage()
      await page.locator('#q').pressSequentially('qpffkfntm', { delay: 40 })
      await page.keyboard.press('Enter') // no suggestion is pre-selected: searches what was typed
      await poll(async () => page.locator('#correction').isVisible()).toBe(true)
      expect(await page.locator('#correction').textContent()).toContain('벨라루스')
      await page.screenshot({ path: `${ARTIFACTS}/search-correction.png` })
    })

    it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'])('renders the query %s as text', async (q) => {
      const shownAsText = async () => {
        // Results or the empty state: either way the query is echoed, as text.
        await poll(async () => page.locator('#results-view').textContent()).toContain(q)
        expect(await page.locator('main script, main img, #suggestions script, #suggestions img').count()).toBe(0)
        expect(await page.locator('script').count()).toBe(1) // the page's own
      }
      await openPage()
      await page.locator('#q').pressSequentially(q, { delay: 10 })
      await page.keyboard.press('Enter')
      await shownAsText()
      // The same query arriving through the URL.
      await page.goto(`${server.url}/?q=${encodeURIComponent(q)}`)
      await shownAsText()
      expect(await page.inputValue('#q')).toBe(q)
      expect(dialogs).toEqual([])
    })
  })
}
