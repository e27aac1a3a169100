import { it, expect } from 'vitest';
import { bodyWithContext } from '../src/calls/notification-body';
it('x', () => {
  console.log(bodyWithContext('Acme · +380', 'Line 1 · Sales'));
  const r = bodyWithContext('A'.repeat(300) + ' · +380671234567', 'Main line · Sales');
  console.log(r.length, r.slice(-50));
  const r2 = bodyWithContext('+380671234567', 'L'.repeat(500));
  console.log(r2.length, r2.slice(0,30));
});
