/**
 * The invite and share flows with the keyboard alone: Tab, Enter, Space, the arrow keys, Escape and
 * typing — no click, no mouse. At each step the focus is where the user expects it and visibly marked.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoContact, showcaseProperty } from './demo';

/** Presses Tab until `target` has the focus (as a user tabs through the page), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reachable with at most ${max} presses of Tab`).toBeFocused();
}

/** The focused element shows the focus ring (an outline), not just a change of background. */
async function expectFocusRing(target: Locator) {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((element) => {
    const style = element.ownerDocument.defaultView!.getComputedStyle(element);
    return (
      element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    );
  });
  expect(ring, 'a visible focus ring').toBe(true);
}

async function expectFocusInside(container: Locator) {
  await expect
    .poll(() => container.evaluate((element) => element.contains(element.ownerDocument.activeElement)))
    .toBe(true);
}

async function pressOn(page: Page, target: Locator, key: 'Enter' | 'Space') {
  await tabTo(page, target);
  await expectFocusRing(target);
  await page.keyboard.press(key);
}

test('a contact is found and invited with the keyboard alone', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  const tenant = demoContact('activeTenant');
  await expect(page.getByRole('heading', { name: t('overview.title') })).toBeVisible();

  await pressOn(page, page.getByRole('navigation').getByRole('button', { name: t('nav.contacts') }), 'Enter');
  await tabTo(page, page.getByLabel(t('contacts.search')));
  await page.keyboard.type(tenant.lastName);
  await pressOn(page, page.getByRole('row', { name: new RegExp(tenant.name) }).first(), 'Enter');
  await expect(page.getByRole('heading', { name: tenant.name, level: 2 })).toBeVisible();

  const inviteButton = page.getByRole('button', { name: t('invite.open') });
  await pressOn(page, inviteButton, 'Enter');
  const dialog = page.getByRole('dialog', { name: t('invite.title', { name: tenant.name }) });
  await expectFocusInside(dialog);

  // Into the channel group (it focuses the chosen channel), then down to "code only".
  const email = dialog.getByRole('radio', { name: t('invite.channel.email') });
  await tabTo(page, email);
  await expect(email).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const code = dialog.getByRole('radio', { name: t('invite.channel.code') });
  await expect(code).toBeChecked();
  await expect(code).toBeFocused();

  await pressOn(page, dialog.getByRole('button', { name: t('invite.submit') }), 'Enter');
  await expect(dialog.getByText(t('invite.done.code'))).toBeVisible();
  const invitationCode = (await dialog.getByTestId('invitation-code').textContent())!.trim();
  expect(invitationCode.length).toBeGreaterThanOrEqual(8);
  await pressOn(page, dialog.getByRole('button', { name: t('app.close'), exact: true }), 'Enter');

  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('invitation-state')).toHaveText(t('invitation.state.pending'));
  // The focus goes back to where the dialog was opened from.
  await expect(inviteButton).toBeFocused();
  const detail = await invoke('contacts.get', { id: tenant.id });
  expect(detail.invitation?.channel).toBe('code');
});

test('content is shared with all tenants of a property and individually with the skipped ones, with the keyboard alone', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 60 },
    seatQuota: null,
  });
  const created = await invoke('content.create', {
    kind: 'announcement',
    title: 'Treppenhausreinigung ab Januar',
    propertyId: null,
    text: 'Ab Januar reinigt eine neue Firma das Treppenhaus.',
  });
  await expect(page.getByRole('heading', { name: t('overview.title') })).toBeVisible();

  await pressOn(page, page.getByRole('navigation').getByRole('button', { name: t('nav.contents') }), 'Enter');
  await pressOn(page, page.getByRole('button', { name: created.title }), 'Enter');
  await expect(page.getByRole('heading', { name: created.title, level: 2 })).toBeVisible();

  const shareButton = page.getByRole('button', { name: t('sharing.open') }).first();
  await pressOn(page, shareButton, 'Enter');
  const dialog = page.getByRole('dialog', { name: t('sharing.title', { title: created.title }) });
  await expectFocusInside(dialog);

  // Role: from "all contacts" one down to "tenants".
  const all = dialog.getByRole('radio', { name: t('sharing.role.all') });
  await tabTo(page, all);
  await expect(all).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: t('sharing.role.tenant') })).toBeChecked();

  // Property: type to search, pick the first match.
  const property = dialog.getByRole('combobox', { name: t('sharing.property') });
  await tabTo(page, property);
  await page.keyboard.type(showcaseProperty.name);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(property).toHaveValue(showcaseProperty.name);

  // The warning names the tenants before contract start or after contract end …
  const warning = dialog.getByTestId('share-skipped-warning');
  const skippedRows = warning
    .getByRole('table', { name: t('sharing.skipped.tableLabel') })
    .locator('tbody tr');
  await expect(skippedRows.first()).toBeVisible();
  const skippedNames = await skippedRows.locator('td:first-child').allTextContents();
  const n = skippedNames.length;
  const recipientText = (await dialog.getByTestId('share-recipient-count').textContent())!;
  const roleRecipients = Number(/[\d.,]+/.exec(recipientText)![0].replace(/[.,]/g, ''));

  // … and its checkbox adds them as individual shares.
  const alsoIndividually = warning.getByRole('checkbox', {
    name: t('sharing.skipped.alsoIndividually_other', { count: n }),
  });
  await tabTo(page, alsoIndividually);
  await page.keyboard.press('Space');
  await expect(alsoIndividually).toBeChecked();
  await expect(dialog.getByTestId('share-recipient-count')).toContainText(
    t('sharing.recipientCount_other', { count: roleRecipients + n }),
  );

  await pressOn(page, dialog.getByRole('button', { name: t('sharing.submit'), exact: true }), 'Enter');
  await expect(dialog.getByTestId('share-summary')).toContainText(
    t('sharing.summary.sharedWith_other', { count: roleRecipients + n }),
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(shareButton).toBeFocused();

  // The content now shows the role share and one individual share per skipped tenant.
  const individual = page.getByRole('table', {
    name: t('sharing.individualShares_other', { count: n }),
  });
  await expect(individual.locator('tbody tr')).toHaveCount(n);
  for (const name of skippedNames) await expect(individual).toContainText(name);
  const content = await invoke('content.get', { id: created.id });
  expect(content.shares.filter((share) => share.target.mode === 'role')).toHaveLength(1);
  expect(content.shares.filter((share) => share.target.mode === 'individual')).toHaveLength(n);
});
