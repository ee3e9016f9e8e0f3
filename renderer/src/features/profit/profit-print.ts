/** The profit screens' own styles: the totals row, highlighted reconciliation rows, and paper. */
export const PROFIT_CSS = `
.profit-total-row td {
  font-weight: 600;
  background: #fafafa;
}
.profit-recon-off td {
  background: #fff1f0;
}
@media print {
  .ant-layout-sider,
  .profit-no-print {
    display: none !important;
  }
  .ant-layout-content {
    padding: 0 !important;
    background: #fff !important;
  }
  .profit-print-area .ant-card {
    break-inside: avoid;
    box-shadow: none !important;
  }
  .profit-print-area .ant-table {
    font-size: 10px;
  }
}
`;
