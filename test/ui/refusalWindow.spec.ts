/**
 * Issue 13 item 14: an invitation refused because of an access window names the window, its days
 * and dates, and leads to Rollen & Zugriffsrechte.
 */
import { addDays } from '../../shared/dates';
import { demoContact } from './demo';
import { expect, test, TEST_TODAY } from './fixtures';
import { openNav } from './steps';

test.describe.configure({ timeout: 90_000 });

test('a contact whose contract starts after the pre-contract window: the window, its days and the way to the setting', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const later = demoContact('tenantStartingLater');
  const start = later.contracts[0]!.start_date;
  const { preContract } = await invoke('settings.getAccess', undefined);
  // dd.mm.yyyy in German, dd/mm/yyyy in (British) English.
  const format = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return appLocale === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
  };
  await openNav(page, t, 'nav.contacts');
  await page.getByLabel(t('contacts.search')).fill(later.lastName);
  await page
    .getByRole('row', { name: new RegExp(later.name) })
    .first()
    .click();
  const blocker = page.getByTestId('invite-blocker');
  await expect(blocker).toContainText(t('errors.OUTSIDE_ACCESS_WINDOW'));
  expect(start > addDays(TEST_TODAY, preContract.days)).toBe(true);
  await expect(blocker.getByTestId('deciding-window')).toContainText(
    t('access.window.pre.on', {
      days: preContract.days,
      contractDay: format(start),
      windowDay: format(addDays(start, -preContract.days)),
    }),
  );
  await page.setViewportSize({ width: 1024, height: 700 });
  await blocker.getByRole('button', { name: t('access.window.link') }).click();
  await expect(page.getByRole('heading', { name: t('nav.accessSettings'), level: 2 })).toBeVisible();
});
