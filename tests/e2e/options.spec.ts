import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';

test.describe('options page', () => {
  test('the Traditional target and a user phrase apply to the page; bad phrase lines are refused with a clear message', async ({ page, server, extContext, extensionId }) => {
    const options = await extContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('简体页面转换为').selectOption('hk');
    await expect(options.getByRole('status')).toHaveText('设置已保存');
    // A line without a separator is refused and nothing is saved.
    await options.locator('#phrases-t').fill('发布 發佈\n没有分隔符');
    await options.getByRole('button', { name: '保存' }).click();
    await expect(options.locator('#convert-errors')).toContainText('第2行');
    await expect(options.locator('#convert-errors')).toContainText('缺少分隔符');
    await options.locator('#phrases-t').fill('发布 發佈');
    await options.getByRole('button', { name: '保存' }).click();
    await expect(options.locator('#convert-errors')).toBeEmpty();
    await options.close();

    await page.goto(`${server.url}/convert/dynamic.html`);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    await expect(page.locator('#p1')).toHaveText(toHk('头发、皇后、面子：这些词用字表转换常常出错。'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    // The user phrase wins over the built-in dictionary.
    await expect(page.locator('h1')).toHaveText(`${toHk('软件')}發佈`);
  });

  test('the launcher can be hidden', async ({ page, server, extContext, extensionId }) => {
    const options = await extContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('工具栏关闭时，在页面角落显示“无障碍浏览”按钮').uncheck();
    await expect(options.getByRole('status')).toHaveText('设置已保存');
    await options.close();
    await page.goto(`${server.url}/zhonglou-2006.html`);
    await page.waitForTimeout(500);
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toHaveCount(0);
  });
});
