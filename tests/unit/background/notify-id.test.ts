import { describe, expect, it } from 'vitest';
import { notificationId, providerOfNotification } from '../../../lib/background/notify-id';

describe('notification ids', () => {
  it('one stable id per provider, and back', () => {
    expect(notificationId('cursor')).toBe('ai-status-cursor');
    expect(providerOfNotification('ai-status-cursor')).toBe('cursor');
    expect(providerOfNotification(notificationId('custom:status.example.com'))).toBe('custom:status.example.com');
    expect(providerOfNotification('ai-status-Nope!')).toBeNull();
    expect(providerOfNotification('other')).toBeNull();
  });
});
