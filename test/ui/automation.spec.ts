import type { Page } from '@playwright/test';
import { expect, test, type T } from './fixtures';

test.describe.configure({ timeout: 90_000 });

async function openSettings(page: Page, t: T) {
  await page.getByRole('button', { name: t('nav.accessSettings') }).click();
  await expect(page.getByRole('heading', { name: t('settings.title') })).toBeVisible();
}

test('the automatic rules are off by default; the preview shows whom it will invite; both are switched on', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await openSettings(page, t);
  const card = page.getByTestId('automation');
  const toggle = card.getByRole('switch', { name: t('automation.invite.label') });
  await expect(toggle).not.toBeChecked();
  await expect(card.getByText(t('automation.preview.titleOff'))).toBeVisible();

  // The preview names each contact the core plans to invite in the next 7 days, with its channel.
  const preview = await invoke('automation.preview');
  const planned = preview.days.flatMap((day) => day.invitations);
  expect(planned.length).toBeGreaterThan(0);
  for (const invitation of planned) {
    const entry = card.getByRole('listitem').filter({ hasText: invitation.displayName });
    await expect(entry).toBeVisible();
    await expect(entry.getByText(t(`automation.channel.${invitation.channel}`))).toBeVisible();
  }

  // Saved at once: the switch shows the stored state.
  await toggle.click();
  await expect(page.getByText(t('automation.saved'))).toBeVisible();
  await expect(toggle).toBeChecked();
  await expect(card.getByText(t('automation.preview.title'))).toBeVisible();
  expect(await invoke('automation.getSettings')).toMatchObject({ autoInvite: true });

  // The notice before access ends: off by default, 14 days; switched on and set to 21 days.
  const notice = card.getByRole('switch', { name: t('automation.notice.label') });
  const days = card.getByLabel(t('automation.notice.days'));
  await expect(notice).not.toBeChecked();
  await expect(days).toHaveValue('14');
  await expect(days).toBeDisabled();
  await notice.click();
  await expect(notice).toBeChecked();
  await days.fill('21');
  await days.blur();
  await expect
    .poll(() => invoke('automation.getSettings'))
    .toEqual({ autoInvite: true, notice: { enabled: true, days: 21 } });

  for (const [width, height] of [
    [1024, 700],
    [1280, 820],
  ] as const) {
    await page.setViewportSize({ width, height });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/automation-settings-${appLocale}-${width}.png` });
  }

  // A contact of the preview opens from it.
  const first = planned[0]!;
  await card.getByRole('button', { name: first.displayName }).first().click();
  await expect(page.getByRole('heading', { name: first.displayName })).toBeVisible();
});
