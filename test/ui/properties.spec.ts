import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { showcaseProperty } from './demo';
import { openNav, savedExport } from './steps';

test('inviting a property invites exactly the eligible contacts: e-mails to the outbox, letters as one PDF', async ({
  launch,
  t,
}) => {
  const { page, invoke, shell } = await launch({ demo: true });
  const preview = await invoke('invitations.previewProperty', { propertyId: showcaseProperty.id });
  const eligible = preview.eligible;
  const emails = eligible.filter((candidate) => candidate.channel === 'email').length;
  const letters = eligible.length - emails;
  expect(eligible.length).toBeGreaterThan(0);
  expect(preview.ineligible.length).toBeGreaterThan(0);
  // The demo's showcase already queued share and invitation e-mails: the new ones come on top.
  const queued = (await invoke('outbox.list', { limit: 200 })).total;

  await openNav(page, t, 'nav.properties');
  await page.getByRole('button', { name: showcaseProperty.name }).click();
  await page.getByRole('button', { name: t('properties.detail.invite') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(t('properties.invite.eligible', { total: eligible.length }))).toBeVisible();
  await expect(
    dialog.getByText(t('properties.invite.ineligible', { total: preview.ineligible.length })),
  ).toBeVisible();
  await dialog
    .getByRole('button', { name: t('properties.invite.confirm_other', { count: eligible.length }) })
    .click();
  const summary = dialog.getByTestId('invite-summary');
  await expect(summary).toContainText(t('properties.invite.emailed_other', { count: emails }));
  if (letters > 0) {
    // Written by the app into the file chosen in the save dialog, named after the property.
    const file = await savedExport(page, shell, () =>
      summary.getByRole('button', { name: t('properties.invite.savePdf') }).click(),
    );
    expect(path.basename(file)).toContain(showcaseProperty.name);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }

  const outbox = await invoke('outbox.list', { limit: 200 });
  expect(outbox.total).toBe(queued + emails);
  const again = await invoke('invitations.previewProperty', { propertyId: showcaseProperty.id });
  expect(again.eligible).toHaveLength(0);
});

test('the outbox lists the queued invitations and says that nothing leaves without SMTP', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await invoke('invitations.inviteProperty', {
    propertyId: showcaseProperty.id,
    contactIds: (
      await invoke('invitations.previewProperty', { propertyId: showcaseProperty.id })
    ).eligible.map((candidate) => candidate.contactId),
  });
  await openNav(page, t, 'nav.outbox');
  await expect(page.getByTestId('smtp-off')).toBeVisible();
  await expect(page.getByTestId('outbox-table').locator('tbody tr').first()).toBeVisible();
});

test('closing the invitation summary before saving the letters warns that their codes are shown only now (issue 13 item 6)', async ({
  launch,
  t,
}) => {
  const { page, invoke, shell } = await launch({ demo: true });
  const preview = await invoke('invitations.previewProperty', { propertyId: showcaseProperty.id });
  expect(preview.eligible.some((candidate) => candidate.channel === 'letter')).toBe(true);
  await openNav(page, t, 'nav.properties');
  await page.getByRole('button', { name: showcaseProperty.name }).click();
  await page.getByRole('button', { name: t('properties.detail.invite') }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('button', { name: t('properties.invite.confirm_other', { count: preview.eligible.length }) })
    .click();
  const summary = dialog.getByTestId('invite-summary');
  await summary.getByRole('button', { name: t('app.close') }).click();
  // Not closed: the warning says why.
  const warning = dialog.getByTestId('invite-unsaved');
  await expect(warning).toContainText(t('properties.invite.unsavedTitle'));
  await expect(warning).toContainText(t('properties.invite.unsavedText'));
  await page.keyboard.press('Escape');
  await expect(summary).toBeVisible();

  // Saved where the user chose in the save dialog: then the dialog closes without asking.
  const file = await savedExport(page, shell, () =>
    summary.getByRole('button', { name: t('properties.invite.savePdf') }).click(),
  );
  expect(file).toMatch(/\.pdf$/);
  await expect(warning).toHaveCount(0);
  await summary.getByRole('button', { name: t('app.close') }).click();
  await expect(dialog).toHaveCount(0);
});
