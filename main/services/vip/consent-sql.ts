/**
 * Who may not be sent marketing (不接受营销), as one set of customer ids in SQL, so filters, counts
 * and exports agree. A customer is left out when:
 * - the owner marked it 不接受营销 (customers.marketing_consent = 0), or
 * - an import said an account of it refused (Shopify's Accepts Marketing = no) and the owner has not
 *   said otherwise, or
 * - a phone or e-mail of it (its accounts' own, or its orders' receiver phone and buyer e-mail) is on
 *   the opt-out list — whatever else was said: an opt-out received is honoured.
 * Masked phones (138****5678) never match a listed number: they could be someone else's.
 */
/** Customers whose orders carry a listed phone or e-mail: one equality join each, so every order
 * probes the list's primary key (an OR in the join would compare every order with every entry). */
const listedOnOrders = (kind: 'phone' | 'email') => `SELECT a.customer_id FROM orders o
    JOIN marketing_optouts m ON m.kind = '${kind}' AND m.value = o.identity_${kind}
    JOIN buyer_accounts a ON a.id = o.buyer_account_id
    WHERE a.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM marketing_optouts WHERE kind = '${kind}')`;

export const NO_MARKETING_IDS_SQL = `SELECT c.id FROM customers c WHERE c.marketing_consent = 0
  UNION SELECT a.customer_id FROM buyer_accounts a JOIN customers c ON c.id = a.customer_id
    WHERE a.accepts_marketing = 0 AND c.marketing_consent IS NULL
  UNION SELECT a.customer_id FROM marketing_optouts m JOIN buyer_accounts a
    ON m.kind = 'phone' AND a.identity_phone = m.value WHERE a.customer_id IS NOT NULL
  UNION SELECT a.customer_id FROM marketing_optouts m JOIN buyer_accounts a
    ON m.kind = 'email' AND a.identity_email = m.value WHERE a.customer_id IS NOT NULL
  UNION ${listedOnOrders('phone')}
  UNION ${listedOnOrders('email')}`;

/** Customers the opt-out list reaches (by their accounts or their orders). */
export const LISTED_IDS_SQL = `SELECT a.customer_id FROM marketing_optouts m JOIN buyer_accounts a
    ON m.kind = 'phone' AND a.identity_phone = m.value WHERE a.customer_id IS NOT NULL
  UNION SELECT a.customer_id FROM marketing_optouts m JOIN buyer_accounts a
    ON m.kind = 'email' AND a.identity_email = m.value WHERE a.customer_id IS NOT NULL
  UNION ${listedOnOrders('phone')}
  UNION ${listedOnOrders('email')}`;
