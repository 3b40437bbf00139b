import { en, zh } from '../src/lib/i18n/messages.js';
import type { FigureWords } from '../src/lib/measures/measure.js';

/** A page's words without Intl, so the expectations read plainly: English, or Chinese. */
export function figureWords(language: 'en' | 'zh' = 'en'): FigureWords {
  const messages = language === 'en' ? en : zh;
  return {
    t: (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
    text: (text) => text[language],
    integer: (value) => String(value),
    percent: (fraction) => `${Math.round(fraction * 100)}%`,
  };
}
