import { describe, expect, it } from 'vitest';
import type { ControlSpec } from '../../../src/toolbar/types';
import { translator } from '../../../src/i18n/messages';
import { defaultsOf } from '../../../src/settings/fields';
import { globalFields, siteFields } from '../../../src/settings/schema';
import { ToolbarView } from '../../../src/toolbar/toolbar';
import { asUser, userClick } from '../support/user-input';

const plain: ControlSpec = { id: 'larger', group: 'text', icon: 'A', label: 'textLarger', run: () => null };
const menu: ControlSpec = {
  id: 'scheme',
  group: 'color',
  icon: 'C',
  label: 'colorScheme',
  run: () => null,
  menu: () => [{ id: 'scheme-dark', group: 'color', icon: '', label: 'colorScheme', run: () => null }],
};

function mount() {
  document.body.innerHTML = '';
  const host = document.createElement('div');
  document.body.append(host);
  const calls: string[] = [];
  const view = new ToolbarView(host, [plain, menu], translator('zh-CN'), {
    onControl: (c) => calls.push(c.id),
    onClose: () => calls.push('close'),
    onOpen: () => calls.push('open'),
  });
  view.update({ ...defaultsOf(siteFields), toolbarOpen: true }, { global: defaultsOf(globalFields), pageScript: 'simplified', shownAs: 'simplified' });
  const button = (id: string) => host.querySelector<HTMLElement>(`[data-control="${id}"]`)!;
  return { host, view, calls, button };
}

describe('the toolbar acts only on the user’s own input', () => {
  it('ignores a page script’s click() on a button, the close button and the launcher', () => {
    const { calls, button, view } = mount();
    button('larger').click();
    button('close').click();
    view.launcher.click();
    expect(calls).toEqual([]);
    userClick(button('larger'));
    userClick(button('close'));
    userClick(view.launcher);
    expect(calls).toEqual(['larger', 'close', 'open']);
  });

  it('ignores synthetic keys: no menu opens, no item is chosen, focus is not moved', () => {
    const { host, calls, button } = mount();
    const scheme = button('scheme');
    scheme.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(host.querySelector('[role=menu]')).toBeNull();
    scheme.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    const item = host.querySelector<HTMLElement>('[role=menu] [data-control="scheme-dark"]')!;
    expect(item).not.toBeNull();
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    item.click();
    expect(calls).toEqual([]);
    item.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(calls).toEqual(['scheme-dark']);
  });
});
