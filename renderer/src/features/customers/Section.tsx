/** A white block of the customer page with its title, and how a customer's spend is written. */
import { Flex, Typography } from 'antd';
import type { CustomerSpend } from '../../../../main/api/contract';
import { formatFen } from '../../format/money';

export function Section({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section
      style={{ background: '#fff', borderRadius: 8, padding: '16px 20px', minWidth: 0 }}
      data-testid={testId}
    >
      <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

export function spendText(spend: CustomerSpend[]): string {
  return spend.length === 0 ? '—' : spend.map((s) => formatFen(s.netFen, s.currency)).join(' + ');
}
