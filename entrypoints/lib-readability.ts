import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLib } from '../src/shared/libs';

/** @mozilla/readability, injected only when 纯文本 (text mode) opens. */
export default defineUnlistedScript(() => provideLib('Readability', Readability));
