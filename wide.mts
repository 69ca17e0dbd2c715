// usage: tsx wide.ts <url> <email> <path>...
import { launchBrowser, signIn } from './tests/e2e/app-server'
const [url, email, ...paths] = process.argv.slice(2)
const browser = await launchBrowser()
const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
await signIn(page, url, email)
await page.waitForLoadState('networkidle')
for (const path of paths) {
  await page.goto(url + path)
  await page.waitForLoadState('networkidle')
  const wide = await page.evaluate(() => {
    const out: string[] = []
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect()
      let clipped = false
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX
        if (o === 'auto' || o === 'hidden' || o === 'scroll') clipped = true
      }
      if (!clipped && r.right > innerWidth + 1 && out.length < 12) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} w=${Math.round(r.width)} text=${(el.textContent || '').slice(0, 40)}`)
      }
    }
    return { scroll: document.documentElement.scrollWidth, out }
  })
  console.log(path, wide.scroll, '\n  ' + wide.out.join('\n  '))
}
await browser.close()
