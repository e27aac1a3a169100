import { describe, expect, it } from 'vitest';
import { coalesceNotificationOps } from '../../../src/calls/coalesce-notifications';
import type { Effect, NotificationOp } from '../../../src/calls/types';

function op(kind: NotificationOp['op'], id: string, title = ''): Effect {
  return { type: 'notification', notification: { op: kind, id, call: id, kind: id.startsWith('missed') ? 'missed' : 'incoming', title, message: '', context: '', url: null } };
}

const summary = (effects: Effect[]) =>
  effects.map((e) => (e.type === 'notification' ? `${e.notification.op} ${e.notification.id}${e.notification.title ? ` ${e.notification.title}` : ''}` : `open ${e.url}`));

describe('merging one batch of notification ops per id', () => {
  it('never asks the browser for a call that rang and ended within the batch', () => {
    expect(summary(coalesceNotificationOps([op('create', 'call:a', 'ring'), op('update', 'call:a', 'answered'), op('clear', 'call:a')]))).toEqual([]);
  });

  it('creates a call that rang and was answered within the batch once, already saying it was answered', () => {
    expect(summary(coalesceNotificationOps([op('create', 'call:a', 'ring'), op('update', 'call:a', 'answered')]))).toEqual(['create call:a answered']);
  });

  it('clears a notification shown before the batch once, whatever happened to it meanwhile', () => {
    expect(summary(coalesceNotificationOps([op('update', 'call:a', 'answered'), op('clear', 'call:a')]))).toEqual(['clear call:a']);
  });

  it('keeps one update for a notification shown before and after the batch', () => {
    expect(summary(coalesceNotificationOps([op('update', 'call:a', 'one'), op('update', 'call:a', 'two')]))).toEqual(['update call:a two']);
  });

  it('clears then creates a notification removed and shown again within the batch', () => {
    expect(summary(coalesceNotificationOps([op('clear', 'missed:a'), op('create', 'missed:a', 'again')]))).toEqual(['clear missed:a', 'create missed:a again']);
  });

  it('keeps other ids and CRM openings in order, each id at the place of its last op', () => {
    const open: Effect = { type: 'open-crm', call: 'b', url: 'https://crm.example.com/1', focused: false };
    const effects = [op('create', 'call:a', 'a'), op('create', 'call:b', 'b'), open, op('update', 'call:a', 'a2'), op('clear', 'missed:c')];
    expect(summary(coalesceNotificationOps(effects))).toEqual(['create call:b b', 'open https://crm.example.com/1', 'create call:a a2', 'clear missed:c']);
  });

  it('leaves a batch without repeats untouched', () => {
    const effects = [op('create', 'call:a', 'a'), op('clear', 'call:b'), op('create', 'missed:b', 'm')];
    expect(coalesceNotificationOps(effects)).toEqual(effects);
  });
});
