import type { LocalizedText } from '@gridsweep/core';
import { en, zh, type MessageKey } from './messages.js';

export type LocaleId = 'zh' | 'en';

const DICTIONARIES: Record<LocaleId, Record<MessageKey, string>> = { zh, en };
const INTL_TAGS: Record<LocaleId, string> = { zh: 'zh-CN', en: 'en-GB' };
const STORAGE_KEY = 'gridsweep.locale';

/** The chosen language and every formatter that depends on it; zh-CN unless the user switched. */
export class Locale {
  current = $state<LocaleId>('zh');

  readonly tag = $derived(INTL_TAGS[this.current]);
  private readonly integerFormat = $derived(new Intl.NumberFormat(INTL_TAGS[this.current]));
  private readonly percentFormat = $derived(
    new Intl.NumberFormat(INTL_TAGS[this.current], { style: 'percent', maximumFractionDigits: 1 }),
  );
  private readonly timeFormat = $derived(
    new Intl.DateTimeFormat(INTL_TAGS[this.current], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
  );

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()) {
    this.storage = storage;
    if (storage?.getItem(STORAGE_KEY) === 'en') this.current = 'en';
  }

  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;

  /** The message in the current language, with `{name}` placeholders filled from `values`. */
  t = (key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string =>
    DICTIONARIES[this.current][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));

  text = (text: LocalizedText): string => text[this.current];

  integer = (value: number): string => this.integerFormat.format(value);

  /**
   * Cut, not rounded, to 0.1 %, as the core's explanations are: 94.96 % reads
   * 94.9 %, never the 95 % target it has not reached, and a figure always
   * matches the explanation beside it.
   */
  percent = (fraction: number): string => this.percentFormat.format(Math.floor(fraction * 1000) / 1000);

  time = (epochMs: number): string => this.timeFormat.format(epochMs);

  toggle(): void {
    this.current = this.current === 'zh' ? 'en' : 'zh';
    this.storage?.setItem(STORAGE_KEY, this.current);
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Private windows and locked-down kiosks may forbid storage; the switch still works for the session.
    return null;
  }
}
