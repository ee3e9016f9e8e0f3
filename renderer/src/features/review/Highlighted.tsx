/** A masked value with the characters the other side agrees on marked (code-point indices). */
const MARK: React.CSSProperties = {
  background: '#d9f7be',
  color: '#135200',
  borderRadius: 2,
  padding: 0,
  fontWeight: 600,
};

export function Highlighted({ value, agree }: { value: string | null; agree: readonly number[] }) {
  if (value === null) return <span style={{ color: 'rgba(0,0,0,0.25)' }}>—</span>;
  const marked = new Set(agree);
  // Runs of marked and unmarked characters, so the DOM stays small and copy-paste reads naturally.
  const runs: Array<{ text: string; same: boolean }> = [];
  [...value].forEach((char, i) => {
    const same = marked.has(i);
    const last = runs.at(-1);
    if (last && last.same === same) last.text += char;
    else runs.push({ text: char, same });
  });
  return (
    <span
      style={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        wordBreak: 'break-all',
      }}
    >
      {runs.map((run, i) =>
        run.same ? (
          <mark key={i} style={MARK} data-testid="agree">
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </span>
  );
}
