/** The VIP print preview's styles: paper on screen, the sheet alone on paper (a <style> of the page). */
export const PRINT_CSS = `
.vip-print-root {
  min-height: 100vh;
  background: #e9ebee;
  padding: 16px 0 48px;
}

.vip-print-controls {
  max-width: 1100px;
  margin: 0 auto 16px;
  padding: 12px 16px;
  background: #fff;
  border-radius: 8px;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06);
}

.vip-column-chip {
  display: inline-flex;
  align-items: center;
  gap: 0;
  padding: 0 2px 0 8px;
  border: 1px solid #d9d9d9;
  border-radius: 6px;
  background: #fafafa;
}

.vip-column-chip.on {
  border-color: #91caff;
  background: #e6f4ff;
}

.vip-sheet {
  margin: 0 auto;
  background: #fff;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15);
  padding: 14mm 12mm 16mm;
  box-sizing: border-box;
  color: #000;
  font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC',
    sans-serif;
  font-size: 10pt;
  min-height: 297mm;
}

.vip-sheet.portrait {
  width: 210mm;
}

.vip-sheet.landscape {
  width: 297mm;
  min-height: 210mm;
}

.vip-sheet-head h1 {
  font-size: 16pt;
  margin: 0 0 4pt;
}

.vip-sheet-meta {
  display: flex;
  flex-wrap: wrap;
  gap: 4pt 14pt;
  color: #555;
  font-size: 9pt;
  margin-bottom: 8pt;
}

.vip-sheet-note {
  color: #a15c00;
  font-size: 9pt;
  margin-bottom: 6pt;
}

.vip-table {
  width: 100%;
  border-collapse: collapse;
  table-layout: auto;
}

/* The column header on every printed page. */
.vip-table thead {
  display: table-header-group;
}

.vip-table tr {
  break-inside: avoid;
}

.vip-table th,
.vip-table td {
  border: 0.5pt solid #999;
  padding: 3pt 4pt;
  text-align: left;
  vertical-align: top;
  overflow-wrap: anywhere;
}

.vip-table th {
  background: #f0f0f0;
  font-weight: 600;
  white-space: nowrap;
}

.vip-table .num {
  text-align: right;
  white-space: nowrap;
}

.vip-table td.phone,
.vip-table td.name,
.vip-table td.level,
.vip-table td.lastOrder,
.vip-table td.firstOrder {
  white-space: nowrap;
}

@media print {
  .vip-print-root {
    background: none;
    padding: 0;
    min-height: 0;
  }

  .vip-print-controls {
    display: none;
  }

  .vip-sheet,
  .vip-sheet.portrait,
  .vip-sheet.landscape {
    width: auto;
    min-height: 0;
    margin: 0;
    padding: 0;
    box-shadow: none;
  }

  .vip-table th {
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
}
`;
