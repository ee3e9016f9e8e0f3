import { Table } from 'antd';

/** The file's first rows exactly as read, so the user can see the columns were understood. */
export function SampleTable({ header, rows }: { header: string[]; rows: string[][] }) {
  const columns = header.map((title, i) => ({
    key: String(i),
    title,
    dataIndex: String(i),
    ellipsis: true,
    width: Math.min(220, Math.max(90, title.length * 16)),
  }));
  const data = rows.map((cells, r) => ({
    key: r,
    ...Object.fromEntries(cells.map((c, i) => [String(i), c])),
  }));
  return (
    <Table
      data-testid="preview-sample"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={data}
      // Every sample row shows (the caption says how many); only wide headers scroll sideways.
      scroll={{ x: 'max-content' }}
    />
  );
}
