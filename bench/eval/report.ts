/**
 * How an eval:merge run reads: the JSON document (everything) and the markdown tables, with the
 * issue's targets marked PASS / MISS. Written to bench/results/merge-latest.{json,md} and a
 * merge-yyyymmdd-hhmm copy, the way bench/ writes its own results.
 */
import type { Dataset } from '../identity/dataset.js';
import type { PresetName, SizeSpec } from '../identity/params.js';
import type { MachineInfo } from '../lib/machine.js';
import { fmtInt, fmtMB, fmtSeconds, sizeLabel } from '../lib/units.js';
import type { TargetCheck } from '../suites/types.js';
import type { ClusteringQuality, Evaluation } from './evaluate.js';
import type { PairSubset } from './metrics.js';
import type { ImportResult, MergeResult } from './steps.js';

export interface EvalCase {
  preset: PresetName;
  size: SizeSpec;
  seed: number;
  dataset: Pick<Dataset, 'generatedS'> & { name: string; counts: Dataset['meta']['counts'] };
  import: Omit<ImportResult, 'batches'> | null;
  merge: MergeResult | null;
  evaluation: Evaluation | null;
}

export interface EvalReport {
  schema: 1;
  kind: 'merge-eval';
  date: string;
  machine: MachineInfo;
  params: {
    seeds: number[];
    presets: string[];
    sizes: SizeSpec[];
    cli: string;
    dataDir: string;
    smoke: boolean;
  };
  cases: EvalCase[];
  targets: TargetCheck[];
  failures: string[];
  notes: string[];
}

export const PRECISION_GATE = 0.995;
export const RECALL_ONE_FULL = 0.95;
export const RECALL_BOTH_MASKED = 0.85;

export function caseLabel(c: Pick<EvalCase, 'preset' | 'size' | 'seed'>): string {
  return `${c.preset} ${sizeLabel(c.size.count)} ${c.size.unit} seed ${c.seed}`;
}

const pct = (v: number | null | undefined, digits = 2) => (v == null ? '–' : `${(v * 100).toFixed(digits)}%`);

function check(target: string, c: EvalCase, value: number | null | undefined, limit: number): TargetCheck {
  return {
    target,
    case: caseLabel(c),
    value: pct(value),
    status: value == null ? 'not measured' : value >= limit ? 'pass' : 'miss',
  };
}

/** The targets, per case; a case the merge could not run shows `not measured`. */
export function evalTargets(cases: readonly EvalCase[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const c of cases) {
    const e = c.evaluation;
    out.push(
      check(
        'auto-merge pairwise precision ≥ 99.5% (hard gate)',
        c,
        e?.auto.pairwise.all.precision,
        PRECISION_GATE,
      ),
      // "What is not auto-merged but true should be in the review queue": recall counts the pairs
      // the merge joined or suggested, as for both-masked pairs.
      check(
        'recall of cross-platform pairs, one side with a full phone or e-mail ≥ 95% (auto + review)',
        c,
        e?.autoReview.pairwise.crossOneFull.recall,
        RECALL_ONE_FULL,
      ),
      check(
        'recall of cross-platform pairs, both sides masked ≥ 85% (auto + review)',
        c,
        e?.autoReview.pairwise.crossBothMasked.recall,
        RECALL_BOTH_MASKED,
      ),
    );
  }
  return out;
}

const SUBSET_LABEL: Record<PairSubset, string> = {
  all: 'all pairs',
  crossPlatform: 'cross-platform',
  maskedOnly: 'masked-only',
  crossOneFull: 'cross-platform, one side full',
  crossBothMasked: 'cross-platform, both masked',
};

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function pairTable(cases: readonly EvalCase[], pick: (e: Evaluation) => ClusteringQuality): string {
  const rows: string[][] = [];
  for (const c of cases) {
    if (!c.evaluation) continue;
    const q = pick(c.evaluation);
    for (const [subset, label] of Object.entries(SUBSET_LABEL) as [PairSubset, string][]) {
      const s = q.pairwise[subset];
      rows.push([
        caseLabel(c),
        label,
        fmtInt(s.truth),
        fmtInt(s.predicted),
        fmtInt(s.correct),
        pct(s.precision),
        pct(s.recall),
        pct(s.f1),
      ]);
    }
  }
  return table(['case', 'pairs', 'true', 'predicted', 'correct', 'precision', 'recall', 'F1'], rows);
}

