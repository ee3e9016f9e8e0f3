/** The buyer-merge review queue: the suggested pairs, the owner's decisions, undoing the latest. */
import { listReviewQueue } from '../../services/merge/review.js';
import { decideReview } from '../../services/merge/review-decide.js';
import { undoLatestReviewDecision } from '../../services/merge/review-undo.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type MergeReviewChannels = 'merge.review.list' | 'merge.review.decide' | 'merge.review.undo';

export function mergeReviewHandlers(deps: HandlerDeps): HandlerMap<MergeReviewChannels> {
  const { services } = deps;
  return {
    'merge.review.list': async (input) => listReviewQueue(services.huikeDb, input),
    'merge.review.decide': (input) => decideReview(services.huikeDb, input, services.now().toISOString()),
    'merge.review.undo': () => undoLatestReviewDecision(services.huikeDb, services.now().toISOString()),
  };
}
