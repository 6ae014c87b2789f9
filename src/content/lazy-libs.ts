import { sendMessage } from '../messaging/protocol';
import { injectedLib, type LazyLibName, type LazyLibs } from '../shared/libs';

const pending = new Map<LazyLibName, Promise<unknown>>();

/** Loads a large library into this frame on first use (the background injects its script). */
export function loadLib<K extends LazyLibName>(name: K): Promise<LazyLibs[K]> {
  const ready = injectedLib(name);
  if (ready) return Promise.resolve(ready);
  let p = pending.get(name) as Promise<LazyLibs[K]> | undefined;
  if (!p) {
    p = sendMessage('loadLib', { name }).then(() => {
      const lib = injectedLib(name);
      if (!lib) throw new Error(`library ${name} did not load`);
      return lib;
    });
    p.catch(() => pending.delete(name));
    pending.set(name, p);
  }
  return p;
}
