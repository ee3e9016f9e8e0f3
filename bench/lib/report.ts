/**
 * Results on disk: latest.json (everything, for tools and for comparing runs), latest.md (the
 * tables, for people), and a timestamped copy of each so history is kept. Files are written to
 * a .tmp name and renamed, so a run killed half-way never leaves a half-written latest.json.
 * Both are passed through prettier: the repository's `prettier --check .` covers bench/results.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import type { BenchParams, SuiteResult } from '../suites/types.js';
import type { MachineInfo } from './machine.js';
import { REPO_ROOT } from './paths.js';
import { fmtMB, sizeLabel } from './units.js';

export interface BenchReport {
  /** Bump when the document's shape changes incompatibly. */
  schema: 1;
  date: string;
  machine: MachineInfo;
  params: BenchParams;
  suites: Omit<SuiteResult, 'table'>[];
  failures: number;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(report: BenchReport, suites: readonly SuiteResult[]): string {
  const m = report.machine;
  const p = report.params;
  const commit = m.commit ? `commit ${m.commit}${m.dirty ? ' + uncommitted changes' : ''}` : 'commit unknown';
  const out = [
    `# Huike benchmark${p.smoke ? ' (smoke run: checks the harness, not speed)' : ''}`,
    '',
    `${report.date.slice(0, 16).replace('T', ' ')} UTC · ${m.cpuModel}, ${m.cpuCount} cores, ${fmtMB(m.totalMemoryBytes, 0)} MB · Node ${m.node} · sqlite3 ${m.sqlite3 ?? 'missing'} · ${m.platform} ${m.arch} · ${commit}`,
    '',
    `Sizes ${p.sizes.map(sizeLabel).join(', ')} · formats ${p.formats.join(', ')} · seed ${p.seed} · ${p.repeat} trial${p.repeat > 1 ? 's (median time, highest memory)' : ''} · CLI ${p.cli}`,
  ];
  for (const s of suites) {
    out.push('', `## ${s.title}`, '', table(s.table.columns, s.table.rows));
    if (s.targets.length > 0) {
      out.push('', '### Targets', '');
      out.push(
        table(
          ['target', 'case', 'value', 'result'],
          s.targets.map((t) => [t.target, t.case, t.value, t.status === 'miss' ? '**miss**' : t.status]),
        ),
      );
    }
    if (s.failures.length > 0) {
      out.push('', `### Failures (${s.failures.length})`, '', ...s.failures.map((f) => `- ${f}`));
    }
    if (s.notes.length > 0) out.push('', '### Notes', '', ...s.notes.map((n) => `- ${n}`));
  }
  out.push('', 'The columns are explained in bench/README.md. MB = 1,000,000 bytes.', '');
  return out.join('\n');
}

async function pretty(text: string, file: string): Promise<string> {
  try {
    const config = (await prettier.resolveConfig(path.join(REPO_ROOT, 'package.json'))) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    // Unformatted results are still results.
    return text;
  }
}

/** yyyymmdd-hhmm in local time: sorts by date, names the run. */
function stamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/**
 * Writes <prefix>latest.{json,md} and <prefix><stamp>.{json,md}; returns the paths written. The
 * benchmark has no prefix; the merge evaluation writes `merge-`.
 */
export async function writeResults(
  outDir: string,
  report: { date: string },
  markdown: string,
  prefix = '',
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const json = await pretty(JSON.stringify(report, null, 2), 'latest.json');
  const md = await pretty(markdown, 'latest.md');
  const base = stamp(new Date(report.date));
  const written: string[] = [];
  for (const name of [`${prefix}latest`, `${prefix}${base}`]) {
    for (const [ext, text] of [
      ['json', json],
      ['md', md],
    ] as const) {
      const file = path.join(outDir, `${name}.${ext}`);
      await writeAtomically(file, text);
      written.push(file);
    }
  }
  return written;
}

/** The markdown as prettier lays it out, for printing: aligned columns read well in a terminal. */
export function prettyMarkdown(markdown: string): Promise<string> {
  return pretty(markdown, 'latest.md');
}
