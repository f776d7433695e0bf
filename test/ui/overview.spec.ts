/**
 * Issue 13 items 12 and 18: the Übersicht of the demo shows the app in use — both windows on, the
 * access chips open the contacts list filtered to their state, the to-do list counts what waits and
 * links to it, and seats beyond the quota are a warning with the numbers and the way to the setting.
 */
import { expect, test } from './fixtures';
import { openNav } from './steps';

test.describe.configure({ timeout: 90_000 });

test('the demo Übersicht: chips open the filtered contacts list, to-dos link where the work is', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const overview = await invoke('portfolio.overview', undefined);
  const outbox = await invoke('outbox.list', { state: null, offset: 0, limit: 1 });
  for (const grant of ['active', 'pre', 'post', 'none'] as const) {
    expect(overview.contactsByAccess[grant], grant).toBeGreaterThan(0);
  }
  const todos = page.getByTestId('todos');
  await expect(todos.getByTestId('todo-lettersToPrint')).toHaveText(
    t(
      outbox.lettersQueued === 1
        ? 'overview.todos.lettersToPrint_one'
        : 'overview.todos.lettersToPrint_other',
      {
        count: outbox.lettersQueued,
      },
    ),
  );
  await expect(todos.getByTestId('todo-emailsWaiting')).toBeVisible();
  await expect(page.getByTestId('seats-over-quota')).toHaveCount(0);
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1280, height: 820 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: `/tmp/firsthour-overview-${size.width}-${t('app.save')}.png`,
      fullPage: true,
    });
  }

  // The pre-contract chip opens the contacts list with exactly those contacts.
  await page.getByTestId('access-pre').click();
  await expect(page.getByRole('heading', { name: t('contacts.title'), level: 2 })).toBeVisible();
  await expect(page.getByTestId('contacts-total')).toHaveText(
    t('contacts.count_other', { count: overview.contactsByAccess.pre }),
  );
  await expect(
    page.getByRole('group', { name: t('contacts.accessFilter') }).getByRole('radio', { checked: true }),
  ).toHaveAccessibleName(new RegExp(t('access.pre')));

  // Letters waiting: the link opens the Postausgang.
  await openNav(page, t, 'nav.overview');
  await page.getByTestId('todo-lettersToPrint').getByRole('button').click();
  await expect(page.getByRole('heading', { name: t('outbox.title'), level: 2 })).toBeVisible();
});

test('seats beyond the quota: a warning with the numbers and a link to Rollen & Zugriffsrechte', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const access = await invoke('settings.getAccess', undefined);
  const { seats } = await invoke('portfolio.overview', undefined);
  await invoke('settings.updateAccess', { ...access, seatQuota: seats.used - 1 });
  const warning = page.getByTestId('seats-over-quota');
  await expect(warning).toContainText(t('overview.overQuota.title'));
  await expect(warning).toContainText(
    t('overview.overQuota.text_one', { count: 1, used: seats.used, quota: seats.used - 1 }),
  );
  await page.setViewportSize({ width: 1280, height: 820 });
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/firsthour-overquota-${t('app.save')}.png` });
  await warning.getByRole('button', { name: t('overview.overQuota.link') }).click();
  await expect(page.getByRole('heading', { name: t('nav.accessSettings'), level: 2 })).toBeVisible();
});
