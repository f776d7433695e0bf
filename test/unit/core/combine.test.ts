/** `combine` merges the areas' handlers and refuses, at construction, a channel answered twice or by nobody. */
import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/ipc';
import { combine } from '../../../src-main/core/handlers/combine';

const answer = () => ({ today: '2026-12-04', needsFirstStartChoice: false, demo: false, demoOffer: null });
const everyChannel = () => Object.fromEntries(channels.map((channel) => [channel, answer]));

describe('combine', () => {
  it('merges groups that answer every channel once', () => {
    const { 'app.status': status, ...rest } = everyChannel();
    const handlers = combine({ 'app.status': status }, rest);
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });

  it('refuses a channel answered twice', () => {
    expect(() => combine(everyChannel(), { 'app.status': answer })).toThrow(
      'combine: app.status is answered twice',
    );
  });

  it('refuses a contract channel nobody answers', () => {
    const some = everyChannel();
    delete some['app.status'];
    delete some['backups.list'];
    expect(() => combine(some)).toThrow('combine: nobody answers app.status, backups.list');
  });

  it('refuses a handler for a channel the contract does not have', () => {
    expect(() => combine(everyChannel(), { 'app.reboot': answer } as never)).toThrow(
      'combine: app.reboot is not a contract channel',
    );
  });
});
