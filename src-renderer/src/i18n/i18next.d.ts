import type { GermanMessages } from './resources';

// `t('no.such.key')` is a compile error in the renderer.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: GermanMessages };
  }
}
