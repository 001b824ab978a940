import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { Lang } from '../../domain/errors';
import { en } from './en';
import { ja, type Messages } from './ja';

const dictionaries: Record<Lang, Messages> = { ja, en };
const storageKey = 'tsunagu.lang';

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  /** Picks the label of the current language from a domain label table entry. */
  label: (entry: { ja: string; en: string }) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'ja';
}

/** The language currently chosen, for the API client's Accept-Language header. */
export let currentLang: Lang = 'ja';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  currentLang = lang;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(storageKey, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, t: dictionaries[lang], setLang, label: (entry) => entry[lang] }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}
