/**
 * kanjian's own world in Chromium frames, over the DevTools protocol: a named isolated world per frame
 * (`Page.createIsolatedWorld`, the same mechanism as an extension's content scripts). It shares the
 * DOM with the page but none of its JavaScript: the page cannot see kanjian's code, call it, or poison
 * the builtins it uses. The script (axe + page side) is added at document start with
 * `Page.addScriptToEvaluateOnNewDocument({ worldName })` when a driver owns the tab, and evaluated on
 * first use otherwise (frames in other processes, pages the kanjian/playwright fixture is given).
 *
 * Cross-origin frames run in other renderer processes, each with its own CDP session: a frame element
 * is turned into its frame id (`DOM.describeNode`), and that frame is found in this page's session or
 * in the session Playwright gives for an out-of-process frame.
 */
import { CALL_FUNCTION, FRAME_ELEMENT_FUNCTION, PageReplyError, parseReply, type FrameRealm, type PageMethod } from './frames';

export const WORLD_NAME = 'kanjian';

/** What Playwright's CDPSession offers (playwright-core and @playwright/test alike). */
export interface CdpSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  detach(): Promise<void>;
}

/** The parts of a Playwright page and its frames this module needs. */
export interface CdpPageHost<F = unknown> {
  frames(): F[];
  newSession(target: 'page' | F): Promise<CdpSession>;
}

interface RemoteObject { type?: string; value?: unknown; objectId?: string; description?: string }
interface EvalReply { result: RemoteObject; exceptionDetails?: { text?: string; exception?: RemoteObject } }

function exceptionText(r: EvalReply): string {
  const d = r.exceptionDetails;
  return (d?.exception?.description ?? d?.text ?? 'error').split('\n')[0]!;
}

/** CDP errors name the protocol; a page's failure message should say what happened. */
function protocolMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/^[\w.]+: Protocol error \([\w.]+\): /, '');
}

export class CdpPage<F = unknown> {
  /** Out-of-process frames' sessions by frame id (reset for each document: see reset()). */
  private oopif = new Map<string, CdpSession>();
  private tried = new Set<F>();
  private topFrameId: string | null = null;

  private constructor(
    private readonly host: CdpPageHost<F>,
    private readonly session: CdpSession,
    private readonly script: () => Promise<string>,
  ) {}

  /**
   * Attaches to a page. With `atDocumentStart`, every document loaded in it from now on gets the
   * script in kanjian's world before its own scripts run (what holds a document at its load event).
   */
  static async attach<F>(host: CdpPageHost<F>, script: () => Promise<string>, opts: { atDocumentStart?: boolean } = {}): Promise<CdpPage<F>> {
    const session = await host.newSession('page');
    if (opts.atDocumentStart) {
      await session.send('Page.enable');
      await session.send('Page.addScriptToEvaluateOnNewDocument', { source: await script(), worldName: WORLD_NAME });
    }
    return new CdpPage(host, session, script);
  }

  /** Forgets the frames of the previous document (call after each navigation). */
  async reset(): Promise<void> {
    const sessions = [...this.oopif.values()];
    this.oopif.clear();
    this.tried.clear();
    await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
  }

  async top(): Promise<FrameRealm> {
    if (!this.topFrameId) {
      const tree = (await this.session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      this.topFrameId = tree.frameTree.frame.id;
    }
    return this.realm(this.session, this.topFrameId);
  }

  async detach(): Promise<void> {
    await this.reset();
    await this.session.detach().catch(() => undefined);
  }

  /** kanjian's world in a frame of this session (created on first use; the same world after that). */
  private async context(session: CdpSession, frameId: string): Promise<number> {
    const r = (await session.send('Page.createIsolatedWorld', { frameId, worldName: WORLD_NAME, grantUniveralAccess: false })) as { executionContextId: number };
    return r.executionContextId;
  }

  private realm(session: CdpSession, frameId: string): FrameRealm {
    const callIn = async (contextId: number, method: PageMethod, arg: unknown): Promise<unknown> => {
      const r = (await session.send('Runtime.callFunctionOn', {
        functionDeclaration: CALL_FUNCTION,
        executionContextId: contextId,
        arguments: [{ value: method }, { value: JSON.stringify(arg) }],
        awaitPromise: true,
        returnByValue: true,
      })) as EvalReply;
      if (r.exceptionDetails) throw new PageReplyError(exceptionText(r));
      return r.result.value;
    };
    return {
      call: async (method, arg) => {
        try {
          const contextId = await this.context(session, frameId);
          let reply = parseReply(await callIn(contextId, method, arg));
          if (reply.missing) {
            const r = (await session.send('Runtime.evaluate', { expression: await this.script(), contextId, returnByValue: true })) as EvalReply;
            if (r.exceptionDetails) throw new PageReplyError(`axe could not be loaded into this frame: ${exceptionText(r)} / 无法在此框架中加载 axe`);
            reply = parseReply(await callIn(contextId, method, arg));
            if (reply.missing) throw new PageReplyError('axe could not be loaded into this frame (not HTML, or scripts cannot run here) / 无法在此框架中加载 axe');
          }
          return reply.value;
        } catch (e) {
          if (e instanceof PageReplyError) throw e;
          throw new PageReplyError(protocolMessage(e));
        }
      },
      child: async (selector) => {
        const contextId = await this.context(session, frameId);
        const r = (await session.send('Runtime.callFunctionOn', {
          functionDeclaration: FRAME_ELEMENT_FUNCTION,
          executionContextId: contextId,
          arguments: [{ value: JSON.stringify(selector) }],
          returnByValue: false,
        })) as EvalReply;
        const objectId = r.result.objectId;
        if (r.exceptionDetails || !objectId) return null;
        const described = (await session.send('DOM.describeNode', { objectId })) as { node: { frameId?: string } };
        await session.send('Runtime.releaseObject', { objectId }).catch(() => undefined);
        const childId = described.node.frameId;
        if (!childId) return null;
        const owner = await this.sessionOf(childId, session);
        return owner ? this.realm(owner, childId) : null;
      },
    };
  }

  /** The session a frame lives in: its parent's (same process), or its own (out of process). */
  private async sessionOf(frameId: string, parent: CdpSession): Promise<CdpSession | null> {
    try {
      await this.context(parent, frameId);
      return parent;
    } catch {
      // not in this process
    }
    const known = this.oopif.get(frameId);
    if (known) return known;
    for (const f of this.host.frames()) {
      if (this.tried.has(f)) continue;
      this.tried.add(f);
      let s: CdpSession;
      try {
        s = await this.host.newSession(f);
      } catch {
        continue; // an in-process frame has no session of its own
      }
      try {
        const tree = (await s.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
        this.oopif.set(tree.frameTree.frame.id, s);
        if (tree.frameTree.frame.id === frameId) return s;
      } catch {
        await s.detach().catch(() => undefined);
      }
    }
    return null;
  }
}
