// harmony people …: one module for the subcommands (they share most of what they load).
export { list, show } from './list.js';
export { add } from './add.js';
export { edit, snooze } from './edit.js';
export { log } from './log.js';
export { remove } from './remove.js';
