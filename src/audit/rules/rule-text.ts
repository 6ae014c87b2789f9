// The shape of a kanjian rule's texts, apart from the texts so every message module can use it.
import type { LocalizedText } from '../locale';

export type Msg = LocalizedText | Record<string, LocalizedText>;
export interface KanjianCheckText { pass: Msg; fail: Msg; incomplete?: Msg }
export interface KanjianRuleText { description: LocalizedText; help: LocalizedText; helpUrl: string }
