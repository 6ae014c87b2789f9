import { defineConfig } from 'wxt';

/**
 * The manifest is a function of the target browser. Chrome gets MV3; Firefox gets MV2 (see README:
 * content scripts on every site work without a per-site grant, and MV2 stays supported in Firefox).
 */
export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: per-site settings. Nothing else is needed for the toolbar; later capabilities add theirs.
    permissions: ['storage'],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    commands: {
      'toggle-toolbar': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kanjian@kanjian.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
