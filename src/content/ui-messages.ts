/**
 * What the popup, the keyboard commands and the diagnostics ask of a page's controller, answered the
 * same way on a web page (the toolbar's frame) and in the PDF reader. Each returns its remover.
 */
import { COMMAND_CONTROLS, isCommandName, onMessage } from '../messaging/protocol';
import type { SpeechDiagnosticsReport } from '../speech/diagnostics';
import type { PageController } from './controller';

export function uiMessageHandlers(controller: PageController, ready: Promise<unknown>): Array<() => void> {
  return [
    onMessage('getPageState', async () => {
      await ready;
      return controller.state();
    }),
    onMessage('setToolbarOpen', async ({ data }) => {
      await ready;
      const open = data?.open;
      if (open !== true && open !== false && open !== 'toggle') throw new TypeError('setToolbarOpen: bad "open"');
      return controller.setToolbarOpen(open);
    }),
    onMessage('toggleConvert', async () => {
      await ready;
      return controller.pressControl(COMMAND_CONTROLS['toggle-convert']);
    }),
    onMessage('runCommand', async ({ data }) => {
      await ready;
      if (!isCommandName(data?.command)) throw new TypeError('runCommand: unknown command');
      if (data.command === 'toggle-toolbar') await controller.setToolbarOpen('toggle');
      else if (data.command === 'toggle-convert') await controller.pressControl(COMMAND_CONTROLS['toggle-convert']);
    }),
  ];
}

/** Read-aloud diagnostics: status and the spoken-text log, for browser tests and bug reports. */
export function speechDiagnosticsHandler(controller: PageController, ready: Promise<unknown>): () => void {
  return onMessage('speechDiagnostics', async ({ data }) => {
    await ready;
    const speech = controller.feature('speech') as { diagnostics?(clear: boolean): SpeechDiagnosticsReport } | undefined;
    if (!speech?.diagnostics) throw new Error('speechDiagnostics: no read-aloud here');
    return speech.diagnostics(data?.clearLog === true);
  });
}
