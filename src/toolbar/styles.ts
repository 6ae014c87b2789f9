import toolbarCss from './toolbar.css?inline';
import launcherCss from './launcher.css?inline';

/** Everything the toolbar's shadow root needs (the launcher's rules live apart for the loader). */
export const TOOLBAR_CSS = `${toolbarCss}\n${launcherCss}`;
