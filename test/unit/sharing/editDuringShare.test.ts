/**
 * A SmartPost edited while its share renders the letters (issue 14.8): the letters printed are those
 * of the text the share committed with — the template is read inside the share's transaction.
 */
import { describe, expect, it } from 'vitest';
import type { ContentInput } from '../../../shared/ipc';
import { ok, savedHeld } from '../support';
import { invitationCore, pdfTextLines, tenant } from '../invitations/support';

function letter(template: string): ContentInput {
  return { kind: 'smartpost', title: 'Wasserabstellung', propertyId: null, template };
}

describe('a SmartPost edited during its share', () => {
  it('prints the letters with the text as committed, not as it was before the edit', async () => {
    const core = invitationCore();
    const { contact } = await tenant(core);
    const content = await ok(core, 'content.create', letter('Alte Fassung: Dienstag'));

    const [shared] = await Promise.all([
      ok(core, 'sharing.share', {
        contentId: content.id,
        target: { mode: 'individual', contactIds: [contact.contact.id] },
      }),
      ok(core, 'content.update', { id: content.id, input: letter('Neue Fassung: Donnerstag') }),
    ]);

    const { lines } = await pdfTextLines(await savedHeld(core, shared.lettersFile));
    expect(lines).toContain('Neue Fassung: Donnerstag');
    expect(lines).not.toContain('Alte Fassung: Dienstag');
  });
});
