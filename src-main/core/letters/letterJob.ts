/**
 * A letters PDF to render — a batch of invitation letters or of SmartPost letters — as one plain
 * value, so that it can be handed to the letters worker (letterWorker.ts) as it is.
 */
import { createHash } from 'node:crypto';
import { renderInvitationLetters, type InvitationLetter } from './invitationLetter';
import { renderSmartPostLetters, type SmartPostLetter } from './smartPostLetter';

export type LetterJob =
  | { kind: 'invitation'; letters: readonly InvitationLetter[] }
  | { kind: 'smartpost'; letters: readonly SmartPostLetter[] };

/** Renders the job's PDF here, in this thread; `progress` hears how many letters are set so far. */
export function renderLetterJob(job: LetterJob, progress: (done: number) => void): Promise<Uint8Array> {
  return job.kind === 'invitation'
    ? renderInvitationLetters(job.letters, progress)
    : renderSmartPostLetters(job.letters, progress);
}

/**
 * A fingerprint of letters as rendered (SHA-256 over each letter's JSON): what a change compares
 * with the letters of its own plan, without holding a second copy of every letter's text.
 */
export function lettersDigest(letters: readonly object[] | null): string {
  const hash = createHash('sha256');
  for (const letter of letters ?? []) hash.update(JSON.stringify(letter)).update('\n');
  return `${letters === null ? 'none' : letters.length}:${hash.digest('hex')}`;
}
