/**
 * A wrong document is withdrawn: the confirmation says what happens (shares removed, nobody
 * notified again, file erased, backups still hold it) and the document is gone from the list
 * and from the portal of the contact it was shared with.
 */
import { expectNoSeriousViolations } from './accessibility';
import { demoContact, showcaseProperty } from './demo';
import { expect, test } from './fixtures';
import { openNav } from './steps';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

test('deleting a shared document asks first, then removes it everywhere', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  const tenant = demoContact('activeTenant');
  const title = 'Betriebskostenabrechnung 2025 Müller';
  const document = await invoke('content.create', {
    kind: 'document',
    title,
    propertyId: showcaseProperty.id,
    fileName: 'Betriebskosten.pdf',
    mimeType: 'application/pdf',
    dataBase64: PDF.toString('base64'),
  });
  await invoke('sharing.share', {
    contentId: document.id,
    target: { mode: 'individual', contactIds: [tenant.id] },
  });

  await openNav(page, t, 'nav.contents');
  await page.getByRole('button', { name: title }).click();
  await page.getByRole('button', { name: t('app.delete') }).click();
  const dialog = page.getByRole('dialog', { name: t('content.delete.title', { title }) });
  await expect(dialog).toContainText(t('content.delete.shares_one', { count: 1 }));
  await expect(dialog).toContainText(t('content.delete.noNotification'));
  await expect(dialog).toContainText(t('content.delete.file'));
  await expect(dialog).toContainText(
    t('content.delete.backups', { where: `${t('nav.administration')} › ${t('nav.backups')}` }),
  );
  await expectNoSeriousViolations(page);

  // Cancelling keeps it.
  await dialog.getByRole('button', { name: t('app.cancel') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();

  await page.getByRole('button', { name: t('app.delete') }).click();
  await dialog.getByRole('button', { name: t('content.delete.accept') }).click();
  await expect(page.getByText(t('content.delete.done', { title }))).toBeVisible();
  await expect(page.getByRole('heading', { name: t('content.title'), level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: title })).toHaveCount(0);
  const portal = await invoke('portal.preview', { contactId: tenant.id });
  expect(portal.items.map((item) => item.id)).not.toContain(document.id);
});
