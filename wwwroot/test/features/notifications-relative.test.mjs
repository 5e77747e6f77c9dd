// How long ago a notification came, in the person's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeTime } from '../../src/features/notifications/relative.js';

const now = Date.parse('2026-12-02T06:00:00Z');

test('under a minute reads as now', () => {
  assert.equal(relativeTime('2026-12-02T05:59:30Z', 'en-GB', now), 'now');
  assert.equal(relativeTime('2026-12-02T05:59:30Z', 'id-ID', now), 'sekarang');
});

test('minutes, hours and days ago in English and Indonesian', () => {
  assert.equal(relativeTime('2026-12-02T05:55:00Z', 'en-GB', now), '5 minutes ago');
  assert.equal(relativeTime('2026-12-02T03:00:00Z', 'en-GB', now), '3 hours ago');
  assert.equal(relativeTime('2026-12-01T06:00:00Z', 'en-GB', now), 'yesterday');
  assert.equal(relativeTime('2026-12-02T05:55:00Z', 'id-ID', now), '5 menit yang lalu');
  assert.equal(relativeTime('2026-11-29T06:00:00Z', 'id-ID', now), '3 hari yang lalu');
});
