import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { id, type MessageKey } from './id.js';

export type Lang = 'id' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;

const DICTS: Record<Lang, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'cepat.lang';

/** Looks a key up and fills `{name}` placeholders; Indonesian is the fallback for a missing English text. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = DICTS[lang][key] ?? id[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** Chooses between the two texts the API sends (`message` / `message_en`, `name` / `name_en`). */
  pick(idText: string | null | undefined, enText: string | null | undefined): string;
  /** The name of a value from the API's vocabularies (`label('status', 'proses')`); the value itself if unknown. */
  label(group: LabelGroup, value: string | null | undefined): string;
}

/** Vocabularies whose values come from the API: their texts live under `group.value` keys. */
export type LabelGroup = 'status' | 'statusHelp' | 'actionName' | 'event' | 'channel' | 'priority' | 'reject' | 'role' | 'reportType' | 'agencyKind' | 'actionHelp';

export function hasKey(key: string): key is MessageKey {
  return key in id;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'id' || stored === 'en') return stored;
  } catch {
    // storage may be disabled (private mode): Indonesian is the default
  }
  return 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    // Screen readers and the browser's spell checker follow <html lang>.
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore: the choice then lasts for this page only
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (idText, enText) => (lang === 'en' ? enText || idText || '' : idText || enText || ''),
      label: (group, value) => {
        if (!value) return '';
        const key = `${group}.${value}`;
        return hasKey(key) ? translate(lang, key) : value;
      },
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
