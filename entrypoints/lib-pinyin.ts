import { pinyin } from 'pinyin-pro';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLib } from '../src/shared/libs';

/** pinyin-pro (with its dictionary), injected only when the caption bar shows 拼音. */
export default defineUnlistedScript(() => provideLib('pinyin', pinyin));
