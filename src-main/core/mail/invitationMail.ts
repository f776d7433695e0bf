/** The invitation e-mail (Einladungs-E-Mail): subject, plain text and HTML, in the contact's language. */
import { escapeHtml } from './format';
import { invitationText, type InvitationTextInput } from './invitationContent';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export function invitationMail(input: InvitationTextInput): MailContent {
  const t = invitationText(input);
  const text = [
    t.salutation,
    '',
    t.intro,
    '',
    t.stepsTitle,
    `1. ${t.openPortal}: ${t.portalUrl}`,
    `2. ${t.enterCode}`,
    '',
    `${t.codeLabel} ${t.code}`,
    `${t.validLabel} ${t.validUntil}`,
    '',
    t.note,
    '',
    t.closing,
    ...t.signature,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = `<!DOCTYPE html>
<html lang="${input.language}">
<head><meta charset="utf-8"><title>${e(t.subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">
<p>${e(t.salutation)}</p>
<p>${e(t.intro)}</p>
<p>${e(t.stepsTitle)}</p>
<ol>
<li>${e(t.openPortal)}: <a href="${e(t.portalUrl)}">${e(t.portalUrl)}</a></li>
<li>${e(t.enterCode)}</li>
</ol>
<p>${e(t.codeLabel)}<br><strong style="font-family: 'Courier New', monospace; font-size: 20px; letter-spacing: 2px;">${e(t.code)}</strong></p>
<p>${e(t.validLabel)} <strong>${e(t.validUntil)}</strong></p>
<p style="color: #555;">${e(t.note)}</p>
<p>${e(t.closing)}<br>${t.signature.map(e).join('<br>')}</p>
</body>
</html>
`;
  return { subject: t.subject, text, html };
}