export function renderEvalMarkdown(report: EvalReport): string {
  const m = report.machine;
  const commit = m.commit ? `commit ${m.commit}${m.dirty ? ' + uncommitted changes' : ''}` : 'commit unknown';
  const cases = report.cases;
  const evaluated = cases.filter((c) => c.evaluation);
  const out: string[] = [
    `# Huike buyer merge: evaluation${report.params.smoke ? ' (smoke run: checks the harness, not quality)' : ''}`,
    '',
    `${report.date.slice(0, 16).replace('T', ' ')} UTC · ${m.cpuModel}, ${m.cpuCount} cores, ${fmtMB(m.totalMemoryBytes, 0)} MB · Node ${m.node} · ${m.platform} ${m.arch} · ${commit}`,
    '',
    `Seeds ${report.params.seeds.join(', ')} · CLI ${report.params.cli} · the generator and the metrics are described in bench/README.md (“Buyer merge evaluation”).`,
    '',
    '## Cases',
    '',
    table(
      [
        'case',
        'persons',
        'orders',
        'accounts',
        'masked-only accounts',
        'customers',
        'auto-merged',
        'review queue',
        'review / 1k customers',
        'import s',
        'merge s',
        'engine ms',
        'merge peak MB',
      ],
      cases.map((c) => {
        const e = c.evaluation;
        const out = c.merge?.output;
        return [
          caseLabel(c),
          fmtInt(c.dataset.counts.persons),
          fmtInt(c.dataset.counts.orders.base),
          fmtInt(e?.accounts.total),
          fmtInt(e?.accounts.maskedOnly),
          fmtInt(out?.customers),
          fmtInt(out?.autoMerged),
          fmtInt(out?.reviewQueue),
          out && out.customers > 0 ? ((out.reviewQueue * 1000) / out.customers).toFixed(1) : '–',
          fmtSeconds(c.import?.wallS),
          c.merge?.output ? fmtSeconds(c.merge.wallS) : 'not available',
          fmtInt(out?.durationMs),
          fmtMB(c.merge?.output ? c.merge.peakRssBytes : null, 0),
        ];
      }),
    ),
  ];
  if (evaluated.length > 0) {
    out.push(
      '',
      '## Pairwise, auto-merged (the customers as the merge left them)',
      '',
      pairTable(evaluated, (e) => e.auto),
      '',
      '## Pairwise, auto + review (as if every suggestion were accepted)',
      '',
      pairTable(evaluated, (e) => e.autoReview),
      '',
      '## Cross-platform pairs by platform pair',
      '',
      table(
        [
          'case',
          'platforms',
          'true',
          'auto: correct',
          'auto: precision',
          'auto: recall',
          'auto + review: recall',
        ],
        evaluated.flatMap((c) =>
          Object.entries(c.evaluation!.auto.byPlatformPair).map(([pair, s]) => [
            caseLabel(c),
            pair.replace('|', ' – '),
            fmtInt(s.truth),
            fmtInt(s.correct),
            pct(s.precision),
            pct(s.recall),
            pct(c.evaluation!.autoReview.byPlatformPair[pair]?.recall),
          ]),
        ),
      ),
      '',
      '## Clusters',
      '',
      table(
        [
          'case',
          'clustering',
          'clusters',
          'B³ precision',
          'B³ recall',
          'B³ F1',
          'exact persons',
          'household false merges',
          'gift false merges',
        ],
        evaluated.flatMap((c) =>
          (
            [
              ['auto', c.evaluation!.auto],
              ['auto + review', c.evaluation!.autoReview],
            ] as const
          ).map(([label, q]) => [
            caseLabel(c),
            label,
            fmtInt(q.clusters),
            pct(q.bcubed.precision),
            pct(q.bcubed.recall),
            pct(q.bcubed.f1),
            pct(q.exactClusters),
            `${fmtInt(q.household.merged)} / ${fmtInt(q.household.opportunities)} (${pct(q.household.rate)})`,
            `${fmtInt(q.gift.merged)} / ${fmtInt(q.gift.opportunities)} (${pct(q.gift.rate)})`,
          ]),
        ),
      ),
      '',
      '## Blocking recall',
      '',
      'True pairs whose two accounts share a blocking key (merge_keys). A pair that shares none has no',
      'evidence in common: neither a merge nor a suggestion can find it, so this bounds the recall.',
      '',
      table(
        ['case', 'all true pairs', 'cross-platform, one side full', 'cross-platform, both masked'],
        evaluated.map((c) => {
          const b = c.evaluation!.blocking;
          const cell = (x: { truePairs: number; sharingKey: number } | undefined) =>
            !x || x.truePairs === 0
              ? '–'
              : `${fmtInt(x.sharingKey)} / ${fmtInt(x.truePairs)} (${pct(x.sharingKey / x.truePairs)})`;
          return [caseLabel(c), cell(b?.all), cell(b?.crossOneFull), cell(b?.crossBothMasked)];
        }),
      ),
      '',
      '## Links and blocking',
      '',
      table(
        [
          'case',
          'auto links',
          'review links',
          'open review items',
          'of them the same person',
          'true pairs',
          'true pairs linked directly',
          'candidate pairs (engine)',
          'reduction ratio',
        ],
        evaluated.map((c) => {
          const l = c.evaluation!.links;
          const n = c.evaluation!.accounts.total;
          const all = (n * (n - 1)) / 2;
          return [
            caseLabel(c),
            l.available ? fmtInt(l.auto) : 'no merge_links',
            l.available ? fmtInt(l.review) : '–',
            fmtInt(l.reviewOpen),
            l.reviewOpen > 0 ? pct(l.reviewOpenTrue / l.reviewOpen) : '–',
            fmtInt(l.truePairs),
            l.truePairs > 0 ? `${fmtInt(l.truePairsLinked)} (${pct(l.truePairsLinked / l.truePairs)})` : '–',
            l.candidatePairs === null ? 'not reported' : fmtInt(l.candidatePairs),
            l.candidatePairs === null || all === 0 ? '–' : pct(1 - l.candidatePairs / all, 4),
          ];
        }),
      ),
      '',
      '## Join of the database with the truth',
      '',
      table(
        [
          'case',
          'orders (db)',
          'orders (truth)',
          'unknown to the truth',
          'missing in the db',
          'orders without an account',
          'accounts of several persons',
          'their orders of another person',
          'persons with 2+ accounts',
        ],
        evaluated.map((c) => {
          const j = c.evaluation!.join;
          return [
            caseLabel(c),
            fmtInt(j.dbOrders),
            fmtInt(j.truthOrders),
            fmtInt(j.unknownInDb),
            fmtInt(j.missingInDb),
            fmtInt(j.withoutAccount),
            fmtInt(j.impureAccounts),
            fmtInt(j.ordersOfAnotherPerson),
            fmtInt(c.evaluation!.accounts.personsWithSeveralAccounts),
          ];
        }),
      ),
    );
  }
  out.push(
    '',
    '## Targets',
    '',
    table(
      ['target', 'case', 'value', 'result'],
      report.targets.map((t) => [
        t.target,
        t.case,
        t.value,
        t.status === 'pass' ? 'PASS' : t.status === 'miss' ? '**MISS**' : 'not measured',
      ]),
    ),
  );
  if (report.failures.length > 0) {
    out.push('', `## Failures (${report.failures.length})`, '', ...report.failures.map((f) => `- ${f}`));
  }
  if (report.notes.length > 0) out.push('', '## Notes', '', ...report.notes.map((n) => `- ${n}`));
  out.push('', 'MB = 1,000,000 bytes. Times are wall times of whole CLI processes, start-up included.', '');
  return out.join('\n');
}
