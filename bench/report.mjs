// The bench's table, budget verdicts and save-growth summary.
import { BUDGETS, budgetLabel } from './commands.mjs';

const x = (v) => (v === null || v === undefined ? '-' : `${v.toFixed(2)}x`);
const ms = (v) => (v === null || v === undefined ? '-' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const mb = (kib) => (kib ? `${(kib / 1024).toFixed(0)} MB` : '-');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

const find = (rows, command, store) => rows.find((r) => r.command === command && r.store === store);

/** Save time at `store` over `from`, each normalised by node -e 0 measured beside it. */
export function growth(rows, command, store, from) {
  const a = find(rows, command, store)?.result;
  const b = find(rows, command, from)?.result;
  if (!a?.ms || !b?.ms) return null;
  return a.ms.median / a.nodeMs / (b.ms.median / b.nodeMs);
}

export function verdicts(rows) {
  return BUDGETS.map((b) => {
    const r = find(rows, b.command, b.store)?.result;
    let value = null;
    if (r?.ratio) {
      if (b.kind === 'ratio' || b.kind === 'git') value = r.ratio.median;
      else if (b.kind === 'ms') value = r.ms.median;
      else if (b.kind === 'mem') value = r.memRatio;
      else value = growth(rows, b.command, b.store, b.from);
    }
    const verdict = value === null ? 'n/a' : (b.kind === 'ms' ? value < b.max : value <= b.max) ? 'PASS' : 'FAIL';
    return { ...b, label: budgetLabel(b), value, verdict };
  });
}

export function printTable(rows, log = console.log) {
  const v = verdicts(rows);
  const header = `${pad('command', 17)}${pad('store', 7)}${lpad('median', 8)}${lpad('min', 8)}${lpad('max', 8)}${lpad('cpu', 7)}${lpad('time', 10)}${lpad('node', 8)}${lpad('peak', 8)}${lpad('mem', 7)}  budget`;
  log(header);
  log('-'.repeat(header.length + 14));
  for (const row of rows) {
    const r = row.result;
    const mark = v
      .filter((b) => b.command === row.command && b.store === row.store && b.kind !== 'growth')
      .map((b) => `${b.kind === 'ms' ? `<${b.max}ms` : `${b.kind === 'mem' ? 'mem' : b.kind === 'git' ? 'git' : ''}<=${b.max}x`} ${b.verdict}`)
      .join(', ');
    if (!r.ratio) {
      log(`${pad(row.command, 17)}${pad(row.store, 7)}${lpad(r.error ? 'error' : 'n/a', 8)}  ${r.error ?? r.reason ?? ''}`.slice(0, 160));
      continue;
    }
    log(
      `${pad(row.command, 17)}${pad(row.store, 7)}${lpad(x(r.ratio.median), 8)}${lpad(x(r.ratio.min), 8)}${lpad(x(r.ratio.max), 8)}${lpad(x(r.cpuRatio), 7)}` +
        `${lpad(ms(r.ms.median), 10)}${lpad(ms(r.nodeMs), 8)}${lpad(mb(r.peakKiB), 8)}${lpad(x(r.memRatio), 7)}  ${mark}`,
    );
  }
  return v;
}

export function printGrowth(rows, stores, log = console.log) {
  log('\nSave time as the store grows (median ms; growth = ratio to the empty store, each normalised by node -e 0 beside it):');
  for (const command of ['checkin save', 'reflect save']) {
    const cells = stores.map((s) => {
      const r = find(rows, command, s)?.result;
      if (!r?.ms) return `${s}: n/a`;
      const g = s === 'empty' ? '' : ` (${x(growth(rows, command, s, 'empty'))})`;
      return `${s}: ${ms(r.ms.median)}${g}`;
    });
    log(`  ${pad(command, 14)} ${cells.join('   ')}`);
  }
}

export function printVerdicts(v, log = console.log) {
  log('\nBudgets:');
  for (const b of v) {
    const value = b.value === null ? 'n/a' : b.display ?? (b.kind === 'ms' ? ms(b.value) : x(b.value));
    log(`  ${pad(b.verdict, 5)} ${pad(b.label, 48)} ${value}`);
  }
}
