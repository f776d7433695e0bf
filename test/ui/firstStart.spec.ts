import { expect, test } from './fixtures';

test('an empty data store offers the demo and loads it', async ({ launch, t }) => {
  const { page, invoke } = await launch();
  await expect(page.getByRole('heading', { name: t('firstStart.title') })).toBeVisible();
  await page.getByRole('button', { name: t('firstStart.demo') }).click();
  await expect(page.getByRole('heading', { name: t('overview.title') })).toBeVisible();
  const overview = await invoke('portfolio.overview');
  expect(overview.properties).toBe(8);
  await expect(page.getByRole('main').getByText(t('overview.properties'))).toBeVisible();
  // Every access state of the demo portfolio is present and shown.
  await expect(page.getByTestId('access-active')).toContainText(t('access.active'));
});

test('starting empty is remembered and never offered again', async ({ launch, t }) => {
  const first = await launch();
  await first.page.getByRole('button', { name: t('firstStart.empty') }).click();
  await expect(first.page.getByRole('heading', { name: t('overview.title') })).toBeVisible();
  await first.close();

  const second = await launch({ dataDir: first.dataDir });
  await expect(second.page.getByRole('heading', { name: t('overview.title') })).toBeVisible();
  await expect(second.page.getByRole('button', { name: t('firstStart.demo') })).toHaveCount(0);
});
