import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);

/**
 * The manifest is a function of the target browser. Chrome gets MV3; Firefox gets MV2 (see README:
 * content scripts on every site work without a per-site grant, and MV2 stays supported in Firefox).
 */
export default defineConfig({
  imports: false,
  hooks: {
    // axe-core's own minified build, shipped as a file and injected only when an audit runs.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: require.resolve('axe-core/axe.min.js'), relativeDest: 'vendor/axe.min.js' });
      // pdf.js for the PDF reader page only: its worker, and the CMaps CJK PDFs without embedded fonts need.
      const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
      for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) files.push({ absoluteSrc: join(pdfjsRoot, 'build', f), relativeDest: `vendor/pdfjs/${f}` });
      files.push({ absoluteSrc: join(pdfjsRoot, 'LICENSE'), relativeDest: 'vendor/pdfjs/LICENSE' });
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        for (const f of readdirSync(join(pdfjsRoot, dir))) files.push({ absoluteSrc: join(pdfjsRoot, dir, f), relativeDest: `vendor/pdfjs/${dir}/${f}` });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // See README "Permissions" for why each is needed.
    // Chrome 'tts': read-aloud falls back to chrome.tts in the background where the page cannot speak
    // (no user activation yet); Firefox has no chrome.tts.
    permissions: browser === 'firefox' ? ['storage', 'contextMenus', '<all_urls>'] : ['storage', 'contextMenus', 'scripting', 'tts'],
    // Chrome: injecting axe into every frame needs host access; the content script on <all_urls>
    // already asks for the same access, so this adds no new warning.
    ...(browser === 'firefox' ? {} : { host_permissions: ['<all_urls>'] }),
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    commands: {
      'toggle-toolbar': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandToggle__',
      },
      'toggle-convert': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandConvert__',
      },
      'run-audit': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandAudit__',
      },
      'open-pdf-reader': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandOpenPdf__',
      },
    },
    // The loader (entrypoints/loader.ts) on every page, in every frame, at document_start.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['loader.js'],
        run_at: 'document_start',
        // Every frame, the ones without a URL of their own (about:blank, srcdoc, written by script) too:
        // the page is everything the person sees. Frames other than the top stay idle until an aid is on.
        all_frames: true,
        match_about_blank: true,
        // Chrome: also frames whose URL has no origin to match (about:srcdoc, blob:, data:), by their creator's.
        ...(browser === 'firefox' ? {} : { match_origin_as_fallback: true }),
      },
    ],
    // The compiled conversion dictionaries, fetched by the content script only when a page is converted.
    // Chrome: only through the per-session dynamic URL (runtime.getURL), so a page cannot probe the
    // extension's fixed id to learn it is installed. Firefox's moz-extension:// UUID is per install.
    web_accessible_resources:
      browser === 'firefox' ? ['dict/*.bin'] : [{ resources: ['dict/*.bin'], matches: ['<all_urls>'], use_dynamic_url: true }],
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
