import { expect, test } from './fixtures';
import { button, DEMO, openToolbar } from './display-helpers';

// 文字放大 measures content added later from its own size: with the tags of the few enlarged
// elements around it taken off while it is read (text-size.ts), never enlarged twice.
test('content the page adds later is enlarged from its own size, also inside enlarged text (em sizes, inherited line heights)', async ({ page, server, pageErrors }) => {
  await page.goto(server.url + DEMO);
  const host = await page.evaluate(() => {
    const p = [...document.querySelectorAll<HTMLElement>('p, td, li, div')].find((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim().length > 4))!;
    p.id = 'host-text';
    p.style.lineHeight = '30px';
    return { size: parseFloat(getComputedStyle(p).fontSize) };
  });
  await openToolbar(page);
  await button(page, '文字放大').click();
  const size = (sel: string): Promise<number> => page.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await expect.poll(() => size('#host-text')).toBeCloseTo(host.size * 1.25, 1);
  await page.evaluate(() => {
    const p = document.getElementById('host-text')!;
    p.insertAdjacentHTML('beforeend', '<span id="late-em" style="font-size:0.8em">后来的小字</span><b id="late-inherit">后来的粗体</b>');
    document.body.insertAdjacentHTML('beforeend', '<p id="late-px" style="font-size:20px;line-height:24px">后来的段落</p>');
  });
  // Measured (each holds text, so each gets its own size's tag), then read.
  for (const id of ['late-em', 'late-inherit', 'late-px']) await expect(page.locator(`#${id}`)).toHaveAttribute('data-kj-fs', /\d/);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await size('#late-px')).toBeCloseTo(25, 1);
  // 0.8 em of the enlarged paragraph, enlarged once: not 0.8 × its enlarged size × 1.25.
  expect(await size('#late-em')).toBeCloseTo(host.size * 0.8 * 1.25, 1);
  expect(await size('#late-inherit')).toBeCloseTo(host.size * 1.25, 1);
  expect(await page.locator('#late-px').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))).toBeCloseTo(30, 1);
  // The paragraph around them is still enlarged, its px line height with it.
  expect(await size('#host-text')).toBeCloseTo(host.size * 1.25, 1);
  expect(await page.locator('#host-text').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))).toBeCloseTo(37.5, 1);
  expect(pageErrors).toEqual([]);
});
