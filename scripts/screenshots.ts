/**
 * Screenshots for the README, through the same harness as the UI tests (built renderer + real
 * core in Chromium), on the demo portfolio with a pinned day. Writes docs/screenshots/*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchApp } from '../test/ui/harness';
import { loadMessages, message } from '../test/messages';

const TODAY = '2026-11-27';
const outDir = path.resolve(import.meta.dirname, '../docs/screenshots');

async function shoot(locale: 'de' | 'en'): Promise<void> {
  const messages = loadMessages(locale);
  const t = (key: string) => message(messages, key);
  const app = await launchApp({ demo: true, today: TODAY, locale });
  const { page } = app;
  try {
    await page.getByRole('heading', { name: t('overview.title') }).waitFor();
    await page.screenshot({ path: path.join(outDir, `${locale}-overview.png`) });

    await page.getByRole('button', { name: t('nav.accessSettings') }).click();
    await page.getByRole('switch', { name: t('settings.pre.label') }).check();
    await page.getByTestId('window-pre').getByLabel(t('settings.days')).fill('30');
    await page.getByLabel(t('settings.quota.label')).fill('250');
    await page.getByRole('switch', { name: t('settings.post.label') }).check();
    await page.getByTestId('window-post').getByLabel(t('settings.days')).fill('60');
    await page.screenshot({ path: path.join(outDir, `${locale}-access-settings.png`), fullPage: true });

    await page.getByRole('button', { name: t('settings.save') }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(300); // let the modal's opening transition finish
    await page.screenshot({ path: path.join(outDir, `${locale}-confirm-post-contract.png`) });
  } finally {
    await app.close();
  }
}

fs.mkdirSync(outDir, { recursive: true });
for (const locale of ['de', 'en'] as const) await shoot(locale);
console.log(`Screenshots written to ${path.relative(process.cwd(), outDir)}/`);
process.exit(0);
