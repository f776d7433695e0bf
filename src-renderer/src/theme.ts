import { createTheme, darken, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import i18next from 'i18next';

/**
 * Mantine's teal with shades 6–9 darkened (shade 6 is Mantine's teal 9), so that white text on
 * filled buttons, their hover state and teal links on white reach WCAG AA (4.5:1).
 */
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#087f5b',
  '#07704f',
  '#066145',
  '#05533b',
];

/**
 * A name for the icon-only ✕ button, in the language shown now. Not "Schließen": dialogs have a
 * button of that name already.
 */
const closeButtonLabel =
  (key: 'app.dismissDialog' | 'app.dismissNotification' | 'app.dismissDrawer') => () => ({
    closeButtonProps: { 'aria-label': i18next.t(key) },
  });

/** The ✕ that empties a select, named in the language shown now. */
const clearButtonLabel = () => ({ clearButtonProps: { 'aria-label': i18next.t('app.clear') } });

export const theme = createTheme({
  colors: { teal },
  primaryColor: 'teal',
  primaryShade: 6,
  // Filled elements get black or white text, whichever contrasts more: at a background luminance of
  // 0.179 both reach the same ratio (≈4.58:1), so deciding there always gives at least 4.5:1.
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    Modal: { defaultProps: closeButtonLabel('app.dismissDialog') },
    Drawer: { defaultProps: closeButtonLabel('app.dismissDrawer') },
    Select: { defaultProps: clearButtonLabel },
    MultiSelect: { defaultProps: clearButtonLabel },
    // Without the hidden placeholder (an ARIA error inside role="menu"), opening a menu focuses its
    // first item, as the WAI-ARIA menu button pattern expects.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    Notification: { defaultProps: closeButtonLabel('app.dismissNotification') },
  },
});

/**
 * Mantine's light colour scheme puts shade 9 text on shade 1–2 backgrounds (light badges, alerts,
 * the active navigation entry) and shade 6 text on white (outline badges, `c="red"`, dimmed text):
 * below 4.5:1 for most colours. These text colours are darkened until every pairing passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': darken(resolved.colors.gray[6], 0.3),
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const text = darken(shades[9], 0.3);
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
  }
  // A field's error text (and, in error state, its placeholder) is red on white too.
  light['--mantine-color-error'] = darken(resolved.colors.red[9], 0.3);
  return { variables: {}, light, dark: {} };
};
