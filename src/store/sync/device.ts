// When a folder starts to sync: this machine's own settings (editor, colours, reminder,
// autoSync) move from config.json, which is synced, to device.json, which is not (issue 17).
// An older harmony wrote them all to config.json; reading takes device.json first either way.
import { readFileSync } from 'node:fs';
import { readDoc, writeDoc } from '../files.js';
import type { Store } from '../index.js';
import { FILES } from '../paths.js';
import { deviceSpec, DEVICE_KEYS, settingsSpec } from '../settings.js';

/** Call under the store lock. */
export function moveDeviceSettings(store: Store): void {
  const shared = store.path(FILES.settings);
  readDoc(shared, settingsSpec); // a corrupt or newer config.json stops here, untouched
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(shared, 'utf8')) as Record<string, unknown>;
  } catch {
    return; // no config.json yet
  }
  const moving = DEVICE_KEYS.filter((k) => raw[k] !== undefined);
  if (moving.length === 0) return;
  const deviceFile = store.path(FILES.device);
  const device = readDoc(deviceFile, deviceSpec) as Record<string, unknown>;
  for (const key of moving) {
    device[key] ??= raw[key];
    delete raw[key];
  }
  writeDoc(deviceFile, device); // first, so a crash between the two leaves the setting in both, not in neither
  writeDoc(shared, raw);
}
