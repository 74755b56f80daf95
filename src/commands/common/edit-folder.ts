// Where an editor's temporary copy of diary text goes. With encryption on, the private runtime
// folder ($XDG_RUNTIME_DIR, a per-user tmpfs on most systems; else a 0700 folder of the temp
// folder), so no plaintext copy lands on the disk's shared temp folder; otherwise the default.
import type { Store } from '../../store/index.js';
import { privateRuntimeDir } from '../../store/runtime-key.js';

export function editFolder(store: Store): string | undefined {
  return store.vault.encrypted ? privateRuntimeDir() : undefined;
}
