/**
 * kanjian's own world in Firefox frames, over WebDriver BiDi: a named sandbox per browsing context
 * (`target: { context, sandbox }`), which sees the page's DOM through Xray wrappers and none of its
 * JavaScript. The script (axe + page side) is a preload script of that sandbox, so every document
 * gets it at document start; it is evaluated on first use where it is missing.
 *
 * A frame element is turned into its browsing context by returning its `contentWindow`: BiDi
 * serialises a window as its context id, cross-origin frames included.
 */
import { CALL_FUNCTION, FRAME_ELEMENT_FUNCTION, PageReplyError, parseReply, type FrameRealm } from './frames';
import { WORLD_NAME } from './realm-cdp';

/** What puppeteer-core's BiDi connection offers (`browser.connection`). */
export interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}

interface RemoteValue { type: string; value?: unknown }
type ScriptResult = { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text?: string } };

/** Adds the script to kanjian's sandbox of every document from now on (all tabs of this session). */
export async function addPreloadScript(connection: BidiConnection, script: string): Promise<void> {
  await connection.send('script.addPreloadScript', { functionDeclaration: `() => {\n${script}\n}`, sandbox: WORLD_NAME });
}

export function bidiRealm(connection: BidiConnection, context: string, script: () => Promise<string>): FrameRealm {
  const target = { context, sandbox: WORLD_NAME };
  const run = async (method: 'script.callFunction' | 'script.evaluate', params: Record<string, unknown>): Promise<RemoteValue> => {
    let r: ScriptResult;
    try {
      r = (await connection.send(method, { target, awaitPromise: true, resultOwnership: 'none', ...params })).result as ScriptResult;
    } catch (e) {
      throw new PageReplyError((e instanceof Error ? e.message : String(e)).split('\n')[0]!);
    }
    if (r.type !== 'success') throw new PageReplyError((r.exceptionDetails.text ?? 'error').split('\n')[0]!);
    return r.result;
  };
  const callIn = async (method: string, arg: unknown): Promise<unknown> =>
    (await run('script.callFunction', { functionDeclaration: CALL_FUNCTION, arguments: [{ type: 'string', value: method }, { type: 'string', value: JSON.stringify(arg) }] })).value;
  return {
    async call(method, arg) {
      let reply = parseReply(await callIn(method, arg));
      if (reply.missing) {
        await run('script.evaluate', { expression: await script(), awaitPromise: false });
        reply = parseReply(await callIn(method, arg));
        if (reply.missing) throw new PageReplyError('axe could not be loaded into this frame (not HTML, or scripts cannot run here) / 无法在此框架中加载 axe');
      }
      return reply.value;
    },
    async child(selector) {
      const r = await run('script.callFunction', {
        functionDeclaration: `function (json) { const el = (${FRAME_ELEMENT_FUNCTION})(json); return el ? el.contentWindow : null; }`,
        arguments: [{ type: 'string', value: JSON.stringify(selector) }],
      });
      const ctx = r.type === 'window' ? (r.value as { context?: unknown } | undefined)?.context : undefined;
      return typeof ctx === 'string' ? bidiRealm(connection, ctx, script) : null;
    },
  };
}
