import type { DeliveryReceipt } from '../../channels/sms/sms-send.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { channelDb, findSmsDelivery, updateSmsDeliveryStatus } from './channel-store.js';

/**
 * Delivery receipts the SMS gateway calls back with. The receipt is matched by our reference (the outbox
 * delivery key, which the sender gives the gateway) or the gateway's message id. A final status is kept
 * (a late "pending" never overwrites "delivered"); an SMS that could not be delivered is also written to the
 * case's audit trail, so the officer knows the citizen may not have the ticket number.
 */
export type ReceiptOutcome = 'recorded' | 'unchanged' | 'unknown';

const FINAL = new Set(['delivered', 'failed']);

export async function recordSmsReceipt(ctx: AppContext, receipt: DeliveryReceipt, meta: RequestMeta = {}): Promise<ReceiptOutcome> {
  const db = channelDb(ctx.database);
  const delivery = await findSmsDelivery(db, { reference: receipt.reference, messageId: receipt.messageId });
  if (!delivery) {
    ctx.log.warn({ cat: 'channels', channel: 'sms', reference: receipt.reference, messageId: receipt.messageId, status: receipt.gatewayStatus }, 'receipt for an unknown SMS');
    return 'unknown';
  }
  if (FINAL.has(delivery.status) && !FINAL.has(receipt.status)) return 'unchanged';
  if (delivery.status === receipt.status && delivery.gateway_status === receipt.gatewayStatus) return 'unchanged';
  const now = ctx.clock();
  await inTransaction(ctx.database, async (trx) => {
    await updateSmsDeliveryStatus(channelDb(trx), delivery.id, {
      status: receipt.status,
      gateway_status: receipt.gatewayStatus.slice(0, 60),
      status_at: (receipt.at ?? now).toISOString(),
      receipt: JSON.stringify(receipt.raw),
    });
    if (receipt.status === 'failed' && delivery.case_id !== null) {
      await appendEvent(trx, {
        caseId: delivery.case_id,
        action: 'message.undelivered',
        actor: 'system:sms-gateway',
        after: { channel: 'sms', deliveryKey: delivery.delivery_key, gatewayStatus: receipt.gatewayStatus },
        at: now,
        requestId: meta.requestId,
      });
    }
  });
  return 'recorded';
}
